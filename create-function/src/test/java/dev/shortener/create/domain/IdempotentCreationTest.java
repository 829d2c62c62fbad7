package dev.shortener.create.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.create.domain.idempotency.ClaimRequest;
import dev.shortener.create.domain.idempotency.IdempotentCreation.Outcome;
import dev.shortener.create.domain.idempotency.RequestFingerprint;
import dev.shortener.create.domain.link.NewLink;
import org.junit.jupiter.api.Test;

/** IdempotentCreation over in-memory ports: replays, reused keys, requests in flight, clashes and failures. */
class IdempotentCreationTest {

    private static final String KEY_ID = "key-1";
    private static final String RECORD = KEY_ID + "#" + RequestFingerprint.sha256Hex("retry-1");
    private static final NewLink REQUEST = new NewLink("https://example.com/", null, null);
    private static final String FINGERPRINT = RequestFingerprint.of("https://example.com/", null, null);

    private final DomainFixture domain = new DomainFixture();

    private Outcome send(String fingerprint) {
        return domain.idempotent.create(KEY_ID, "owner-1", "retry-1", fingerprint, REQUEST);
    }

    @Test
    void aReplay_answersTheSameLink_withoutCreatingAnother() {
        Outcome first = send(FINGERPRINT);
        Outcome replay = send(FINGERPRINT);

        assertFalse(first.replayed());
        assertTrue(replay.replayed());
        assertEquals(first.link(), replay.link());
        assertEquals(1, domain.links.size());
    }

    @Test
    void theSameKey_withAnotherPayload_isRefused() {
        send(FINGERPRINT);

        var refused =
                assertThrows(Rejection.class, () -> send(RequestFingerprint.of("https://other.example/", null, null)));

        assertEquals(Reason.IDEMPOTENCY_KEY_REUSED, refused.reason());
        assertEquals(1, domain.links.size());
    }

    @Test
    void aRetry_whileTheFirstRequestIsStillWriting_isToldItIsInFlight() {
        Rejection[] seen = new Rejection[1];
        domain.links.beforeNextPut = () -> seen[0] = assertThrows(Rejection.class, () -> send(FINGERPRINT));

        Outcome first = send(FINGERPRINT);

        assertEquals(Reason.IDEMPOTENCY_REQUEST_IN_FLIGHT, seen[0].reason());
        assertEquals(first.link(), send(FINGERPRINT).link());
    }

    @Test
    void aClash_movesThePinnedCode_toTheCodeTheLinkGets() {
        String firstMinted = domain.minter().mint();
        domain.taken(firstMinted, "someone-else");

        Outcome outcome = send(FINGERPRINT);

        assertNotEquals(firstMinted, outcome.link().code());
        assertEquals(outcome.link().code(), domain.idempotency.pinned(RECORD));
    }

    @Test
    void aFailedCreation_deletesItsRecord_soARetryStartsAfresh() {
        domain.links.beforeNextPut = () -> {
            throw new IllegalStateException("the table is unreachable");
        };

        assertThrows(IllegalStateException.class, () -> send(FINGERPRINT));
        assertFalse(domain.idempotency.has(RECORD));
        Outcome retry = send(FINGERPRINT);

        assertFalse(retry.replayed());
        assertEquals(1, domain.links.size());
    }

    @Test
    void aRetryAfterAStalledRequest_resumesAndAnswersTheLinkItHadWritten() {
        // The stalled request claimed the key, wrote its link under the pinned code, then stopped before completing.
        String pinned = domain.minter().mint();
        domain.idempotency.claim(new ClaimRequest(
                RECORD,
                FINGERPRINT,
                pinned,
                DomainFixture.NOW.minusSeconds(60),
                DomainFixture.NOW.minusSeconds(1),
                DomainFixture.NOW.plusSeconds(86_400)));
        domain.links.putIfAbsent(dev.shortener.links.Link.create(
                pinned, "https://example.com/", DomainFixture.NOW.minusSeconds(60), null, "owner-1"));

        Outcome resumed = send(FINGERPRINT);

        assertEquals(pinned, resumed.link().code());
        assertEquals(1, domain.links.size());
        assertTrue(send(FINGERPRINT).replayed(), "completed by the request that resumed");
    }
}
