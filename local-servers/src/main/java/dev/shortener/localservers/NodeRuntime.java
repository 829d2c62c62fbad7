package dev.shortener.localservers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Node.js and npm found on PATH. dynalite 4 needs Node.js 20 or newer; checking that up front turns
 * an obscure crash of the emulator into a message that says what to install.
 */
record NodeRuntime(Path node, Path npm) {

    static final int MINIMUM_MAJOR_VERSION = 20;

    static final String HOW_TO_FIX = "install it, e.g. apt-get install nodejs npm, or set DYNAMODB_ENDPOINT";

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.\\d+");

    /** Locates node and npm and checks the node version. */
    static NodeRuntime find() {
        Path node = Executables.onPath("node")
                .or(() -> Executables.onPath("nodejs"))
                .orElseThrow(() -> missing("no 'node' was found on PATH"));
        Path npm = Executables.onPath("npm")
                .orElseThrow(() -> missing("'node' is at " + node + " but no 'npm' was found on PATH"));
        String version = versionOf(node);
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.lookingAt()) {
            throw missing(node + " --version printed '" + version + "', which is not a Node.js version");
        }
        if (Integer.parseInt(matcher.group(1)) < MINIMUM_MAJOR_VERSION) {
            throw missing(node + " is Node.js " + version + ", too old");
        }
        return new NodeRuntime(node, npm);
    }

    private static String versionOf(Path node) {
        try {
            Process process = new ProcessBuilder(node.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return new String(out, java.nio.charset.StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw missing(node + " could not be run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw missing("interrupted while running " + node + " --version");
        }
    }

    private static LocalServerException missing(String detail) {
        return new LocalServerException("Node.js " + MINIMUM_MAJOR_VERSION
                + "+ is needed for the DynamoDB emulator (dynalite): " + HOW_TO_FIX + " (" + detail + ").");
    }
}
