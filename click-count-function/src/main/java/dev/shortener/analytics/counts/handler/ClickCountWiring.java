package dev.shortener.analytics.counts.handler;

import dev.shortener.analytics.counts.ClickCountService;
import dev.shortener.analytics.counts.dynamodb.DynamoDbClickCountLedger;
import dev.shortener.analytics.counts.dynamodb.LinkCountUpdates;
import dev.shortener.analytics.counts.s3.S3ClickObjectSource;
import dev.shortener.links.dynamodb.DynamoDbClients;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The click-count function's configuration and clients, built once per execution environment. Every environment
 * variable it reads is named here.
 */
final class ClickCountWiring {

    /** The links table (the same variable the redirect function reads). */
    static final String LINKS_TABLE = "LINKS_TABLE";
    /** Optional DynamoDB endpoint override (an emulator, LocalStack). */
    static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";
    /** Optional S3 endpoint override (LocalStack); path-style addressing then. */
    static final String S3_ENDPOINT = "S3_ENDPOINT";
    /** Parallel link updates per object. */
    static final int WRITERS = 8;

    private ClickCountWiring() {}

    static ClickCountService fromEnvironment(Map<String, String> env) {
        String table = env.get(LINKS_TABLE);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException(LINKS_TABLE + " is not set: the name of the DynamoDB links table");
        }
        var dynamoDb = DynamoDbClients.forFunction(
                DynamoDbClients.DynamoDbTimeouts.MANAGEMENT, uri(env.get(DYNAMODB_ENDPOINT)));
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS, runnable -> {
            Thread thread = new Thread(runnable, "click-count-writer");
            thread.setDaemon(true);
            return thread;
        });
        var ledger = new DynamoDbClickCountLedger(dynamoDb, table, new LinkCountUpdates(dynamoDb, table, writers));
        return new ClickCountService(new S3ClickObjectSource(s3(uri(env.get(S3_ENDPOINT)))), ledger);
    }

    private static S3Client s3(URI endpoint) {
        var builder = S3Client.builder()
                .region(Region.of(SdkSystemSetting.AWS_REGION.getStringValueOrThrow()))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpoint != null) {
            builder.endpointOverride(endpoint).forcePathStyle(true);
        }
        return builder.build();
    }

    private static URI uri(String value) {
        return value == null || value.isBlank() ? null : URI.create(value.trim());
    }
}
