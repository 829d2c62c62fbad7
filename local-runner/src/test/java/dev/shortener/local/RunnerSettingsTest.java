package dev.shortener.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnerSettingsTest {

    @Test
    void noArguments_serveOn8080_withDataInTheWorkingFolder() {
        RunnerSettings settings = RunnerSettings.parse(new String[0], Map.of());

        assertEquals("serve", settings.command());
        assertEquals(8080, settings.port());
        assertEquals(Path.of("data").toAbsolutePath(), settings.data());
    }

    @Test
    void options_winOverTheEnvironment_andTheRestGoesToTheCommand() {
        RunnerSettings settings = RunnerSettings.parse(
                new String[] {"stats", "--port", "9000", "--data=/tmp/x", "top_links", "--from", "2026-05-01"},
                Map.of("PORT", "8081", "SHORTENER_DATA", "/tmp/y"));

        assertEquals("stats", settings.command());
        assertEquals(9000, settings.port());
        assertEquals(Path.of("/tmp/x"), settings.data());
        assertEquals(List.of("top_links", "--from", "2026-05-01"), settings.args());
    }

    @Test
    void environment_isUsedWithoutOptions() {
        RunnerSettings settings = RunnerSettings.parse(new String[] {"--help"}, Map.of("PORT", "8081"));

        assertEquals("help", settings.command());
        assertEquals(8081, settings.port());
    }

    @Test
    void badPort_isRefusedNamingTheVariable() {
        RunnerException e = assertThrows(
                RunnerException.class, () -> RunnerSettings.parse(new String[0], Map.of("PORT", "eighty")));

        assertEquals("The port (--port or PORT) must be a number from 0 to 65535, got 'eighty'.", e.getMessage());
    }
}
