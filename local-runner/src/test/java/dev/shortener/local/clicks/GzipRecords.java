package dev.shortener.local.clicks;

import dev.shortener.analytics.event.ClickEvent;
import dev.shortener.analytics.event.ClickEventCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Clicks as one GZIP member of NDJSON lines, the way the sink's GZIP records reach S3 (Firehose concatenates them
 * into an object), for the tests that read such objects back with DuckDB and the stats code.
 */
final class GzipRecords {

    private GzipRecords() {}

    static byte[] gzip(List<ClickEvent> events) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            for (ClickEvent event : events) {
                out.write(ClickEventCodec.toLine(event));
            }
        }
        return bytes.toByteArray();
    }
}
