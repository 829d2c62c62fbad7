package dev.shortener.analytics.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.localservers.firehose.FirehoseStandIn;
import java.io.BufferedReader;
import java.io.IOException;
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
        try (var firehose = new FirehoseStandIn()) {
            runAndSignal(firehose, "250", (child, out) -> check(child, out, firehose));
        }
    }

    @Test
    void sigtermDuringTheFlushAfterAResponse_givesTheClickUpOnce_andExitsLongBeforeTheFlushBudget() throws Exception {
        try (var firehose = new FirehoseStandIn()) {
            firehose.plan(call -> call == 1 ? FirehoseStandIn.Fault.OK : FirehoseStandIn.Fault.hangThenFail(60_000));
            runAndSignal(firehose, ShutdownSignalMain.DURING_FLUSH, (child, out) -> {
                assertEquals(1, out.ready(), "the lone click is held after the response");
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (firehose.calls().size() < 2 && System.nanoTime() < until) {
                    Thread.sleep(10); // the extension's flush starts after the response
                }
                assertEquals(2, firehose.calls().size(), "the warm-up's call, and the lone click's, hanging");
                List<String> after = out.afterSignal(child);
                List<String> undelivered = after.stream()
                        .filter(line -> line.contains("\"click_undelivered\""))
                        .toList();
                assertEquals(1, undelivered.size(), "one line, from the shutdown hook alone: " + after);
                assertTrue(undelivered.get(0).contains("\"shutdown_timeout\""), undelivered.get(0));
                assertTrue(undelivered.get(0).contains("\"lone\""), undelivered.get(0));
            });
        }
    }

    private interface Check {
        void run(Process child, ChildOutput out) throws Exception;
    }

    /** Starts the child, reads up to its READY line, runs the check, and never leaves the child behind. */
    private static void runAndSignal(FirehoseStandIn firehose, String mode, Check check) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-Dsun.net.httpserver.nodelay=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ShutdownSignalMain.class.getName(),
                        firehose.endpoint().toString(),
                        mode)
                .redirectErrorStream(true)
                .start();
        try {
            check.run(child, new ChildOutput(child));
        } finally {
            child.destroyForcibly(); // whatever failed
        }
    }

    /** The child's output: up to its READY line, and everything after the signal. */
    private static final class ChildOutput {
        private final BufferedReader out;
        private int ready = -1;

        ChildOutput(Process child) throws IOException {
            out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                // SDK or JVM noise before the marker
            }
            if (line != null) {
                ready = Integer.parseInt(line.substring("READY ".length()).trim());
            }
        }

        /** The clicks the child held when it said READY. */
        int ready() {
            return ready;
        }

        /** Sends SIGTERM, waits for the exit (within the shutdown budget and then some) and returns the lines. */
        List<String> afterSignal(Process child) throws Exception {
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
            return after;
        }
    }

    private static void check(Process child, ChildOutput out, FirehoseStandIn firehose) throws Exception {
        assertEquals(250, out.ready(), "the child buffered every click");
        int before = firehose.storedRecords().size();
        assertEquals(1, before, "only the warm-up click was sent before the signal");
        List<String> after = out.afterSignal(child);

        var stored = firehose.storedRecords();
        var ids = new HashSet<>(FirehoseSinkTest.ids(StoredEvents.lines(stored.subList(before, stored.size()))));
        System.out.printf(
                "SIGTERM: %d clicks delivered by the shutdown hook (exit code %d)%n", ids.size(), child.exitValue());
        assertEquals(250, ids.size());
        assertTrue(after.stream().noneMatch(line -> line.contains("click_undelivered")), "all sent in time");
    }
}
