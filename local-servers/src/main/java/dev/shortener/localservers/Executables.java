package dev.shortener.localservers;

import dev.shortener.config.Environment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds programs on PATH, so that a missing one gives a clear message instead of an IOException. */
final class Executables {

    private Executables() {}

    /** The first executable file called {@code name} in a PATH directory, if any. */
    static Optional<Path> onPath(String name) {
        String path = Environment.system().optional("PATH").orElse(null);
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
