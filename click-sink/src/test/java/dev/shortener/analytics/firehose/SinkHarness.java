package dev.shortener.analytics.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.analytics.CapturedLines;
import dev.shortener.analytics.TestClicks;
import dev.shortener.analytics.delivery.BatchingClickSink;
import dev.shortener.analytics.delivery.DeliveryMetrics;
import dev.shortener.analytics.delivery.SinkSettings;
import dev.shortener.analytics.delivery.UndeliveredLog;
import dev.shortener.http.EmfMetrics;
import dev.shortener.http.StructuredLog;
import dev.shortener.localservers.firehose.FirehoseStandIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.firehose.FirehoseClient;

/** A batching sink wired to a {@link FirehoseStandIn} through the real SDK client, its output captured. */
final class SinkHarness implements AutoCloseable {

    /** An independent reader of what the code under test writes. */
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String STREAM = "clicks-test";

    final FirehoseStandIn firehose;
    final FirehoseClient client;
    final CapturedLines logs = new CapturedLines();
    final CapturedLines metricLines = new CapturedLines();
    final BatchingClickSink sink;

    SinkHarness(SinkSettings settings) {
        try {
            firehose = new FirehoseStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = FirehoseClients.forEndpoint(
                firehose.endpoint(), StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        var metrics = new DeliveryMetrics(
                new EmfMetrics("UrlShortener", "redirect", InstantSource.system()), metricLines.stream(), 60_000);
        sink = new BatchingClickSink(
                TestClicks.events(),
                new FirehoseRecordSender(client, STREAM),
                settings,
                metrics,
                new UndeliveredLog(new StructuredLog("redirect", logs.stream())));
    }

    /** Lines of every record stored by the endpoint. */
    List<String> deliveredLines() {
        return StoredEvents.lines(firehose.storedRecords());
    }

    /** The click_undelivered log lines, parsed. */
    List<JsonNode> undelivered() {
        List<JsonNode> out = new ArrayList<>();
        for (String line : logs.lines()) {
            JsonNode node = parse(line);
            if (UndeliveredLog.MESSAGE.equals(node.path("message").asText())) {
                out.add(node);
            }
        }
        return out;
    }

    /** The sum of each EMF counter over every metrics line. */
    long metric(String name) {
        long sum = 0;
        for (String line : metricLines.lines()) {
            sum += parse(line).path(name).asLong();
        }
        return sum;
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        sink.shutdown(java.time.Duration.ofMillis(100));
        client.close();
        firehose.close();
    }
}
