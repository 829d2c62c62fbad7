package dev.shortener.analytics.delivery;

import java.util.List;

/** The outbound port to the delivery stream: one PutRecordBatch call. Never throws; failures are outcomes. */
public interface RecordBatchSender {

    /** Sends up to 500 records (4 MiB in all) and reports, per entry, which were stored. */
    BatchOutcome send(List<byte[]> records);
}
