package dev.shortener.create.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.config.Environment;
import dev.shortener.create.RealClientSettings;
import dev.shortener.create.Tables;
import dev.shortener.create.domain.auth.ApiKeyFormat;
import dev.shortener.create.domain.auth.Authenticator;
import dev.shortener.create.domain.auth.Caller;
import dev.shortener.create.dynamodb.DynamoDbApiKeys;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.testsupport.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The deployer's command that makes API keys, against dynalite. */
class CreateApiKeyTest {

    private static final Pattern KEY = Pattern.compile("(shk_[A-Za-z0-9_-]{43})");

    @BeforeAll
    static void awsSettingsForTheRealClientBuilder() {
        RealClientSettings.apply();
    }

    @Test
    void createsAKey_printsItOnce_andStoresOnlyItsHash() {
        DynamoDbClient dynamoDb = DynamoDbClients.forEmulator(TestServers.dynamoDbEndpoint());
        String table = Tables.createNew(dynamoDb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = CreateApiKey.run(
                new String[] {"--owner", "acme", "--table", table},
                Environment.of(Map.of(
                        "DYNAMODB_ENDPOINT", TestServers.dynamoDbEndpoint().toString())),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);

        assertEquals(0, status);
        String printed = out.toString(StandardCharsets.UTF_8);
        Matcher matcher = KEY.matcher(printed);
        assertTrue(matcher.find(), printed);
        String key = matcher.group(1);
        String hash = ApiKeyFormat.hash(key);
        var items = dynamoDb.scan(scan -> scan.tableName(table)).items();
        assertEquals(1, items.size());
        assertEquals("apikey#" + hash, items.get(0).get("pk").s());
        assertFalse(items.get(0).toString().contains(key), "the plain key is not stored");
        Caller caller = new Authenticator(new DynamoDbApiKeys(new LinksTable(dynamoDb, table))).authenticate(key);
        assertEquals(new Caller("acme", ApiKeyFormat.keyId(hash)), caller);
        assertTrue(printed.contains("key id: " + ApiKeyFormat.keyId(hash)));
    }

    @Test
    void withoutATable_itExplainsUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = CreateApiKey.run(
                new String[] {"--owner", "acme"},
                Environment.of(Map.of()),
                System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("LINKS_TABLE"));
    }
}
