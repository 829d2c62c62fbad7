package dev.shortener.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built console on the class path ({@code console/<file>}, listed in {@code console-files.txt}) and how each
 * file is served: its content type and its Cache-Control ({@code index.html} and the icon revalidated every time,
 * the content-hashed assets kept for a year), and the security headers. The local runner serves with these and the
 * stack's publisher writes them as each object's metadata, so the two can't disagree.
 */
public final class ConsoleAssets {

    /** Where the console is served, and the prefix of its objects in the bucket. */
    public static final String PREFIX = "console/";

    public static final String LONG_CACHE = "public, max-age=31536000, immutable";
    public static final String NO_CACHE = "no-cache";
    private static final String LIST = "console-files.txt";
    private static final String HEADERS = "console-security-headers.json";
    /** esbuild's [name]-[hash]: eight characters of A-Z and 0-9. */
    private static final Pattern HASHED = Pattern.compile(".+-[A-Z0-9]{8}\\.[a-z0-9]+");

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}");
    /** The headers file is one flat object of strings (kept so): read without a JSON library in this module. */
    private static final Pattern HEADER = Pattern.compile("\"([A-Za-z-]+)\"\\s*:\\s*\"([^\"]*)\"");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "txt", "text/plain; charset=utf-8");

    private final ClassLoader loader;
    private final List<String> files;
    private final Map<String, String> securityHeaders;

    private ConsoleAssets(ClassLoader loader, List<String> files, Map<String, String> securityHeaders) {
        this.loader = loader;
        this.files = List.copyOf(files);
        this.securityHeaders = Map.copyOf(securityHeaders);
    }

    /**
     * The console built into this class path.
     *
     * @throws IllegalStateException when it was not built (the console module's jar is missing)
     */
    public static ConsoleAssets fromClasspath() {
        ClassLoader loader = ConsoleAssets.class.getClassLoader();
        String list = text(loader, LIST);
        String headers = text(loader, HEADERS);
        Map<String, String> securityHeaders = new LinkedHashMap<>();
        Matcher header = HEADER.matcher(headers);
        while (header.find()) {
            securityHeaders.put(header.group(1), header.group(2));
        }
        List<String> files = list.lines().filter(line -> !line.isBlank()).toList();
        if (!files.contains("index.html") || securityHeaders.isEmpty()) {
            throw new IllegalStateException(LIST + " lists no index.html, or " + HEADERS + " holds no header");
        }
        return new ConsoleAssets(loader, files, securityHeaders);
    }

    /** Every file of the build, by name (no folders). */
    public List<String> files() {
        return files;
    }

    /** The headers every console response carries (CSP, nosniff, frame and referrer policies). */
    public Map<String, String> securityHeaders() {
        return securityHeaders;
    }

    /** A file's bytes; empty for a name that is not one of the build's. */
    public Optional<byte[]> read(String name) {
        if (!FILE_NAME.matcher(name).matches() || !files.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(PREFIX + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    public static String cacheControl(String name) {
        return HASHED.matcher(name).matches() ? LONG_CACHE : NO_CACHE;
    }

    private static String text(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "The console is not on the class path (" + resource + "): build the console module");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().reduce("", (a, b) -> a + b + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
