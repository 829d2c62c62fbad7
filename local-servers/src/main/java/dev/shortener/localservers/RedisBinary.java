package dev.shortener.localservers;

import dev.shortener.config.Environment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.core.ExecutableProvider;

/**
 * Finds the redis-server to run: the one named by {@code REDIS_SERVER_BINARY} (a path, or a name looked up
 * on PATH) when that is set, otherwise the binary shipped inside the embedded-redis jar, so that tests
 * need nothing installed. The jar's binary is extracted once per JVM and deleted when the JVM exits.
 */
final class RedisBinary {

    static final String ENV_VARIABLE = "REDIS_SERVER_BINARY";

    private static Path extracted;

    private RedisBinary() {}

    static Path locate() {
        return Environment.system()
                .optional(ENV_VARIABLE)
                .map(RedisBinary::fromEnvironment)
                .orElseGet(RedisBinary::fromJar);
    }

    private static Path fromEnvironment(String named) {
        Path path = named.contains(File.separator)
                ? Path.of(named)
                : Executables.onPath(named).orElse(null);
        if (path == null || !Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new LocalServerException(ENV_VARIABLE + "=" + named + " names no executable redis-server"
                    + " (neither a file nor a program on PATH): install one (e.g. apt-get install redis-server),"
                    + " unset " + ENV_VARIABLE + " to use the binary shipped in embedded-redis, or set REDIS_URL.");
        }
        return path;
    }

    private static synchronized Path fromJar() {
        if (extracted == null || !Files.isExecutable(extracted)) {
            try {
                File file = ExecutableProvider.newJarResourceProvider().get();
                file.deleteOnExit(); // the provider only marks its (then non-empty) folder for deletion
                extracted = file.toPath();
            } catch (IOException | RuntimeException e) {
                throw new LocalServerException(
                        "The redis-server shipped in embedded-redis could not be"
                                + " extracted for " + System.getProperty("os.name") + "/"
                                + System.getProperty("os.arch")
                                + " (" + e + "): install redis-server (e.g. apt-get install redis-server) and set "
                                + ENV_VARIABLE + "=redis-server, or set REDIS_URL.",
                        e);
            }
        }
        return extracted;
    }
}
