package dev.shortener.deploycheck.checks;

import java.util.Locale;

/** A row's verdict. Only a failure makes the command exit non-zero; a skip always says why. */
public enum Outcome {
    PASS,
    FAIL,
    SKIP;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
