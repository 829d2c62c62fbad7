package dev.shortener.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortener.stats.ClickFacts;
import dev.shortener.stats.DayCounts;
import dev.shortener.stats.StatsKeys;
import dev.shortener.stats.dynamodb.DayStatsItems;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stats routes through the handler, over day items on dynalite written with the aggregator's own codec. The
 * clock is 2026-11-27T12:00Z, so the default range is 2026-10-29 to 2026-11-27.
 */
class StatsRoutesTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-27");

    private final TestBed bed = TestBed.create();
    private String key;
    private String code;

    @BeforeEach
    void aLinkWithThreeDaysOfClicks() {
        key = bed.newApiKey("owner-s");
        code = bed.create(key, "{\"url\":\"https://example.com/stats\"}").code();
        String other =
                bed.create(key, "{\"url\":\"https://example.com/other\"}").code();
        // Two days ago: 3 people (DE, news.example, Safari) at 09h, one of them twice; a Slackbot.
        DayCounts twoDaysAgo = new DayCounts();
        twoDaysAgo.add(person(9, "DE", "news.example", "Mobile Safari", "v1"));
        twoDaysAgo.add(person(9, "DE", "news.example", "Mobile Safari", "v1"));
        twoDaysAgo.add(person(9, "DE", "news.example", "Mobile Safari", "v2"));
        twoDaysAgo.add(bot(10, "Slackbot"));
        // Today: one person from FR at 11h, direct.
        DayCounts today = new DayCounts();
        today.add(person(11, "FR", null, "Chrome", "v9"));
        put(StatsKeys.linkDay(code, TODAY.minusDays(2)), twoDaysAgo);
        put(StatsKeys.linkDay(code, TODAY), today);
        // The owner's days: this link's and another's.
        DayCounts ownerDay = new DayCounts();
        ownerDay.merge(twoDaysAgo);
        ownerDay.countLink(code, 3, 1);
        DayCounts otherLink = new DayCounts();
        otherLink.add(person(8, "US", "t.co", "Chrome", "w1"));
        ownerDay.merge(otherLink);
        ownerDay.countLink(other, 1, 0);
        put(StatsKeys.ownerDay("owner-s", TODAY.minusDays(2)), ownerDay);
    }

    @Test
    void byDefault_theLast30Days_daily_withoutBots() {
        JsonNode body = stats(code, "").assertStatus(200).json();

        assertEquals(code, body.get("code").asText());
        assertEquals("2026-10-29", body.get("from").asText());
        assertEquals("2026-11-27", body.get("to").asText());
        assertEquals("day", body.get("interval").asText());
        assertEquals("time", body.get("groupBy").asText());
        assertEquals("exclude", body.get("bots").asText());
        assertEquals("2025-10-24", body.get("availableFrom").asText(), "400 days up to today");
        assertEquals(4, body.get("totals").get("clicks").asLong());
        assertEquals(4, body.get("totals").get("people").asLong());
        assertEquals(1, body.get("totals").get("bots").asLong());
        assertEquals(3, body.get("totals").get("uniqueVisitors").asLong(), "v1 twice counts once");
        JsonNode series = body.get("series");
        assertEquals(30, series.size(), "every day, zeros included");
        assertEquals("2026-11-25", series.get(27).get("period").asText());
        assertEquals(3, series.get(27).get("clicks").asLong());
        assertEquals(1, series.get(29).get("clicks").asLong());
        assertFalse(body.has("breakdown"));
    }

    @Test
    void hourly_andWithBots() {
        JsonNode body = stats(code, "from=2026-11-25&to=2026-11-25&interval=hour&bots=include")
                .assertStatus(200)
                .json();

        JsonNode series = body.get("series");
        assertEquals(24, series.size());
        assertEquals("2026-11-25T09:00:00Z", series.get(9).get("period").asText());
        assertEquals(3, series.get(9).get("clicks").asLong());
        assertEquals(1, series.get(10).get("clicks").asLong(), "the bot");
        assertEquals(4, body.get("totals").get("clicks").asLong());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "groupBy=country              | DE=3, FR=1",
                "groupBy=referrer             | news.example=3, (direct)=1",
                "groupBy=browser              | Mobile Safari=3, Chrome=1",
                "groupBy=bot&bots=only        | Slackbot=1",
                "groupBy=bot&bots=include     | (people)=4, Slackbot=1",
            })
    void breakdowns_byDimension_andBotsApart(String query, String expected) {
        assertEquals(List.of(expected.split(", ")), entries(stats(code, query).json()));
    }

    @Test
    void acrossTheOwnersLinks_topLinks() {
        JsonNode body =
                send("/api/stats", key, "groupBy=link").assertStatus(200).json();

        assertEquals(4, body.get("totals").get("clicks").asLong());
        assertEquals(3, body.get("totals").get("uniqueVisitors").asLong(), "v1, v2, w1");
        assertEquals(3, body.get("breakdown").get(0).get("clicks").asLong());
        assertEquals(code, body.get("breakdown").get(0).get("value").asText());
    }

    @Test
    void anotherOwner_seesNeitherTheLinkNorTheirOwnStatsOfIt() {
        String stranger = bed.newApiKey("owner-t");

        send("/api/links/" + code + "/stats", stranger, "").assertProblem(404, "link-not-found");
        assertEquals(
                0,
                send("/api/stats", stranger, "")
                        .json()
                        .get("totals")
                        .get("clicks")
                        .asLong());
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "from=yesterday                 | invalid-query-parameter | from",
                "interval=minute                | invalid-query-parameter | interval",
                "groupBy=city                   | invalid-query-parameter | groupBy",
                "groupBy=link                   | invalid-query-parameter | groupBy",
                "limit=5                        | unknown-query-parameter | limit",
                "from=2026-11-20&interval=hour  | invalid-query-parameter | interval",
                "from=2026-11-27&to=2026-11-26  | invalid-query-parameter | from",
                "to=2026-11-28                  | invalid-query-parameter | to",
                "from=2025-10-23                | invalid-query-parameter | from",
            })
    void badQueries_areProblems_namingTheParameter(String query, String type, String parameter) {
        stats(code, query).assertProblem(400, type).assertParameter(parameter);
    }

    @Test
    void theFirstDayStillKept_isAValidFrom() {
        stats(code, "from=2025-10-24").assertStatus(200);
    }

    private Answer stats(String link, String rawQuery) {
        return send("/api/links/" + link + "/stats", key, rawQuery);
    }

    private Answer send(String path, String apiKey, String rawQuery) {
        return bed.send(Events.withQuery(Events.at(Events.keyed(Events.STATS, apiKey), "GET", path), rawQuery));
    }

    private static List<String> entries(JsonNode body) {
        List<String> entries = new ArrayList<>();
        body.get("breakdown")
                .forEach(e -> entries.add(
                        e.get("value").asText() + "=" + e.get("clicks").asLong()));
        return entries;
    }

    private void put(String itemKey, DayCounts counts) {
        TestBed.dynamoDb()
                .putItem(put -> put.tableName(bed.table).item(DayStatsItems.toItem(itemKey, counts, 1, Set.of(), 0)));
    }

    private static ClickFacts person(int hour, String country, String referrer, String browser, String visitor) {
        return new ClickFacts(hour, country, referrer, "mobile", browser, "iOS", false, null, visitor);
    }

    private static ClickFacts bot(int hour, String reason) {
        return new ClickFacts(hour, null, null, "bot", "Other", "Other", true, reason, null);
    }
}
