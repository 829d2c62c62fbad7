package dev.shortener.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesMapsInIterationOrder_withoutNullMembers_listsAndScalars_escapingControlCharacters() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("z", "line\nbreak \"quoted\" \u0001");
        value.put("a", List.of(1, 2.5, true));
        value.put("n", null);
        value.put("m", Map.of("k", 9_007_199_254_740_993L));

        assertEquals(
                "{\"z\":\"line\\nbreak \\\"quoted\\\" \\u0001\",\"a\":[1,2.5,true],"
                        + "\"m\":{\"k\":9007199254740993}}",
                Json.write(value));
    }

    @Test
    void embedsRawJsonAsItIs_notAsAString() {
        String event = "{\"v\":1,\"code\":\"aB3dE5f\"}";

        assertEquals("{\"event\":{\"v\":1,\"code\":\"aB3dE5f\"}}", Json.write(Map.of("event", new Json.Raw(event))));
    }

    @Test
    void writesAnUnexpectedType_asItsString_withoutIntrospectingIt() {
        record Secretive(String apiKey) {
            @Override
            public String toString() {
                return "Secretive[redacted]";
            }
        }

        assertEquals("{\"value\":\"Secretive[redacted]\"}", Json.write(Map.of("value", new Secretive("k-123"))));
    }

    @Test
    void readsObjectsInDocumentOrder_andRejectsWhatIsNotJson() throws IOException {
        Map<String, Object> read = Json.readObject("{\"b\":1,\"a\":[\"x\"],\"c\":{\"d\":false}}");

        assertEquals(List.of("b", "a", "c"), List.copyOf(read.keySet()));
        assertEquals(List.of("x"), read.get("a"));
        assertEquals(Map.of("d", false), read.get("c"));
        assertThrows(IOException.class, () -> Json.readObject("{\"b\":"));
        assertThrows(IOException.class, () -> Json.readObject("[1, 2]"));
    }
}
