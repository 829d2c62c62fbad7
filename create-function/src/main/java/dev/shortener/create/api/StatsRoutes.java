package dev.shortener.create.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.shortener.create.domain.auth.Caller;
import dev.shortener.create.domain.stats.LinkAnalytics;
import dev.shortener.create.domain.stats.StatsQuery;
import dev.shortener.create.domain.stats.StatsReport;
import dev.shortener.http.HttpResponses;
import dev.shortener.stats.StatsSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code GET /api/links/{code}/stats} and {@code GET /api/stats}: the query parameters read and checked, the
 * report rendered. Dates are UTC days, {@code to} included; by default the last 30 days to today, by day, as a
 * time series, without bots. Hourly series cover at most {@value #MAX_HOURLY_DAYS} days; no range reaches back
 * further than the retention of the day items ({@code availableFrom} in every answer).
 */
final class StatsRoutes {

    static final int DEFAULT_DAYS = 30;

    static final int MAX_HOURLY_DAYS = 7;
    private static final Set<String> PARAMETERS = Set.of("from", "to", "interval", "groupBy", "bots");

    /** A link's answer: its all-time count as before, then the range's report as the owner's answer has it. */
    @JsonPropertyOrder({"code", "clickCount", "clicksUpdatedAt"})
    record LinkStatsBody(
            String code,
            long clickCount,
            String clicksUpdatedAt,
            @JsonUnwrapped RangeBody range) {}

    /** The report over a range: the owner's answer across all of their links, and the rest of a link's. */
    @JsonPropertyOrder({"from", "to", "interval", "groupBy", "bots", "availableFrom", "totals", "series", "breakdown"})
    record RangeBody(
            String from,
            String to,
            String interval,
            String groupBy,
            String bots,
            String availableFrom,
            StatsReport.Totals totals,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<StatsReport.Point> series,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<StatsReport.Entry> breakdown) {

        /** A time series when grouped by time, otherwise a breakdown; never both. */
        static RangeBody of(StatsQuery query, StatsReport report, LocalDate availableFrom) {
            boolean overTime = query.groupBy() == StatsQuery.GroupBy.TIME;
            return new RangeBody(
                    query.from().toString(),
                    query.to().toString(),
                    name(query.interval()),
                    name(query.groupBy()),
                    name(query.bots()),
                    availableFrom.toString(),
                    report.totals(),
                    overTime ? report.series() : null,
                    overTime ? null : report.breakdown());
        }
    }

    private final LinkAnalytics analytics;
    private final StatsSettings settings;
    private final Supplier<Instant> now;

    StatsRoutes(LinkAnalytics analytics, StatsSettings settings, Supplier<Instant> now) {
        this.analytics = Objects.requireNonNull(analytics, "analytics");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.now = Objects.requireNonNull(now, "now");
    }

    APIGatewayV2HTTPResponse link(ApiRequest request, String code, Caller caller) {
        StatsQuery query = query(parameters(request), false);
        LinkAnalytics.LinkReport answer = analytics.forLink(code, caller.ownerId(), query);
        Instant updated = answer.link().clicksUpdatedAt();
        return HttpResponses.json(
                200,
                ApiJson.write(new LinkStatsBody(
                        answer.link().code(),
                        answer.link().clickCount(),
                        updated == null ? null : updated.toString(),
                        RangeBody.of(query, answer.report(), availableFrom()))));
    }

    APIGatewayV2HTTPResponse owner(ApiRequest request, Caller caller) {
        StatsQuery query = query(parameters(request), true);
        StatsReport report = analytics.forOwner(caller.ownerId(), query);
        return HttpResponses.json(200, ApiJson.write(RangeBody.of(query, report, availableFrom())));
    }

    /** The query string, read as every route reads it (an unknown or repeated parameter is refused). */
    private static Map<String, String> parameters(ApiRequest request) {
        return QueryParameters.parse(request.rawQuery(), List.copyOf(new java.util.TreeSet<>(PARAMETERS)))
                .asMap();
    }

    /** The first day whose items are still kept (today is the retention's last). */
    LocalDate availableFrom() {
        return today().minusDays(settings.retentionDays() - 1L);
    }

    StatsQuery query(Map<String, String> parameters, boolean acrossLinks) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw invalid(name, "Unknown parameter; the stats routes take from, to, interval, groupBy and bots.");
            }
        }
        LocalDate today = today();
        LocalDate to = day(parameters, "to", today);
        LocalDate from = day(parameters, "from", to.minusDays(DEFAULT_DAYS - 1L));
        StatsQuery.Interval interval =
                choice(parameters, "interval", StatsQuery.Interval.class, StatsQuery.Interval.DAY);
        StatsQuery.GroupBy groupBy = choice(parameters, "groupBy", StatsQuery.GroupBy.class, StatsQuery.GroupBy.TIME);
        StatsQuery.Bots bots = choice(parameters, "bots", StatsQuery.Bots.class, StatsQuery.Bots.EXCLUDE);
        if (to.isAfter(today)) {
            throw invalid("to", "'to' is after today (" + today + ", UTC).");
        }
        if (from.isAfter(to)) {
            throw invalid("from", "'from' is after 'to'.");
        }
        if (from.isBefore(availableFrom())) {
            throw invalid(
                    "from",
                    "Daily stats are kept for " + settings.retentionDays() + " days: 'from' must be " + availableFrom()
                            + " or later. Older clicks are in the event archive (Athena).");
        }
        StatsQuery query = new StatsQuery(from, to, interval, groupBy, bots);
        if (interval == StatsQuery.Interval.HOUR
                && groupBy == StatsQuery.GroupBy.TIME
                && query.days() > MAX_HOURLY_DAYS) {
            throw invalid("interval", "Hourly series cover at most " + MAX_HOURLY_DAYS + " days; ask by day.");
        }
        if (groupBy == StatsQuery.GroupBy.LINK && !acrossLinks) {
            throw invalid("groupBy", "groupBy=link is for GET /api/stats (across your links).");
        }
        return query;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now.get(), ZoneOffset.UTC);
    }

    private static LocalDate day(Map<String, String> parameters, String name, LocalDate otherwise) {
        String value = parameters.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "'" + name + "' must be a UTC day, yyyy-MM-dd (such as 2026-05-01).");
        }
    }

    private static <E extends Enum<E>> E choice(
            Map<String, String> parameters, String name, Class<E> type, E otherwise) {
        String value = parameters.get(name);
        if (value == null) {
            return otherwise;
        }
        for (E constant : type.getEnumConstants()) {
            if (name(constant).equals(value)) {
                return constant;
            }
        }
        throw invalid(
                name,
                "'" + name + "' must be one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(StatsRoutes::name)
                                .collect(Collectors.joining(", "))
                        + ".");
    }

    private static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The same problem as every route's bad query parameter ({@code invalid-query-parameter}, naming it). */
    private static ApiProblem invalid(String parameter, String detail) {
        return QueryParameters.invalid(parameter, detail);
    }
}
