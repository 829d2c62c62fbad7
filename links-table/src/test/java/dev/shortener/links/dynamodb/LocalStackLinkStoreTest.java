package dev.shortener.links.dynamodb;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The link store's tests against LocalStack's DynamoDB, where a Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackLinkStoreTest extends DynamoDbLinkStoreTest {

    @Override
    LinksTableFixture newTable() {
        return LocalStackTables.create();
    }
}
