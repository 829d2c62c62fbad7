package dev.shortener.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.config.Environment;
import dev.shortener.create.domain.auth.ApiKeyFormat;
import dev.shortener.create.domain.auth.Caller;
import dev.shortener.create.dynamodb.DynamoDbApiKeys;
import dev.shortener.links.LinksTableSettings;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.localservers.lambda.InvocationContext;
import dev.shortener.testsupport.TestServers;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The handler as SnapStart runs it: built by the real constructor (real clients, hooks registered with a CRaC
 * context), checkpointed once, then restored. Nothing unique may exist in the snapshot, so every restored
 * environment must lease its own worker id and mint codes no other environment mints.
 */
class SnapStartTest {

    private static final int ENVIRONMENTS = 4;
    private static final int CODES_EACH = 12;

    private String table;
    private Environment environment;
    private String apiKey;

    @BeforeAll
    static void awsSettingsForTheRealClientBuilder() {
        RealClientSettings.apply();
    }

    @BeforeEach
    void table() {
        table = Tables.createNew(TestBed.dynamoDb());
        environment = Environment.of(TestBed.environment(
                table,
                Map.of(
                        LinksTableSettings.DYNAMODB_ENDPOINT,
                        TestServers.dynamoDbEndpoint().toString())));
        apiKey = ApiKeyFormat.generate(new SecureRandom());
        String hash = ApiKeyFormat.hash(apiKey);
        new DynamoDbApiKeys(new LinksTable(TestBed.dynamoDb(), table))
                .add(hash, new Caller("owner-s", ApiKeyFormat.keyId(hash)), Instant.now());
    }

    private long workerItems() {
        return TestBed.dynamoDb().scan(scan -> scan.tableName(table).consistentRead(true)).items().stream()
                .filter(item -> item.get("pk").s().startsWith("worker#"))
                .count();
    }

    @Test
    void oneCheckpoint_thenSeveralRestores_leaseDifferentWorkerIds_andMintDisjointCodes() throws Exception {
        RecordingCracContext crac = new RecordingCracContext();
        List<CreateHandler> environments = new ArrayList<>();
        for (int i = 0; i < ENVIRONMENTS; i++) {
            environments.add(new CreateHandler(CreateWiring.fromEnvironment(environment), crac));
        }
        assertEquals(ENVIRONMENTS, crac.resources().size());
        assertSame(environments.get(0).snapStartHooks(), crac.resources().get(0), "the registered resource");
        TestBed.redis().scriptFlush();

        crac.beforeCheckpoint(null); // the one snapshot

        assertEquals(0, workerItems(), "no worker id was leased before the snapshot");
        environments.forEach(
                handler -> assertTrue(handler.minter().currentLease().isEmpty()));
        assertTrue(
                TestBed.redis()
                        .scriptExists(List.of(dev.shortener.create.redis.RedisTokenBucketsAccess.sha1()))
                        .get(0),
                "priming loaded the rate-limit script into Redis");

        crac.afterRestore(null); // every environment restored from it
        ExecutorService pool = Executors.newFixedThreadPool(ENVIRONMENTS);
        List<Future<List<String>>> minted = new ArrayList<>();
        for (CreateHandler handler : environments) {
            minted.add(pool.submit(() -> mint(handler)));
        }
        Set<String> allCodes = new HashSet<>();
        int total = 0;
        for (Future<List<String>> codes : minted) {
            List<String> these = codes.get(60, TimeUnit.SECONDS);
            total += these.size();
            allCodes.addAll(these);
        }
        pool.shutdown();
        Set<Integer> workerIds = new HashSet<>();
        for (CreateHandler handler : environments) {
            workerIds.add(handler.minter().currentLease().orElseThrow().workerId());
        }

        System.out.println("restored environments hold worker ids " + workerIds + "; " + total + " codes minted");
        assertEquals(ENVIRONMENTS, workerIds.size(), "each restored environment leased its own worker id");
        assertEquals(ENVIRONMENTS * CODES_EACH, total);
        assertEquals(total, allCodes.size(), "no code was minted twice");
    }

    @Test
    void anEnvironmentThatServedRequestsBeforeTheSnapshot_releasesItsLease_andLeasesAnewAfterRestore() {
        RecordingCracContext crac = new RecordingCracContext();
        CreateHandler handler = new CreateHandler(CreateWiring.fromEnvironment(environment), crac);
        List<String> before = mint(handler);
        int leasedBefore = handler.minter().currentLease().orElseThrow().workerId();

        crac.beforeCheckpoint(null);
        boolean leaseInSnapshot = handler.minter().currentLease().isPresent();
        crac.afterRestore(null);
        List<String> after = mint(handler);

        assertEquals(false, leaseInSnapshot, "the snapshot holds no lease");
        assertNotNull(handler.minter().currentLease().orElse(null));
        Set<String> all = new HashSet<>(before);
        all.addAll(after);
        assertEquals(before.size() + after.size(), all.size(), "codes before and after the snapshot are disjoint");
        System.out.println("leased worker " + leasedBefore + " before the snapshot, "
                + handler.minter().currentLease().orElseThrow().workerId() + " after the restore");
    }

    @Test
    void aRestoredEnvironment_servesEveryRoute() {
        RecordingCracContext crac = new RecordingCracContext();
        CreateHandler handler = new CreateHandler(CreateWiring.fromEnvironment(environment), crac);
        crac.beforeCheckpoint(null);
        crac.afterRestore(null);

        Answer created = new Answer(handler.handleRequest(
                Events.keyed(Events.CREATE_ALIAS_EXPIRY, apiKey), InvocationContext.fresh("create-function")));
        Answer read = new Answer(
                handler.handleRequest(Events.keyed(Events.GET, apiKey), InvocationContext.fresh("create-function")));
        Answer updated = new Answer(
                handler.handleRequest(Events.keyed(Events.UPDATE, apiKey), InvocationContext.fresh("create-function")));
        Answer stats = new Answer(
                handler.handleRequest(Events.keyed(Events.STATS, apiKey), InvocationContext.fresh("create-function")));
        Answer deleted = new Answer(
                handler.handleRequest(Events.keyed(Events.DELETE, apiKey), InvocationContext.fresh("create-function")));

        created.assertStatus(201);
        read.assertStatus(200);
        updated.assertStatus(200);
        stats.assertStatus(200);
        deleted.assertStatus(204);
    }

    private List<String> mint(CreateHandler handler) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < CODES_EACH; i++) {
            Answer answer = new Answer(handler.handleRequest(
                    Events.withBody(Events.keyed(Events.CREATE, apiKey), "{\"url\":\"https://example.com/" + i + "\"}"),
                    InvocationContext.fresh("create-function")));
            answer.assertStatus(201);
            codes.add(answer.code());
        }
        return codes;
    }
}
