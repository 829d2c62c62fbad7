package dev.shortener.localservers;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts an emulator's launcher script (see the {@code server.js} resources): it listens on a free loopback
 * port, reports that port as one JSON line on stdout, and exits when its stdin closes, which only this JVM
 * holds open.
 */
final class NodeServerLauncher {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern PORT_LINE = Pattern.compile("\\{\\s*\"port\"\\s*:\\s*(\\d+)\\s*}");

    /** A started emulator and the port it listens on. */
    record Launched(Process process, int port) {}

    private NodeServerLauncher() {}

    /**
     * @param name   short, for thread names ({@code dynalite}, {@code s3rver})
     * @param failed the start of the message when the emulator does not report its port ("The DynamoDB
     *               emulator (dynalite)"); {@code advice} ends it
     */
    static Launched launch(ProcessBuilder builder, String name, String failed, String advice) throws IOException {
        Process process = builder.start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        OutputTail.drain(process.getInputStream(), name + "-stdout", line -> {
            Matcher matcher = PORT_LINE.matcher(line);
            if (matcher.find()) {
                port.complete(Integer.parseInt(matcher.group(1)));
            }
        });
        OutputTail stderr = OutputTail.drain(process.getErrorStream(), name + "-stderr");
        // Ends the wait for the port line early when the server dies first; nothing waits on this stage itself.
        CompletableFuture<Void> unused = process.onExit()
                .thenRun(() -> port.completeExceptionally(
                        new IllegalStateException("exited with code " + process.exitValue())));
        try {
            return new Launched(process, port.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            ChildProcesses.stop(process, Duration.ofSeconds(2));
            String why = e instanceof TimeoutException
                    ? "did not report its port within " + STARTUP_TIMEOUT.toSeconds() + " s"
                    : e instanceof ExecutionException ? e.getCause().getMessage() : "startup was interrupted";
            throw new LocalServerException(failed + " " + why + "." + advice + " Its stderr:\n" + stderr.finalText()
                    + "\n(Delete " + builder.directory() + " to force a fresh install.)");
        }
    }
}
