package dev.shortener.local.clicks;

import dev.shortener.analytics.Click;
import dev.shortener.analytics.ClickLayout;
import dev.shortener.analytics.ClickSink;
import dev.shortener.analytics.event.ClickEvent;
import dev.shortener.analytics.event.ClickEventCodec;
import dev.shortener.analytics.event.ClickEvents;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The local runner's sink: the same events, as NDJSON files in the bucket's layout under a folder
 * ({@code <dir>/clicks/dt=2026-05-01/local-<run>.json}), so the named queries run on them with DuckDB exactly as
 * Athena runs them on S3. Writes synchronously: local traffic is tiny, and a file is simplest to inspect.
 * The partition is the click's own day here (Firehose's is the arrival day, the same day but for stragglers).
 * Only the runner has it: no function can be configured into writing files.
 */
public final class LocalClickSink implements ClickSink {

    /** The local runner's setting: a folder for the click files instead of the data folder's (also read by stats). */
    public static final String LOCAL_DIR = "CLICK_LOCAL_DIR";

    private final Path root;
    private final ClickEvents events;
    private final String fileName = "local-" + UUID.randomUUID() + ".json";

    public LocalClickSink(Path root, ClickEvents events) {
        this.root = Objects.requireNonNull(root, "root");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public synchronized void record(Click click) {
        ClickEvent event = events.from(click);
        Path file = root.resolve(ClickLayout.partitionPrefix(LocalDate.parse(event.day())))
                .resolve(fileName);
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                out.write(ClickEventCodec.toLine(event));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append a click to " + file, e);
        }
    }

    /** Every line is written (and closed) by the time {@link #record} returns. */
    @Override
    public void beforeFreeze(Duration budget) {}
}
