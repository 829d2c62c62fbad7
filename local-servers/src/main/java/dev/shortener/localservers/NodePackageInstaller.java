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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs a pinned Node.js emulator (dynalite, s3rver: a resource folder with package.json, the committed
 * package-lock.json and a launcher script, which requires the launcher module all emulators share), or a pinned
 * package of data without a launcher, with {@code npm ci} into a folder keyed by the lock file's hash, once per
 * machine: later JVMs and later builds reuse it, and a changed lock file gets a fresh folder. A file lock keeps two
 * JVMs (two modules' test forks) from installing into the same folder at once.
 */
public final class NodePackageInstaller {

    /** The system property that the root pom's surefire configuration points at target/test-servers. */
    public static final String CACHE_DIR_PROPERTY = "shortener.cacheDir";

    static final String SERVER_SCRIPT = "server.js";
    /** What every launcher script requires from beside it ({@code require('./launcher')}). */
    private static final String SHARED_LAUNCHER = "/node-launcher/launcher.js";

    private static final List<String> LOCKED_FILES = List.of("package.json", "package-lock.json");
    private static final String MARKER = ".installed";
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Object IN_JVM_LOCK = new Object();

    /**
     * One emulator package.
     *
     * @param name        its resource folder, and the prefix of its install folder
     * @param description what it is, for messages ("the DynamoDB emulator (dynalite)")
     * @param instead     what to do instead when it can't be installed, for messages
     * @param launcher    whether the folder holds a launcher script ({@value #SERVER_SCRIPT}) to run
     */
    record Emulator(String name, String description, String instead, boolean launcher) {

        static final Emulator DYNALITE =
                new Emulator("dynalite", "the DynamoDB emulator (dynalite)", "set DYNAMODB_ENDPOINT", true);
        static final Emulator S3RVER = new Emulator("s3rver", "the S3 emulator (s3rver)", "install Node.js 20+", true);

        /** The class path resources to copy into the install folder, each under its own file name. */
        List<String> resources() {
            List<String> paths = new ArrayList<>();
            LOCKED_FILES.forEach(file -> paths.add(resourcePath(file)));
            if (launcher) {
                paths.add(resourcePath(SERVER_SCRIPT));
                paths.add(SHARED_LAUNCHER);
            }
            return paths;
        }

        String resourcePath(String file) {
            return "/" + name + "/" + file;
        }
    }

    private final Emulator emulator;
    private final Path installDir;

    /** Installs {@code emulator} into {@code installDir}, which is created when missing. */
    NodePackageInstaller(Emulator emulator, Path installDir) {
        this.emulator = emulator;
        this.installDir = installDir.toAbsolutePath();
    }

    /** dynalite, at {@link #atDefaultLocation(Emulator) the default location}. */
    public static NodePackageInstaller dynalite() {
        return atDefaultLocation(Emulator.DYNALITE);
    }

    /** s3rver, at {@link #atDefaultLocation(Emulator) the default location}. */
    public static NodePackageInstaller s3rver() {
        return atDefaultLocation(Emulator.S3RVER);
    }

    /**
     * Installs into {@code ${shortener.cacheDir}/<name>-<hash>}, or under
     * {@code ${java.io.tmpdir}/url-shortener} when that property is not set.
     */
    static NodePackageInstaller atDefaultLocation(Emulator emulator) {
        String cacheDir = System.getProperty(CACHE_DIR_PROPERTY);
        Path root = cacheDir != null && !cacheDir.isBlank()
                ? Path.of(cacheDir)
                : Path.of(System.getProperty("java.io.tmpdir"), "url-shortener");
        return new NodePackageInstaller(emulator, root.resolve(emulator.name() + "-" + lockFileHash(emulator)));
    }

    /**
     * A package that is data, not a server (the deployment tests' resource schemas): pinned by
     * {@code /<name>/package.json} and {@code /<name>/package-lock.json} found on the caller's class path, and
     * installed like the emulators; {@link #install()} returns the install folder, whose {@code node_modules}
     * holds it.
     *
     * @param description what it is, for messages ("the CloudFormation resource database")
     */
    public static NodePackageInstaller dataPackage(String name, String description) {
        return atDefaultLocation(new Emulator(name, description, "install Node.js 20+ with npm", false));
    }

    public Path installDir() {
        return installDir;
    }

    /**
     * Makes sure the emulator is installed (running {@code npm ci} only the first time) and returns the
     * launcher script to run with node (for a {@link #dataPackage data package}, the install folder).
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
                try (FileChannel channel =
                                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = channel.lock()) {
                    copyResources();
                    if (!Files.exists(installDir.resolve(MARKER))) {
                        runNpmCi(node);
                        Files.writeString(installDir.resolve(MARKER), "npm ci succeeded\n");
                    }
                }
                return emulator.launcher() ? installDir.resolve(SERVER_SCRIPT) : installDir;
            } catch (IOException e) {
                throw new LocalServerException(
                        "Could not install " + emulator.description() + " into " + installDir + ": " + e
                                + ". Check that the folder is writable, or " + emulator.instead() + ".",
                        e);
            }
        }
    }

    private void copyResources() throws IOException {
        for (String path : emulator.resources()) {
            byte[] content = resource(path);
            Path target = installDir.resolve(path.substring(path.lastIndexOf('/') + 1));
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
        return new LocalServerException("'npm ci' for " + emulator.description() + " in " + installDir + " "
                + how + ". Check that the npm registry is reachable (npm config get registry), or "
                + emulator.instead() + ". Last output of npm:\n" + output.finalText());
    }

    private static String lockFileHash(Emulator emulator) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(resource(emulator.resourcePath("package-lock.json")));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = NodePackageInstaller.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Resource " + path + " is missing from the class path (the local-servers jar, or the"
                                + " test resources of the module that installs it); rebuild it.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
