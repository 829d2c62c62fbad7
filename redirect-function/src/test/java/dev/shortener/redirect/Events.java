package dev.shortener.redirect;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The committed sample events in {@code events/}, read with Jackson into the SDK's event class (strictly: an
 * unknown property fails), so the samples stay valid. Each names the code {@code aB3dE5f}, which tests replace
 * with a code of their own.
 */
final class Events {

    /** An independent reader of what the code under test writes. */
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SAMPLE_CODE = "aB3dE5f";
    static final String GET = "redirect-get.json";
    static final String GET_JSON = "redirect-get-json.json";
    static final String GET_IPV6 = "redirect-get-ipv6.json";
    static final String HEAD = "redirect-head.json";
    static final String PREVIEW = "redirect-preview.json";
    static final String POST = "redirect-post.json";

    private static final Path DIRECTORY = locate();

    private Events() {}

    static APIGatewayV2HTTPEvent load(String file, String code) {
        try {
            String json = Files.readString(DIRECTORY.resolve(file)).replace(SAMPLE_CODE, code);
            return JSON.readValue(json, APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample event " + file, e);
        }
    }

    static APIGatewayV2HTTPEvent load(String file) {
        return load(file, SAMPLE_CODE);
    }

    /** Surefire runs in the module's folder; the events live beside the modules. */
    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path events = dir.resolve("events");
            if (Files.isRegularFile(events.resolve(GET))) {
                return events;
            }
        }
        throw new IllegalStateException(
                "no events/ folder with " + GET + " above " + Path.of("").toAbsolutePath());
    }
}
