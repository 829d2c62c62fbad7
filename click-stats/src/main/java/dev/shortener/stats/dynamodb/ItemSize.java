package dev.shortener.stats.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB counts it against the 400 KB limit and for write units (an upper bound): attribute
 * names and strings in UTF-8 bytes, binaries by length, numbers at most 21 bytes, 3 bytes per list or map plus 1
 * per element ("Item sizes and formats", DynamoDB developer guide).
 */
public final class ItemSize {

    private ItemSize() {}

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + of(attribute.getValue());
        }
        return size;
    }

    private static long of(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return Math.min(21, (value.n().length() + 1) / 2 + 1);
        }
        if (value.b() != null) {
            return value.b().asByteArrayUnsafe().length;
        }
        if (value.hasBs()) {
            return value.bs().stream()
                    .mapToLong(b -> b.asByteArrayUnsafe().length)
                    .sum();
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToLong(ItemSize::utf8).sum();
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToLong(v -> 1 + of(v)).sum();
        }
        if (value.hasM()) {
            return 3
                    + value.m().entrySet().stream()
                            .mapToLong(e -> 1 + utf8(e.getKey()) + of(e.getValue()))
                            .sum();
        }
        return 1; // BOOL, NULL
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
