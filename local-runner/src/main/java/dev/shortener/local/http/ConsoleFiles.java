package dev.shortener.local.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.shortener.console.ConsoleAssets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Serves the console (the {@code console} module's build, {@link ConsoleAssets}) at {@code /console/} with the
 * headers it has behind CloudFront: {@code index.html} with {@code no-cache}, the content-hashed assets for a year,
 * the security headers, and {@code /console} sent to {@code /console/}.
 *
 * <p>The server's context {@code /console} also receives any other path starting with those characters (an alias
 * such as {@code /consoles}): those go on to {@code gateway}, as CloudFront's exact path patterns would send them.
 */
public final class ConsoleFiles implements HttpHandler {

    public static final String PATH = "/console";
    private static final String PREFIX = PATH + "/";

    private final ConsoleAssets assets;
    private final HttpHandler gateway;

    ConsoleFiles(ConsoleAssets assets, HttpHandler gateway) {
        this.assets = assets;
        this.gateway = gateway;
    }

    /** The console this runner's jar carries. */
    public static ConsoleFiles fromClasspath(HttpHandler gateway) {
        return new ConsoleFiles(ConsoleAssets.fromClasspath(), gateway);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (!path.equals(PATH) && !path.startsWith(PREFIX)) {
            gateway.handle(exchange);
            return;
        }
        try (exchange) {
            var headers = exchange.getResponseHeaders();
            assets.securityHeaders().forEach(headers::set);
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            if (!method.equals("GET") && !method.equals("HEAD")) {
                headers.set("Allow", "GET, HEAD");
                sendText(exchange, 405, "Method not allowed: the console's files are read with GET.");
                return;
            }
            if (path.equals(PATH)) {
                headers.set("Location", PREFIX);
                headers.set("Cache-Control", ConsoleAssets.NO_CACHE);
                exchange.sendResponseHeaders(301, -1);
                return;
            }
            String name = path.equals(PREFIX) ? "index.html" : path.substring(PREFIX.length());
            Optional<byte[]> file = assets.read(name);
            if (file.isEmpty()) {
                sendText(exchange, 404, "No such file in the console.");
                return;
            }
            headers.set("Content-Type", ConsoleAssets.contentType(name));
            headers.set("Cache-Control", ConsoleAssets.cacheControl(name));
            send(exchange, 200, file.get());
        }
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", ConsoleAssets.NO_CACHE);
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
