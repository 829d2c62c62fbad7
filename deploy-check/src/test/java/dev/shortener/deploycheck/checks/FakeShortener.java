package dev.shortener.deploycheck.checks;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback server answering as a shortener behind CloudFront does, from recorded shapes: the management API's
 * 201/200/204/429 and problem+json, the redirect function's 302/404/410 and preview, and CloudFront's
 * {@code X-Cache} ({@code Miss from cloudfront} for the first request of a path and Accept, then
 * {@code Hit from cloudfront} with {@code Age} while the answer is younger than its {@code s-maxage}, measured
 * on the test's clock). Each test switches on the one misbehaviour it is about.
 */
final class FakeShortener implements AutoCloseable {

    static final String KEY = "shk_test-key-0123456789abcdef";
    private static final Pattern LINK = Pattern.compile("/api/links/([A-Za-z0-9]+)(/stats)?");

    private final HttpServer server;
    private final InstantSource clock;
    private final Map<String, String> links = new ConcurrentHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> clicks = new ConcurrentHashMap<>();
    private final Map<String, Cached> edge = new ConcurrentHashMap<>();
    private final List<String> requests = new ArrayList<>();
    private int next = 1;
    private int reads;

    /** No X-Cache at all: a local runner. */
    boolean throughCloudFront = true;
    /** CloudFront caches what the origin lets it; false: every answer a Miss. */
    boolean edgeCaches = true;
    /** Status of a code that doesn't exist (404 when right). */
    int unknownStatus = 404;
    /** s-maxage of redirects; errors use 10. */
    int redirectSeconds = 60;
    /** Reads of a link allowed before a 429. */
    int burst = 5;
    /** Whether a 429 says when to retry. */
    boolean retryAfter = true;
    /** Added to the stats API's click count. */
    int statsDrift;

    /** A test's changes to the defaults. */
    @FunctionalInterface
    interface Settings {
        void apply(FakeShortener server);
    }

    FakeShortener(InstantSource clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    Set<String> deletedCodes() {
        return Set.copyOf(deleted);
    }

    int clicksOf(String code) {
        return clicks.getOrDefault(code, 0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            synchronized (this) {
                requests.add(method + " " + path);
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer = path.startsWith("/api/") ? api(exchange, method, path, body) : viewer(exchange, path);
            answer.headers.forEach(
                    (name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] bytes = answer.body.getBytes(StandardCharsets.UTF_8);
            boolean noBody = method.equals("HEAD") || answer.status == 204;
            exchange.sendResponseHeaders(answer.status, noBody ? -1 : bytes.length);
            if (!noBody) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private synchronized Answer api(HttpExchange exchange, String method, String path, String body) throws IOException {
        if (!KEY.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
            return problem(401, "invalid-api-key", "application/problem+json");
        }
        if (method.equals("POST") && path.equals("/api/links")) {
            String url = JSON.std.mapFrom(body).get("url").toString();
            String code = String.format("c%06d", next++);
            links.put(code, url);
            return json(201, Map.of("code", code, "shortUrl", base() + "/" + code, "url", url));
        }
        Matcher matcher = LINK.matcher(path);
        if (!matcher.matches() || !links.containsKey(matcher.group(1)) || deleted.contains(matcher.group(1))) {
            return problem(404, "link-not-found", "application/problem+json");
        }
        String code = matcher.group(1);
        if (matcher.group(2) != null) {
            return json(200, Map.of("code", code, "clickCount", clicksOf(code) + statsDrift));
        }
        return switch (method) {
            case "GET" -> {
                if (++reads > burst) {
                    reads = 0; // the bucket refills once the caller waited
                    Answer limited = problem(429, "rate-limited", "application/problem+json");
                    if (retryAfter) {
                        limited.headers.put("Retry-After", "1");
                    }
                    yield limited;
                }
                yield json(200, Map.of("code", code, "url", links.get(code)));
            }
            case "PATCH" -> {
                links.put(code, JSON.std.mapFrom(body).get("url").toString());
                yield json(200, Map.of("code", code, "url", links.get(code)));
            }
            case "DELETE" -> {
                deleted.add(code);
                yield new Answer(204, new HashMap<>(), "");
            }
            default -> problem(405, "method-not-allowed", "application/problem+json");
        };
    }

    private Answer viewer(HttpExchange exchange, String path) {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        String format = accept != null && accept.contains("json") ? "application/problem+json" : "text/html";
        String key = path + " " + format;
        Instant now = clock.instant();
        Cached cached = edge.get(key);
        if (throughCloudFront && edgeCaches && cached != null && now.isBefore(cached.at.plusSeconds(cached.seconds))) {
            Answer hit = cached.answer.copy();
            hit.headers.put("X-Cache", "Hit from cloudfront");
            hit.headers.put(
                    "Age", Long.toString(Duration.between(cached.at, now).toSeconds()));
            return hit;
        }
        Answer origin = origin(path, format);
        int seconds = origin.status == 302 || origin.status == 200 ? redirectSeconds : 10;
        edge.put(key, new Cached(origin.copy(), now, seconds));
        if (throughCloudFront) {
            origin.headers.put("X-Cache", "Miss from cloudfront");
        }
        return origin;
    }

    private Answer origin(String path, String format) {
        String code = path.substring(1);
        boolean preview = code.endsWith("+");
        if (preview) {
            code = code.substring(0, code.length() - 1);
        }
        if (!links.containsKey(code)) {
            if (unknownStatus == 200) {
                Answer page = new Answer(200, new HashMap<>(), "<html>a parked domain</html>");
                page.headers.put("Content-Type", "text/html");
                return page;
            }
            return problem(unknownStatus, "not-found", format);
        }
        if (deleted.contains(code)) {
            return problem(410, "link-gone", format);
        }
        if (preview) {
            Answer page = new Answer(
                    200, new HashMap<>(), "<p>Goes to " + links.get(code).replace("&", "&amp;"));
            page.headers.put("Content-Type", "text/html; charset=utf-8");
            return page;
        }
        clicks.merge(code, 1, Integer::sum);
        Answer redirect = new Answer(302, new HashMap<>(), "");
        redirect.headers.put("Location", links.get(code));
        redirect.headers.put("Cache-Control", "public, max-age=0, s-maxage=" + redirectSeconds);
        return redirect;
    }

    private static Answer problem(int status, String type, String format) {
        Answer answer;
        if (format.equals("text/html")) {
            answer = new Answer(status, new HashMap<>(), "<html><h1>" + status + "</h1></html>");
            answer.headers.put("Content-Type", "text/html; charset=utf-8");
        } else {
            answer = json(status, Map.of("type", "tag:url-shortener,2026:problem/" + type, "status", status));
            answer.headers.put("Content-Type", "application/problem+json");
        }
        answer.headers.put("Cache-Control", "public, max-age=0, s-maxage=10");
        return answer;
    }

    private static Answer json(int status, Map<String, Object> members) {
        try {
            Answer answer = new Answer(status, new HashMap<>(), JSON.std.asString(new LinkedHashMap<>(members)));
            answer.headers.put("Content-Type", "application/json");
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private record Answer(int status, Map<String, String> headers, String body) {
        Answer copy() {
            return new Answer(status, new HashMap<>(headers), body);
        }
    }

    private record Cached(Answer answer, Instant at, int seconds) {}
}
