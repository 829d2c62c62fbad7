package dev.shortener.analytics.firehose;

import dev.shortener.analytics.delivery.BatchOutcome;
import dev.shortener.analytics.delivery.RecordBatchSender;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * PutRecordBatch through the SDK, with its answers turned into outcomes. The client is built without SDK
 * retries ({@link FirehoseClients}): the sink retries only the failed entries, with its own jittered backoff, and
 * counts every resend, which an SDK retry of the whole call would hide.
 */
public final class FirehoseRecordSender implements RecordBatchSender {

    private final FirehoseClient firehose;
    private final String streamName;

    public FirehoseRecordSender(FirehoseClient firehose, String streamName) {
        this.firehose = Objects.requireNonNull(firehose, "firehose");
        this.streamName = Objects.requireNonNull(streamName, "streamName");
    }

    @Override
    public BatchOutcome send(List<byte[]> records) {
        List<Record> entries = new ArrayList<>(records.size());
        for (byte[] data : records) {
            entries.add(
                    Record.builder().data(SdkBytes.fromByteArrayUnsafe(data)).build());
        }
        PutRecordBatchResponse response;
        try {
            response = firehose.putRecordBatch(PutRecordBatchRequest.builder()
                    .deliveryStreamName(streamName)
                    .records(entries)
                    .build());
        } catch (AwsServiceException e) {
            String code =
                    e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            return new BatchOutcome.CallFailed(code == null ? "HTTP " + e.statusCode() : code, isThrottling(e, code));
        } catch (SdkException e) {
            // Timeout, connection reset, ...: the service may have stored the records. Resend; ids dedupe.
            return new BatchOutcome.CallFailed(e.getClass().getSimpleName(), false);
        }
        return outcome(response, records.size());
    }

    private static BatchOutcome outcome(PutRecordBatchResponse response, int sent) {
        Integer failed = response.failedPutCount();
        if (failed == null || failed == 0) {
            return new BatchOutcome.Answered(Collections.nCopies(sent, null));
        }
        List<PutRecordBatchResponseEntry> answers = response.requestResponses();
        if (answers.size() != sent) {
            // Can't tell which entries failed: resending all is safe (at-least-once), losing some is not.
            return new BatchOutcome.CallFailed("MismatchedRequestResponses", false);
        }
        List<String> errors = new ArrayList<>(sent);
        for (PutRecordBatchResponseEntry answer : answers) {
            boolean stored = answer.errorCode() == null && answer.recordId() != null;
            errors.add(stored ? null : answer.errorCode() == null ? "NoRecordId" : answer.errorCode());
        }
        return new BatchOutcome.Answered(errors);
    }

    /** ServiceUnavailableException is what Firehose answers when a stream is over its quotas. */
    private static boolean isThrottling(AwsServiceException e, String code) {
        return e.isThrottlingException()
                || e.statusCode() == 429
                || "ServiceUnavailableException".equals(code)
                || "LimitExceededException".equals(code)
                || "ThrottlingException".equals(code);
    }
}
