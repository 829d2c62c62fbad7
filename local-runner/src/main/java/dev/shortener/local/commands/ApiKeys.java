package dev.shortener.local.commands;

import dev.shortener.create.domain.auth.ApiKeyFormat;
import dev.shortener.create.domain.auth.Caller;
import dev.shortener.create.dynamodb.DynamoDbApiKeys;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.local.RunnerException;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * Makes an API key the way {@code dev.shortener.create.admin.CreateApiKey} does (its {@code create} is
 * package-private): a random key, only its SHA-256 hash stored under {@code apikey#<hash>}.
 */
public final class ApiKeys {

    /** The owner of the key made on first start; a second key with the same owner sees the same links. */
    public static final String LOCAL_OWNER = "local";

    private ApiKeys() {}

    /** The plain key, to be printed once. */
    public static String create(LinksTable table, String owner) {
        String key = ApiKeyFormat.generate(new SecureRandom());
        String hash = ApiKeyFormat.hash(key);
        if (!new DynamoDbApiKeys(table).add(hash, new Caller(owner, ApiKeyFormat.keyId(hash)), Instant.now())) {
            throw new RunnerException("A key with the same hash exists already; run the command again.");
        }
        return key;
    }
}
