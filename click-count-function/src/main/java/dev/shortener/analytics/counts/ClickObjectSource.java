package dev.shortener.analytics.counts;

import java.io.IOException;
import java.io.InputStream;

/** Reads an object of click events, decompressed. The port lets the handler test feed real bytes. */
public interface ClickObjectSource {

    /** The object's NDJSON, already decompressed; the caller closes it. */
    InputStream open(ObjectRef object) throws IOException;
}
