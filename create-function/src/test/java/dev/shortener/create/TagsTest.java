package dev.shortener.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.shortener.links.LinksTableSchema;
import org.junit.jupiter.api.Test;

/** Tags on create and PATCH, as stored and as answered. */
class TagsTest {

    private final TestBed bed = TestBed.create();
    private final String key = bed.newApiKey("owner-a");

    @Test
    void create_normalisesTags_andGetReturnsThem() {
        Answer created = create(
                "{\"url\":\"https://a.example/\",\"alias\":\"winter-sale\",\"tags\":[\"Sale\",\"sale\",\"q4_2026\"]}");

        assertEquals("[\"q4_2026\",\"sale\"]", created.json().get("tags").toString(), "lower case, once, sorted");
        Answer read = bed.send(Events.keyed(Events.GET, key));
        assertEquals("[\"q4_2026\",\"sale\"]", read.json().get("tags").toString());
        assertEquals(
                2,
                bed.items().get("winter-sale").get(LinksTableSchema.TAGS).ss().size());
    }

    @Test
    void patch_replacesTheWholeSet_andAnEmptyListClearsIt() {
        create("{\"url\":\"https://a.example/\",\"alias\":\"winter-sale\",\"tags\":[\"a\",\"b\"]}");

        Answer replaced = patch("{\"tags\":[\"c\"]}");
        Answer kept = patch("{\"url\":\"https://b.example/\"}");
        Answer cleared = patch("{\"tags\":[]}");

        assertEquals("[\"c\"]", replaced.assertStatus(200).json().get("tags").toString());
        assertEquals("[\"c\"]", kept.assertStatus(200).json().get("tags").toString(), "no tags member: kept");
        assertEquals("[]", cleared.assertStatus(200).json().get("tags").toString());
        assertFalse(bed.items().get("winter-sale").containsKey(LinksTableSchema.TAGS), "no empty set stored");
    }

    @Test
    void invalidTags_areRefusedNamingTheField() {
        create("{\"url\":\"https://a.example/\",\"tags\":[\"\"]}", 422)
                .assertProblem(422, "invalid-tags")
                .assertField("tags");
        create("{\"url\":\"https://a.example/\",\"tags\":[\"x".repeat(1) + "y".repeat(32) + "\"]}", 422)
                .assertProblem(422, "invalid-tags");
        create("{\"url\":\"https://a.example/\",\"tags\":[\"caf\u00e9\"]}", 422).assertProblem(422, "invalid-tags");
        create("{\"url\":\"https://a.example/\",\"tags\":\"one\"}", 400).assertProblem(400, "invalid-field-type");
        create("{\"url\":\"https://a.example/\",\"tags\":[1]}", 400).assertProblem(400, "invalid-field-type");
        assertEquals(0, bed.linkKeys().size());
    }

    private Answer create(String body) {
        return create(body, 201);
    }

    private Answer create(String body, int status) {
        Answer answer = bed.send(
                Events.withHeader(Events.withBody(Events.keyed(Events.CREATE, key), body), "idempotency-key", null));
        return answer.assertStatus(status);
    }

    private Answer patch(String body) {
        return bed.send(Events.withBody(Events.keyed(Events.UPDATE, key), body));
    }
}
