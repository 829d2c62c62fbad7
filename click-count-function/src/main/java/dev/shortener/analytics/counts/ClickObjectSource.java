package dev.shortener.analytics.counts;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Reads objects of click events, decompressed. The port lets the handler test feed real bytes. */
public interface ClickObjectSource {

    /** The object's NDJSON, already decompressed; the caller closes it. */
    InputStream open(ObjectRef object) throws IOException;

    /**
     * The objects of the same stream written within {@link ClickCountService#RESEND_WINDOW} before this one: where
     * an event resent after a lost answer may already be. Empty where nothing is ever resent (the local sink).
     */
    List<ObjectRef> writtenJustBefore(ObjectRef object) throws IOException;
}
