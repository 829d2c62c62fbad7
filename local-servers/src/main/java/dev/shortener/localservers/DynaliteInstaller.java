package dev.shortener.localservers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs the pinned dynalite (the committed package-lock.json) with {@code npm ci} into a folder keyed
 * by the lock file's hash, once per machine: later JVMs and later builds reuse it, and a changed lock
 * file gets a fresh folder. A file lock keeps two JVMs (two modules' test forks) from installing into
 * the same folder at once.
 */
public final class DynaliteInstaller {

  /** The system property that the root pom's surefire configuration points at target/test-servers. */
  public static final String CACHE_DIR_PROPERTY = "shortener.cacheDir";

  static final String SERVER_SCRIPT = "server.js";

  private static final String RESOURCE_DIR = "/dynalite/";
  private static final List<String> FILES = List.of("package.json", "package-lock.json", SERVER_SCRIPT);
  private static final String MARKER = ".installed";
  private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
  private static final Object IN_JVM_LOCK = new Object();

  private final Path installDir;

  /** Installs into {@code installDir}, which is created when missing. */
  public DynaliteInstaller(Path installDir) {
    this.installDir = installDir.toAbsolutePath();
  }

  /**
   * Installs into {@code ${shortener.cacheDir}/dynalite-<hash>}, or under
   * {@code ${java.io.tmpdir}/url-shortener} when that property is not set.
   */
  public static DynaliteInstaller atDefaultLocation() {
    String cacheDir = System.getProperty(CACHE_DIR_PROPERTY);
    Path root = cacheDir != null && !cacheDir.isBlank()
        ? Path.of(cacheDir)
        : Path.of(System.getProperty("java.io.tmpdir"), "url-shortener");
    return new DynaliteInstaller(root.resolve("dynalite-" + lockFileHash()));
  }

  public Path installDir() {
    return installDir;
  }

  /**
   * Makes sure dynalite is installed (running {@code npm ci} only the first time) and returns the
   * launcher script to run with node.
   *
   * @throws LocalServerException when Node.js or npm is missing or too old, or npm ci fails
   */
  public Path install() {
    return install(NodeRuntime.find());
  }

  Path install(NodeRuntime node) {
    synchronized (IN_JVM_LOCK) { // FileChannel.lock is per JVM, not per thread
      try {
        Files.createDirectories(installDir);
        Path lockFile = installDir.resolveSibling(installDir.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
          copyResources();
          if (!Files.exists(installDir.resolve(MARKER))) {
            runNpmCi(node);
            Files.writeString(installDir.resolve(MARKER), "npm ci succeeded\n");
          }
        }
        return installDir.resolve(SERVER_SCRIPT);
      } catch (IOException e) {
        throw new LocalServerException("Could not install dynalite into " + installDir + ": " + e
            + ". Check that the folder is writable, or set DYNAMODB_ENDPOINT.", e);
      }
    }
  }

  private void copyResources() throws IOException {
    for (String name : FILES) {
      byte[] content = resource(name);
      Path target = installDir.resolve(name);
      if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), content)) {
        Files.write(target, content);
      }
    }
  }

  private void runNpmCi(NodeRuntime node) throws IOException {
    Process npm = new ProcessBuilder(node.npm().toString(), "ci", "--no-audit", "--no-fund")
        .directory(installDir.toFile())
        .redirectErrorStream(true)
        .start();
    npm.getOutputStream().close();
    OutputTail output = OutputTail.drain(npm.getInputStream(), "npm-ci-output");
    boolean finished;
    try {
      finished = npm.waitFor(NPM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      finished = false;
    }
    if (!finished) {
      ChildProcesses.stop(npm, Duration.ofSeconds(5));
      throw npmFailed("did not finish within " + NPM_TIMEOUT.toMinutes() + " minutes", output);
    }
    if (npm.exitValue() != 0) {
      throw npmFailed("exited with code " + npm.exitValue(), output);
    }
  }

  private LocalServerException npmFailed(String how, OutputTail output) {
    return new LocalServerException("'npm ci' for the DynamoDB emulator (dynalite) in " + installDir + " "
        + how + ". Check that the npm registry is reachable (npm config get registry), or set"
        + " DYNAMODB_ENDPOINT. Last output of npm:\n" + output.finalText());
  }

  private static String lockFileHash() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(resource("package-lock.json"));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = DynaliteInstaller.class.getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("Resource " + RESOURCE_DIR + name + " is missing from the"
            + " local-servers jar; rebuild it.");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
