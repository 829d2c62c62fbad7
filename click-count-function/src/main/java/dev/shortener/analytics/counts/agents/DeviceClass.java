package dev.shortener.analytics.counts.agents;

/**
 * The kind of device a click came from, as the day stats, the stats API and the named queries name it: {@link
 * #value()} is what is written, and must not change (stored items and saved queries hold these words).
 */
public enum DeviceClass {
    DESKTOP("desktop"),
    MOBILE("mobile"),
    TABLET("tablet"),
    BOT("bot"),
    OTHER("other");

    private final String value;

    DeviceClass(String value) {
        this.value = value;
    }

    /** The word stored in the stats. */
    public String value() {
        return value;
    }
}
