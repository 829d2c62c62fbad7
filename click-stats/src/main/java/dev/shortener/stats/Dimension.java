package dev.shortener.stats;

import java.util.Locale;

/**
 * What a day's clicks are broken down by. Each dimension keeps its top values exactly and sums the rest as
 * {@value #OTHER} ({@link TopValues}): a day item's size stays bounded whatever the traffic.
 *
 * <p>The limits: {@value #PEOPLE_TOP} values per dimension for people's clicks, {@value #BOT_TOP} for bots'. Fifty
 * is more than any dashboard shows (Dub's and Bitly's top lists show ten to twenty) and covers the countries that
 * send nearly all of a link's clicks; values are cut to {@value #MAX_VALUE_LENGTH} characters. The worst case,
 * every dimension full of such values plus a full sketch and a day of object tokens, is measured by
 * {@code DayStatsItemsTest} (75 KB, a fifth of DynamoDB's 400 KB); a typical link's day is well under 1 KB. Device classes and bot reasons are
 * few by construction; referrer hosts and, for popular links, countries are where the limit bites. An owner's top
 * links ({@link #LINK}) keep {@value #LINK_TOP}.
 */
public enum Dimension {
    COUNTRY("country", "(unknown)"),
    REFERRER("referrer", "(direct)"),
    DEVICE("device", "other"),
    BROWSER("browser", "Other"),
    OS("os", "Other"),
    /** Bots only: which rule flagged the click. */
    BOT_REASON("bot", "(unknown)"),
    /** Owner items only: clicks per code. */
    LINK("link", "(none)");

    public static final String OTHER = "(other)";
    public static final int PEOPLE_TOP = 50;
    public static final int BOT_TOP = 10;
    public static final int LINK_TOP = 100;
    /** Longer values (referrer hosts reach 253 characters) are cut: a key this long says enough. */
    public static final int MAX_VALUE_LENGTH = 64;

    private final String key;
    private final String unknown;

    Dimension(String key, String unknown) {
        this.key = key;
        this.unknown = unknown;
    }

    /** Its name in items and in the API's {@code groupBy}. */
    public String key() {
        return key;
    }

    /** How many values a day item keeps exactly. */
    public int top(boolean bots) {
        if (this == LINK) {
            return bots ? BOT_TOP : LINK_TOP;
        }
        return bots ? BOT_TOP : PEOPLE_TOP;
    }

    /** The value as kept: the placeholder for none, cut to {@value #MAX_VALUE_LENGTH} characters. */
    public String normalise(String value) {
        if (value == null || value.isBlank()) {
            return unknown;
        }
        return value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) : value;
    }

    /** By {@link #key()}; null when there is none. */
    public static Dimension byKey(String key) {
        for (Dimension dimension : values()) {
            if (dimension.key.equals(key.toLowerCase(Locale.ROOT))) {
                return dimension;
            }
        }
        return null;
    }
}
