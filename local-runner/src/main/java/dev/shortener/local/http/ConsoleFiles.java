package dev.shortener.local.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.shortener.http.Json;
import dev.shortener.local.RunnerException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves the console (the {@code console} module's built files, on the class path under {@code console/}) at
 * {@code /console/}, with the headers CloudFront gives it in the stack: {@code index.html} with {@code no-cache}, the
 * content-hashed assets for a year, and the security headers of {@code console-security-headers.json} (the same file
 * the template's response headers policy is checked against). {@code /console} is sent to {@code /console/}.
 *
 * <p>The server's context {@code /console} also receives any other path that starts with those characters (an alias
 * such as {@code /consoles}): those go on to {@code gateway}, as CloudFront's exact path patterns would send them.
 */
public final class ConsoleFiles implements HttpHandler {

    public static final String PATH = "/console";
    private static final String PREFIX = PATH + "/";
    private static final String RESOURCES = "console/";
    private static final String HEADERS_RESOURCE = "console-security-headers.json";
    /** A file of the build: a flat name; hashed ones carry esbuild's 8-character hash ({@code app-KHW3TFAC.js}). */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private static final Pattern HASHED = Pattern.compile(".+-[A-Z0-9]{8}\\.[a-z0-9]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "txt", "text/plain; charset=utf-8",
            "json", "application/json",
            "map", "application/json");

    private final ClassLoader loader;
    private final Map<String, String> securityHeaders;
    private final HttpHandler gateway;

    ConsoleFiles(ClassLoader loader, Map<String, String> securityHeaders, HttpHandler gateway) {
        this.loader = loader;
        this.securityHeaders = Map.copyOf(securityHeaders);
        this.gateway = gateway;
    }

    /**
     * The console on this class path (the runner's jar carries it).
     *
     * @throws RunnerException when the console was not built into the class path
     */
    public static ConsoleFiles fromClasspath(HttpHandler gateway) {
        ClassLoader loader = ConsoleFiles.class.getClassLoader();
        try (InputStream json = loader.getResourceAsStream(HEADERS_RESOURCE)) {
            if (json == null || loader.getResource(RESOURCES + "index.html") == null) {
                throw new RunnerException("The console is not on the class path (" + RESOURCES + "index.html, "
                        + HEADERS_RESOURCE + "): build it with ./mvnw -pl local-runner -am package");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            Json.readObject(json).forEach((name, value) -> headers.put(name, String.valueOf(value)));
            return new ConsoleFiles(loader, headers, gateway);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (!path.equals(PATH) && !path.startsWith(PREFIX)) {
            gateway.handle(exchange);
            return;
        }
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            securityHeaders.forEach(exchange.getResponseHeaders()::set);
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                sendText(exchange, 405, "Method not allowed: the console's files are read with GET.");
                return;
            }
            if (path.equals(PATH)) {
                exchange.getResponseHeaders().set("Location", PREFIX);
                exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                exchange.sendResponseHeaders(301, -1);
                return;
            }
            String name = path.equals(PREFIX) ? "index.html" : path.substring(PREFIX.length());
            Optional<byte[]> file = read(name);
            if (file.isEmpty()) {
                sendText(exchange, 404, "No such file in the console: " + name);
                return;
            }
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", contentType(name));
            headers.set(
                    "Cache-Control",
                    HASHED.matcher(name).matches() ? "public, max-age=31536000, immutable" : "no-cache");
            send(exchange, 200, file.get());
        }
    }

    private Optional<byte[]> read(String name) throws IOException {
        if (!FILE_NAME.matcher(name).matches() || name.startsWith(".")) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(RESOURCES + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        }
    }

    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        send(exchange, status, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
