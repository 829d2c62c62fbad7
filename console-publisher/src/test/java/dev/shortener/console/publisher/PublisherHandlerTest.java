package dev.shortener.console.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.shortener.analytics.counts.S3rverClients;
import dev.shortener.console.ConsoleAssets;
import dev.shortener.http.Json;
import dev.shortener.http.StructuredLog;
import dev.shortener.localservers.S3Process;
import dev.shortener.testsupport.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The custom resource against s3rver, with a loopback server standing in for the pre-signed response URL: what it
 * writes to the bucket (every file, each with its Cache-Control and type), what it removes, and that CloudFormation
 * gets an answer when it fails too.
 */
class PublisherHandlerTest {

    private final List<Map<String, Object>> answers = new CopyOnWriteArrayList<>();
    private final List<String> answerContentTypes = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private S3Process s3rver;
    private S3Client s3;
    private HttpServer cloudFormation;
    private String bucket;
    private PublisherHandler handler;

    @BeforeEach
    void start() throws Exception {
        s3rver = TestServers.startOrSkip(S3Process::start);
        s3 = S3rverClients.uploader(s3rver);
        bucket = TestServers.uniqueName("console").toLowerCase(Locale.ROOT).replace('_', '-');
        s3.createBucket(create -> create.bucket(bucket));
        cloudFormation = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cloudFormation.createContext("/", exchange -> {
            answerContentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            answers.add(Json.readObject(exchange.getRequestBody()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cloudFormation.start();
        handler = new PublisherHandler(
                new ConsolePublisher(s3, ConsoleAssets.fromClasspath()),
                new StructuredLog(PublisherHandler.SERVICE, new PrintStream(logs, true, StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stop() {
        if (cloudFormation != null) {
            cloudFormation.stop(0);
        }
        if (s3 != null) {
            s3.close();
        }
        if (s3rver != null) {
            s3rver.close();
        }
    }

    private Map<String, Object> request(String type, String bucketName) {
        return Map.of(
                "RequestType", type,
                "ResponseURL",
                        "http://127.0.0.1:" + cloudFormation.getAddress().getPort() + "/signed?X-Amz-Signature=x",
                "StackId", "arn:aws:cloudformation:eu-west-1:123456789012:stack/s/1",
                "RequestId", "req-1",
                "LogicalResourceId", "ConsoleFiles",
                "ResourceType", "Custom::ConsoleFiles",
                "ResourceProperties", Map.of("ServiceToken", "arn:aws:lambda:x", "Bucket", bucketName));
    }

    @Test
    void create_writesEveryFile_withItsCacheControlAndType_andAnswersSuccess() {
        String result = handler.handleRequest(request("Create", bucket), null);

        assertEquals("SUCCESS (200)", result);
        Map<String, Object> answer = answers.get(0);
        assertEquals("SUCCESS", answer.get("Status"), answer.toString());
        assertEquals("console-files-" + bucket, answer.get("PhysicalResourceId"));
        assertEquals("req-1", answer.get("RequestId"));
        assertEquals("ConsoleFiles", answer.get("LogicalResourceId"));
        assertEquals("", answerContentTypes.get(0).trim().replace("null", ""), "the URL is signed for no type");
        var assets = ConsoleAssets.fromClasspath();
        assertTrue(assets.files().size() >= 4, assets.files().toString());
        for (String name : assets.files()) {
            var head = s3.headObject(h -> h.bucket(bucket).key("console/" + name));
            assertEquals(ConsoleAssets.contentType(name), head.contentType(), name);
            assertEquals(ConsoleAssets.cacheControl(name), head.cacheControl(), name);
        }
        assertEquals(
                "no-cache",
                s3.headObject(h -> h.bucket(bucket).key("console/index.html")).cacheControl());
        String script = assets.files().stream()
                .filter(n -> n.endsWith(".js"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "public, max-age=31536000, immutable",
                s3.headObject(h -> h.bucket(bucket).key("console/" + script)).cacheControl());
        String index = s3.getObjectAsBytes(g -> g.bucket(bucket).key("console/index.html"))
                .asUtf8String();
        assertTrue(index.contains(script), "the page names the uploaded script");
    }

    @Test
    void delete_removesTheConsole_andLeavesOtherObjects() {
        handler.handleRequest(request("Create", bucket), null);
        s3.putObject(
                p -> p.bucket(bucket).key("other/keep.txt"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("x"));

        String result = handler.handleRequest(request("Delete", bucket), null);

        assertEquals("SUCCESS (200)", result);
        List<String> left = s3.listObjectsV2(l -> l.bucket(bucket)).contents().stream()
                .map(o -> o.key())
                .toList();
        assertEquals(List.of("other/keep.txt"), left);
        assertTrue(
                String.valueOf(answers.get(1).get("Reason")).startsWith("Removed "),
                answers.get(1).toString());
    }

    @Test
    void aFailure_isAnsweredFailed_withAReason_soTheDeployDoesNotHang() {
        String result = handler.handleRequest(request("Create", bucket + "-missing"), null);

        assertEquals("FAILED (200)", result);
        Map<String, Object> answer = answers.get(0);
        assertEquals("FAILED", answer.get("Status"));
        assertTrue(
                String.valueOf(answer.get("Reason")).startsWith("Create of the console files failed ("),
                answer.toString());
        assertTrue(
                logs.toString(StandardCharsets.UTF_8).contains("console_publish_failed"),
                logs.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRequestWithoutABucket_isAnsweredFailed() {
        handler.handleRequest(
                Map.of(
                        "RequestType",
                        "Delete",
                        "ResponseURL",
                        request("Delete", bucket).get("ResponseURL"),
                        "ResourceProperties",
                        Map.of()),
                null);

        assertEquals("FAILED", answers.get(0).get("Status"));
    }
}
