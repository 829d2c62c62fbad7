package dev.shortener.analytics.firehose;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseClient;

/**
 * Builds the Firehose client: once per execution environment, the URL-connection HTTP client (Netty and Apache
 * are excluded from the build), explicit timeouts, and no SDK retries (the sink owns retrying, see
 * {@link FirehoseRecordSender}). The timeouts bound the flusher, never the redirect: the redirect waits at most
 * its beforeFreeze budget whatever the client does.
 */
public final class FirehoseClients {

    static final Duration CONNECT = Duration.ofSeconds(1);
    static final Duration ATTEMPT = Duration.ofSeconds(3);

    private FirehoseClients() {}

    /** The function's client: the default credentials chain, the region given, an optional endpoint override. */
    public static FirehoseClient forFunction(Region region, URI endpointOverride) {
        return create(
                region, endpointOverride, DefaultCredentialsProvider.builder().build());
    }

    /** A client for an endpoint on this machine (tests, the local runner), with the credentials given. */
    public static FirehoseClient forEndpoint(URI endpoint, AwsCredentialsProvider credentials) {
        return create(Region.US_EAST_1, endpoint, credentials);
    }

    private static FirehoseClient create(Region region, URI endpointOverride, AwsCredentialsProvider credentials) {
        var builder = FirehoseClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT)
                        .socketTimeout(ATTEMPT))
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(ATTEMPT)
                        .apiCallAttemptTimeout(ATTEMPT));
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
        }
        return builder.build();
    }
}
