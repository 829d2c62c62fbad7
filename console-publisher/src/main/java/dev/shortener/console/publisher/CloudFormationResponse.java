package dev.shortener.console.publisher;

import dev.shortener.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to a custom resource request: a PUT of a JSON document to the request's pre-signed {@code ResponseURL}
 * (CloudFormation User Guide, "Custom resource response objects": Status SUCCESS or FAILED, Reason, the
 * PhysicalResourceId, the request's StackId, RequestId and LogicalResourceId, optional Data). The URL is signed for
 * no content type, so none is sent. Until it arrives CloudFormation waits (an hour by default), so the handler sends
 * one whatever happened.
 */
final class CloudFormationResponse {

    private CloudFormationResponse() {}

    static Map<String, Object> document(
            Map<String, Object> request, boolean success, String reason, String physicalId, Map<String, ?> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Status", success ? "SUCCESS" : "FAILED");
        body.put("Reason", reason);
        body.put("PhysicalResourceId", physicalId);
        body.put("StackId", request.get("StackId"));
        body.put("RequestId", request.get("RequestId"));
        body.put("LogicalResourceId", request.get("LogicalResourceId"));
        body.put("Data", data);
        return body;
    }

    /** Sends the document; returns the HTTP status S3 answered. */
    static int send(String responseUrl, Map<String, Object> document) {
        byte[] body = Json.writeBytes(document);
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(responseUrl).toURL().openConnection();
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(10_000);
            connection.setRequestProperty("Content-Type", "");
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            connection.disconnect();
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
