package dev.shortener.stats;

import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;

/**
 * How long the daily stats are kept: the click-count function stamps each day item with its expiry, the stats API
 * says which days it can answer. The raw events stay in S3 for Athena whatever this is.
 *
 * @param retentionDays days after its own day that a day item expires (DynamoDB TTL)
 */
public record StatsSettings(int retentionDays) {

    public static final String STATS_RETENTION_DAYS = "STATS_RETENTION_DAYS";
    public static final int DEFAULT_RETENTION_DAYS = 400;

    public StatsSettings {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays must be positive");
        }
    }

    /** @throws ConfigException when {@value #STATS_RETENTION_DAYS} is not a number of days from 1 to 3,660 */
    public static StatsSettings fromEnvironment(Environment env) {
        return new StatsSettings(env.integer(STATS_RETENTION_DAYS, DEFAULT_RETENTION_DAYS, 1, 3660));
    }
}
