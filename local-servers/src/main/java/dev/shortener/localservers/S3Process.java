package dev.shortener.localservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An s3rver (S3 emulator) on a free loopback port, run by node as a child of this JVM, its objects in a
 * temporary folder removed on close. Path-style requests only; it accepts any signature made with
 * {@link #ACCESS_KEY} and {@link #SECRET_KEY}. Like {@link DynaliteProcess}, it can't outlive the JVM.
 */
public final class S3Process implements AutoCloseable {

    public static final String ACCESS_KEY = "S3RVER";
    public static final String SECRET_KEY = "S3RVER";

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Process process;
    private final URI endpoint;
    private final Path dataDir;
    private boolean closed;

    private S3Process(Process process, int port, Path dataDir) {
        this.process = process;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.dataDir = dataDir;
    }

    /** @throws LocalServerException when Node.js is missing or the emulator can't be installed or started */
    public static S3Process start() {
        NodeRuntime node = NodeRuntime.find();
        Path script = NodePackageInstaller.s3rver().install(node);
        try {
            Path dataDir = Files.createTempDirectory("s3rver-");
            ProcessBuilder builder = new ProcessBuilder(node.node().toString(), script.toString())
                    .directory(script.getParent().toFile());
            builder.environment().put("S3RVER_DIR", dataDir.toString());
            NodeServerLauncher.Launched launched =
                    NodeServerLauncher.launch(builder, "s3rver", "The S3 emulator (s3rver)", " Install Node.js 20+.");
            return new S3Process(launched.process(), launched.port(), dataDir);
        } catch (IOException e) {
            throw new LocalServerException(
                    "Could not start the S3 emulator (s3rver) with " + node.node() + ": " + e
                            + ". Install Node.js 20+.",
                    e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, to pass as an SDK endpoint override (with path-style access). */
    public URI endpoint() {
        return endpoint;
    }

    /** The node process, so that tests can check it is gone after {@link #close()}. */
    ProcessHandle processHandle() {
        return process.toHandle();
    }

    Path dataDir() {
        return dataDir;
    }

    /** Stops the emulator (closing its stdin, then SIGTERM, then SIGKILL) and deletes its objects. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ChildProcesses.stop(process, STOP_GRACE);
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
