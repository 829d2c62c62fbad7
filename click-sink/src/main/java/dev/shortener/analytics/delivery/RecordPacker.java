package dev.shortener.analytics.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs newline-delimited events into as few records as fit Firehose's 1,000 KiB record limit. Packing by the
 * uncompressed size keeps every record under the limit whatever the encoding (GZIP of such small lines never
 * grows them by more than a few bytes per 32 KB block).
 */
final class RecordPacker {

    private final int maxRecordBytes;
    private final RecordEncoding encoding;

    RecordPacker(int maxRecordBytes, RecordEncoding encoding) {
        this.maxRecordBytes = maxRecordBytes;
        this.encoding = encoding;
    }

    List<PendingRecord> pack(List<EncodedClick> clicks) {
        List<PendingRecord> records = new ArrayList<>();
        List<EncodedClick> current = new ArrayList<>();
        int bytes = 0;
        for (EncodedClick click : clicks) {
            if (!current.isEmpty() && bytes + click.size() > maxRecordBytes) {
                records.add(seal(current, bytes));
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(click);
            bytes += click.size();
        }
        if (!current.isEmpty()) {
            records.add(seal(current, bytes));
        }
        return records;
    }

    private PendingRecord seal(List<EncodedClick> clicks, int plainBytes) {
        return new PendingRecord(clicks, encoding.encode(clicks, plainBytes), plainBytes);
    }
}
