package dev.shortener.analytics.firehose;

import dev.shortener.analytics.TestClicks;
import dev.shortener.analytics.delivery.BatchingClickSink;
import dev.shortener.analytics.delivery.DeliveryMetrics;
import dev.shortener.analytics.delivery.SinkSettings;
import dev.shortener.analytics.delivery.UndeliveredLog;
import dev.shortener.analytics.lifecycle.ShutdownFlush;
import dev.shortener.http.EmfMetrics;
import dev.shortener.http.StructuredLog;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A stand-in execution environment for {@link ShutdownSignalTest}: buffers clicks as a busy environment does (so
 * nothing is sent yet), installs the shutdown flush, says READY and waits to be terminated.
 */
public final class ShutdownSignalMain {

    public static void main(String[] args) throws Exception {
        var client = FirehoseClients.forEndpoint(
                URI.create(args[0]), StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        var log = new StructuredLog("redirect");
        var sink = new BatchingClickSink(
                TestClicks.events(),
                new FirehoseRecordSender(client, "clicks"),
                SinkSettings.defaults()
                        .withMaxBufferAge(Duration.ofMinutes(10))
                        .withHoldIfNextWithin(Duration.ofMinutes(1)), // busy even on a loaded CI machine
                new DeliveryMetrics(
                        new EmfMetrics("UrlShortener", "redirect", InstantSource.system()), System.out, 60_000),
                new UndeliveredLog(log));
        ShutdownFlush.install(sink, System.getenv("AWS_LAMBDA_RUNTIME_API"), Duration.ofSeconds(1), log);
        // An environment that has served for a while: its first send loaded the SDK's classes (a cold JVM's
        // first PutRecordBatch alone can take longer than the ~500 ms Lambda allows after SIGTERM).
        sink.record(TestClicks.click("warm-up"));
        sink.beforeFreeze(Duration.ofSeconds(5));
        for (int i = 0; i < 5; i++) {
            sink.beforeFreeze(Duration.ZERO); // quick invocations: busy from now on, clicks stay buffered
        }
        int clicks = Integer.parseInt(args[1]);
        for (int i = 0; i < clicks; i++) {
            sink.record(TestClicks.click("sig" + i));
            sink.beforeFreeze(Duration.ofMillis(20));
        }
        System.out.println("READY " + sink.pendingClicks());
        Thread.sleep(Long.MAX_VALUE);
    }
}
