package dev.shortener.create;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.links.LinksTableSchema;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's TTL deletes an expired link's item; its code must not then be free for someone else, or they would
 * take over every place the old link was shared. Each test expires a link and deletes its item as TTL would.
 */
class AliasHijackTest {

    private final TestBed bed = TestBed.create();
    private final String owner = bed.newApiKey("owner-a");
    private final String attacker = bed.newApiKey("attacker");

    private void expireAndLetTtlDelete(String code) {
        bed.clock.advance(Duration.ofDays(2));
        TestBed.dynamoDb()
                .deleteItem(delete -> delete.tableName(bed.table)
                        .key(Map.of(LinksTableSchema.PARTITION_KEY, AttributeValue.fromS(code))));
    }

    @Test
    void anExpiredAlias_removedByTtl_cannotBeRegisteredByAnyoneElse() {
        bed.create(
                        owner,
                        "{\"url\":\"https://example.com/\",\"alias\":\"launch\",\"expiresAt\":\"2026-11-28T12:00:00Z\"}")
                .assertStatus(201);
        expireAndLetTtlDelete("launch");

        bed.create(attacker, "{\"url\":\"https://attacker.example/\",\"alias\":\"launch\"}")
                .assertProblem(409, "alias-taken");
        assertTrue(bed.items().containsKey("reserved#launch"));
    }

    @Test
    void anAliasWithoutExpiry_thatLaterGotOne_isReservedToo() {
        bed.create(owner, "{\"url\":\"https://example.com/\",\"alias\":\"evergreen\"}")
                .assertStatus(201);
        bed.send(Events.withBody(
                        Events.keyed(Events.UPDATE, owner, "evergreen"), "{\"expiresAt\":\"2026-11-28T12:00:00Z\"}"))
                .assertStatus(200);
        expireAndLetTtlDelete("evergreen");

        bed.create(attacker, "{\"url\":\"https://attacker.example/\",\"alias\":\"evergreen\"}")
                .assertProblem(409, "alias-taken");
    }

    @Test
    void anExpiredMintedCode_removedByTtl_cannotBeTakenAsAnAlias() {
        String code = bed.create(owner, "{\"url\":\"https://example.com/\",\"expiresAt\":\"2026-11-28T12:00:00Z\"}")
                .code();
        expireAndLetTtlDelete(code);

        bed.create(attacker, "{\"url\":\"https://attacker.example/\",\"alias\":\"" + code + "\"}")
                .assertProblem(409, "alias-taken");
    }

    @Test
    void theOwner_mayRegisterTheirOwnExpiredAliasAgain() {
        bed.create(
                        owner,
                        "{\"url\":\"https://example.com/\",\"alias\":\"season\",\"expiresAt\":\"2026-11-28T12:00:00Z\"}")
                .assertStatus(201);
        expireAndLetTtlDelete("season");

        bed.create(owner, "{\"url\":\"https://example.com/next-season\",\"alias\":\"season\"}")
                .assertStatus(201);
    }

    @Test
    void aFailedAliasCreate_leavesNoReservationBehind() {
        java.util.concurrent.atomic.AtomicBoolean failNext = new java.util.concurrent.atomic.AtomicBoolean(true);
        TestBed flaky =
                TestBed.create(adapters -> adapters.links = TestLinkStores.failingOnce(adapters.links, failNext));
        String first = flaky.newApiKey("owner-a");
        String second = flaky.newApiKey("owner-b");

        flaky.create(first, "{\"url\":\"https://example.com/\",\"alias\":\"half-done\"}")
                .assertProblem(503, "service-unavailable");

        assertTrue(flaky.items().keySet().stream().noneMatch(pk -> pk.startsWith("reserved#")), "no reservation left");
        flaky.create(second, "{\"url\":\"https://example.com/b\",\"alias\":\"half-done\"}")
                .assertStatus(201);
    }

    @Test
    void anExpiredAliasStillInTheTable_isTaken_evenForItsOwner() {
        bed.create(
                        owner,
                        "{\"url\":\"https://example.com/\",\"alias\":\"lapsed\",\"expiresAt\":\"2026-11-28T12:00:00Z\"}")
                .assertStatus(201);
        bed.clock.advance(Duration.ofDays(2));

        bed.create(owner, "{\"url\":\"https://example.com/\",\"alias\":\"lapsed\"}")
                .assertProblem(409, "alias-taken");
        bed.send(Events.withBody(
                        Events.keyed(Events.UPDATE, owner, "lapsed"), "{\"expiresAt\":\"2026-12-31T00:00:00Z\"}"))
                .assertStatus(200);
    }
}
