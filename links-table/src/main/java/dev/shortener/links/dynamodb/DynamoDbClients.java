package dev.shortener.links.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds DynamoDB clients the way Lambda wants them: once per execution environment, with the lightweight
 * URL-connection HTTP client (Netty and Apache are excluded from the build), the region read straight from the
 * environment instead of the slower default provider chain, and explicit timeouts so that a failing DynamoDB
 * costs a bounded time, never the whole Lambda timeout.
 */
public final class DynamoDbClients {

    /** Emulators don't check signatures, but the SDK still needs something to sign with. */
    private static final AwsCredentialsProvider EMULATOR_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private DynamoDbClients() {}

    /**
     * The client a function uses: the endpoint override (an emulator or LocalStack) when there is one, else the
     * region's endpoint; the default credentials chain (SnapStart supplies container credentials through it).
     */
    public static DynamoDbClient forFunction(DynamoDbTimeouts timeouts, URI endpointOverride) {
        Region region = Region.of(SdkSystemSetting.AWS_REGION.getStringValueOrThrow());
        return create(
                timeouts,
                endpointOverride,
                region,
                DefaultCredentialsProvider.builder().build());
    }

    /** A client for an emulator on this machine (tests, the local runner). */
    public static DynamoDbClient forEmulator(URI endpoint, DynamoDbTimeouts timeouts) {
        return create(timeouts, Objects.requireNonNull(endpoint, "endpoint"), Region.US_EAST_1, EMULATOR_CREDENTIALS);
    }

    public static DynamoDbClient forEmulator(URI endpoint) {
        return forEmulator(endpoint, DynamoDbTimeouts.MANAGEMENT);
    }

    private static DynamoDbClient create(
            DynamoDbTimeouts timeouts, URI endpointOverride, Region region, AwsCredentialsProvider credentials) {
        var builder = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeouts.connect())
                        .socketTimeout(timeouts.attempt()))
                .overrideConfiguration(config -> config.apiCallTimeout(timeouts.call())
                        .apiCallAttemptTimeout(timeouts.attempt())
                        .retryStrategy(retry -> retry.maxAttempts(timeouts.maxAttempts())));
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
        }
        return builder.build();
    }

    /**
     * @param connect     TCP connect
     * @param attempt     one HTTP attempt (also the socket read timeout)
     * @param call        the whole call, retries included
     * @param maxAttempts attempts in all, the first included
     */
    public record DynamoDbTimeouts(Duration connect, Duration attempt, Duration call, int maxAttempts) {

        /**
         * The redirect path: a miss must be answered, even with a 503, well within a second. Two attempts: one
         * retry rides out a dropped connection, more would only spend the call's budget on a DynamoDB that is down.
         */
        public static final DynamoDbTimeouts REDIRECT =
                new DynamoDbTimeouts(Duration.ofMillis(200), Duration.ofMillis(250), Duration.ofMillis(700), 2);

        /** The management API and background work: more patience, still bounded. */
        public static final DynamoDbTimeouts MANAGEMENT =
                new DynamoDbTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), 3);

        public DynamoDbTimeouts {
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(attempt, "attempt");
            Objects.requireNonNull(call, "call");
            if (attempt.compareTo(call) > 0) {
                throw new IllegalArgumentException("an attempt can't take longer than the whole call");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
            }
        }

        /** The SDK's standard number of attempts (3). */
        public DynamoDbTimeouts(Duration connect, Duration attempt, Duration call) {
            this(connect, attempt, call, 3);
        }
    }
}
