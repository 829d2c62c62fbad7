package dev.shortener.local;

import dev.shortener.config.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Debian's {@code chromium}, headless, with a throw-away profile and no background traffic. */
final class HeadlessChromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {}

    /** Skips the calling test, saying why and how to fix it, when Chromium is not installed. */
    static HeadlessChromium findOrAbort() {
        if (!Files.isExecutable(BINARY)) {
            String reason = "SKIPPED: no " + BINARY + ", so the browser checks did not run."
                    + " Install it with: apt-get install -y chromium";
            if (Environment.system().flag("CI", false)) {
                // As TestServers does: on CI (which installs Chromium) a skipped browser check would hide a gap.
                throw new AssertionError("CI=true, but there is " + reason.substring("SKIPPED: ".length()));
            }
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return new HeadlessChromium();
    }

    String dumpDom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url));
    }

    void screenshot(String url, Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        run(List.of("--screenshot=" + file.toAbsolutePath(), "--window-size=1200,800", url));
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("Chromium wrote no screenshot " + file);
        }
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile-");
        List<String> command = new ArrayList<>(List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile));
        command.addAll(args);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 60 s: " + command);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
