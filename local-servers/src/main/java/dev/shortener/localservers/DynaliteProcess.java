package dev.shortener.localservers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dynalite (DynamoDB emulator) on a free loopback port, run by node as a child of this JVM. The
 * launcher script exits when its stdin closes, and only this JVM holds the other end of that pipe, so
 * the emulator cannot outlive the JVM, even one killed with SIGKILL.
 */
public final class DynaliteProcess implements AutoCloseable {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Pattern PORT_LINE = Pattern.compile("\\{\\s*\"port\"\\s*:\\s*(\\d+)\\s*}");

  private final Process process;
  private final URI endpoint;
  private boolean closed;

  private DynaliteProcess(Process process, int port) {
    this.process = process;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
  }

  /** Starts an emulator that keeps its tables in memory only. */
  public static DynaliteProcess start() {
    return start(DynaliteInstaller.atDefaultLocation(), null);
  }

  /**
   * Starts an emulator that keeps its tables in {@code dataDir} (a LevelDB folder, created when
   * missing), so that they survive a restart. Only one emulator at a time can use a folder.
   */
  public static DynaliteProcess start(Path dataDir) {
    return start(DynaliteInstaller.atDefaultLocation(), dataDir);
  }

  /** Starts an emulator installed by {@code installer}; {@code dataDir} may be null for memory only. */
  public static DynaliteProcess start(DynaliteInstaller installer, Path dataDir) {
    NodeRuntime node = NodeRuntime.find();
    Path script = installer.install(node);
    ProcessBuilder builder = new ProcessBuilder(node.node().toString(), script.toString())
        .directory(script.getParent().toFile());
    builder.environment().remove("DYNALITE_PATH");
    if (dataDir != null) {
      try {
        Files.createDirectories(dataDir);
      } catch (IOException e) {
        throw new LocalServerException("Could not create the DynamoDB emulator's data folder " + dataDir
            + ": " + e + ". Pass a writable folder.", e);
      }
      builder.environment().put("DYNALITE_PATH", dataDir.toAbsolutePath().toString());
    }
    try {
      return launch(builder, dataDir);
    } catch (IOException e) {
      throw new LocalServerException("Could not start the DynamoDB emulator (dynalite) with "
          + node.node() + ": " + e + ". Install Node.js 20+, or set DYNAMODB_ENDPOINT.", e);
    }
  }

  private static DynaliteProcess launch(ProcessBuilder builder, Path dataDir) throws IOException {
    Process process = builder.start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    OutputTail.drain(process.getInputStream(), "dynalite-stdout", line -> {
      Matcher matcher = PORT_LINE.matcher(line);
      if (matcher.find()) {
        port.complete(Integer.parseInt(matcher.group(1)));
      }
    });
    OutputTail stderr = OutputTail.drain(process.getErrorStream(), "dynalite-stderr");
    process.onExit().thenRun(() -> port.completeExceptionally(
        new IllegalStateException("exited with code " + process.exitValue())));
    try {
      return new DynaliteProcess(process, port.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      ChildProcesses.stop(process, Duration.ofSeconds(2));
      String why = e instanceof TimeoutException
          ? "did not report its port within " + STARTUP_TIMEOUT.toSeconds() + " s"
          : e instanceof ExecutionException ? e.getCause().getMessage() : "startup was interrupted";
      String dataHint = dataDir == null ? ""
          : " If another emulator is using the data folder " + dataDir + ", stop it first.";
      throw new LocalServerException("The DynamoDB emulator (dynalite) " + why + "." + dataHint
          + " Its stderr:\n" + stderr.finalText() + "\n(Delete " + builder.directory()
          + " to force a fresh install, or set DYNAMODB_ENDPOINT.)");
    }
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
