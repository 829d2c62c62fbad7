package dev.shortener.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a CloudFront function's code on Node.js through {@code src/test/resources/cloudfront/viewer-request.js},
 * which calls {@code handler(event)} with the event CloudFront builds for a viewer request (lower-case header
 * names, {@code {value: ...}} objects, {@code multiValue} for a header sent several times). Node.js is required:
 * without it the tests that use this fail, saying so.
 */
final class CloudFrontFunctionHarness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 60;

    private final String node;

    /** @param node the Node.js executable, looked up on PATH unless it is a path */
    CloudFrontFunctionHarness(String node) {
        this.node = node;
    }

    /**
     * The request the handler returns for each Accept header, in order.
     *
     * @param accepts per request: null for no Accept header, a String for one, a List of Strings for several
     */
    List<JsonNode> viewerRequests(String functionCode, List<?> accepts) {
        return viewerRequests(functionCode, accepts, null);
    }

    /**
     * As {@link #viewerRequests(String, List)}, each request carrying {@code querystring} (CloudFront's shape:
     * {@code {"name": {"value": ..., "multiValue": [...]?}}}), or none when it is null.
     */
    List<JsonNode> viewerRequests(String functionCode, List<?> accepts, JsonNode querystring) {
        return viewerRequests(functionCode, accepts, querystring, null);
    }

    /**
     * As {@link #viewerRequests(String, List, JsonNode)}, for the path {@code uri} (default {@code /aB3dE5f}). The
     * result is whatever the handler returned: the request to pass on, or a response CloudFront sends itself.
     */
    List<JsonNode> viewerRequests(String functionCode, List<?> accepts, JsonNode querystring, String uri) {
        ObjectNode input = JSON.createObjectNode().put("code", functionCode);
        if (uri != null) {
            input.put("uri", uri);
        }
        input.set("accepts", JSON.valueToTree(accepts));
        if (querystring != null) {
            input.set("querystring", querystring);
        }
        JsonNode results = run(input);
        if (!results.isArray() || results.size() != accepts.size()) {
            throw new AssertionError("the harness answered " + results.size() + " results for " + accepts.size());
        }
        List<JsonNode> requests = new ArrayList<>();
        for (int i = 0; i < accepts.size(); i++) {
            JsonNode result = results.get(i);
            if (result.has("error")) {
                throw new AssertionError("the function threw for Accept " + JSON.valueToTree(accepts.get(i)) + ":\n"
                        + result.get("error").asText());
            }
            requests.add(result.path("request"));
        }
        return requests;
    }

    private JsonNode run(JsonNode input) {
        Path script = Repository.file("deployment/src/test/resources/cloudfront/viewer-request.js");
        Path stderr;
        try {
            stderr = Files.createTempFile("cloudfront-function-", ".stderr");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Process process;
            try {
                process = new ProcessBuilder(node, script.toString())
                        .redirectError(stderr.toFile())
                        .start();
            } catch (IOException e) {
                throw new AssertionError(
                        "Node.js is needed to run the CloudFront function's code, and '" + node
                                + "' could not be started (" + e.getMessage() + "). Install Node.js 18 or later and put"
                                + " node on PATH (CI has it).",
                        e);
            }
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(JSON.writeValueAsBytes(input));
            }
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("node " + script + " ran longer than " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(
                        "node " + script + " exited with " + process.exitValue() + ":\n" + Files.readString(stderr));
            }
            return JSON.readTree(stdout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            try {
                Files.deleteIfExists(stderr);
            } catch (IOException ignored) {
                // a temporary file left behind
            }
        }
    }
}
