package dev.shortener.create.domain;

import dev.shortener.create.domain.idempotency.ClaimRequest;
import dev.shortener.create.domain.idempotency.ClaimResult;
import dev.shortener.create.domain.idempotency.IdempotencyClaim;
import dev.shortener.create.domain.idempotency.IdempotencyStore;
import dev.shortener.create.domain.link.CodeReservations;
import dev.shortener.create.domain.link.LinkCacheUpdates;
import dev.shortener.links.Link;
import dev.shortener.links.LinkChange;
import dev.shortener.links.LinkLookup;
import dev.shortener.links.LinkStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The create function's ports in memory, with the same rules as the DynamoDB and Redis adapters (conditional
 * writes that never overwrite, tombstones that keep a code, reservations without expiry), for fast domain tests.
 * The adapters themselves are tested against dynalite and redis-server.
 */
final class InMemoryPorts {

    private InMemoryPorts() {}

    /** Links by code; a deleted link stays as a tombstone (a null destination) so its code stays taken. */
    static final class Links implements LinkStore {

        private final Map<String, Link> links = new HashMap<>();
        private final Set<String> tombstones = new HashSet<>();
        /** Runs once, just before the next write is decided: another request arriving at that moment. */
        Runnable beforeNextPut;

        @Override
        public boolean putIfAbsent(Link link) {
            Runnable interloper = beforeNextPut;
            beforeNextPut = null;
            if (interloper != null) {
                interloper.run();
            }
            if (links.containsKey(link.code()) || tombstones.contains(link.code())) {
                return false;
            }
            links.put(link.code(), link);
            return true;
        }

        @Override
        public LinkLookup find(String code, Instant now) {
            if (tombstones.contains(code)) {
                return LinkLookup.deleted();
            }
            Link link = links.get(code);
            return link == null ? LinkLookup.notFound() : LinkLookup.of(link, now);
        }

        @Override
        public Optional<Link> update(String code, String owner, LinkChange change, Instant now) {
            Link link = links.get(code);
            if (link == null || !link.createdBy().equals(owner)) {
                return Optional.empty();
            }
            Instant expiresAt =
                    change.removeExpiry() ? null : change.expiresAt() != null ? change.expiresAt() : link.expiresAt();
            String url = change.url() != null ? change.url() : link.url();
            Link changed = new Link(code, url, link.createdAt(), expiresAt, owner, link.clickCount());
            links.put(code, changed);
            return Optional.of(changed);
        }

        @Override
        public boolean delete(String code, String owner, Instant now) {
            Link link = links.get(code);
            if (link == null || !link.createdBy().equals(owner)) {
                return false;
            }
            links.remove(code);
            tombstones.add(code);
            return true;
        }

        int size() {
            return links.size() + tombstones.size();
        }
    }

    static final class Reservations implements CodeReservations {

        final Map<String, String> owners = new HashMap<>();

        @Override
        public boolean reserve(String code, String owner, Instant now) {
            return owners.putIfAbsent(code, owner) == null;
        }

        @Override
        public Optional<String> ownerOf(String code) {
            return Optional.ofNullable(owners.get(code));
        }

        @Override
        public void release(String code, String owner) {
            owners.remove(code, owner);
        }
    }

    /**
     * Records what the domain asks of the cache, in order, and can fail while {@link #down}; {@code links} is read
     * at each call, so a test can see whether the table had changed yet.
     */
    static final class CacheUpdates implements LinkCacheUpdates {

        final List<String> calls = new ArrayList<>();
        private final Links links;
        boolean down;

        CacheUpdates(Links links) {
            this.links = links;
        }

        @Override
        public void invalidate(String code) {
            fail();
            calls.add("invalidate " + code + " while " + state(code));
        }

        @Override
        public void settle(String code, Link current) {
            fail();
            calls.add("settle " + code + " to " + (current == null ? "gone" : current.url()) + " after " + state(code));
        }

        private String state(String code) {
            LinkLookup lookup = links.find(code, Instant.MAX);
            return lookup.link() == null
                    ? lookup.status().name()
                    : lookup.link().url();
        }

