package dev.shortener.deploycheck.http;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The management API as the command uses it: only its own links, always with the API key (held here and sent
 * only in {@code X-Api-Key}, never part of a URL, a message or the evidence).
 *
 * <p>A {@code 429} with {@code Retry-After} (the rate-limit check spends the key's burst on purpose) is waited out
 * and retried a few times, so that the checks after it and the clean-up still get their answers.
 */
public final class ManagementClient {

    private static final int RETRIES_AFTER_429 = 3;
    private static final long LONGEST_RETRY_AFTER_SECONDS = 30;

    private final HttpProbe http;
    private final URI apiBase;
    private final String apiKey;
    private final Sleeper sleeper;

    /** @param apiBase the API's base, {@code https://<domain>/api} */
    public ManagementClient(HttpProbe http, URI apiBase, String apiKey, Sleeper sleeper) {
        this.http = http;
        this.apiBase = apiBase;
        this.apiKey = apiKey;
        this.sleeper = sleeper;
    }

    /** POST /links with a fresh Idempotency-Key. */
    public Reply create(String json) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        return withRetries("POST", links(""), headers, json);
    }

    public Reply patch(String code, String json) {
        return withRetries("PATCH", links("/" + code), Map.of("Content-Type", "application/json"), json);
    }

    public Reply delete(String code) {
        return withRetries("DELETE", links("/" + code), Map.of(), null);
    }

    public Reply stats(String code) {
        return withRetries("GET", links("/" + code + "/stats"), Map.of(), null);
    }

    /** GET /links/{code} once, 429 or not: what the rate-limit check counts. */
    public Reply readOnce(String code) {
        return send("GET", links("/" + code), Map.of(), null);
    }

    /** GET /links/{code} against another base (an origin, directly), with the key. */
    public Reply readAt(URI base, String code) {
        return send("GET", resolve(base, "/api/links/" + code), Map.of(), null);
    }

    public URI apiBase() {
        return apiBase;
    }

    /** The seconds in a 429's {@code Retry-After}, if it has a whole number there. */
    public static Optional<Long> retryAfterSeconds(Reply reply) {
        try {
            return reply.header("Retry-After").map(String::strip).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Reply withRetries(String method, URI uri, Map<String, String> headers, String body) {
        Reply reply = send(method, uri, headers, body);
        for (int retry = 0; retry < RETRIES_AFTER_429 && reply.status() == 429; retry++) {
            Optional<Long> wait = retryAfterSeconds(reply);
            if (wait.isEmpty() || wait.get() > LONGEST_RETRY_AFTER_SECONDS) {
                return reply;
            }
            sleeper.sleep(Duration.ofSeconds(Math.max(1, wait.get())));
            reply = send(method, uri, headers, body);
        }
        return reply;
    }

    private Reply send(String method, URI uri, Map<String, String> headers, String body) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("X-Api-Key", apiKey);
        return http.send(method, uri, all, body);
    }

    private URI links(String rest) {
        return resolve(apiBase, "/links" + rest);
    }

    /** {@code base} + {@code path}, keeping the base's own path ({@code /api}). */
    public static URI resolve(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }
}
