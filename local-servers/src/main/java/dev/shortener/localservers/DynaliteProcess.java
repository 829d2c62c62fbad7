package dev.shortener.localservers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A dynalite (DynamoDB emulator) on a free loopback port, run by node as a child of this JVM. The
 * launcher script exits when its stdin closes, and only this JVM holds the other end of that pipe, so
 * the emulator cannot outlive the JVM, even one killed with SIGKILL.
 */
public final class DynaliteProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Process process;
    private final URI endpoint;
    private boolean closed;

    private DynaliteProcess(Process process, int port) {
        this.process = process;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts an emulator that keeps its tables in memory only. */
    public static DynaliteProcess start() {
        return start(NodePackageInstaller.dynalite(), null);
    }

    /**
     * Starts an emulator that keeps its tables in {@code dataDir} (a LevelDB folder, created when
     * missing), so that they survive a restart. Only one emulator at a time can use a folder.
     */
    public static DynaliteProcess start(Path dataDir) {
        return start(NodePackageInstaller.dynalite(), dataDir);
    }

    /** Starts an emulator installed by {@code installer}; {@code dataDir} may be null for memory only. */
    public static DynaliteProcess start(NodePackageInstaller installer, Path dataDir) {
        NodeRuntime node = NodeRuntime.find();
        Path script = installer.install(node);
        ProcessBuilder builder = new ProcessBuilder(node.node().toString(), script.toString())
                .directory(script.getParent().toFile());
        builder.environment().remove("DYNALITE_PATH");
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new LocalServerException(
                        "Could not create the DynamoDB emulator's data folder " + dataDir + ": " + e
                                + ". Pass a writable folder.",
                        e);
            }
            builder.environment().put("DYNALITE_PATH", dataDir.toAbsolutePath().toString());
        }
        try {
            return launch(builder, dataDir);
        } catch (IOException e) {
            throw new LocalServerException(
                    "Could not start the DynamoDB emulator (dynalite) with " + node.node() + ": " + e
                            + ". Install Node.js 20+, or set DYNAMODB_ENDPOINT.",
                    e);
        }
    }

    private static DynaliteProcess launch(ProcessBuilder builder, Path dataDir) throws IOException {
        String advice =
                (dataDir == null ? "" : " If another emulator is using the data folder " + dataDir + ", stop it first.")
                        + " Or set DYNAMODB_ENDPOINT.";
        NodeServerLauncher.Launched launched =
                NodeServerLauncher.launch(builder, "dynalite", "The DynamoDB emulator (dynalite)", advice);
        return new DynaliteProcess(launched.process(), launched.port());
    }

    /** The emulator's HTTP endpoint, {@code http://127.0.0.1:<port>}, to pass as an SDK endpoint override. */
    public URI endpoint() {
        return endpoint;
    }

    /** The node process, so that tests can check it and its descendants are gone after {@link #close()}. */
    ProcessHandle processHandle() {
        return process.toHandle();
    }

    /**
     * Closes the emulator's stdin (it then shuts down cleanly, flushing a data dir) and waits for it; sends
     * SIGTERM and then SIGKILL if it takes too long. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            ChildProcesses.stop(process, STOP_GRACE);
        }
    }
}
