package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The product describes itself: no code, document, template or build file points a reader at a tracker entry
 * (a tracker entry's number) that a reader of the repository can't look up. Commit messages may; the files may not.
 */
class NoTrackerReferencesTest {

    /** Built from parts, so that this file does not match itself. */
    private static final Pattern REFERENCE = Pattern.compile("(?i)\\b" + "issues?" + "\\s*#?\\d+");

    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", "data", ".mvn");
    private static final Set<String> SKIPPED_FILES = Set.of("package-lock.json");
    private static final Set<String> TEXT_EXTENSIONS = Set.of(
            "java",
            "md",
            "yaml",
            "yml",
            "xml",
            "json",
            "js",
            "mjs",
            "ts",
            "toml",
            "pro",
            "properties",
            "sql",
            "html",
            "css",
            "txt",
            "sh");

    @Test
    void pattern_findsTheReferencesItIsMeantFor() {
        assertTrue(REFERENCE.matcher("the defects issue" + " 13 found").find());
        assertTrue(REFERENCE.matcher("(see Issue" + " #19)").find());
        assertTrue(REFERENCE.matcher("fixed in issues" + " 14").find());
        assertEquals(false, REFERENCE.matcher("a cursor issued for this owner").find());
    }

    @Test
    void noFileOfTheRepository_refersToATrackerIssue() throws IOException {
        Path root = Repository.root();
        List<String> found = new ArrayList<>();
        int read = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path relative = root.relativize(file);
                if (!isProductText(relative)) {
                    continue;
                }
                read++;
                List<String> lines;
                try {
                    lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                } catch (MalformedInputException notText) {
                    continue;
                }
                for (int i = 0; i < lines.size(); i++) {
                    if (REFERENCE.matcher(lines.get(i)).find()) {
                        found.add(relative + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        System.out.printf("%d files read%n", read);
        assertTrue(read > 100, "the walk found the repository's files (" + read + " read from " + root + ")");
        assertEquals(List.of(), found);
    }

    private static boolean isProductText(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return false;
            }
        }
        String name = relative.getFileName().toString();
        if (SKIPPED_FILES.contains(name)) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? name : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TEXT_EXTENSIONS.contains(extension) || name.equals("Makefile");
    }
}
