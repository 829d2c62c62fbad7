package dev.shortener.analytics.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real SIGTERM, as Lambda sends the runtime before shutting an environment down (when an extension is
 * registered): the JVM's shutdown hook sends what the buffer holds.
 */
class ShutdownSignalTest {

    @Test
    void sigterm_flushesTheBuffer() throws Exception {
        try (var firehose = new FakeFirehose()) {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            ShutdownSignalMain.class.getName(),
                            firehose.endpoint().toString(),
                            "250")
                    .redirectErrorStream(true)
                    .start();
            try {
                runAndSignal(child, firehose);
            } finally {
                child.destroyForcibly(); // never leave the child behind, whatever failed
            }
        }
    }

    private static void runAndSignal(Process child, FakeFirehose firehose) throws Exception {
        var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String ready;
        while ((ready = out.readLine()) != null && !ready.startsWith("READY")) {
            // SDK or JVM noise before the marker
        }
        assertEquals("READY 250", ready, "the child buffered every click");
        int before = firehose.storedRecords().size();
        assertEquals(1, before, "only the warm-up click was sent before the signal");

        // kill -TERM rather than Process.destroy(): destroy also closes the pipes we still read
        new ProcessBuilder("kill", "-TERM", Long.toString(child.pid()))
                .inheritIO()
                .start()
                .waitFor();
        List<String> after = new ArrayList<>();
        Thread drain = new Thread(() -> out.lines().forEach(after::add)); // a full pipe would block its exit
        drain.start();
        assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the child exits after its flush");
        drain.join(5_000);
        System.out.println("child after SIGTERM: " + after.stream().limit(3).toList());

        var stored = firehose.storedRecords();
        var ids = new HashSet<>(FirehoseSinkTest.ids(StoredEvents.lines(stored.subList(before, stored.size()))));
        System.out.printf(
                "SIGTERM: %d clicks delivered by the shutdown hook (exit code %d)%n", ids.size(), child.exitValue());
        assertEquals(250, ids.size());
        assertTrue(after.stream().noneMatch(line -> line.contains("click_undelivered")), "all sent in time");
    }
}
