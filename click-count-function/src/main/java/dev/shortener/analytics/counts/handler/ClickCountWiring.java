package dev.shortener.analytics.counts.handler;

import dev.shortener.analytics.counts.ClickCountService;
import dev.shortener.analytics.counts.ClickCounter;
import dev.shortener.analytics.counts.ClickObjectSource;
import dev.shortener.analytics.counts.agents.UserAgents;
import dev.shortener.analytics.counts.dynamodb.DynamoDbClickCountLedger;
import dev.shortener.analytics.counts.s3.S3ClickObjectSource;
import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import dev.shortener.http.StructuredLog;
import dev.shortener.links.LinksTableSettings;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.stats.StatsSettings;
import java.net.URI;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The click-count function's object graph: its settings, clients and service, built here and nowhere else, once
 * per execution environment. The links table's variables are {@link LinksTableSettings}'; the S3 endpoint
 * override is this function's own; the stats' retention is {@link StatsSettings}'.
 *
 * @param service counts an object's clicks and adds them, once per object
 * @param log     the function's JSON log lines
 * @param time    what "now" is (the ledger's leases start from it)
 */
public record ClickCountWiring(ClickCountService service, StructuredLog log, InstantSource time) {

    /** The service name in the log lines. */
    public static final String SERVICE = "click-count";

    /** Optional S3 endpoint override (s3rver, LocalStack); path-style addressing then. */
    public static final String S3_ENDPOINT = "S3_ENDPOINT";
    /** Parallel link updates per object. */
    static final int WRITERS = 8;

    public ClickCountWiring {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(time, "time");
    }

    /**
     * Lambda's graph: the real clients, configured from {@code env}.
     *
     * @throws ConfigException naming the variable that is missing or malformed
     */
    public static ClickCountWiring fromEnvironment(Environment env) {
        LinksTableSettings table = LinksTableSettings.fromEnvironment(env);
        Optional<URI> s3Endpoint = env.url(S3_ENDPOINT, Set.of("http", "https"), "http://127.0.0.1:4568");
        var linksTable = new LinksTable(
                DynamoDbClients.forFunction(DynamoDbClients.DynamoDbTimeouts.MANAGEMENT, table.endpointOrNull()),
                table.table());
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS, runnable -> {
            Thread thread = new Thread(runnable, "click-count-writer");
            thread.setDaemon(true);
            return thread;
        });
        return onClients(
                new S3ClickObjectSource(s3(s3Endpoint)),
                linksTable,
                writers,
                StatsSettings.fromEnvironment(env),
                new UserAgents(),
                new StructuredLog(SERVICE),
                InstantSource.system());
    }

    /**
     * The graph on clients and a source the caller owns: Lambda's (above), the local runner's (dynalite, its
     * click files) and the tests'.
     *
     * @param writers the pool the per-link and per-day writes run on
     */
    public static ClickCountWiring onClients(
            ClickObjectSource source,
            LinksTable table,
            ExecutorService writers,
            StatsSettings stats,
            UserAgents agents,
            StructuredLog log,
            InstantSource time) {
        var ledger = new DynamoDbClickCountLedger(table, writers, stats);
        return new ClickCountWiring(new ClickCountService(source, ledger, new ClickCounter(agents)), log, time);
    }

    /** The region Lambda sets, the URL-connection HTTP client, the default credentials chain. */
    private static S3Client s3(Optional<URI> endpoint) {
        var builder = S3Client.builder()
                .region(Region.of(SdkSystemSetting.AWS_REGION.getStringValueOrThrow()))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        endpoint.ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
        return builder.build();
    }
}
