package dev.shortener.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.analytics.delivery.BatchingClickSink;
import dev.shortener.analytics.delivery.DeliveryMetrics;
import dev.shortener.analytics.delivery.SinkSettings;
import dev.shortener.analytics.delivery.UndeliveredLog;
import dev.shortener.analytics.event.ClickEventCodec;
import dev.shortener.analytics.firehose.FirehoseClients;
import dev.shortener.analytics.firehose.FirehoseRecordSender;
import dev.shortener.analytics.firehose.StoredEvents;
import dev.shortener.http.EmfMetrics;
import dev.shortener.http.StructuredLog;
import dev.shortener.localservers.firehose.FirehoseStandIn;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * No raw IP address leaves the function: not in events (delivered or logged undelivered), not in log lines, not
 * in metrics, and not in anything else printed meanwhile. The addresses are searched for in every textual form
 * they could take. (The local runner's file sink writes the same events; its own test checks its files.)
 */
class NoRawIpTest {

    static final String IPV4 = "203.0.113.77";
    static final String IPV6 = "2001:db8:85a3:8d3:1319:8a2e:370:7348";

    @Test
    void noEventLogLineOrMetric_containsARawAddress() throws Exception {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        var console = new CapturedLines();
        var logs = new CapturedLines();
        var metrics = new CapturedLines();
        List<String> delivered;
        System.setOut(console.stream());
        System.setErr(console.stream());
        try (var healthy = new FirehoseStandIn();
                var failing = new FirehoseStandIn()) {
            failing.plan(call -> FirehoseStandIn.Fault.error500());
            BatchingClickSink good = sink(healthy, logs, metrics);
            BatchingClickSink bad = sink(failing, logs, metrics);
            for (String ip : List.of(IPV4, IPV6, "::ffff:" + IPV4, "[" + IPV6 + "]:443", IPV4 + ":51234")) {
                for (ClickSink sink : List.of(good, bad)) {
                    Click click = TestClicks.click("ip", Instant.now(), ip, TestClicks.SAFARI);
                    System.out.println("handing off " + click); // Click.toString, as a careless log line would
                    sink.record(click);
                    sink.beforeFreeze(Duration.ofMillis(300));
                }
            }
            good.shutdown(Duration.ofSeconds(1));
            bad.shutdown(Duration.ofSeconds(2));
            delivered = StoredEvents.lines(healthy.storedRecords());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }

        assertEquals(5, delivered.size());
        assertTrue(logs.text().contains(UndeliveredLog.MESSAGE), "the failing sink logged its clicks");
        assertTrue(metrics.text().contains(DeliveryMetrics.UNDELIVERED));
        assertTrue(delivered.get(0).contains("\"ip_prefix\":\"203.0.113.0/24\""));
        assertTrue(delivered.get(1).contains("\"ip_prefix\":\"2001:db8:85a3::/48\""));

        String everything =
                String.join("\n", delivered) + "\n" + logs.text() + "\n" + metrics.text() + "\n" + console.text();
        for (String form : forms()) {
            assertTrue(
                    !everything.toLowerCase(Locale.ROOT).contains(form.toLowerCase(Locale.ROOT)),
                    "found the raw address as '" + form + "'");
        }
        System.out.printf(
                "searched %,d characters of events, logs and metrics for %d forms of the addresses%n",
                everything.length(), forms().size());
    }

    private static BatchingClickSink sink(FirehoseStandIn endpoint, CapturedLines logs, CapturedLines metrics) {
        var client = FirehoseClients.forEndpoint(
                endpoint.endpoint(), StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        return new BatchingClickSink(
                TestClicks.events(),
                new FirehoseRecordSender(client, "clicks"),
                SinkSettings.defaults().withRetries(2, Duration.ofMillis(5), Duration.ofMillis(10)),
                new DeliveryMetrics(
                        new EmfMetrics("UrlShortener", "redirect", InstantSource.system()), metrics.stream(), 60_000),
                new UndeliveredLog(new StructuredLog("redirect", logs.stream())));
    }

    /** Dotted, integer, hex, IPv4-mapped; IPv6 compressed, expanded, and its host half in any spelling. */
    static List<String> forms() {
        return List.of(
                IPV4,
                "203.000.113.077",
                "113.77",
                "3405803853",
                "cb00714d",
                "0xcb00714d",
                "cb00:714d",
                "::ffff:" + IPV4,
                IPV6,
                "2001:0db8:85a3:08d3:1319:8a2e:0370:7348",
                "2001:db8:85a3:8d3:1319",
                "1319:8a2e:370:7348",
                "1319:8a2e:0370:7348",
                "13198a2e03707348",
                "8d3:1319");
    }

    @Test
    void theEventLine_ofAnIpv6Click_isExactlyThePrefix() {
        String line = new String(
                ClickEventCodec.toLine(
                        TestClicks.events().from(TestClicks.click("x", Instant.now(), IPV6, TestClicks.CHROME))),
                StandardCharsets.UTF_8);
        assertTrue(line.contains("\"ip_prefix\":\"2001:db8:85a3::/48\""));
        forms().forEach(form -> assertTrue(!line.contains(form), form));
    }
}
