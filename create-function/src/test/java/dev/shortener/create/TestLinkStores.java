package dev.shortener.create;

import dev.shortener.links.Link;
import dev.shortener.links.LinkChange;
import dev.shortener.links.LinkLookup;
import dev.shortener.links.LinkStore;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Link stores that misbehave on the link write, wrapped around the real one. */
final class TestLinkStores {

    private TestLinkStores() {
    }

    /** DynamoDB timing out on the next link write while {@code failNext} is set (once). */
    static LinkStore failingOnce(LinkStore store, AtomicBoolean failNext) {
        return new Delegating(store) {
            @Override
            public boolean putIfAbsent(Link link) {
                if (failNext.getAndSet(false)) {
                    throw SdkClientException.create("simulated timeout");
                }
                return super.putIfAbsent(link);
            }
        };
    }

    /** Holds every link write until {@code release}, after telling {@code inside}: a request caught in flight. */
    static LinkStore holding(LinkStore store, CountDownLatch inside, CountDownLatch release) {
        return new Delegating(store) {
            @Override
            public boolean putIfAbsent(Link link) {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.putIfAbsent(link);
            }
        };
    }

    private static class Delegating implements LinkStore {

        private final LinkStore store;

        Delegating(LinkStore store) {
            this.store = store;
        }

        @Override
        public boolean putIfAbsent(Link link) {
            return store.putIfAbsent(link);
        }

        @Override
        public LinkLookup find(String code, Instant now) {
            return store.find(code, now);
        }

        @Override
        public Optional<Link> update(String code, String owner, LinkChange change, Instant now) {
            return store.update(code, owner, change, now);
        }

        @Override
        public boolean delete(String code, String owner, Instant now) {
            return store.delete(code, owner, now);
        }
    }
}
