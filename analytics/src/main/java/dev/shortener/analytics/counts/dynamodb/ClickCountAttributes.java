package dev.shortener.analytics.counts.dynamodb;

import dev.shortener.links.LinksTableSchema;

/**
 * The links-table attributes the click counts use beyond {@link LinksTableSchema#CLICK_COUNT}. They belong in
 * {@code LinksTableSchema} (the stats API reads {@link #CLICKS_UPDATED_AT}); they live here until that module
 * takes them.
 */
public final class ClickCountAttributes {

    /** On a link: epoch seconds of the last count added, for the stats API ("counted up to about then"). */
    public static final String CLICKS_UPDATED_AT = "clicks_updated_at";
    /** On a link: tokens of objects whose counts were added but not yet confirmed done (a string set). */
    public static final String CLICK_OBJECTS = "click_objs";

    /** Ledger items, one per object: {@code clickobj#<object key>#<etag>}. */
    public static final String OBJECT_KEY_PREFIX = "clickobj#";
    public static final String STATE = "count_state";
    /** Epoch milliseconds until which the invocation that claimed the object may still be working on it. */
    public static final String CLAIMED_UNTIL = "claimed_until";
    public static final String CLICKS = "clicks";
    public static final String CODES = "codes";
    /** Ledger items expire (TTL) after this many days: S3 never redelivers a notification that late. */
    public static final long LEDGER_DAYS = 30;

    static final String APPLYING = "applying";
    static final String APPLIED = "applied";
    static final String DONE = "done";

    private ClickCountAttributes() {
    }

    /** DynamoDB allows 2,048 bytes of partition key; S3 keys are at most 1,024. */
    static String ledgerKey(String objectKey, String etag) {
        return OBJECT_KEY_PREFIX + objectKey + "#" + etag;
    }
}
