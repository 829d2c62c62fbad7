package dev.shortener.deploycheck.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Optional;

/** One answer: what was asked, the status, the headers and the body as text. */
public record Reply(String method, URI uri, int status, HttpHeaders headers, String body) {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The media type of Content-Type, lower case, without parameters; empty when there is none. */
    public String mediaType() {
        String type = header("Content-Type").orElse("");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** What CloudFront said about this answer. */
    public EdgeAnswer edge() {
        return EdgeAnswer.of(this);
    }

    /** "302 text/html" and the like, for the evidence column. */
    public String summary() {
        String type = mediaType();
        return status + (type.isEmpty() ? "" : " " + type);
    }
}
