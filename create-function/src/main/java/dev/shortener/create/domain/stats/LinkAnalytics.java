package dev.shortener.create.domain.stats;

import dev.shortener.create.domain.link.LinkService;
import dev.shortener.create.domain.link.LinkStats;
import java.util.Objects;

/**
 * The stats routes' domain: a link's (its owner only, as every route) or all of an owner's links, over a range of
 * day items.
 */
public final class LinkAnalytics {

    /** A link's report beside its all-time {@code click_count}. */
    public record LinkReport(LinkStats link, StatsReport report) {}

    private final LinkService links;
    private final DailyStats daily;

    public LinkAnalytics(LinkService links, DailyStats daily) {
        this.links = Objects.requireNonNull(links, "links");
        this.daily = Objects.requireNonNull(daily, "daily");
    }

    /** @throws dev.shortener.create.domain.Rejection link-not-found for unknown codes and others' links */
    public LinkReport forLink(String code, String owner, StatsQuery query) {
        LinkStats link = links.stats(code, owner);
        return new LinkReport(link, StatsReports.of(daily.linkDays(link.code(), query.from(), query.to()), query));
    }

    public StatsReport forOwner(String owner, StatsQuery query) {
        return StatsReports.of(daily.ownerDays(owner, query.from(), query.to()), query);
    }
}
