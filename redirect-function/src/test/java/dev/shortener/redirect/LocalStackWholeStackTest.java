package dev.shortener.redirect;

import dev.shortener.analytics.ClickLayout;
import dev.shortener.analytics.firehose.LocalStackClicks;
import dev.shortener.links.dynamodb.DynamoDbClients;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ClickPath} where a Docker engine exists, on LocalStack's DynamoDB, Firehose and S3: Firehose itself
 * delivers the clicks into S3. Redis is this machine's redis-server (LocalStack's community edition has no
 * ElastiCache). Elsewhere this class is reported as skipped; {@link WholeStackTest} runs the same path on the
 * emulators everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackWholeStackTest {

    private static final String BUCKET = "clicks-bucket";
    private static final String STREAM = "clicks";

    @Container
    private static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
                    DockerImageName.parse("localstack/localstack:4.4"))
            .withServices("dynamodb", "firehose", "s3");

    @Test
    void aLinkCreatedThroughTheApi_redirects_andItsClicksAreCounted_throughFirehoseAndS3() throws Exception {
        // Management timeouts for the redirect's reads too: LocalStack answers slower than DynamoDB, and this
        // suite is about the path, not the redirect's latency budget (RedirectHandlerTest covers that).
        try (DynamoDbClient dynamoDb = DynamoDbClients.forEmulator(
                        URI.create(LOCALSTACK.getEndpoint().toString()));
                S3Client s3 = LocalStackClicks.s3(LOCALSTACK);
                FirehoseClient firehose = LocalStackClicks.firehose(LOCALSTACK)) {
            LocalStackClicks.createDeliveryStream(s3, firehose, BUCKET, STREAM);

            ClickPath.run(new ClickPath.Stack(dynamoDb, firehose, STREAM, s3, BUCKET, () -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                List<S3Object> objects = List.of();
                while (objects.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(1_000);
                    objects = s3.listObjectsV2(list -> list.bucket(BUCKET).prefix(ClickLayout.EVENTS_PREFIX))
                            .contents();
                }
                return objects;
            }));
        }
    }
}
