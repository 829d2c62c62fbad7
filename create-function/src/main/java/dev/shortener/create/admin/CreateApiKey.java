package dev.shortener.create.admin;

import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import dev.shortener.create.domain.auth.ApiKeyFormat;
import dev.shortener.create.domain.auth.Caller;
import dev.shortener.create.dynamodb.DynamoDbApiKeys;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbClients.DynamoDbTimeouts;
import dev.shortener.links.dynamodb.LinksTable;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Creates an API key for the management API and prints it, once: only its SHA-256 hash is stored, so it can't be
 * shown again (a lost key is replaced, not recovered).
 *
 * <pre>
 * AWS_REGION=eu-west-1 LINKS_TABLE=&lt;table&gt; java -cp &lt;create-function jar&gt; \
 *     dev.shortener.create.admin.CreateApiKey --owner acme
 * </pre>
 *
 * Options: {@code --owner <id>} (default: a new random id; give the same owner to a second key to rotate keys
 * without losing access to the links), {@code --table <name>} (default {@code $LINKS_TABLE}),
 * {@code --endpoint <url>} (default {@code $DYNAMODB_ENDPOINT}, for an emulator). Credentials come from the
 * default AWS chain. To revoke a key, set a {@code revoked_at} attribute on (or delete) its {@code apikey#<hash>}
 * item; the key id printed here is the first 16 hex digits of that hash.
 */
public final class CreateApiKey {

    private CreateApiKey() {}

    public static void main(String[] args) {
        int status = run(args, Environment.system(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, Environment env, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, env);
        } catch (IllegalArgumentException | ConfigException e) {
            err.println(e.getMessage());
            err.println("usage: CreateApiKey [--owner <id>] [--table <links table>] [--endpoint <DynamoDB URL>]");
            return 2;
        }
        try (DynamoDbClient dynamoDb = DynamoDbClients.forFunction(
                DynamoDbTimeouts.MANAGEMENT, options.table().endpointOrNull())) {
            var keys =
                    new DynamoDbApiKeys(new LinksTable(dynamoDb, options.table().table()));
            return create(keys, options.owner(), out, err);
        }
    }

    /** Generates, stores and prints a key; exported for tests with their own store. */
    static int create(dev.shortener.create.domain.auth.ApiKeys keys, String owner, PrintStream out, PrintStream err) {
        String ownerId = owner != null ? owner : "owner-" + UUID.randomUUID();
        String key = ApiKeyFormat.generate(new SecureRandom());
        String hash = ApiKeyFormat.hash(key);
        if (!keys.add(hash, new Caller(ownerId, ApiKeyFormat.keyId(hash)), Instant.now())) {
            err.println("A key with the same hash exists already; run the command again.");
            return 1;
        }
        out.println("API key (shown only now; store it in a secret manager): " + key);
        out.println("owner:  " + ownerId);
        out.println("key id: " + ApiKeyFormat.keyId(hash));
        out.println("Send it as the X-Api-Key header, e.g. curl -H 'X-Api-Key: " + key + "' ...");
        return 0;
    }
}
