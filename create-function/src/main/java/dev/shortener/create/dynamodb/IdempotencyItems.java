package dev.shortener.create.dynamodb;

import static dev.shortener.links.LinksTableSchema.EXPIRES_AT;
import static dev.shortener.links.LinksTableSchema.IDEMPOTENCY_PREFIX;
import static dev.shortener.links.LinksTableSchema.PARTITION_KEY;
import static dev.shortener.links.dynamodb.LinkItems.epochSeconds;
import static dev.shortener.links.dynamodb.LinkItems.n;
import static dev.shortener.links.dynamodb.LinkItems.s;

import dev.shortener.create.domain.idempotency.ClaimRequest;
import dev.shortener.links.Link;
import dev.shortener.links.dynamodb.LinkItems;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The attributes of an idempotency record ({@code idem#<key id>#<hash of the Idempotency-Key>}). Its lifetime is
 * the table's TTL attribute, {@code expires_at}; the result is the created link, from which the response is
 * rebuilt exactly.
 */
final class IdempotencyItems {

    static final String STATE = "idem_state";
    static final String FINGERPRINT = "idem_fingerprint";
    static final String LOCK_TOKEN = "idem_lock_token";
    /** Epoch milliseconds. */
    static final String LOCKED_UNTIL = "idem_locked_until";

    static final String CODE = "idem_code";
    static final String RESULT_URL = "result_url";
    static final String RESULT_OWNER = "result_owner";
    static final String RESULT_CREATED_AT = "result_created_at";
    static final String RESULT_EXPIRES_AT = "result_expires_at";
    /** Boolean, present when true: records from before forwarding existed have none, and those links didn't. */
    static final String RESULT_FORWARD_QUERY = "result_forward_query";

    static final String RESULT_TAGS = "result_tags";
    /** A bulk request's results: the response body, gzip-compressed (binary). */
    static final String RESULT_BATCH = "result_batch";

    static final String IN_PROGRESS = "in_progress";
    static final String COMPLETED = "completed";

    private IdempotencyItems() {}

    /** The partition key of the record under {@code recordKey}. */
    static String partitionKey(String recordKey) {
        return IDEMPOTENCY_PREFIX + recordKey;
    }

    /** A new record for {@code request}, held by {@code token} and pinning its candidate code. */
    static Map<String, AttributeValue> inProgress(ClaimRequest request, String token) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PARTITION_KEY, s(partitionKey(request.recordKey())));
        item.put(STATE, s(IN_PROGRESS));
        item.put(FINGERPRINT, s(request.fingerprint()));
        item.put(LOCK_TOKEN, s(token));
        item.put(LOCKED_UNTIL, n(request.lockedUntil().toEpochMilli()));
        item.put(CODE, s(request.candidateCode()));
        item.put(EXPIRES_AT, epochSeconds(request.retainUntil()));
        return item;
    }

    static boolean isLive(Map<String, AttributeValue> item, Instant now) {
        return item != null
                && !item.isEmpty()
                && LinkItems.instant(item.get(EXPIRES_AT)).isAfter(now);
    }

    static boolean isLocked(Map<String, AttributeValue> item, Instant now) {
        return Long.parseLong(item.get(LOCKED_UNTIL).n()) > now.toEpochMilli();
    }

    /** The update expression and values that complete a record with {@code link}. */
    static Map.Entry<String, Map<String, AttributeValue>> completion(Link link, Instant retainUntil) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":completed", s(COMPLETED));
        values.put(":code", s(link.code()));
        values.put(":url", s(link.url()));
        values.put(":owner", s(link.createdBy()));
        values.put(":createdAt", epochSeconds(link.createdAt()));
        values.put(":retain", epochSeconds(retainUntil));
        String set = "SET " + STATE + " = :completed, " + CODE + " = :code, " + RESULT_URL + " = :url, " + RESULT_OWNER
                + " = :owner, " + RESULT_CREATED_AT + " = :createdAt, " + EXPIRES_AT + " = :retain";
        if (link.expires()) {
            values.put(":expiresAt", epochSeconds(link.expiresAt()));
            set += ", " + RESULT_EXPIRES_AT + " = :expiresAt";
        }
        if (link.forwardQuery()) {
            values.put(":forwardQuery", AttributeValue.fromBool(true));
            set += ", " + RESULT_FORWARD_QUERY + " = :forwardQuery";
        }
        if (!link.tags().isEmpty()) {
            values.put(":tags", AttributeValue.fromSs(java.util.List.copyOf(link.tags())));
            set += ", " + RESULT_TAGS + " = :tags";
        }
        return Map.entry(set + " REMOVE " + LOCKED_UNTIL, values);
    }

    static Link linkOf(Map<String, AttributeValue> item) {
        return Link.create(
                        item.get(CODE).s(),
                        item.get(RESULT_URL).s(),
                        LinkItems.instant(item.get(RESULT_CREATED_AT)),
                        LinkItems.instant(item.get(RESULT_EXPIRES_AT)),
                        item.get(RESULT_OWNER).s())
                .withForwardQuery(item.containsKey(RESULT_FORWARD_QUERY)
                        && Boolean.TRUE.equals(item.get(RESULT_FORWARD_QUERY).bool()))
                .withTags(item.containsKey(RESULT_TAGS) ? item.get(RESULT_TAGS).ss() : java.util.List.of());
    }

    /** The update expression and values that complete a bulk request's record with its results. */
    static Map.Entry<String, Map<String, AttributeValue>> batchCompletion(byte[] results, Instant retainUntil) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":completed", s(COMPLETED));
        values.put(":results", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(results)));
        values.put(":retain", epochSeconds(retainUntil));
        return Map.entry(
                "SET " + STATE + " = :completed, " + RESULT_BATCH + " = :results, " + EXPIRES_AT + " = :retain"
                        + " REMOVE " + LOCKED_UNTIL,
                values);
    }
}
