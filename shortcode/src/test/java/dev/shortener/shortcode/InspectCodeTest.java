package dev.shortener.shortcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.config.Environment;
import dev.shortener.testsupport.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InspectCodeTest {

    private static final Map<String, String> ENV =
            Map.of(ShortCodeSettings.SHORTCODE_SECRET, ShortCodeMinterTest.SECRET);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return InspectCode.run(
                args,
                Environment.of(env),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String mintedCode() {
        ShortCodeMinter minter = ShortCodeSettings.fromEnvironment(Environment.of(ENV))
                .newMinter(TestClock.fixedAt(ShortCodeMinterTest.START), new InMemoryWorkerLeases());
        return minter.mint();
    }

    @Test
    void run_printsTheTimeWorkerAndSequence() {
        String code = mintedCode();

        int status = run(ENV, code);

        assertEquals(InspectCode.OK, status);
        assertEquals(
                "code      " + code + "\ntime      2026-06-01T12:00:00Z\nworker    0\nsequence  0\n",
                out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void run_explainsABadCode() {
        int status = run(ENV, "abc-def");

        assertEquals(InspectCode.BAD_CODE, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Not a valid short code: Invalid character '-'"));
    }

    @Test
    void run_namesTheMissingSecretVariable() {
        int status = run(Map.of(), mintedCode());

        assertEquals(InspectCode.USAGE, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("SHORTCODE_SECRET is not set"));
    }

    @Test
    void run_printsUsage_withoutExactlyOneCode() {
        int status = run(ENV);

        assertEquals(InspectCode.USAGE, status);
        assertTrue(err.toString(StandardCharsets.UTF_8)
                .startsWith("Usage: java -cp shortcode.jar " + "dev.shortener.shortcode.InspectCode <code>"));
    }
}
