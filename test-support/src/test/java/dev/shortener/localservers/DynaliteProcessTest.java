package dev.shortener.localservers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.testsupport.TestServers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynaliteProcessTest {

    @Test
    void dynalite_answersListTables_overHttp() throws Exception {
        try (DynaliteProcess dynalite = TestServers.startOrSkip(DynaliteProcess::start)) {
            HttpResponse<String> response = new DynamoDbJson(dynalite.endpoint()).call("ListTables", "{}");

            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"TableNames\":[]"), response.body());
            assertTrue(dynalite.endpoint().toString().startsWith("http://127.0.0.1:"));
        }
    }

    @Test
    void dynalite_keepsTable_acrossRestart_whenGivenDataDir(@TempDir Path dataDir) throws Exception {
        String table = TestServers.uniqueName("kept");
        try (DynaliteProcess first = TestServers.startOrSkip(() -> DynaliteProcess.start(dataDir))) {
            HttpResponse<String> created = new DynamoDbJson(first.endpoint())
                    .call(
                            "CreateTable",
                            "{"
                                    + "\"TableName\":\"" + table + "\","
                                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"code\",\"AttributeType\":\"S\"}],"
                                    + "\"KeySchema\":[{\"AttributeName\":\"code\",\"KeyType\":\"HASH\"}],"
                                    + "\"BillingMode\":\"PAY_PER_REQUEST\"}");
            assertEquals(200, created.statusCode(), created.body());
        }

        try (DynaliteProcess second = DynaliteProcess.start(dataDir)) {
            HttpResponse<String> listed = new DynamoDbJson(second.endpoint()).call("ListTables", "{}");

            assertEquals(200, listed.statusCode(), listed.body());
            assertTrue(listed.body().contains("\"" + table + "\""), listed.body());
        }
    }

    @Test
    void close_leavesNoProcessBehind() {
        DynaliteProcess dynalite = TestServers.startOrSkip(DynaliteProcess::start);
        ProcessHandle node = dynalite.processHandle();
        List<ProcessHandle> descendants = node.descendants().toList();

        dynalite.close();

        assertFalse(node.isAlive(), "node is still running");
        descendants.forEach(d -> assertFalse(d.isAlive(), "descendant " + d.pid() + " is still running"));
    }
}
