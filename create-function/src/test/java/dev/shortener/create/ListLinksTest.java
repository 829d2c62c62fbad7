package dev.shortener.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortener.links.Link;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code GET /api/links} through the handler, on dynalite's owner index and redis-server. */
class ListLinksTest {

    private final TestBed bed = TestBed.create();
    private final String keyA = bed.newApiKey("owner-a");
    private final String keyB = bed.newApiKey("owner-b");

    @Test
    void pagingThroughAThousandLinks_returnsEachExactlyOnceNewestFirst_andNoneOfAnotherOwner() {
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        List<Link> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // Three links a second: ties on the time are ordered by code, and still each appears once.
            Link link = numbered("a", i, "example.com", start.plusSeconds(i / 3), "owner-a");
            assertTrue(bed.links.putIfAbsent(link));
            expected.add(link);
        }
        for (int i = 0; i < 50; i++) {
            assertTrue(bed.links.putIfAbsent(numbered("b", i, "example.org", start.plusSeconds(i), "owner-b")));
        }
        expected.sort(
                Comparator.comparing(Link::createdAt).thenComparing(Link::code).reversed());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Answer page = list(keyA, "limit=100" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            page.assertStatus(200);
            assertEquals("no-store", page.header("Cache-Control"));
            JsonNode links = page.json().get("links");
            assertTrue(links.size() <= 100);
            links.forEach(link -> seen.add(link.get("code").asText()));
            cursor = page.text("next");
            pages++;
        } while (cursor != null && pages < 20);

