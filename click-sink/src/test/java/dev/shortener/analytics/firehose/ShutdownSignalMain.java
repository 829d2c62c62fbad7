package dev.shortener.analytics.firehose;

import dev.shortener.analytics.TestClicks;
import dev.shortener.analytics.delivery.BatchingClickSink;
import dev.shortener.analytics.delivery.DeliveryMetrics;
import dev.shortener.analytics.delivery.SinkSettings;
import dev.shortener.analytics.delivery.UndeliveredLog;
import dev.shortener.analytics.lifecycle.ShutdownFlush;
import dev.shortener.http.EmfMetrics;
import dev.shortener.http.StructuredLog;
import dev.shortener.localservers.lambda.LambdaEnvironmentStandIn;
import dev.shortener.localservers.lambda.RuntimeLoop;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A stand-in execution environment for {@link ShutdownSignalTest}, which terminates it. With a click count it
 * buffers clicks as a busy environment does (so nothing is sent yet), installs the shutdown flush, says READY
 * and waits. With {@code during-flush} it runs in a loopback Lambda environment with the click-flush extension
 * registered, serves one lone invocation and says READY once the response is out, while the extension's flush
 * after it waits on the endpoint.
 */
public final class ShutdownSignalMain {

    static final String DURING_FLUSH = "during-flush";

    public static void main(String[] args) throws Exception {
        var client = FirehoseClients.forEndpoint(
                URI.create(args[0]), StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        var log = new StructuredLog("redirect");
        boolean duringFlush = args[1].equals(DURING_FLUSH);
        var sink = new BatchingClickSink(
                TestClicks.events(),
                new FirehoseRecordSender(client, "clicks"),
                duringFlush
                        ? SinkSettings.defaults().withHoldIfNextWithin(Duration.ofMillis(50))
                        : SinkSettings.defaults()
                                .withMaxBufferAge(Duration.ofMinutes(10))
                                .withHoldIfNextWithin(Duration.ofMinutes(1)), // busy even on a loaded CI machine
                new DeliveryMetrics(
                        new EmfMetrics("UrlShortener", "redirect", InstantSource.system()), System.out, 60_000),
                new UndeliveredLog(log));
        LambdaEnvironmentStandIn lambda = duringFlush ? new LambdaEnvironmentStandIn(Duration.ofMinutes(1)) : null;
        // An environment that has served for a while: its first send loaded the SDK's classes (a cold JVM's
        // first PutRecordBatch alone can take longer than the ~500 ms Lambda allows after SIGTERM).
        sink.record(TestClicks.click("warm-up"));
        sink.beforeFreeze(Duration.ofSeconds(5));
        // The flush after the response may take longer than the signal is sent after it.
        ShutdownFlush.install(sink, lambda == null ? null : lambda.runtimeApi(), Duration.ofSeconds(30), log);
        if (duringFlush) {
            Thread.sleep(200); // a lull: the next invocation is a lone one
            RuntimeLoop.start(lambda.runtimeApi(), (event, context) -> {
                sink.record(TestClicks.click(event));
                sink.beforeFreeze(Duration.ofMillis(20));
                return "{\"statusCode\":302}";
            });
            lambda.invoke("lone").response().get(10, TimeUnit.SECONDS);
            System.out.println("READY " + sink.pendingClicks());
            Thread.sleep(Long.MAX_VALUE);
        }
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
