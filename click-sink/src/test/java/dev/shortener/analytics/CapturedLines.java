package dev.shortener.analytics;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** A PrintStream whose lines a test can read back (log lines, EMF lines). Thread-safe like any PrintStream. */
public final class CapturedLines {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    public PrintStream stream() {
        return stream;
    }

    public List<String> lines() {
        synchronized (stream) {
            stream.flush();
            String text = bytes.toString(StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
        }
    }

    public String text() {
        return String.join("\n", lines());
    }
}
