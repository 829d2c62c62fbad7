package dev.shortener.analytics.counts.dynamodb;

import static dev.shortener.analytics.counts.dynamodb.ClickCountAttributes.APPLIED;
import static dev.shortener.analytics.counts.dynamodb.ClickCountAttributes.APPLYING;
import static dev.shortener.analytics.counts.dynamodb.ClickCountAttributes.CLAIMED_UNTIL;
import static dev.shortener.analytics.counts.dynamodb.ClickCountAttributes.CLICKS;
import static dev.shortener.analytics.counts.dynamodb.ClickCountAttributes.CODES;
import static dev.shortener.analytics.counts.dynamodb.ClickCountAttributes.DONE;
import static dev.shortener.analytics.counts.dynamodb.ClickCountAttributes.LEDGER_DAYS;
import static dev.shortener.analytics.counts.dynamodb.ClickCountAttributes.STATE;
import static dev.shortener.links.LinksTableSchema.EXPIRES_AT;
import static dev.shortener.links.LinksTableSchema.PARTITION_KEY;
import static dev.shortener.links.dynamodb.LinkItems.n;
import static dev.shortener.links.dynamodb.LinkItems.s;

import dev.shortener.analytics.counts.ClickCountLedger;
import dev.shortener.analytics.counts.ObjectClickCounts;
import dev.shortener.analytics.counts.ObjectRef;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.stats.StatsSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Adds each object's counts exactly once without transactions (which dynalite lacks, which cost two write units
 * per item, and which abort when two objects update the same hot link at once). Per object, a ledger item
 * {@code clickobj#<key>#<etag>} moves through three states:
 * <ol>
 *   <li><b>applying</b> (claimed with a lease): each link gets
 *       {@code ADD click_count :n, click_objs :token SET clicks_updated_at = :now}
 *       on condition {@code NOT contains(click_objs, :token)}: the token inside the link item itself makes the
 *       add idempotent, so a retry after a crash adds only what is missing;</li>
 *   <li><b>applied</b>: each link's token is removed again ({@code DELETE click_objs :token}), so the set only
 *       ever holds objects in progress;</li>
 *   <li><b>done</b>: a redelivered notification finds it and adds nothing.</li>
 * </ol>
 * In the same phase each link's day item and each owner's day item get the object's clicks by hour and
 * dimension ({@link DayStatsUpdates}): one conditional write each, idempotent by the object's token kept in the
 * day item itself (day items stop changing after their day, so the tokens never need removing).
 * Two write units per link and object, the same as a transaction's one item at double price. The lease keeps a
 * second invocation of the same object out while the first may still be running; the ledger item expires (TTL)
 * after {@value ClickCountAttributes#LEDGER_DAYS} days.
 */
public final class DynamoDbClickCountLedger implements ClickCountLedger {

    private final LinksTable table;
    private final LinkCountUpdates links;
    private final DayStatsUpdates stats;

    /**
     * @param writers  the pool the per-link and per-day writes run on
     * @param settings the day items' retention
     */
    public DynamoDbClickCountLedger(LinksTable table, ExecutorService writers, StatsSettings settings) {
        this.table = Objects.requireNonNull(table, "table");
        this.links = new LinkCountUpdates(table, writers);
        this.stats = new DayStatsUpdates(table, writers, settings);
    }

    @Override
    public Result apply(ObjectRef object, ObjectClickCounts counts, Instant now, Instant leaseUntil) {
        Map<String, Long> perCode = counts.perCode();
        String ledgerKey = ClickCountAttributes.ledgerKey(object.key(), object.etag());
        String state = claim(ledgerKey, perCode, now, leaseUntil);
        if (state == null) {
            return DONE.equals(currentState(ledgerKey)) ? Result.ALREADY_APPLIED : Result.BUSY;
        }
        String token = object.token();
        if (APPLYING.equals(state)) {
            links.add(token, perCode, now);
            stats.add(object, counts.perLinkDay());
            if (!advance(ledgerKey, APPLYING, APPLIED, leaseUntil)) {
                return Result.BUSY; // our lease ran out and another invocation took over: it finishes
            }
        }
        links.removeToken(token, perCode.keySet());
        return advance(ledgerKey, APPLIED, DONE, leaseUntil) ? Result.APPLIED : Result.BUSY;
    }

    /** Claims the object if new, or left unfinished by an invocation whose lease has ended. Null if not ours. */
    private String claim(String ledgerKey, Map<String, Long> perCode, Instant now, Instant leaseUntil) {
        long clicks = perCode.values().stream().mapToLong(Long::longValue).sum();
        try {
            return table.updateItem(update -> update.key(Map.of(PARTITION_KEY, s(ledgerKey)))
                            .updateExpression("SET #state = if_not_exists(#state, :applying), #claimed = :lease,"
                                    + " #expires = if_not_exists(#expires, :ttl), #clicks = :clicks, #codes = :codes")
                            .conditionExpression("attribute_not_exists(#pk) OR (#state <> :done AND #claimed < :now)")
                            .expressionAttributeNames(Map.of(
                                    "#pk",
                                    PARTITION_KEY,
                                    "#state",
                                    STATE,
                                    "#claimed",
                                    CLAIMED_UNTIL,
                                    "#expires",
                                    EXPIRES_AT,
                                    "#clicks",
                                    CLICKS,
                                    "#codes",
                                    CODES))
                            .expressionAttributeValues(Map.of(
                                    ":applying",
                                    s(APPLYING),
                                    ":done",
                                    s(DONE),
                                    ":lease",
                                    n(leaseUntil.toEpochMilli()),
                                    ":now",
                                    n(now.toEpochMilli()),
                                    ":ttl",
                                    n(now.plus(Duration.ofDays(LEDGER_DAYS)).getEpochSecond()),
                                    ":clicks",
                                    n(clicks),
                                    ":codes",
                                    n(perCode.size())))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes()
                    .get(STATE)
                    .s();
        } catch (ConditionalCheckFailedException notOurs) {
            return null;
        }
    }

    /** Moves to the next state if we still hold the lease. */
    private boolean advance(String ledgerKey, String from, String to, Instant leaseUntil) {
        try {
            table.updateItem(update -> update.key(Map.of(PARTITION_KEY, s(ledgerKey)))
                    .updateExpression(DONE.equals(to) ? "SET #state = :to REMOVE #claimed" : "SET #state = :to")
                    .conditionExpression("#state = :from AND #claimed = :lease")
                    .expressionAttributeNames(Map.of("#state", STATE, "#claimed", CLAIMED_UNTIL))
                    .expressionAttributeValues(
                            Map.of(":from", s(from), ":to", s(to), ":lease", n(leaseUntil.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException leaseLost) {
            return false;
        }
    }

    private String currentState(String ledgerKey) {
        var item = table.getItem(get -> get.consistentRead(true).key(Map.of(PARTITION_KEY, s(ledgerKey))))
                .item();
        return item == null || !item.containsKey(STATE) ? null : item.get(STATE).s();
    }
}
