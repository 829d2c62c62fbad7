package dev.shortener.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SampleEventsTest {

    @Test
    void everyApiGatewaySample_readsStrictly() throws IOException {
        List<String> samples;
        try (Stream<Path> files = Files.list(SampleEvents.directory())) {
            samples = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("api-") || name.startsWith("redirect-"))
                    .sorted()
                    .toList();
        }

        assertFalse(samples.isEmpty(), "no API Gateway samples in " + SampleEvents.directory());
        for (String sample : samples) {
            APIGatewayV2HTTPEvent event = SampleEvents.httpApiEvent(sample);
            assertTrue(event.getRawPath().startsWith("/"), sample + ": " + event.getRawPath());
        }
    }

    @Test
    void replacements_areAppliedToTheJsonText() {
        APIGatewayV2HTTPEvent event = SampleEvents.httpApiEvent("redirect-get.json", Map.of("aB3dE5f", "zZ9yY8x"));

        assertEquals("/zZ9yY8x", event.getRawPath());
    }

    @Test
    void anUnknownMember_fails() throws IOException {
        Path scratch = Files.createTempFile(SampleEvents.directory(), "unknown-member", ".json");
        try {
            Files.writeString(scratch, "{\"version\":\"2.0\",\"rawPaht\":\"/typo\"}");

            assertThrows(
                    UncheckedIOException.class,
                    () -> SampleEvents.load(scratch.getFileName().toString(), APIGatewayV2HTTPEvent.class));
        } finally {
            Files.delete(scratch);
        }
    }
}
