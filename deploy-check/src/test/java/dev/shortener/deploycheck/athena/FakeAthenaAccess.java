package dev.shortener.deploycheck.athena;

import java.io.IOException;
import java.util.Map;
import software.amazon.awssdk.services.athena.AthenaClient;

/** {@link FakeAthena} for the tests of other packages. */
public final class FakeAthenaAccess {

    private FakeAthenaAccess() {}

    public static AutoCloseable start(Map<String, Long> rows) throws IOException {
        FakeAthena athena = new FakeAthena();
        athena.rows = Map.copyOf(rows);
        return athena;
    }

    public static AthenaClient client(AutoCloseable athena) {
        return AthenaClickCountsTest.client((FakeAthena) athena);
    }
}
