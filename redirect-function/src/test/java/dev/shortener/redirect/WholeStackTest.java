package dev.shortener.redirect;

import dev.shortener.analytics.ClickLayout;
import dev.shortener.analytics.counts.S3rverClients;
import dev.shortener.analytics.firehose.FirehoseClients;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.localservers.S3Process;
import dev.shortener.localservers.firehose.FirehoseStandIn;
import dev.shortener.testsupport.TestServers;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link ClickPath} on this machine's servers: dynalite, redis-server, a Firehose endpoint speaking the
 * PutRecordBatch protocol ({@code FirehoseStandIn}) and s3rver. Firehose's own part, concatenating the records it
 * received into an S3 object under the day's prefix, is done here as Firehose does it;
 * {@link LocalStackWholeStackTest} has a real delivery stream do it where Docker exists.
 */
class WholeStackTest {

    private static final String BUCKET = "clicks-bucket";

    @Test
    void aLinkCreatedThroughTheApi_redirects_andItsClicksAreCounted_fromTheirS3Object() throws Exception {
        try (S3Process s3rver = TestServers.startOrSkip(S3Process::start);
                FirehoseStandIn endpoint = new FirehoseStandIn();
                DynamoDbClient dynamoDb = DynamoDbClients.forEmulator(TestServers.dynamoDbEndpoint());
                FirehoseClient firehose = FirehoseClients.forEndpoint(
                        endpoint.endpoint(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
                S3Client s3 = S3rverClients.uploader(s3rver)) {
            s3.createBucket(create -> create.bucket(BUCKET));

            // Firehose's delivery: every record received, concatenated, one object under the day's prefix.
            ClickPath.run(new ClickPath.Stack(dynamoDb, firehose, "clicks", s3, BUCKET, () -> {
                var object = new ByteArrayOutputStream();
                for (byte[] record : endpoint.storedRecords()) {
                    object.write(record);
                }
                String key = ClickLayout.partitionPrefix(LocalDate.now(ZoneOffset.UTC)) + "clicks-1-whole-stack.gz";
                s3.putObject(put -> put.bucket(BUCKET).key(key), RequestBody.fromBytes(object.toByteArray()));
                return s3.listObjectsV2(list -> list.bucket(BUCKET).prefix(ClickLayout.EVENTS_PREFIX))
                        .contents();
            }));
        }
    }
}
