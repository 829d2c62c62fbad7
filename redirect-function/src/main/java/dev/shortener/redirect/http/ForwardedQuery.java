package dev.shortener.redirect.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges the visitor's query string into the destination of a link that forwards it ({@code forwardQuery}), the
 * way Shlink and Dub do: the destination's own parameters stay where they are, the visitor's are added after them,
 * and where both name the same parameter the visitor's value wins, in the destination's place (Shlink's
 * {@code ShortUrlRedirectionBuilder} merges the two arrays with the visitor's last; Dub's {@code getFinalUrl} calls
 * {@code searchParams.set} for each of the visitor's). A parameter the visitor sends several times keeps all its
 * values, in the order sent, and replaces every value the destination had for it.
 *
 * <p>Names are compared decoded ({@code utm%5Fsource} is {@code utm_source}, {@code +} a space); everything is
 * copied as it was written, so an escape is never decoded or encoded again. The fragment stays last. The merged
 * URL is held to the same length cap as any destination (the create function's URL policy); a longer one is not
 * sent: the visitor gets the plain destination, since a link that works without the extra parameters beats an
 * error page, and the log line says the query was dropped.
 */
public final class ForwardedQuery {

    /** What became of the visitor's query. */
    public enum Result {
        /** The visitor sent no parameters ({@code ?} alone, or {@code &}s): the destination as it is. */
        NONE,
        MERGED,
        /** The merged URL would pass the length cap: the destination without the visitor's parameters. */
        DROPPED_TOO_LONG
    }

    /**
     * @param url    where to send the visitor
     * @param result what became of their query
     */
    public record Forwarded(String url, Result result) {

        public Forwarded {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(result, "result");
        }
    }

    private final int maxUrlLength;

    /** @param maxUrlLength the longest URL sent, in characters, as the URL policy counts them */
    public ForwardedQuery(int maxUrlLength) {
        if (maxUrlLength < 1) {
            throw new IllegalArgumentException("maxUrlLength must be positive: " + maxUrlLength);
        }
        this.maxUrlLength = maxUrlLength;
    }

    public int maxUrlLength() {
        return maxUrlLength;
    }

    /**
     * @param destination the link's destination as stored
     * @param rawQuery    the query string as the visitor sent it, without the {@code ?}; null or empty for none
     */
    public Forwarded apply(String destination, String rawQuery) {
        List<String> visitor = parameters(rawQuery == null ? "" : rawQuery);
        if (visitor.isEmpty()) {
            return new Forwarded(destination, Result.NONE);
        }
        int hash = destination.indexOf('#');
        String fragment = hash < 0 ? "" : destination.substring(hash);
        String beforeFragment = hash < 0 ? destination : destination.substring(0, hash);
        int question = beforeFragment.indexOf('?');
        String base = question < 0 ? beforeFragment : beforeFragment.substring(0, question);
        List<String> own = question < 0 ? List.of() : parameters(beforeFragment.substring(question + 1));

        Map<String, List<String>> visitorByName = new LinkedHashMap<>();
        for (String parameter : visitor) {
            visitorByName
                    .computeIfAbsent(name(parameter), name -> new ArrayList<>())
                    .add(parameter);
        }
        StringBuilder query = new StringBuilder(beforeFragment.length() + rawQuery.length());
        for (String parameter : own) {
            List<String> replacements = visitorByName.get(name(parameter));
            if (replacements == null) {
                append(query, parameter);
            } else if (!replacements.isEmpty()) {
                replacements.forEach(replacement -> append(query, replacement));
                replacements.clear(); // a name the destination repeats is replaced once, in its first place
            }
        }
        visitorByName.values().forEach(rest -> rest.forEach(parameter -> append(query, parameter)));
        String merged = base + '?' + query + fragment;
        return merged.length() > maxUrlLength
                ? new Forwarded(destination, Result.DROPPED_TOO_LONG)
                : new Forwarded(merged, Result.MERGED);
    }

    private static void append(StringBuilder query, String parameter) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(parameter);
    }

    /** The non-empty {@code &}-separated parts, as written. */
    private static List<String> parameters(String query) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            if (end > start) {
                parts.add(query.substring(start, end));
            }
            start = end + 1;
        }
        return parts;
    }

    /** The parameter's name, decoded as a form would be ({@code +} is a space; a broken escape stays as written). */
    static String name(String parameter) {
        int equals = parameter.indexOf('=');
        String raw = equals < 0 ? parameter : parameter.substring(0, equals);
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (c == '%' && high >= 0 && low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                int codePoint = raw.codePointAt(i);
                byte[] encoded = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
