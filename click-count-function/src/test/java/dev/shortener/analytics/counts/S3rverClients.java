package dev.shortener.analytics.counts;

import dev.shortener.localservers.S3Process;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** A client that writes click objects into s3rver, standing in for Firehose's delivery. */
public final class S3rverClients {

    private S3rverClients() {}

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Process.ACCESS_KEY, S3Process.SECRET_KEY));
    }

    /**
     * Over plain HTTP the SDK signs uploads chunk by chunk (aws-chunked), which s3rver would store as they are:
     * this client sends them whole. The code under test reads with clients of its own.
     */
    public static S3Client uploader(S3Process s3rver) {
        return S3Client.builder()
                .endpointOverride(s3rver.endpoint())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .serviceConfiguration(
                        S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
