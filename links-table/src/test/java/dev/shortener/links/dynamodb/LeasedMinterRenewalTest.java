package dev.shortener.links.dynamodb;

import static dev.shortener.links.LinksTableSchema.LEASE_EXPIRES_AT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.links.LinksTableSchema;
import dev.shortener.shortcode.Base62;
import dev.shortener.shortcode.BitLayout;
import dev.shortener.shortcode.FeistelPermutation;
import dev.shortener.shortcode.ShortCodeInspector;
import dev.shortener.shortcode.ShortCodeMinter;
import dev.shortener.shortcode.WorkerLease;
import dev.shortener.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Lambda environment can stay frozen past its lease: the minter must notice before minting, against the real
 * lease items in DynamoDB.
 */
class LeasedMinterRenewalTest {

    private static final String SECRET = "renewal-test-secret-of-at-least-32-characters!";
    private static final Instant START = Instant.parse("2026-11-27T12:00:00Z");

    private final BitLayout layout = BitLayout.forCodeLength(7);
    private final ShortCodeInspector inspector = new ShortCodeInspector(SECRET);
    private LinksTableFixture table;
    private TestClock clock;

    @BeforeEach
    void setUp() {
        table = LinksTableFixture.create();
        clock = TestClock.fixedAt(START);
    }

    @Test
    void aMinterIdlePastItsLease_renewsItBeforeMinting() {
        ShortCodeMinter minter = minter();
        minter.mint();
        WorkerLease first = minter.currentLease().orElseThrow();

        clock.advance(Duration.ofMinutes(10)); // frozen well past the 120 s lease
        String code = minter.mint();

        WorkerLease renewed = minter.currentLease().orElseThrow();
        assertEquals(first.workerId(), renewed.workerId(), "nobody took the id: the same holder renews it");
        assertTrue(storedExpiry(renewed.workerId()).isAfter(clock.peek()), "the stored lease is live again");
        Instant mintedAt = inspector.inspect(code).time();
        assertTrue(mintedAt.isBefore(renewed.expiresAt()), "minted inside the renewed lease");
        assertTrue(!mintedAt.isBefore(START.plus(Duration.ofMinutes(10))), "with the current time");
    }

    @Test
    void aMinterWhoseIdWasTakenOverWhileIdle_leasesAnotherIdBeforeMinting() {
        ShortCodeMinter idle = minter();
        idle.mint();
        int idleWorker = idle.currentLease().orElseThrow().workerId();
        List<WorkerLease> blockers = holdEveryOtherWorkerId(idleWorker);

        clock.advance(Duration.ofMinutes(10));
        ShortCodeMinter newcomer = minter();
        String newcomerCode = newcomer.mint(); // the only free id is the idle minter's expired one
        table.workerLeases().release(blockers.get(0), clock.peek().minusSeconds(1));
        String idleCode = idle.mint();

        assertEquals(idleWorker, inspector.inspect(newcomerCode).workerId());
        int reLeased = inspector.inspect(idleCode).workerId();
        assertNotEquals(idleWorker, reLeased, "the idle minter did not mint with the id it lost");
        assertEquals(blockers.get(0).workerId(), reLeased);
        assertNotEquals(newcomerCode, idleCode);
    }

    private ShortCodeMinter minter() {
        return new ShortCodeMinter(
                layout,
                FeistelPermutation.fromSecret(SECRET, layout.totalBits()),
                Base62.ofLength(7),
                clock,
                table.workerLeases());
    }

    /** Live leases on every worker id but one, held far beyond the test. */
    private List<WorkerLease> holdEveryOtherWorkerId(int spared) {
        List<WorkerLease> held = new ArrayList<>();
        DynamoDbWorkerLeases leases = table.workerLeases();
        Instant farAway = START.plus(Duration.ofDays(1));
        while (held.size() < layout.workerCount() - 1) {
            WorkerLease lease = leases.acquire(layout.workerCount(), clock.peek(), farAway);
            assertNotEquals(spared, lease.workerId(), "the spared id is still live");
            held.add(lease);
        }
        return held;
    }

    private Instant storedExpiry(int workerId) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = table.dynamoDb
                .getItem(get -> get.tableName(table.tableName).key(LinkItems.key(LinksTableSchema.workerKey(workerId))))
                .item();
        return Instant.ofEpochMilli(Long.parseLong(item.get(LEASE_EXPIRES_AT).n()));
    }
}
