package dev.shortener.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A pgrep-style scan of /proc: processes whose command line or environment mentions one of the given strings
 * (dynalite gets its data folder through DYNALITE_PATH in its environment, redis-server its port on the command
 * line). Empty where there is no /proc.
 */
final class Leftovers {

    private Leftovers() {}

    static List<String> processesMentioning(List<String> needles) throws IOException {
        List<String> found = new ArrayList<>();
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return found;
        }
        long self = ProcessHandle.current().pid();
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                if (Long.parseLong(dir.getFileName().toString()) == self) {
                    continue;
                }
                String cmdline = read(dir.resolve("cmdline"));
                String environ = read(dir.resolve("environ"));
                for (String needle : needles) {
                    if (cmdline.contains(needle) || environ.contains(needle)) {
                        found.add(dir.getFileName() + ": " + cmdline);
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | SecurityException e) {
            return ""; // gone meanwhile, or not ours to read
        }
    }
}
