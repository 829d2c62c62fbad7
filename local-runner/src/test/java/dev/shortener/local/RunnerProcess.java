package dev.shortener.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged runner started as the README says, {@code java -jar local-runner/target/shortener-local.jar}, as a
 * separate process. The only addition is {@code -Dshortener.cacheDir}, so that the build's dynalite install
 * (target/test-servers) is reused instead of one under java.io.tmpdir.
 */
final class RunnerProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("runner.jar", "target/shortener-local.jar"))
            .toAbsolutePath();
    private static final Pattern KEY = Pattern.compile("API key \\(shown only now[^:]*\\): (shk_\\S+)");
    private static final Pattern DYNALITE = Pattern.compile("dynalite at http://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern REDIS = Pattern.compile("redis-server at redis://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private final List<Thread> drainers = new ArrayList<>();

    private RunnerProcess(Process process) {
        this.process = process;
        drain(process.getInputStream(), stdout, "runner-stdout");
        drain(process.getErrorStream(), stderr, "runner-stderr");
    }

    /** {@code java -jar shortener-local.jar <args>} with these variables added to the environment. */
    static RunnerProcess start(Map<String, String> env, String... args) throws IOException {
        List<String> command =
                new ArrayList<>(List.of(javaBinary(), "-Dshortener.cacheDir=" + cacheDir(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        return new RunnerProcess(builder.start());
    }

    /** Runs a command to its end and returns its exit status; the output is in {@link #stdout()}. */
    static RunnerProcess runToEnd(Map<String, String> env, Duration timeout, String... args) throws Exception {
        RunnerProcess runner = start(env, args);
        if (!runner.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            runner.close();
            throw new AssertionError("'" + String.join(" ", args) + "' did not finish within " + timeout + "; output:\n"
                    + runner.output());
        }
        for (Thread drainer : runner.drainers) {
            drainer.join(5_000); // to the end of the pipes
        }
        return runner;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String cacheDir() {
        String dir = System.getProperty("shortener.cacheDir");
        return dir == null
                ? Path.of(System.getProperty("java.io.tmpdir"), "url-shortener").toString()
                : dir;
    }

    /** Waits for "Ready." on stdout; fails with the output when the runner exits or takes longer. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (stdout().stream().anyMatch(line -> line.startsWith("Ready."))) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("The runner exited with " + process.exitValue() + ":\n" + output());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The runner was not ready within " + timeout + ":\n" + output());
    }

    Optional<String> apiKey() {
        return find(KEY);
    }

    int dynalitePort() {
        return Integer.parseInt(find(DYNALITE).orElseThrow(() -> new AssertionError("no dynalite line:\n" + output())));
    }

    int redisPort() {
        return Integer.parseInt(find(REDIS).orElseThrow(() -> new AssertionError("no redis line:\n" + output())));
    }

    private Optional<String> find(Pattern pattern) {
        for (String line : stdout()) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    Process process() {
        return process;
    }

    /** Descendants now: the children re-parented after the runner exits would no longer be listed. */
    List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    /**
     * SIGTERM, as a service manager (or Ctrl-C's SIGINT) would, and waits for the exit and the last output. A JVM
     * stopped by SIGTERM exits with 143 (128 + 15) once its shutdown hooks have run.
     */
    int stop(Duration timeout) throws InterruptedException {
        process.toHandle().destroy(); // not Process.destroy(), which also closes our end of its stdout
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The runner did not stop within " + timeout + " of SIGTERM:\n" + output());
        }
        for (Thread drainer : drainers) {
            drainer.join(5_000);
        }
        return process.exitValue();
    }

    int exitValue() {
        return process.exitValue();
    }

    synchronized List<String> stdout() {
        return List.copyOf(stdout);
    }

    synchronized String stderrText() {
        return String.join("\n", stderr);
    }

    synchronized String output() {
        return "stdout:\n" + String.join("\n", stdout) + "\nstderr:\n" + String.join("\n", stderr);
    }

    private void drain(InputStream in, List<String> into, String name) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            synchronized (this) {
                                into.add(line);
                            }
                        }
                    } catch (IOException e) {
                        // the process went away
                    }
                },
                name);
        thread.setDaemon(true);
        drainers.add(thread);
        thread.start();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
