package dev.shortener.analytics.counts.dynamodb;

import dev.shortener.links.LinksTableSchema;

/**
 * The ledger items' own attributes. The key prefix and the attributes on links are defined in
 * {@link LinksTableSchema}, with the rest of the table.
 */
public final class ClickCountAttributes {

    public static final String CLICKS_UPDATED_AT = LinksTableSchema.CLICKS_UPDATED_AT;
    public static final String CLICK_OBJECTS = LinksTableSchema.CLICK_OBJECTS;
    public static final String OBJECT_KEY_PREFIX = LinksTableSchema.CLICK_OBJECT_PREFIX;
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

    private ClickCountAttributes() {}

    /** DynamoDB allows 2,048 bytes of partition key; S3 keys are at most 1,024. */
    static String ledgerKey(String objectKey, String etag) {
        return OBJECT_KEY_PREFIX + objectKey + "#" + etag;
    }
}
