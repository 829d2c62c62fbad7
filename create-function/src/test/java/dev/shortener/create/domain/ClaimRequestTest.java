package dev.shortener.create.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shortener.create.domain.idempotency.ClaimRequest;
import dev.shortener.create.domain.idempotency.IdempotencyClaim;
import dev.shortener.create.domain.idempotency.IdempotentCreation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClaimRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void aClaimMadeNow_isLockedAndKeptForTheIdempotencyPeriods() {
        ClaimRequest request = ClaimRequest.madeAt(NOW, "key-1#abc", "fp", "code123");

        assertEquals(NOW.plus(IdempotentCreation.LOCK), request.lockedUntil());
        assertEquals(NOW.plus(IdempotentCreation.RETENTION), request.retainUntil());
    }

    @Test
    void aNewRecordPinsTheCandidate_andATakeOverKeepsThePinnedCode() {
        ClaimRequest request = ClaimRequest.madeAt(NOW, "key-1#abc", "fp", "code123");

        assertEquals(new IdempotencyClaim("key-1#abc", "token-1", "code123", false), request.created("token-1"));
        assertEquals(
                new IdempotencyClaim("key-1#abc", "token-2", "pinned1", true), request.takenOver("token-2", "pinned1"));
    }

    @Test
    void aLockThatEndsWhenItIsMade_orARecordKeptShorterThanItsLock_isRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ClaimRequest("k", "fp", "code123", NOW, NOW, NOW.plusSeconds(60)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ClaimRequest("k", "fp", "code123", NOW, NOW.plusSeconds(60), NOW.plusSeconds(30)));
    }
}