        private void fail() {
            if (down) {
                throw new CacheUnavailableException(new IllegalStateException("redis is down"));
            }
        }
    }

    /** Records by key; each write after the claim is conditional on the claim's lock token, as in DynamoDB. */
    static final class Idempotency implements IdempotencyStore {

        private record Entry(
                String fingerprint, String code, String token, Instant lockedUntil, Instant retainUntil, Link result) {

            /** The new record a claim creates. */
            static Entry claimed(ClaimRequest request, String token) {
                return new Entry(
                        request.fingerprint(),
                        request.candidateCode(),
                        token,
                        request.lockedUntil(),
                        request.retainUntil(),
                        null);
            }

            Entry heldBy(String newToken, Instant newLockedUntil) {
                return new Entry(fingerprint, code, newToken, newLockedUntil, retainUntil, null);
            }

            Entry pinning(String newCode) {
                return new Entry(fingerprint, newCode, token, lockedUntil, retainUntil, null);
            }

            Entry completedWith(Link link, Instant newRetainUntil) {
                return new Entry(fingerprint, link.code(), token, lockedUntil, newRetainUntil, link);
            }
        }

        private final Map<String, Entry> records = new HashMap<>();

        @Override
        public ClaimResult claim(ClaimRequest request) {
            Entry entry = records.get(request.recordKey());
            String token = UUID.randomUUID().toString();
            if (entry == null || !entry.retainUntil().isAfter(request.now())) {
                records.put(request.recordKey(), Entry.claimed(request, token));
                return new ClaimResult.Claimed(request.created(token));
            }
            if (!entry.fingerprint().equals(request.fingerprint())) {
                return new ClaimResult.Mismatch();
            }
            if (entry.result() != null) {
                return new ClaimResult.Completed(entry.result());
            }
            if (entry.lockedUntil().isAfter(request.now())) {
                return new ClaimResult.InFlight();
            }
            records.put(request.recordKey(), entry.heldBy(token, request.lockedUntil()));
            return new ClaimResult.Claimed(request.takenOver(token, entry.code()));
        }

        @Override
        public void repin(IdempotencyClaim claim, String code) {
            Entry entry = held(claim);
            if (entry != null) {
                records.put(claim.recordKey(), entry.pinning(code));
            }
        }

        @Override
        public void complete(IdempotencyClaim claim, Link link, Instant retainUntil) {
            Entry entry = held(claim);
            if (entry != null) {
                records.put(claim.recordKey(), entry.completedWith(link, retainUntil));
            }
        }

        @Override
        public void completeBatch(IdempotencyClaim claim, byte[] results, Instant retainUntil) {
            throw new UnsupportedOperationException(
                    "the domain tests make no bulk requests; BulkCreateTest runs on" + " dynalite");
        }

        @Override
        public void release(IdempotencyClaim claim) {
            if (held(claim) != null) {
                records.remove(claim.recordKey());
            }
        }

        /** The code pinned in the record under {@code recordKey}, or null without one. */
        String pinned(String recordKey) {
            Entry entry = records.get(recordKey);
            return entry == null ? null : entry.code();
        }

        boolean has(String recordKey) {
            return records.containsKey(recordKey);
        }

        private Entry held(IdempotencyClaim claim) {
            Entry entry = records.get(claim.recordKey());
            return entry != null && entry.token().equals(claim.lockToken()) ? entry : null;
        }
    }

    /** Counts what the domain reports, so a test sees a failure that was reported rather than thrown. */
    static final class Events implements OperationalEvents {

        final List<String> reported = new ArrayList<>();

        @Override
        public void rateLimiterFailedOpen(String scope, boolean breakerOpened) {
            reported.add("rate limiter failed open " + scope);
        }

        @Override
        public void cacheInvalidationFailed(String code) {
            reported.add("cache invalidation failed " + code);
        }

        @Override
        public void idempotencyCompletionFailed(String code) {
            reported.add("idempotency completion failed " + code);
        }
    }
}
