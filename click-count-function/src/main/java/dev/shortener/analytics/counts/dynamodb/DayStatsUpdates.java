package dev.shortener.analytics.counts.dynamodb;

import static dev.shortener.links.LinksTableSchema.CREATED_BY;
import static dev.shortener.links.LinksTableSchema.PARTITION_KEY;
import static dev.shortener.links.LinksTableSchema.STATS_VERSION;

import dev.shortener.analytics.counts.LinkDay;
import dev.shortener.analytics.counts.ObjectRef;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.stats.DayCounts;
import dev.shortener.stats.StatsKeys;
import dev.shortener.stats.StatsSettings;
import dev.shortener.stats.dynamodb.DayStatsItems;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Adds an object's clicks to the links' and owners' day items: one read-modify-write per link-day and per
 * owner-day, in parallel on the ledger's pool.
 *
 * <p>Read-modify-write rather than {@code ADD}: the top-N bounding must see the current values to know what stays
 * and what becomes "other", the visitor sketch is a union of binaries that no update expression can compute, and
 * {@code ADD} works on top-level attributes only, so 24 hours and six dimensions would be hundreds of attributes.
 * Each write is a {@code PutItem} of the whole item conditional on the version it read ({@code stats_v}, or the
 * item's absence); a concurrent writer (another object of the same link, in another invocation) makes it fail, and
 * it is read and merged again, with jittered backoff, so no update is lost. The write also adds the object's
 * token to the item's {@code stats_objs}: a retry of the object finds it and adds nothing again.
 *
 * <p>Only codes whose link item exists are counted (the owner is its {@code created_by}, read with one
 * BatchGetItem per 100 codes); other codes are not links.
 */
final class DayStatsUpdates {

    /** Conflicting writers rarely exceed a handful (one per concurrent object of a link); this is a safety net. */
    static final int MAX_ATTEMPTS = 64;

    private final LinksTable table;
    private final ExecutorService pool;
    private final StatsSettings settings;
    private final AtomicLong conflicts = new AtomicLong();

    DayStatsUpdates(LinksTable table, ExecutorService pool, StatsSettings settings) {
        this.table = Objects.requireNonNull(table, "table");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Adds each link-day's counts, and their sums per owner-day, unless this object was added before. */
    public void add(ObjectRef object, Map<LinkDay, DayCounts> perLinkDay) {
        SdkBytes token =
                SdkBytes.fromByteArray(java.util.Arrays.copyOf(HexFormat.of().parseHex(object.token()), 8));
        Map<String, String> owners = owners(perLinkDay.keySet().stream()
                .map(LinkDay::code)
                .filter(DayStatsUpdates::isLinkKey)
                .distinct()
                .toList());
        Map<String, DayCounts> writes = new HashMap<>();
        Map<String, LocalDate> days = new HashMap<>();
        perLinkDay.forEach((linkDay, counts) -> {
            String owner = owners.get(linkDay.code());
            if (owner == null) {
                return; // not a link
            }
            String linkKey = StatsKeys.linkDay(linkDay.code(), linkDay.day());
            writes.put(linkKey, counts);
            days.put(linkKey, linkDay.day());
            String ownerKey = StatsKeys.ownerDay(owner, linkDay.day());
            DayCounts ownerDay = writes.computeIfAbsent(ownerKey, k -> new DayCounts());
            ownerDay.merge(counts);
            ownerDay.countLink(linkDay.code(), counts.clicks(), counts.botClicks());
            days.put(ownerKey, linkDay.day());
        });
        List<Future<?>> pending = new ArrayList<>();
        writes.forEach((key, counts) -> pending.add(pool.submit(() -> addOnce(key, days.get(key), counts, token))));
        for (Future<?> write : pending) {
            try {
                write.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while adding day stats", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime
                        ? runtime
                        : new IllegalStateException(e.getCause());
            }
        }
    }

    /** Conditional writes that lost to a concurrent writer and were merged again (for tests and logs). */
    public long conflicts() {
        return conflicts.get();
    }

    /** @return whether this call added the counts (false: the object had been added before) */
    boolean addOnce(String key, LocalDate day, DayCounts delta, SdkBytes token) {
        long expiresAt = day.plusDays(settings.retentionDays())
                .atStartOfDay(ZoneOffset.UTC)
                .toEpochSecond();
        for (int attempt = 1; ; attempt++) {
            DayStatsItems.Stored stored = DayStatsItems.fromItem(table.getItem(
                            get -> get.consistentRead(true).key(Map.of(PARTITION_KEY, AttributeValue.fromS(key))))
                    .item());
            if (stored != null && stored.objects().contains(token)) {
                return false;
            }
            DayCounts merged = new DayCounts();
            if (stored != null) {
                merged.merge(stored.counts());
            }
            merged.merge(delta);
            merged.bound();
            Set<SdkBytes> objects = new HashSet<>(stored == null ? Set.of() : stored.objects());
            objects.add(token);
            long version = stored == null ? 0 : stored.version();
            Map<String, AttributeValue> item = DayStatsItems.toItem(key, merged, version + 1, objects, expiresAt);
            try {
                table.putItem(put -> {
                    put.item(item);
                    if (stored == null) {
                        put.conditionExpression("attribute_not_exists(#pk)")
                                .expressionAttributeNames(Map.of("#pk", PARTITION_KEY));
                    } else {
                        put.conditionExpression("#v = :v")
                                .expressionAttributeNames(Map.of("#v", STATS_VERSION))
                                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(version))));
                    }
                });
                return true;
            } catch (ConditionalCheckFailedException concurrentWrite) {
                conflicts.incrementAndGet();
                if (attempt >= MAX_ATTEMPTS) {
                    throw concurrentWrite; // the invocation fails; the ledger resumes it on Lambda's retry
                }
                backOff(attempt);
            }
        }
    }

    /** The owner of each code that is a link: one projected BatchGetItem per 100 codes. */
    private Map<String, String> owners(List<String> codes) {
        Map<String, String> owners = new HashMap<>();
        List<Map<String, AttributeValue>> items = table.batchGet(
                codes,
                read -> read.projectionExpression("#pk, #owner")
                        .expressionAttributeNames(Map.of("#pk", PARTITION_KEY, "#owner", CREATED_BY)),
                DayStatsUpdates::backOff); // throttled: BatchGetItem hands the rest back
        for (Map<String, AttributeValue> item : items) {
            AttributeValue owner = item.get(CREATED_BY);
            if (owner != null && owner.s() != null) {
                owners.put(item.get(PARTITION_KEY).s(), owner.s());
            }
        }
        return owners;
    }

    private static void backOff(int attempt) {
        long cap = Math.min(200, 2L << Math.min(attempt, 7));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Codes are Base62 or aliases; '#' marks other item kinds, which are never counted. */
    private static boolean isLinkKey(String code) {
        return !code.isEmpty() && code.indexOf('#') < 0 && code.length() <= 256;
    }
}
