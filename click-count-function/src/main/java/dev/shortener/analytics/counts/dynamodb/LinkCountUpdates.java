package dev.shortener.analytics.counts.dynamodb;

import static dev.shortener.analytics.counts.dynamodb.ClickCountAttributes.CLICKS_UPDATED_AT;
import static dev.shortener.analytics.counts.dynamodb.ClickCountAttributes.CLICK_OBJECTS;
import static dev.shortener.links.LinksTableSchema.CLICK_COUNT;
import static dev.shortener.links.LinksTableSchema.PARTITION_KEY;
import static dev.shortener.links.dynamodb.LinkItems.n;
import static dev.shortener.links.dynamodb.LinkItems.s;

import dev.shortener.links.dynamodb.LinksTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The per-link writes of the ledger: one UpdateItem per code (DynamoDB has no batched update), run in parallel
 * on a small pool so an object with thousands of codes finishes well within the function's timeout. Only
 * existing items are touched: a code whose link is gone (TTL-deleted) or that is not a link is skipped, never
 * created.
 */
final class LinkCountUpdates {

    private final LinksTable table;
    private final ExecutorService pool;

    LinkCountUpdates(LinksTable table, ExecutorService pool) {
        this.table = Objects.requireNonNull(table, "table");
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /** Adds each count unless this object's token is already in the link (added before a crash). */
    void add(String token, Map<String, Long> perCode, Instant now) {
        AttributeValue tokenSet = AttributeValue.builder().ss(token).build();
        forEach(
                perCode.keySet(),
                code -> conditional(() -> table.updateItem(update -> update.key(Map.of(PARTITION_KEY, s(code)))
                        .updateExpression("ADD #count :n, #objs :tokenSet SET #updated = :now")
                        .conditionExpression("attribute_exists(#pk) AND NOT contains(#objs, :token)")
                        .expressionAttributeNames(Map.of(
                                "#pk",
                                PARTITION_KEY,
                                "#count",
                                CLICK_COUNT,
                                "#objs",
                                CLICK_OBJECTS,
                                "#updated",
                                CLICKS_UPDATED_AT))
                        .expressionAttributeValues(Map.of(
                                ":n",
                                n(perCode.get(code)),
                                ":tokenSet",
                                tokenSet,
                                ":token",
                                s(token),
                                ":now",
                                n(now.getEpochSecond()))))));
    }

    /** Removes the token again once every link has its count. */
    void removeToken(String token, Collection<String> codes) {
        AttributeValue tokenSet = AttributeValue.builder().ss(token).build();
        forEach(
                codes,
                code -> conditional(() -> table.updateItem(update -> update.key(Map.of(PARTITION_KEY, s(code)))
                        .updateExpression("DELETE #objs :tokenSet")
                        .conditionExpression("attribute_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", PARTITION_KEY, "#objs", CLICK_OBJECTS))
                        .expressionAttributeValues(Map.of(":tokenSet", tokenSet)))));
    }

    private void forEach(Collection<String> codes, Consumer<String> write) {
        List<Future<?>> writes = new ArrayList<>();
        for (String code : codes) {
            if (isLinkKey(code)) {
                writes.add(pool.submit(() -> write.accept(code)));
            }
        }
        for (Future<?> done : writes) {
            try {
                done.get();
            } catch (ExecutionException e) {
                // Fail the invocation: the retry resumes, and the per-link tokens keep it from adding twice.
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while updating counts", e);
            }
        }
    }

    /** A failed condition means "already counted" or "no such link": both are fine. */
    private static void conditional(Runnable update) {
        try {
            update.run();
        } catch (ConditionalCheckFailedException alreadyOrNoLink) {
            // nothing to add
        }
    }

    /** Codes are 7-11 Base62 characters or aliases; '#' marks other item kinds, which are never counted. */
    private static boolean isLinkKey(String code) {
        return !code.isEmpty() && code.indexOf('#') < 0 && code.length() <= 256;
    }
}
