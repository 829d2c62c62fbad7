package dev.shortener.analytics.delivery;

import java.util.List;

/**
 * One Firehose record on its way: the clicks it packs and its bytes, which stay the same on every resend (the
 * event ids inside are what let queries drop a duplicate). Mutable state is guarded by {@link PendingClicks}.
 */
final class PendingRecord {

    final List<EncodedClick> clicks;
    final byte[] data;
    final int plainBytes;
    int attempts;
    long notBeforeNanos;
    /** Delivered, given up, or abandoned at shutdown: a late answer for it must not count it again. */
    boolean resolved;

    PendingRecord(List<EncodedClick> clicks, byte[] data, int plainBytes) {
        this.clicks = List.copyOf(clicks);
        this.data = data;
        this.plainBytes = plainBytes;
    }

    int size() {
        return data.length;
    }
}
