package dev.shortener.analytics.firehose;

import dev.shortener.analytics.ClickLayout;
import java.net.URI;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.s3.S3Client;

/** Clicks through LocalStack: clients for its S3 and Firehose, and a delivery stream set up as the template's. */
public final class LocalStackClicks {

    private LocalStackClicks() {}

    public static StaticCredentialsProvider credentials(LocalStackContainer localstack) {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey()));
    }

    public static S3Client s3(LocalStackContainer localstack) {
        return S3Client.builder()
                .endpointOverride(URI.create(localstack.getEndpoint().toString()))
                .region(Region.of(localstack.getRegion()))
                .credentialsProvider(credentials(localstack))
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public static FirehoseClient firehose(LocalStackContainer localstack) {
        return FirehoseClients.forEndpoint(URI.create(localstack.getEndpoint().toString()), credentials(localstack));
    }

    /** The bucket, and a DIRECT_PUT stream delivering into it under the click prefixes the Glue table reads. */
    public static void createDeliveryStream(S3Client s3, FirehoseClient firehose, String bucket, String stream) {
        s3.createBucket(create -> create.bucket(bucket));
        firehose.createDeliveryStream(create -> create.deliveryStreamName(stream)
                .deliveryStreamType(DeliveryStreamType.DIRECT_PUT)
                .extendedS3DestinationConfiguration(s3Destination -> s3Destination
                        .bucketARN("arn:aws:s3:::" + bucket)
                        .roleARN("arn:aws:iam::000000000000:role/firehose-delivery")
                        .prefix(ClickLayout.FIREHOSE_PREFIX)
                        .errorOutputPrefix(ClickLayout.FIREHOSE_ERROR_PREFIX)
                        .bufferingHints(hints -> hints.intervalInSeconds(60).sizeInMBs(1))));
    }
}
