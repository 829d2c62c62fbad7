package dev.shortener.stats;

import java.util.Objects;

/**
 * What the daily stats keep of one click: its UTC hour and the values of each dimension (already derived from the
 * user agent), the bot flag and reason, and the visitor id (people only are counted as visitors).
 */
public record ClickFacts(
        int hour,
        String country,
        String referrer,
        String device,
        String browser,
        String os,
        boolean bot,
        String botReason,
        String visitorId) {

    public ClickFacts {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0-23: " + hour);
        }
    }

    /** The value of {@code dimension} for this click ({@link Dimension#LINK} is the caller's: not here). */
    public String value(Dimension dimension) {
        Objects.requireNonNull(dimension, "dimension");
        return dimension.normalise(
                switch (dimension) {
                    case COUNTRY -> country;
                    case REFERRER -> referrer;
                    case DEVICE -> device;
                    case BROWSER -> browser;
                    case OS -> os;
                    case BOT_REASON -> botReason;
                    case LINK -> throw new IllegalArgumentException("a click's link is its code");
                });
    }
}
