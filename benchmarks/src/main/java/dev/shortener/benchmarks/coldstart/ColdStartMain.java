package dev.shortener.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.shortener.analytics.ClickSinks;
import dev.shortener.config.Environment;
import dev.shortener.http.EmfMetrics;
import dev.shortener.http.StructuredLog;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.localservers.lambda.InvocationContext;
import dev.shortener.redirect.RedirectConfig;
import dev.shortener.redirect.RedirectHandler;
import dev.shortener.redirect.RedirectWiring;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import redis.clients.jedis.UnifiedJedis;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One cold start, run in a fresh JVM with only the redirect function's deployment jar and this class on the class
 * path. Builds the handler the way Lambda does (or the untuned baseline's way), hands it one event (the first
 * request) and then a second, and prints System.nanoTime() at each step (CLOCK_MONOTONIC: comparable with the
 * parent's readings on Linux).
 *
 * <p>Args: mode (lambda | unprimed-default-client), event file, code.
 */
public final class ColdStartMain {

    public static void main(String[] args) throws Exception {
        long mainAt = System.nanoTime();
        PrintStream out = System.out;
        String mode = args[0];
        String eventJson = Files.readString(Path.of(args[1])).replace("aB3dE5f", args[2]);
        // As the Java runtime does: the event arrives as JSON and is read into the handler's type by the runtime's
        // own serialisation library (its Jackson is shaded: it shares no classes with the function's). Timed on its
        // own, before the function's init: it is the runtime's cost, the same whatever the function does.
        PojoSerializer<APIGatewayV2HTTPEvent> events = runtimeSerializer(APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPEvent event = events.fromJson(eventJson);
        long readAt = System.nanoTime();
        RedirectHandler handler;
        if (mode.equals("lambda")) {
            handler = new RedirectHandler(); // Lambda's constructor: environment, clients, priming
        } else {
            // The untuned baseline: the SDK's default client (Apache, chosen by the system property), default
            // timeouts, and no warm-up at init.
            RedirectConfig config = RedirectConfig.fromEnvironment(Environment.system());
            DynamoDbClient dynamoDb = DynamoDbClient.builder()
                    .endpointOverride(config.dynamoDbEndpoint())
                    .build();
            // Redis as the function builds it (only what the handler reaches survives in the shrunk jar).
            UnifiedJedis redis = RedisClients.create(config.redisSettings());
            handler = new RedirectHandler(RedirectWiring.of(
                    config,
                    new DynamoDbLinkStore(new LinksTable(dynamoDb, config.linksTable())),
                    new RedisLinkCache(redis, RedisLinkCache.DEFAULT_KEY_PREFIX),
                    ClickSinks.fromEnvironment(
                            Environment.system(),
                            new StructuredLog(RedirectWiring.SERVICE),
                            EmfMetrics.fromEnvironment(Environment.system(), RedirectWiring.SERVICE)),
                    InstantSource.system(),
                    new StructuredLog(RedirectWiring.SERVICE)));
        }
        long initAt = System.nanoTime();
        APIGatewayV2HTTPResponse first = handler.handleRequest(event, context("cold-1"));
        long firstAt = System.nanoTime();
        APIGatewayV2HTTPEvent again = events.fromJson(eventJson);
        APIGatewayV2HTTPResponse second = handler.handleRequest(again, context("cold-2"));
        long secondAt = System.nanoTime();
        out.println("COLDSTART main=" + mainAt + " read=" + readAt + " init=" + initAt + " first=" + firstAt
                + " second=" + secondAt
                + " status1=" + first.getStatusCode() + " status2=" + second.getStatusCode()
                + " location=" + first.getHeaders().get("Location"));
        out.flush();
        long linger = Environment.system().number("BENCH_LINGER_MS", 0, 0, 60_000);
        if (linger > 0) {
            Thread.sleep(linger); // lets the click flusher (a daemon thread) deliver before exit
        }
        System.exit(0);
    }

    /** The runtime's choice: its event serialisers for the events it knows, plain Jackson for other types. */
    private static <T> PojoSerializer<T> runtimeSerializer(Class<T> type) {
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, ColdStartMain.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(type);
    }

    /** A context as Lambda hands one to each invocation: its own request id, the template's 10 s timeout. */
    private static InvocationContext context(String requestId) {
        return InvocationContext.startingNow("redirect-bench", requestId, java.time.Duration.ofSeconds(10));
    }
}
