package dev.shortener.links.dynamodb;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The worker-lease tests against LocalStack's DynamoDB, where a Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackWorkerLeasesTest extends DynamoDbWorkerLeasesTest {

    @Override
    LinksTableFixture newTable() {
        return LocalStackTables.create();
    }
}
