package dev.shortener.deploycheck.checks;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.shortener.deploycheck.http.Reply;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** A JSON object body, read leniently: an answer that isn't one is evidence, not a crash. */
final class JsonBody {

    private JsonBody() {}

    static Optional<Map<String, Object>> of(Reply reply) {
        try {
            return Optional.of(JSON.std.mapFrom(reply.body()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<String> string(Reply reply, String member) {
        return of(reply).map(map -> map.get(member)).map(Object::toString);
    }

    static Optional<Long> number(Reply reply, String member) {
        return of(reply)
                .map(map -> map.get(member))
                .filter(Number.class::isInstance)
                .map(value -> ((Number) value).longValue());
    }

    /** At most 160 characters of a body, on one line, for the evidence column. */
    static String excerpt(Reply reply) {
        String body =
                reply.body() == null ? "" : reply.body().replaceAll("\\s+", " ").strip();
        return body.length() <= 160 ? body : body.substring(0, 157) + "...";
    }
}