        assertEquals(expected.stream().map(Link::code).toList(), seen, "every link once, newest first");
        assertEquals(1000, new HashSet<>(seen).size());
        assertTrue(pages <= 11, "pages of 100, then at most one empty page: " + pages);
        assertFalse(seen.stream().anyMatch(code -> code.startsWith("b")), "another owner's links never appear");
        Answer ofB = list(keyB, "limit=100");
        assertEquals(50, ofB.json().get("links").size());
        assertNull(ofB.text("next"));
    }

    @Test
    void aPage_showsEachLinkAsGetDoes_withTagsStatusAndShortUrl() {
        create(keyA, "{\"url\":\"https://shop.example/a\",\"alias\":\"first\",\"tags\":[\"Winter\",\"sale\"]}");
        bed.clock.advance(Duration.ofSeconds(1));
        create(
                keyA,
                "{\"url\":\"https://shop.example/b\",\"alias\":\"second\",\"expiresAt\":\"2026-11-28T00:00:00Z\"}");

        Answer answer = list(keyA, "");

        answer.assertStatus(200);
        JsonNode links = answer.json().get("links");
        assertEquals(2, links.size());
        assertEquals("second", links.get(0).get("code").asText(), "newest first");
        JsonNode first = links.get(1);
        assertEquals("https://sho.rt/first", first.get("shortUrl").asText());
        assertEquals("https://shop.example/a", first.get("url").asText());
        assertEquals("[\"sale\",\"winter\"]", first.get("tags").toString(), "lower case, sorted");
        assertEquals("active", first.get("status").asText());
        assertEquals(0, first.get("clickCount").asLong());
        assertTrue(first.get("deletedAt").isNull());
        assertTrue(answer.json().get("next").isNull());
    }

    @Test
    void filters_tagStatusPrefixAndCreationTime_selectTheLinksTheyName() {
        create(keyA, "{\"url\":\"https://shop.example/a\",\"alias\":\"alpha-1\",\"tags\":[\"winter\"]}");
        bed.clock.advance(Duration.ofMinutes(1));
        create(keyA, "{\"url\":\"https://blog.example/b\",\"alias\":\"beta-1\",\"tags\":[\"winter\",\"blog\"]}");
        bed.clock.advance(Duration.ofMinutes(1));
        create(
                keyA,
                "{\"url\":\"https://shop.example/c\",\"alias\":\"alpha-2\",\"expiresAt\":\"2026-11-27T12:03:00Z\"}");
        bed.clock.advance(Duration.ofMinutes(1));
        create(keyA, "{\"url\":\"https://shop.example/d\",\"alias\":\"gamma-1\",\"tags\":[\"winter\"]}");
        bed.send(Events.keyed(Events.DELETE, keyA, "gamma-1")).assertStatus(204);
        bed.clock.advance(Duration.ofMinutes(1)); // alpha-2 has expired now

        assertEquals(List.of("beta-1", "alpha-1"), codes(list(keyA, "tag=winter")), "deleted links only on request");
        assertEquals(List.of("beta-1"), codes(list(keyA, "tag=BLOG")), "tags compare in lower case");
        assertEquals(List.of("beta-1", "alpha-1"), codes(list(keyA, "status=active")));
        assertEquals(List.of("alpha-2"), codes(list(keyA, "status=expired")));
        Answer deleted = list(keyA, "status=deleted");
        assertEquals(List.of("gamma-1"), codes(deleted));
        JsonNode tombstone = deleted.json().get("links").get(0);
        assertEquals("deleted", tombstone.get("status").asText());
        assertTrue(tombstone.get("url").isNull(), "a deleted link keeps no destination");
        assertEquals("2026-11-27T12:03:00Z", tombstone.get("deletedAt").asText());
        assertEquals(List.of("alpha-2", "alpha-1"), codes(list(keyA, "q=alpha")), "a prefix of the code");
        assertEquals(List.of("beta-1"), codes(list(keyA, "q=Blog.")), "a prefix of the host, in any case");
        assertEquals(
                List.of("alpha-2", "beta-1"),
                codes(list(
                        keyA,
                        "createdAfter=" + encode("2026-11-27T12:00:00Z") + "&createdBefore="
                                + encode("2026-11-27T13:03:00+01:00"))),
                "strictly after and strictly before, offsets honoured");
        assertEquals(List.of(), codes(list(keyB, "tag=winter")), "another owner's tags are theirs alone");
    }

    @Test
    void aSelectiveFilter_stillPagesThroughEveryMatch() {
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        Set<String> tagged = new HashSet<>();
        for (int i = 0; i < 450; i++) {
            Link link = numbered("c", i, "example.com", start.plusSeconds(i), "owner-a");
            if (i % 40 == 0) {
                link = link.withTags(List.of("rare"));
                tagged.add(link.code());
            }
            assertTrue(bed.links.putIfAbsent(link));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 50; pages++) {
            Answer page = list(keyA, "tag=rare&limit=5" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            page.json().get("links").forEach(link -> seen.add(link.get("code").asText()));
            cursor = page.text("next");
            if (cursor == null) {
                break;
            }
        }

        assertNull(cursor, "the listing ends");
        assertEquals(tagged, new HashSet<>(seen));
        assertEquals(tagged.size(), seen.size());
    }

    @Test
    void aForgedAlteredExpiredOrBorrowedCursor_isRefusedWith400() {
        for (int i = 0; i < 3; i++) {
            create(keyA, "{\"url\":\"https://shop.example/" + i + "\",\"tags\":[\"t\"]}");
            bed.clock.advance(Duration.ofSeconds(1));
        }
        String cursor = list(keyA, "limit=1").text("next");
        assertNotNull(cursor);
        list(keyA, "limit=1&cursor=" + encode(cursor)).assertStatus(200);

        String[] parts = cursor.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String moved = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.replace("|0", "|1").getBytes(StandardCharsets.UTF_8))
                + "." + parts[1];
        String flipped = cursor.substring(0, cursor.length() - 2)
                + (cursor.charAt(cursor.length() - 2) == 'A' ? 'B' : 'A')
                + cursor.charAt(cursor.length() - 1);

        list(keyA, "limit=1&cursor=" + encode("not-a-cursor")).assertProblem(400, "invalid-cursor");
        list(keyA, "limit=1&cursor=" + encode(moved)).assertProblem(400, "invalid-cursor");
        list(keyA, "limit=1&cursor=" + encode(flipped)).assertProblem(400, "invalid-cursor");
        list(keyB, "limit=1&cursor=" + encode(cursor)).assertProblem(400, "invalid-cursor");
        list(keyA, "limit=1&tag=t&cursor=" + encode(cursor))
                .assertProblem(400, "invalid-cursor")
                .assertNoInternals();
        bed.clock.advance(Duration.ofMinutes(61));
        Answer expired = list(keyA, "limit=1&cursor=" + encode(cursor)).assertProblem(400, "invalid-cursor");
        assertTrue(expired.text("detail").contains("expired"), expired.text("detail"));
    }

    @Test
    void badParameters_areRefusedNamingTheParameter() {
        assertEquals(
                "limit",
                list(keyA, "limit=0")
                        .assertProblem(400, "invalid-query-parameter")
                        .text("parameter"));
        list(keyA, "limit=101").assertProblem(400, "invalid-query-parameter");
        list(keyA, "limit=ten").assertProblem(400, "invalid-query-parameter");
        list(keyA, "status=gone").assertProblem(400, "invalid-query-parameter");
        list(keyA, "tag=" + encode("no spaces")).assertProblem(400, "invalid-query-parameter");
        list(keyA, "createdAfter=yesterday").assertProblem(400, "invalid-query-parameter");
        list(keyA, "createdAfter=2026-11-27T12:00:00Z&createdBefore=2026-11-27T12:00:00Z")
                .assertProblem(400, "invalid-query-parameter");
        list(keyA, "limit=1&limit=2").assertProblem(400, "invalid-query-parameter");
        assertEquals(
                "tags",
                list(keyA, "tags=x")
                        .assertProblem(400, "unknown-query-parameter")
                        .text("parameter"));
        bed.send(Events.keyed(Events.LIST, null)).assertProblem(401, "missing-api-key");
    }

    @Test
    void theSampleEvent_listsActiveLinksOfItsTag() {
        create(keyA, "{\"url\":\"https://shop.example/sale/winter\",\"alias\":\"winter-sale\",\"tags\":[\"winter\"]}");

        Answer answer = bed.send(Events.keyed(Events.LIST, keyA));

        answer.assertStatus(200);
        assertEquals(List.of("winter-sale"), codes(answer));
    }

    private Answer list(String key, String query) {
        return bed.send(Events.withQuery(Events.keyed(Events.LIST, key), query));
    }

    private void create(String key, String body) {
        bed.send(Events.withHeader(Events.withBody(Events.keyed(Events.CREATE, key), body), "idempotency-key", null))
                .assertStatus(201);
    }

    /** The {@code i}-th link of a series written straight to the table: code {@code series} and six digits. */
    private static Link numbered(String series, int i, String host, Instant createdAt, String owner) {
        return Link.create(String.format("%s%06d", series, i), "https://" + host + "/" + i, createdAt, null, owner);
    }

    private static List<String> codes(Answer answer) {
        answer.assertStatus(200);
        List<String> codes = new ArrayList<>();
        answer.json().get("links").forEach(link -> codes.add(link.get("code").asText()));
        return codes;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
