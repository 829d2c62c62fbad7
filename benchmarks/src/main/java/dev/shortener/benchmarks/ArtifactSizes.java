package dev.shortener.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Each function's deployment jar: its size and the packages that take the most compressed bytes. */
final class ArtifactSizes {

    record Jar(String module, Path path, long bytes, int entries, List<Map.Entry<String, Long>> top) {}

    static List<Jar> scan(Path root) throws IOException {
        List<Jar> jars = new ArrayList<>();
        try (var dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                Path jar = dir.resolve("target").resolve(dir.getFileName() + "-lambda.jar");
                if (Files.isRegularFile(jar)) {
                    jars.add(scan(dir.getFileName().toString(), jar));
                }
                // The redirect function's jar before ProGuard shrinks it: what the shrinking saves.
                Path shaded = dir.resolve("target").resolve(dir.getFileName() + "-shaded.jar");
                if (Files.isRegularFile(shaded)) {
                    jars.add(scan(dir.getFileName() + " (shaded, before shrinking)", shaded));
                }
            }
        }
        return jars;
    }

    static Jar scan(String module, Path jar) throws IOException {
        Map<String, Long> byPackage = new HashMap<>();
        int entries = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (var e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                entries++;
                byPackage.merge(group(entry.getName()), Math.max(0, entry.getCompressedSize()), Long::sum);
            }
        }
        List<Map.Entry<String, Long>> top = new ArrayList<>(byPackage.entrySet());
        top.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        return new Jar(module, jar, Files.size(jar), entries, top);
    }

    /** A package prefix deep enough to name the library: software/amazon/awssdk/services/dynamodb, redis/clients/jedis. */
    static String group(String name) {
        String[] parts = name.split("/");
        if (parts.length == 1) {
            return "(root)";
        }
        int depth = 3;
        if (name.startsWith("software/amazon/awssdk/services/")) {
            depth = 5;
        } else if (name.startsWith("software/amazon/awssdk/")
                || name.startsWith("com/fasterxml/jackson/")
                || name.startsWith("com/amazonaws/services/")
                || name.startsWith("dev/shortener/")) {
            depth = 4;
        } else if (name.startsWith("META-INF/")) {
            depth = 1;
        }
        depth = Math.min(depth, parts.length - 1);
        return String.join(".", java.util.Arrays.copyOf(parts, depth));
    }
}
