package dev.shortener.analytics.counts;

import java.time.LocalDate;
import java.util.Objects;

/** A link's UTC day: what one day item counts. */
public record LinkDay(String code, LocalDate day) {

    public LinkDay {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(day, "day");
    }
}
