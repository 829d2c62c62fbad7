package dev.shortener.links;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The links table's key schema and attribute names, defined once for both functions, the tests and the
 * template (whose test checks it against these names).
 *
 * <p>One table holds several kinds of item under a generic string partition key: a link's key is its short
 * code; other kinds use a prefix with {@code #}, a character no code or alias may contain, so they can never
 * clash with a link.
 */
public final class LinksTableSchema {

    /** The partition key. For a link it is the short code itself. */
    public static final String PARTITION_KEY = "pk";

    // A link (attribute names as in the original design).
    public static final String ORIGINAL_URL = "original_url";
    public static final String CREATED_AT = "created_at";
    /** Epoch seconds; the table's TTL attribute. DynamoDB deletes such items only within days, so reads check it. */
    public static final String EXPIRES_AT = "expires_at";

    public static final String CREATED_BY = "created_by";
    public static final String CLICK_COUNT = "click_count";
    public static final String UPDATED_AT = "updated_at";
    /** Set on a deleted link, which stays as a tombstone so that its code is never handed out again. */
    public static final String DELETED_AT = "deleted_at";
    /** Epoch seconds of the click-count function's last update of {@link #CLICK_COUNT}. */
    public static final String CLICKS_UPDATED_AT = "clicks_updated_at";
    /** On a link: tokens of click objects whose counts were added but not yet confirmed done (a string set). */
    public static final String CLICK_OBJECTS = "click_objs";
    /**
     * Boolean: whether the redirect merges the visitor's query string into the destination. Absent on links
     * written before it existed, which read as false (they never forwarded).
     */
    public static final String FORWARD_QUERY = "forward_query";
    /** On a link: its tags, a string set (absent when there are none: DynamoDB has no empty sets). */
    public static final String TAGS = "tags";
    /** On a link: the destination's host, lower case, so that a listing can match a prefix of it. */
    public static final String DESTINATION_HOST = "dest_host";

    // The owner index: every link item (tombstones too) carries its owner and a sortable creation key, and no
    // other kind of item does, so the index holds links only and a listing is a Query on one owner's partition.
    /** The global secondary index listing an owner's links, newest first (query it backwards). */
    public static final String OWNER_INDEX = "by_owner";
    /** The index's partition key: the owner id (as {@link #CREATED_BY}); on link items only. */
    public static final String OWNER_KEY = "owner_pk";
    /** The index's sort key: {@link #ownerSortKey} of the creation time and the code. */
    public static final String OWNER_SORT_KEY = "owner_sk";

    // Other kinds of item: a key prefix each (containing '#', so never a code or alias).
    /** {@code apikey#<sha-256 hex of the key>}: an API key's owner. */
    public static final String API_KEY_PREFIX = "apikey#";

    public static final String OWNER_ID = "owner_id";
    public static final String KEY_ID = "key_id";
    /** Set to revoke a key without losing the record of it. */
    public static final String REVOKED_AT = "revoked_at";
    /** {@code reserved#<code>}: a permanent claim on a code whose link item may be deleted by TTL. No TTL itself. */
    public static final String RESERVATION_PREFIX = "reserved#";
    /** {@code idem#<key id>#<sha-256 hex of the Idempotency-Key>}: an idempotency record, removed by TTL. */
    public static final String IDEMPOTENCY_PREFIX = "idem#";
    /** {@code clickobj#<S3 object key>#<etag>}: the click-count function's ledger of counted objects, with a TTL. */
    public static final String CLICK_OBJECT_PREFIX = "clickobj#";

    /**
     * {@code daystats#<code>#<yyyy-MM-dd>}: one link's clicks on one UTC day, by hour and dimension, with a
     * visitor sketch; written by the click-count function, expires ({@link #EXPIRES_AT}) after the retention.
     */
    public static final String DAY_STATS_PREFIX = "daystats#";
    /** {@code ownerstats#<owner>#<yyyy-MM-dd>}: the same across all of one owner's links, and their top links. */
    public static final String OWNER_STATS_PREFIX = "ownerstats#";
    /** On a stats item: its version, for read-modify-write on condition that nobody wrote in between. */
    public static final String STATS_VERSION = "stats_v";
    /** On a stats item: people's clicks by UTC hour (a list of 24 numbers). */
    public static final String STATS_HOURS = "hours";
    /** On a stats item: bots' clicks by UTC hour. */
    public static final String STATS_BOT_HOURS = "bot_hours";
    /** On a stats item: people's clicks by dimension (a map of maps: dimension, value, clicks). */
    public static final String STATS_DIMENSIONS = "dims";
    /** On a stats item: bots' clicks by dimension, bot reason among them. */
    public static final String STATS_BOT_DIMENSIONS = "bot_dims";
    /** On a stats item: the people's unique-visitor sketch (binary, DataSketches HLL). */
    public static final String STATS_VISITORS = "visitors";
    /** On a stats item: short tokens of the click objects already added (a binary set), so none counts twice. */
    public static final String STATS_OBJECTS = "stats_objs";

    // A worker-id lease.
    public static final String WORKER_KEY_PREFIX = "worker#";
    public static final String LEASE_HOLDER = "lease_holder";
    /** Epoch milliseconds. */
    public static final String LEASE_EXPIRES_AT = "lease_expires_at";

    public static final String TTL_ATTRIBUTE = EXPIRES_AT;

    private LinksTableSchema() {}

    public static String workerKey(int workerId) {
        return WORKER_KEY_PREFIX + workerId;
    }

    /**
     * The owner index's sort key of a link: its creation time in epoch seconds, zero-padded to 12 digits so that
     * strings sort as numbers do, then {@code #} and the code, so links created in the same second are still
     * ordered and unique. Querying it backwards lists newest first; a time range is a {@code BETWEEN} on it.
     */
    public static String ownerSortKey(long createdAtEpochSecond, String code) {
        return String.format(java.util.Locale.ROOT, "%012d#%s", createdAtEpochSecond, code);
    }

    /** The lowest (or, with {@code last}, highest) sort key of a second: the bounds of a time range. */
    public static String ownerSortBound(long epochSecond, boolean last) {
        return String.format(java.util.Locale.ROOT, "%012d#", epochSecond) + (last ? "~" : "");
    }

    /** On-demand capacity and the owner index (every attribute projected: a page is read from it alone). */
    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .keySchema(key(PARTITION_KEY, KeyType.HASH))
                .attributeDefinitions(
                        stringAttribute(PARTITION_KEY), stringAttribute(OWNER_KEY), stringAttribute(OWNER_SORT_KEY))
                .globalSecondaryIndexes(ownerIndex())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }

    /** The owner index as the table declares it. */
    public static GlobalSecondaryIndex ownerIndex() {
        return GlobalSecondaryIndex.builder()
                .indexName(OWNER_INDEX)
                .keySchema(key(OWNER_KEY, KeyType.HASH), key(OWNER_SORT_KEY, KeyType.RANGE))
                .projection(
                        Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }
}
