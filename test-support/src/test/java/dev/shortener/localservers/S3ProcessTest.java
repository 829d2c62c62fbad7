package dev.shortener.localservers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.shortener.testsupport.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class S3ProcessTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void s3rver_storesAndServesObjects_andLeavesNothingBehind() throws Exception {
        S3Process s3 = TestServers.startOrSkip(S3Process::start);
        try {
            URI bucket = s3.endpoint().resolve("/clicks-bucket");
            assertEquals(
                    200,
                    send(HttpRequest.newBuilder(bucket).PUT(HttpRequest.BodyPublishers.noBody()))
                            .statusCode());
            URI object = s3.endpoint().resolve("/clicks-bucket/clicks/dt=2026-11-27/part-1.json");
            assertEquals(
                    200,
                    send(HttpRequest.newBuilder(object)
                                    .PUT(HttpRequest.BodyPublishers.ofString("{\"code\":\"aB3dE5f\"}\n")))
                            .statusCode());

            HttpResponse<String> read = send(HttpRequest.newBuilder(object).GET());

            assertEquals(200, read.statusCode());
            assertEquals("{\"code\":\"aB3dE5f\"}\n", read.body());
        } finally {
            ProcessHandle node = s3.processHandle();
            s3.close();
            assertFalse(node.isAlive(), "the emulator stopped");
            assertFalse(Files.exists(s3.dataDir()), "its objects were deleted");
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
