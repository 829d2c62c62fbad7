package dev.shortener.links;

import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the links table is: what every function, the local runner and the admin commands read, named once.
 *
 * @param table            the DynamoDB table's name
 * @param dynamoDbEndpoint an endpoint override (an emulator, LocalStack), or empty for the region's endpoint
 */
public record LinksTableSettings(String table, Optional<URI> dynamoDbEndpoint) {

    /** The links table's name. */
    public static final String LINKS_TABLE = "LINKS_TABLE";
    /** Optional: a DynamoDB endpoint override, such as {@code http://127.0.0.1:8000}. */
    public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";

    public LinksTableSettings {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(dynamoDbEndpoint, "dynamoDbEndpoint");
    }

    /**
     * Reads {@value #LINKS_TABLE} and {@value #DYNAMODB_ENDPOINT}.
     *
     * @throws ConfigException naming the variable that is missing or malformed
     */
    public static LinksTableSettings fromEnvironment(Environment env) {
        return new LinksTableSettings(
                env.required(LINKS_TABLE, "the name of the DynamoDB links table"),
                env.url(DYNAMODB_ENDPOINT, Set.of("http", "https"), "http://127.0.0.1:8000"));
    }

    /** The endpoint override, or null for the region's endpoint (what the SDK builders take). */
    public URI endpointOrNull() {
        return dynamoDbEndpoint.orElse(null);
    }
}
