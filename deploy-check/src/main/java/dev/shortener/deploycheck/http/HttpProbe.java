package dev.shortener.deploycheck.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The command's one HTTP client, over {@code java.net.http}: redirects are never followed (a 302 is what is
 * checked), every request carries the command's own User-Agent (no bot rule matches it, so its clicks count as a
 * person's, in the stats API and in Athena alike), and each request has a time limit.
 */
public final class HttpProbe {

    /** Names the tool in the stack's access logs and click events. */
    public static final String USER_AGENT = "url-shortener-deploy-check/0.1";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;

    public HttpProbe() {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    public Reply get(URI uri, String accept) {
        return send("GET", uri, Map.of("Accept", accept), null);
    }

    public Reply head(URI uri) {
        return send("HEAD", uri, Map.of("Accept", "text/html"), null);
    }

    /**
     * @param body sent as it is (JSON); null for none
     * @throws UncheckedIOException when no answer came (connection refused, timeout): the message names the URL
     */
    public Reply send(String method, URI uri, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("User-Agent", USER_AGENT)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(method, uri, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "no answer to " + method + " " + uri + " (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + uri, e);
        }
    }
}
