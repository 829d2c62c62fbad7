package dev.shortener.localservers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Drains a child's output stream on a daemon thread and keeps its last lines. Draining is needed because
 * a child that fills its pipe blocks; the tail is what goes into error messages when a start fails.
 */
final class OutputTail {

    private static final int MAX_LINES = 40;

    private final Deque<String> lines = new ArrayDeque<>();
    private Thread reader;

    private OutputTail() {}

    /** Starts draining {@code in}, passing every line to {@code onLine} as well as keeping it. */
    static OutputTail drain(InputStream in, String threadName, Consumer<String> onLine) {
        OutputTail tail = new OutputTail();
        tail.reader = new Thread(() -> tail.readAll(in, onLine), threadName);
        tail.reader.setDaemon(true);
        tail.reader.start();
        return tail;
    }

    static OutputTail drain(InputStream in, String threadName) {
        return drain(in, threadName, line -> {});
    }

    private void readAll(InputStream in, Consumer<String> onLine) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                add(line);
                onLine.accept(line);
            }
        } catch (IOException | UncheckedIOException e) {
            // the child went away; what was read so far is kept
        }
    }

    private synchronized void add(String line) {
        if (lines.size() == MAX_LINES) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    /** The last lines read, joined with newlines; empty when the child printed nothing. */
    synchronized String text() {
        return String.join("\n", lines);
    }

    /**
     * The last lines, after waiting (briefly) for the stream to end: call it once the child has exited, so
     * that its final lines, usually the reason it failed, are not still in the pipe.
     */
    String finalText() {
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return text();
    }
}
