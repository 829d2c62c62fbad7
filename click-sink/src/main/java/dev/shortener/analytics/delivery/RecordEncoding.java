package dev.shortener.analytics.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * How a Firehose record's bytes are made from its lines.
 *
 * <p>Firehose bills ingestion by the record's size as sent, rounded up to 5 KB. NDJSON click events (~300-450
 * bytes each) compress about 6-8x, so {@link #GZIP} records bill a fraction of {@link #NDJSON} ones: the stream
 * must then leave compression to the producer (CompressionFormat UNCOMPRESSED, FileExtension {@code .json.gz}).
 * Firehose concatenates records, and concatenated GZIP members are one valid GZIP file (RFC 1952, 2.2), which
 * {@link java.util.zip.GZIPInputStream}, DuckDB and Trino (since 422) read whole. {@link #NDJSON} is the fallback
 * for a stream that compresses itself (CompressionFormat GZIP).
 */
public enum RecordEncoding {
    GZIP {
        @Override
        byte[] encode(List<EncodedClick> clicks, int plainBytes) {
            var out = new ByteArrayOutputStream(Math.max(64, plainBytes / 5));
            try (var gzip = new GzipStream(out)) {
                for (EncodedClick click : clicks) {
                    gzip.write(click.line());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("in-memory GZIP failed", e);
            }
            return out.toByteArray();
        }
    },
    NDJSON {
        @Override
        byte[] encode(List<EncodedClick> clicks, int plainBytes) {
            byte[] data = new byte[plainBytes];
            int at = 0;
            for (EncodedClick click : clicks) {
                System.arraycopy(click.line(), 0, data, at, click.size());
                at += click.size();
            }
            return data;
        }
    };

    /** The record's bytes. {@code plainBytes} is the sum of the lines' sizes. */
    abstract byte[] encode(List<EncodedClick> clicks, int plainBytes);

    /** Level 6 costs ~2x level 1's CPU for a few percent; level 1 keeps the flusher light in small environments. */
    private static final class GzipStream extends GZIPOutputStream {
        GzipStream(ByteArrayOutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
