package dev.shortener.create;

import dev.shortener.create.domain.auth.ApiKeys;
import dev.shortener.create.domain.idempotency.IdempotencyStore;
import dev.shortener.create.domain.link.CodeReservations;
import dev.shortener.create.domain.link.LinkCacheUpdates;
import dev.shortener.create.domain.link.LinkStats;
import dev.shortener.create.domain.listing.LinkListing;
import dev.shortener.create.domain.ratelimit.RateLimiter;
import dev.shortener.create.domain.stats.DailyStats;
import dev.shortener.links.LinkStore;
import dev.shortener.shortcode.WorkerLeases;

/**
 * Everything the create function talks to, as the domain's ports. Tests swap single members (a store that fails
 * once or holds a write, an idempotency store that dies) to reach outcomes the real servers won't produce on cue.
 * Each member is refused if null by the part of the graph that keeps it, when {@link CreateWiring} builds it.
 */
public record CreatePorts(
        LinkStore links,
        CodeReservations reservations,
        LinkStats.Source stats,
        DailyStats dailyStats,
        ApiKeys apiKeys,
        IdempotencyStore idempotency,
        RateLimiter rateLimiter,
        LinkCacheUpdates cache,
        WorkerLeases workerLeases,
        LinkListing listing) {}
