package dev.shortener.analytics.counts.handler;

import dev.shortener.analytics.counts.ObjectRef;
import dev.shortener.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the objects an S3 event notification names. Parsed by hand from the JSON, so that the committed sample
 * event is read exactly as Lambda delivers it, and because S3 URL-encodes keys in notifications (a space
 * arrives as '+') and the key must be decoded before it is used.
 */
final class S3Notifications {

    private S3Notifications() {}

    static List<ObjectRef> objectsCreated(InputStream event) throws IOException {
        List<ObjectRef> objects = new ArrayList<>();
        if (!(Json.readObject(event).get("Records") instanceof List<?> records)) {
            return objects;
        }
        for (Object record : records) {
            if (!text(record, "eventName").startsWith("ObjectCreated")) {
                continue; // e.g. s3:TestEvent, or a misconfigured trigger
            }
            Object s3 = member(record, "s3");
            String bucket = text(member(s3, "bucket"), "name");
            String key = text(member(s3, "object"), "key");
            if (bucket.isEmpty() || key.isEmpty()) {
                continue;
            }
            objects.add(new ObjectRef(
                    bucket, URLDecoder.decode(key, StandardCharsets.UTF_8), text(member(s3, "object"), "eTag")));
        }
        return objects;
    }

    /** The member {@code name} of {@code object}, or null when either is missing or not an object. */
    private static Object member(Object object, String name) {
        return object instanceof Map<?, ?> map ? map.get(name) : null;
    }

    /** The string member {@code name} of {@code object}, or "" when there is none. */
    private static String text(Object object, String name) {
        return member(object, name) instanceof String text ? text : "";
    }
}
