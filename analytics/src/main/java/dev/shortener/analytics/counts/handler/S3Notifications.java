package dev.shortener.analytics.counts.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortener.analytics.counts.ObjectRef;
import dev.shortener.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the objects an S3 event notification names. Parsed by hand from the JSON, so that the committed sample
 * event is read exactly as Lambda delivers it, and because S3 URL-encodes keys in notifications (a space
 * arrives as '+') and the key must be decoded before it is used.
 */
final class S3Notifications {

    private S3Notifications() {
    }

    static List<ObjectRef> objectsCreated(InputStream event) throws IOException {
        JsonNode root = Json.MAPPER.readTree(event);
        List<ObjectRef> objects = new ArrayList<>();
        for (JsonNode record : root.path("Records")) {
            if (!record.path("eventName").asText("").startsWith("ObjectCreated")) {
                continue; // e.g. s3:TestEvent, or a misconfigured trigger
            }
            JsonNode s3 = record.path("s3");
            String bucket = s3.path("bucket").path("name").asText(null);
            String key = s3.path("object").path("key").asText(null);
            if (bucket == null || key == null) {
                continue;
            }
            objects.add(new ObjectRef(bucket, URLDecoder.decode(key, StandardCharsets.UTF_8),
                    s3.path("object").path("eTag").asText("")));
        }
        return objects;
    }
}
