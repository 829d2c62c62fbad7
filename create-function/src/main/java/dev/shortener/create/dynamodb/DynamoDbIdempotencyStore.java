package dev.shortener.create.dynamodb;

import static dev.shortener.create.dynamodb.IdempotencyItems.CODE;
import static dev.shortener.create.dynamodb.IdempotencyItems.COMPLETED;
import static dev.shortener.create.dynamodb.IdempotencyItems.FINGERPRINT;
import static dev.shortener.create.dynamodb.IdempotencyItems.IN_PROGRESS;
import static dev.shortener.create.dynamodb.IdempotencyItems.LOCKED_UNTIL;
import static dev.shortener.create.dynamodb.IdempotencyItems.LOCK_TOKEN;
import static dev.shortener.create.dynamodb.IdempotencyItems.RESULT_BATCH;
import static dev.shortener.create.dynamodb.IdempotencyItems.STATE;
import static dev.shortener.create.dynamodb.IdempotencyItems.partitionKey;
import static dev.shortener.links.LinksTableSchema.EXPIRES_AT;
import static dev.shortener.links.LinksTableSchema.PARTITION_KEY;
import static dev.shortener.links.dynamodb.LinkItems.epochSeconds;
import static dev.shortener.links.dynamodb.LinkItems.n;
import static dev.shortener.links.dynamodb.LinkItems.s;
import static dev.shortener.links.dynamodb.LinkItems.string;

import dev.shortener.create.domain.idempotency.ClaimRequest;
import dev.shortener.create.domain.idempotency.ClaimResult;
import dev.shortener.create.domain.idempotency.IdempotencyClaim;
import dev.shortener.create.domain.idempotency.IdempotencyStore;
import dev.shortener.links.Link;
import dev.shortener.links.dynamodb.LinksTable;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Idempotency records as items of the links table, expiring through its TTL attribute. Each step is one
 * conditional write, so two retries racing in different environments are decided by DynamoDB: exactly one creates
 * (or takes over) the record, the other learns what is there. Reads judge expiry themselves, since TTL deletion
 * lags by up to days.
 */
public final class DynamoDbIdempotencyStore implements IdempotencyStore {

    /** A record can vanish or its lock run out between our write and our read; a few rounds settle it. */
    private static final int ATTEMPTS = 3;

    private final TableItems items;

    public DynamoDbIdempotencyStore(LinksTable table) {
        this.items = new TableItems(table);
    }

    @Override
    public ClaimResult claim(ClaimRequest request) {
        Instant now = request.now();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String token = UUID.randomUUID().toString(); // made per request, after any SnapStart restore
            if (createRecord(IdempotencyItems.inProgress(request, token), now)) {
                return new ClaimResult.Claimed(request.created(token));
            }
            String pinned = takeOver(request, token);
            if (pinned != null) {
                return new ClaimResult.Claimed(request.takenOver(token, pinned));
            }
            var item = items.read(partitionKey(request.recordKey()));
            if (!IdempotencyItems.isLive(item, now)) {
                continue; // deleted or expired since: try again
            }
            if (!request.fingerprint().equals(string(item, FINGERPRINT))) {
                return new ClaimResult.Mismatch();
            }
            if (COMPLETED.equals(string(item, STATE))) {
                return item.containsKey(RESULT_BATCH)
                        ? new ClaimResult.CompletedBatch(
                                item.get(RESULT_BATCH).b().asByteArray())
                        : new ClaimResult.Completed(IdempotencyItems.linkOf(item));
            }
            if (IdempotencyItems.isLocked(item, now)) {
                return new ClaimResult.InFlight();
            }
            // its lock ran out just now: try to take over again
        }
        return new ClaimResult.InFlight();
    }

    /** A new record, where there is none or only an expired one. */
    private boolean createRecord(Map<String, AttributeValue> item, Instant now) {
        return items.putIf(
                item,
                "attribute_not_exists(" + PARTITION_KEY + ") OR " + EXPIRES_AT + " <= :now",
                Map.of(":now", epochSeconds(now)));
    }

    /** @return the pinned code when a stalled claim of the same payload was taken over, else null */
    private String takeOver(ClaimRequest request, String token) {
        var taken = items.updateAndReadIf(
                partitionKey(request.recordKey()),
                "SET " + LOCK_TOKEN + " = :token, " + LOCKED_UNTIL + " = :lock",
                STATE + " = :inProgress AND " + LOCKED_UNTIL + " <= :nowMillis AND " + FINGERPRINT
                        + " = :fingerprint AND " + EXPIRES_AT + " > :now",
                Map.of(
                        ":token",
                        s(token),
                        ":lock",
                        n(request.lockedUntil().toEpochMilli()),
                        ":inProgress",
                        s(IN_PROGRESS),
                        ":nowMillis",
                        n(request.now().toEpochMilli()),
                        ":fingerprint",
                        s(request.fingerprint()),
                        ":now",
                        epochSeconds(request.now())));
        return taken == null ? null : taken.get(CODE).s();
    }

    @Override
    public void repin(IdempotencyClaim claim, String code) {
        whileHeld(claim, "SET " + CODE + " = :code", Map.of(":code", s(code)));
    }

    @Override
    public void complete(IdempotencyClaim claim, Link link, Instant retainUntil) {
        var completion = IdempotencyItems.completion(link, retainUntil);
        whileHeld(claim, completion.getKey(), completion.getValue());
    }

    @Override
    public void completeBatch(IdempotencyClaim claim, byte[] results, Instant retainUntil) {
        var completion = IdempotencyItems.batchCompletion(results, retainUntil);
        whileHeld(claim, completion.getKey(), completion.getValue());
    }

    @Override
    public void release(IdempotencyClaim claim) {
        // false when another request took over: the record is theirs now
        items.deleteIf(
                partitionKey(claim.recordKey()),
                LOCK_TOKEN + " = :token AND " + STATE + " = :inProgress",
                Map.of(":token", s(claim.lockToken()), ":inProgress", s(IN_PROGRESS)));
    }

    /**
     * An update that applies only while {@code claim} still holds the record. When it no longer does, another
     * request took over after our lock ran out; it resumes from the pinned code.
     */
    private void whileHeld(IdempotencyClaim claim, String expression, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":token", s(claim.lockToken()));
        items.updateIf(partitionKey(claim.recordKey()), expression, LOCK_TOKEN + " = :token", all);
    }
}
