package dev.shortener.local;

import dev.shortener.analytics.ClickSinks;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.LinksTableSettings;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbClients.DynamoDbTimeouts;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.links.dynamodb.LinksTableSetup;
import dev.shortener.localservers.DynaliteProcess;
import dev.shortener.localservers.LocalServerException;
import dev.shortener.localservers.RedisProcess;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB and Redis for the runner: dynalite (data in the data folder) and redis-server as child processes, unless
 * {@code DYNAMODB_ENDPOINT} / {@code REDIS_URL} point elsewhere. Closing stops every child it started, in reverse
 * order; the local-servers watchdogs stop them too if this JVM is killed.
 */
public final class Backends implements AutoCloseable {

    // The functions' own names, from the classes that own them: set one and the runner uses it as Lambda would.
    public static final String DYNAMODB_ENDPOINT = LinksTableSettings.DYNAMODB_ENDPOINT;
    public static final String REDIS_URL = RedisSettings.REDIS_URL;
    public static final String AWS_REGION = ClickSinks.AWS_REGION;
    public static final String LINKS_TABLE = LinksTableSettings.LINKS_TABLE;
    public static final String DEFAULT_TABLE = "links";

    /** Debian 12's own nodejs package is Node 18, too old for dynalite 4. */
    static final String NODE_HINT = "\nTo install Node.js 20 or newer: Debian/Ubuntu, from NodeSource"
            + " (https://github.com/nodesource/distributions) or Debian 13's apt-get install nodejs npm;"
            + " macOS: brew install node; Windows or elsewhere: https://nodejs.org/. Then start the runner again.";

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private URI dynamoDbEndpoint;
    private URI redisUrl;
    private LinksTable linksTable;

    private Backends() {}

    /**
     * Starts what is not configured elsewhere and opens the DynamoDB client; creates the table in a dynalite it
     * started. On failure, stops whatever it had started.
     */
    public static Backends start(RunnerSettings settings, DataFolder data, boolean withRedis, PrintStream out) {
        Backends backends = new Backends();
        try {
            backends.open(settings, data, withRedis, out);
            return backends;
        } catch (RuntimeException e) {
            backends.close();
            throw e;
        }
    }

    private void open(RunnerSettings settings, DataFolder data, boolean withRedis, PrintStream out) {
        String table = settings.env(LINKS_TABLE) == null ? DEFAULT_TABLE : settings.env(LINKS_TABLE);
        String endpoint = settings.env(DYNAMODB_ENDPOINT);
        boolean ownDynalite = endpoint == null;
        if (ownDynalite) {
            DynaliteProcess dynalite =
                    startServer("the DynamoDB emulator (dynalite)", () -> DynaliteProcess.start(data.dynamoDb()));
            opened.push(dynalite);
            dynamoDbEndpoint = dynalite.endpoint();
            out.println("DynamoDB: dynalite at " + dynamoDbEndpoint + ", data in " + data.dynamoDb());
        } else {
            dynamoDbEndpoint = URI.create(endpoint);
            out.println("DynamoDB: " + dynamoDbEndpoint + " (" + DYNAMODB_ENDPOINT + ")");
        }
        // An emulator gets dummy credentials; with AWS_REGION set, the default chain and region (real AWS,
        // LocalStack with its own credentials).
        DynamoDbClient dynamoDb = ownDynalite || settings.env(AWS_REGION) == null
                ? DynamoDbClients.forEmulator(dynamoDbEndpoint, DynamoDbTimeouts.MANAGEMENT)
                : DynamoDbClients.forFunction(DynamoDbTimeouts.MANAGEMENT, dynamoDbEndpoint);
        opened.push(dynamoDb);
        linksTable = new LinksTable(dynamoDb, table);
        if (ownDynalite) {
            LinksTableSetup.createIfMissing(dynamoDb, table);
        }
        if (withRedis) {
            String redis = settings.env(REDIS_URL);
            if (redis == null) {
                RedisProcess process = startServer("redis-server", RedisProcess::start);
                opened.push(process);
                redisUrl = process.uri();
                out.println("Redis:    redis-server at " + redisUrl);
            } else {
                redisUrl = URI.create(redis);
                out.println("Redis:    " + redisUrl.getScheme() + "://" + redisUrl.getHost() + ":" + redisUrl.getPort()
                        + " (" + REDIS_URL + ")");
            }
        }
    }

    private static <T> T startServer(String what, Supplier<T> start) {
        try {
            return start.get();
        } catch (LocalServerException e) {
            String hint = e.getMessage().contains("Node.js") ? NODE_HINT : "";
            throw new RunnerException("Could not start " + what + ": " + e.getMessage() + hint, e);
        }
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    /** Null when started without Redis. */
    public URI redisUrl() {
        return redisUrl;
    }

    /** The links table on the runner's DynamoDB client. */
    public LinksTable linksTable() {
        return linksTable;
    }

    /** Keeps {@code resource} to be closed (before the servers) by {@link #close()}. */
    public <T extends AutoCloseable> T own(T resource) {
        synchronized (opened) {
            opened.push(resource);
        }
        return resource;
    }

    /** Closes clients, then stops the servers. Safe to call twice. */
    @Override
    public void close() {
        synchronized (opened) {
            while (!opened.isEmpty()) {
                AutoCloseable next = opened.pop();
                try {
                    next.close();
                } catch (Exception e) {
                    System.err.println("While stopping " + next.getClass().getSimpleName() + ": " + e);
                }
            }
        }
    }
}
