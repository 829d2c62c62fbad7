package dev.shortener.analytics.delivery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one PutRecordBatch call did. A call that returns can still have failed some entries
 * ({@code FailedPutCount > 0}); a call that fails outright may or may not have stored its records (a timeout
 * after the service wrote them), so its records are resent and may arrive twice, with the same event ids.
 */
public sealed interface BatchOutcome {

    /**
     * @param failedErrorCodes for each entry in request order, null when stored, else its error code
     */
    record Answered(List<String> failedErrorCodes) implements BatchOutcome {
        public Answered {
            // nulls allowed, so not List.copyOf
            failedErrorCodes = Collections.unmodifiableList(new ArrayList<>(failedErrorCodes));
        }
    }

    /**
     * @param errorCode the service's error code, or the exception's simple name for a local failure (timeout, I/O)
     * @param throttled the stream is over a quota: every producer should slow down, not only this batch
     */
    record CallFailed(String errorCode, boolean throttled) implements BatchOutcome {}
}
