package dev.shortener.create.domain.auth;

import dev.shortener.create.domain.Reason;
import dev.shortener.create.domain.Rejection;
import java.util.Objects;

/** Turns the {@code X-Api-Key} header into a caller, or refuses with 401. */
public final class Authenticator {

    public static final String HEADER = "X-Api-Key";

    private final ApiKeys keys;

    public Authenticator(ApiKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** @param headerValue the header's value, or null when it was not sent */
    public Caller authenticate(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            throw new Rejection(
                    Reason.MISSING_API_KEY,
                    null,
                    "Send your API key in the " + HEADER + " header. A deployer creates keys with CreateApiKey.");
        }
        String key = headerValue.strip();
        if (!ApiKeyFormat.isPlausible(key)) {
            throw invalid();
        }
        return keys.findByHash(ApiKeyFormat.hash(key)).orElseThrow(Authenticator::invalid);
    }

    private static Rejection invalid() {
        return new Rejection(
                Reason.INVALID_API_KEY,
                null,
                "The API key in " + HEADER + " is not valid (unknown or revoked). Check it, or ask for a new one.");
    }
}
