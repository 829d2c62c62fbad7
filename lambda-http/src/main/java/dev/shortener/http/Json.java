package dev.shortener.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterProvider;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * JSON for the documents the functions build themselves: problems, log lines, metric lines, click events. They
 * are maps, lists and scalars, so jackson-jr writes them: no databind on the redirect path, whose class loading
 * and size a cold start pays for. Beans are deliberately not introspected: a value of another type is written as
 * its {@code toString()}, so a log line can never fail on an unexpected field.
 */
public final class Json {

    private static final JSON JR = JSON.builder()
            .disable(JSON.Feature.HANDLE_JAVA_BEANS)
            .register(new RawJsonExtension())
            .build();

    private Json() {}

    /** JSON text this project already holds, embedded as it is (not as a string) by {@link #write}. */
    public record Raw(String json) {

        public Raw {
            Objects.requireNonNull(json, "json");
        }
    }

    /**
     * Serialises maps, lists and scalars: map entries in iteration order, entries whose value is null left out
     * (an absent member, never {@code "x":null}: smaller log lines and click events).
     */
    public static String write(Object value) {
        try {
            return JR.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot serialise " + value.getClass().getName(), e);
        }
    }

    /** As {@link #write}, UTF-8. */
    public static byte[] writeBytes(Object value) {
        try {
            return JR.asBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot serialise " + value.getClass().getName(), e);
        }
    }

    /**
     * Reads a JSON object (members in document order).
     *
     * @throws IOException when {@code json} is not one well-formed JSON object
     */
    public static Map<String, Object> readObject(String json) throws IOException {
        return JR.mapFrom(json);
    }

    /** As {@link #readObject(String)}, from a stream (closed when read). */
    public static Map<String, Object> readObject(InputStream json) throws IOException {
        return JR.mapFrom(json);
    }

    private static final class RawJsonExtension extends JacksonJrExtension {

        @Override
        protected void register(ExtensionContext context) {
            context.appendProvider(new ReaderWriterProvider() {
                @Override
                public ValueWriter findValueWriter(JSONWriter writer, Class<?> type) {
                    return type == Raw.class ? RAW_WRITER : null;
                }
            });
        }

        private static final ValueWriter RAW_WRITER = new ValueWriter() {
            @Override
            public void writeValue(JSONWriter context, JsonGenerator generator, Object value) throws IOException {
                generator.writeRawValue(((Raw) value).json());
            }

            @Override
            public Class<?> valueType() {
                return Raw.class;
            }
        };
    }
}
