package dev.shortener.analytics.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shortener.analytics.ClickLayout;
import dev.shortener.analytics.TestClicks;
import dev.shortener.analytics.delivery.BatchingClickSink;
import dev.shortener.analytics.delivery.DeliveryMetrics;
import dev.shortener.analytics.delivery.SinkSettings;
import dev.shortener.analytics.delivery.UndeliveredLog;
import dev.shortener.http.EmfMetrics;
import dev.shortener.http.StructuredLog;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where a Docker engine exists: clicks through the real sink into a real (LocalStack) Firehose delivery stream,
 * read back from S3 under the layout the Glue table expects. Elsewhere the class is reported as skipped; the
 * protocol-level suites (FirehoseSinkTest, FaultyRunTest) run everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackFirehoseTest {

    private static final String BUCKET = "clicks-bucket";
    private static final String STREAM = "clicks";

    @Container
    private static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("firehose", "s3");

    @Test
    void clicksSentThroughTheSink_arriveInS3_underTheClickPrefix_eachOnce() throws Exception {
        try (S3Client s3 = LocalStackClicks.s3(LOCALSTACK);
                FirehoseClient firehose = LocalStackClicks.firehose(LOCALSTACK)) {
            LocalStackClicks.createDeliveryStream(s3, firehose, BUCKET, STREAM);

            var sink = new BatchingClickSink(
                    TestClicks.events(),
                    new FirehoseRecordSender(firehose, STREAM),
                    SinkSettings.defaults(),
                    new DeliveryMetrics(
                            new EmfMetrics("UrlShortener", "redirect", InstantSource.system()), System.out, 60_000),
                    new UndeliveredLog(new StructuredLog("redirect")));
            for (int i = 0; i < 250; i++) {
                sink.record(TestClicks.click("code" + (i % 7)));
            }
            sink.shutdown(Duration.ofSeconds(10));

            List<String> lines = awaitLines(s3, 250, Duration.ofMinutes(2));
            Set<String> ids = new HashSet<>();
            lines.forEach(line -> ids.add(StoredEvents.eventId(line)));
            assertEquals(250, ids.size(), "every click arrived (resends would repeat an id, never add one)");
        }
    }

    /** Reads every object under the events prefix until {@code expected} distinct events are there or time runs out. */
    private static List<String> awaitLines(S3Client s3, int expected, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> lines = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            List<byte[]> objects = new ArrayList<>();
            s3.listObjectsV2Paginator(list -> list.bucket(BUCKET).prefix(ClickLayout.EVENTS_PREFIX))
                    .contents()
                    .forEach(object -> objects.add(
                            s3.getObjectAsBytes(get -> get.bucket(BUCKET).key(object.key()))
                                    .asByteArray()));
            lines = StoredEvents.lines(objects);
            if (lines.stream().map(StoredEvents::eventId).distinct().count() >= expected) {
                return lines;
            }
            Thread.sleep(2_000);
        }
        return lines;
    }
}
