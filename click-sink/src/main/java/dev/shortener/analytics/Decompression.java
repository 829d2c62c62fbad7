package dev.shortener.analytics;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Opens an event object whether or not it is GZIP, by its magic bytes rather than its name. GZIPInputStream
 * reads concatenated members to the end, which is what an object of producer-compressed records is.
 */
public final class Decompression {

    private Decompression() {}

    public static InputStream decompressed(InputStream raw) throws IOException {
        var in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        boolean gzip = first == 0x1f && second == 0x8b;
        return gzip ? new GZIPInputStream(in, 64 * 1024) : in;
    }
}
