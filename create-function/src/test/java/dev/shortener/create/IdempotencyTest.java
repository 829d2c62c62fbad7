package dev.shortener.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.create.domain.idempotency.ClaimRequest;
import dev.shortener.create.domain.idempotency.ClaimResult;
import dev.shortener.create.domain.idempotency.IdempotencyClaim;
import dev.shortener.create.domain.idempotency.IdempotencyStore;
import dev.shortener.links.Link;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The Idempotency-Key header, with the records in a real (dynalite) table. */
class IdempotencyTest {

    private static final String BODY = "{\"url\":\"https://example.com/report\"}";

    private static Answer post(TestBed bed, String apiKey, String idempotencyKey, String body) {
        return bed.send(Events.withHeader(
                Events.withBody(Events.keyed(Events.CREATE, apiKey), body), "idempotency-key", idempotencyKey));
    }

    private static long records(TestBed bed) {
        return bed.items().keySet().stream()
                .filter(pk -> pk.startsWith("idem#"))
                .count();
    }

    @Test
    void aRetryWithTheSameKeyAndPayload_getsTheOriginalResponse_andNoSecondLink() {
        TestBed bed = TestBed.create();
        String key = bed.newApiKey("owner-a");

        Answer first = post(bed, key, "\"retry-1\"", BODY);
        Answer retry = post(bed, key, "\"retry-1\"", BODY);

        first.assertStatus(201);
        retry.assertStatus(201);
        assertEquals(first.response().getBody(), retry.response().getBody());
        assertEquals(first.header("Location"), retry.header("Location"));
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(List.of(first.code()), bed.linkKeys());
    }

    @Test
    void aReplay_answersWithTheOriginalResponse_evenAfterTheLinkChanged() {
        TestBed bed = TestBed.create();
        String key = bed.newApiKey("owner-a");
        Answer first = post(bed, key, "retry-2", BODY);
        bed.send(Events.withBody(
                        Events.keyed(Events.UPDATE, key, first.code()), "{\"url\":\"https://example.com/changed\"}"))
                .assertStatus(200);

        Answer retry = post(bed, key, "retry-2", BODY);

        assertEquals(first.response().getBody(), retry.response().getBody());
        assertEquals("https://example.com/report", retry.text("url"));
    }

    @Test
    void theSameKeyWithAnotherPayload_is422_andCreatesNothing() {
        TestBed bed = TestBed.create();
        String key = bed.newApiKey("owner-a");
        Answer first = post(bed, key, "\"reuse-1\"", BODY);

        Answer other = post(bed, key, "\"reuse-1\"", "{\"url\":\"https://example.com/other\"}");

        other.assertProblem(422, "idempotency-key-reused");
        assertEquals(List.of(first.code()), bed.linkKeys());
    }

    @Test
    void aRetryWhileTheFirstIsInFlight_is409WithRetryAfter_thenReplaysItsResult() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestBed bed =
                TestBed.create(adapters -> adapters.links = TestLinkStores.holding(adapters.links, inside, release));
        String key = bed.newApiKey("owner-a");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Answer> first = pool.submit(() -> post(bed, key, "\"slow-1\"", BODY));
            assertTrue(inside.await(10, TimeUnit.SECONDS), "the first request reached the link write");

            Answer concurrent = post(bed, key, "\"slow-1\"", BODY);
            release.countDown();
            Answer firstAnswer = first.get(10, TimeUnit.SECONDS);
            Answer later = post(bed, key, "\"slow-1\"", BODY);

