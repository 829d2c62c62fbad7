package dev.shortener.links.dynamodb;

import java.net.URI;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack in Docker, started once for the LocalStack suites. Where no Docker engine exists those suites are
 * reported as skipped ({@code @Testcontainers(disabledWithoutDocker = true)}); the dynalite suites run anyway.
 */
final class LocalStackTables {

    private static LocalStackContainer localStack;

    private LocalStackTables() {}

    static synchronized LinksTableFixture create() {
        if (localStack == null) {
            localStack = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                    .withServices("dynamodb");
            localStack.start();
        }
        return LinksTableFixture.create(URI.create(localStack.getEndpoint().toString()));
    }
}
