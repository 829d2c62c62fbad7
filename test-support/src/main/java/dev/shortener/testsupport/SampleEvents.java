package dev.shortener.testsupport;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one loader of the committed sample events in {@code events/}, for every module's tests: a handler test feeds
 * the same JSON a deployed function would get, so the samples stay valid.
 *
 * <p>One rule for unknown fields: they fail. A member the event class doesn't know is either a typo in a sample or a
 * field the handler never sees; either way the sample no longer shows what the test claims. (The Lambda runtime's
 * own serialiser, which {@code RedirectArtifactIT} uses, ignores them: a sample that passes here reads the same
 * there.)
 */
public final class SampleEvents {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Path DIRECTORY = locate();

    private SampleEvents() {}

    /** The folder, found by walking up from the working directory (surefire runs in the module's folder). */
    public static Path directory() {
        return DIRECTORY;
    }

    /** The sample {@code file} as {@code type}. */
    public static <T> T load(String file, Class<T> type) {
        return load(file, type, Map.of());
    }

    /**
     * The sample {@code file} as {@code type}, with each key of {@code replacements} replaced by its value in the
     * JSON text first (a test's own code for the sample's).
     */
    public static <T> T load(String file, Class<T> type, Map<String, String> replacements) {
        String json = json(file);
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            json = json.replace(replacement.getKey(), replacement.getValue());
        }
        try {
            return STRICT.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample event " + DIRECTORY.resolve(file), e);
        }
    }

    /**
     * The HTTP API (payload 2.0) sample {@code file}, the event type both functions' handlers take, with each key of
     * {@code replacements} replaced by its value first.
     */
    public static APIGatewayV2HTTPEvent httpApiEvent(String file, Map<String, String> replacements) {
        return load(file, APIGatewayV2HTTPEvent.class, replacements);
    }

    /** The HTTP API (payload 2.0) sample {@code file} as it is committed. */
    public static APIGatewayV2HTTPEvent httpApiEvent(String file) {
        return httpApiEvent(file, Map.of());
    }

    /** The raw JSON of a sample, for tests that hand the bytes to a serialiser of their own. */
    public static String json(String file) {
        try {
            return Files.readString(DIRECTORY.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample event " + DIRECTORY.resolve(file), e);
        }
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path events = dir.resolve("events");
            if (Files.isDirectory(events) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return events;
            }
        }
        throw new IllegalStateException(
                "no events/ folder beside mvnw at or above " + Path.of("").toAbsolutePath());
    }
}