            concurrent.assertProblem(409, "idempotency-request-in-flight");
            assertEquals("1", concurrent.header("Retry-After"));
            firstAnswer.assertStatus(201);
            later.assertStatus(201);
            assertEquals(firstAnswer.code(), later.code());
            assertEquals(List.of(firstAnswer.code()), bed.linkKeys());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRetries_areDecidedByDynamoDb_oneLinkAndOneCode() throws Exception {
        TestBed bed = TestBed.create();
        String key = bed.newApiKey("owner-a");
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return post(bed, key, "\"race-1\"", BODY);
            }));
        }
        start.countDown();
        Set<String> codes = new HashSet<>();
        int created = 0;
        int inFlight = 0;
        for (Future<Answer> future : answers) {
            Answer answer = future.get(30, TimeUnit.SECONDS);
            if (answer.status() == 201) {
                created++;
                codes.add(answer.code());
            } else {
                answer.assertProblem(409, "idempotency-request-in-flight");
                inFlight++;
            }
        }
        pool.shutdown();

        System.out.printf("concurrent retries: %d answered 201, %d answered 409%n", created, inFlight);
        assertTrue(created >= 1);
        assertEquals(1, codes.size(), "every 201 carries the same code: " + codes);
        assertEquals(List.copyOf(codes), bed.linkKeys());
    }

    @Test
    void aKeyIsKeptFor24Hours_thenExpires() {
        TestBed bed = TestBed.create();
        String key = bed.newApiKey("owner-a");
        Answer first = post(bed, key, "\"daily-1\"", BODY);

        bed.clock.advance(Duration.ofHours(24).minusSeconds(1));
        Answer withinADay = post(bed, key, "\"daily-1\"", BODY);
        bed.clock.advance(Duration.ofSeconds(2));
        Answer afterADay = post(bed, key, "\"daily-1\"", "{\"url\":\"https://example.com/next-day\"}");

        assertEquals(first.code(), withinADay.code());
        assertEquals("true", withinADay.header("Idempotent-Replayed"));
        afterADay.assertStatus(201);
        assertNotEquals(first.code(), afterADay.code());
        assertNull(afterADay.header("Idempotent-Replayed"));
    }

    @Test
    void keysAreScopedToTheApiKey() {
        TestBed bed = TestBed.create();
        String one = bed.newApiKey("owner-a");
        String other = bed.newApiKey("owner-b");

        Answer first = post(bed, one, "\"shared-1\"", BODY);
        Answer second = post(bed, other, "\"shared-1\"", "{\"url\":\"https://example.com/b\"}");

        first.assertStatus(201);
        second.assertStatus(201);
        assertNotEquals(first.code(), second.code());
    }

    @Test
    void aRefusedRequest_releasesItsRecord_soTheKeyCanBeUsedAgain() {
        TestBed bed = TestBed.create();
        String key = bed.newApiKey("owner-a");
        bed.create(key, "{\"url\":\"https://example.com/\",\"alias\":\"taken-alias\"}")
                .assertStatus(201);
        String taken = "{\"url\":\"https://example.com/mine\",\"alias\":\"taken-alias\"}";

        Answer refused = post(bed, key, "\"alias-1\"", taken);
        long recordsAfterRefusal = records(bed);
        Answer again = post(bed, key, "\"alias-1\"", taken);
        Answer fixed = post(bed, key, "\"alias-1\"", "{\"url\":\"https://example.com/mine\",\"alias\":\"free-alias\"}");

        refused.assertProblem(409, "alias-taken");
        assertEquals(0, recordsAfterRefusal);
        again.assertProblem(409, "alias-taken");
        fixed.assertStatus(201);
        assertEquals("free-alias", fixed.code());
    }

    @Test
    void aDependencyFailure_releasesTheRecord_andTheRetrySucceeds() {
        AtomicBoolean failNext = new AtomicBoolean(true);
        TestBed bed = TestBed.create(adapters -> adapters.links = TestLinkStores.failingOnce(adapters.links, failNext));
        String key = bed.newApiKey("owner-a");

        Answer failed = post(bed, key, "\"flaky-1\"", BODY);
        long recordsAfterFailure = records(bed);
        Answer retry = post(bed, key, "\"flaky-1\"", BODY);

        failed.assertProblem(503, "service-unavailable");
        assertEquals(0, recordsAfterFailure);
        retry.assertStatus(201);
        assertEquals(List.of(retry.code()), bed.linkKeys());
    }

    @Test
    void aRequestThatDiedAfterWritingTheLink_isResumedAfterItsLock_withTheSameCode() {
        AtomicBoolean dead = new AtomicBoolean(true);
        TestBed bed = DyingIdempotencyStore.bed(dead);
        String key = bed.newApiKey("owner-a");
        Answer first = post(bed, key, "\"crash-1\"", BODY); // its record never completes
        dead.set(false);

        Answer tooSoon = post(bed, key, "\"crash-1\"", BODY);
        bed.clock.advance(Duration.ofSeconds(31));
        Answer resumed = post(bed, key, "\"crash-1\"", BODY);
        Answer replayed = post(bed, key, "\"crash-1\"", BODY);

        first.assertStatus(201);
        tooSoon.assertProblem(409, "idempotency-request-in-flight");
        resumed.assertStatus(201);
        assertEquals(first.code(), resumed.code());
        assertEquals(first.code(), replayed.code());
        assertEquals("true", replayed.header("Idempotent-Replayed"));
        assertEquals(List.of(first.code()), bed.linkKeys());
    }

    /** An environment that dies between writing the link and completing the record (it never completes it). */
    record DyingIdempotencyStore(IdempotencyStore store, AtomicBoolean dead) implements IdempotencyStore {

        /** A bed whose idempotency store never completes a record while {@code dead} is set. */
        static TestBed bed(AtomicBoolean dead) {
            return TestBed.create(
                    adapters -> adapters.idempotency = new DyingIdempotencyStore(adapters.idempotency, dead));
        }

        @Override
        public ClaimResult claim(ClaimRequest request) {
            return store.claim(request);
        }

        @Override
        public void repin(IdempotencyClaim claim, String code) {
            store.repin(claim, code);
        }

        @Override
        public void complete(IdempotencyClaim claim, Link link, Instant retainUntil) {
            if (dead.get()) {
                throw SdkClientException.create("the environment froze before completing");
            }
            store.complete(claim, link, retainUntil);
        }

        @Override
        public void completeBatch(IdempotencyClaim claim, byte[] results, Instant retainUntil) {
            if (dead.get()) {
                throw SdkClientException.create("the environment froze before completing");
            }
            store.completeBatch(claim, results, retainUntil);
        }

        @Override
        public void release(IdempotencyClaim claim) {
            store.release(claim);
        }
    }
}
