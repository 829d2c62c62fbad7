package dev.shortener.links.dynamodb;

import static dev.shortener.links.LinksTableSchema.LEASE_EXPIRES_AT;
import static dev.shortener.links.LinksTableSchema.LEASE_HOLDER;
import static dev.shortener.links.LinksTableSchema.PARTITION_KEY;
import static dev.shortener.links.LinksTableSchema.workerKey;
import static dev.shortener.links.dynamodb.LinkItems.n;
import static dev.shortener.links.dynamodb.LinkItems.s;

import dev.shortener.shortcode.NoFreeWorkerException;
import dev.shortener.shortcode.WorkerLease;
import dev.shortener.shortcode.WorkerLeases;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Worker-id leases as items of the links table ({@code worker#<id>}), taken with a conditional put: the write
 * succeeds only where no lease exists or the existing one has ended, so two minters can never both win one id.
 *
 * <p>The item is never deleted: its last expiry tells the next holder where it may start minting (the lease's
 * {@code mintFloor}), whatever its clock says.
 */
public final class DynamoDbWorkerLeases implements WorkerLeases {

    private static final String FREE_OR_ENDED =
            "attribute_not_exists(" + PARTITION_KEY + ") OR " + LEASE_EXPIRES_AT + " < :now";
    private static final String STILL_MINE = LEASE_HOLDER + " = :holder";

    private final LinksTable table;

    public DynamoDbWorkerLeases(LinksTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * Tries the ids from a start derived from the new holder id (a SecureRandom UUID, which the Lambda runtime keeps
     * unique across SnapStart restores, unlike a plain Random seeded before the snapshot), so that minters
     * starting together rarely contend for the same id.
     */
    @Override
    public WorkerLease acquire(int workerCount, Instant now, Instant expiresAt) {
        String holder = UUID.randomUUID().toString();
        int start = Math.floorMod(holder.hashCode(), workerCount);
        for (int i = 0; i < workerCount; i++) {
            int workerId = (start + i) % workerCount;
            Optional<Instant> floor = tryTake(workerId, holder, now, expiresAt);
            if (floor.isPresent()) {
                return new WorkerLease(workerId, holder, expiresAt, floor.get());
            }
        }
        throw new NoFreeWorkerException(workerCount);
    }

    /** @return the previous holder's expiry (the new holder's floor), or empty when the id is taken */
    private Optional<Instant> tryTake(int workerId, String holder, Instant now, Instant expiresAt) {
        try {
            var old = table.putItem(put -> put.item(Map.of(
                                    PARTITION_KEY, s(workerKey(workerId)),
                                    LEASE_HOLDER, s(holder),
                                    LEASE_EXPIRES_AT, n(expiresAt.toEpochMilli())))
                            .conditionExpression(FREE_OR_ENDED)
                            .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli())))
                            .returnValues(ReturnValue.ALL_OLD))
                    .attributes();
            AttributeValue previousExpiry = old == null ? null : old.get(LEASE_EXPIRES_AT);
            return Optional.of(
                    previousExpiry == null ? Instant.EPOCH : Instant.ofEpochMilli(Long.parseLong(previousExpiry.n())));
        } catch (ConditionalCheckFailedException taken) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<WorkerLease> renew(WorkerLease lease, Instant expiresAt) {
        return setExpiry(lease, expiresAt) ? Optional.of(lease.withExpiresAt(expiresAt)) : Optional.empty();
    }

    @Override
    public void release(WorkerLease lease, Instant usedUntil) {
        setExpiry(lease, usedUntil); // lost already: nothing to give back
    }

    private boolean setExpiry(WorkerLease lease, Instant expiresAt) {
        try {
            table.updateItem(update -> update.key(Map.of(PARTITION_KEY, s(workerKey(lease.workerId()))))
                    .updateExpression("SET " + LEASE_EXPIRES_AT + " = :expires")
                    .conditionExpression(STILL_MINE)
                    .expressionAttributeValues(Map.of(
                            ":expires", n(expiresAt.toEpochMilli()),
                            ":holder", s(lease.holder()))));
            return true;
        } catch (ConditionalCheckFailedException takenOver) {
            return false;
        }
    }
}
