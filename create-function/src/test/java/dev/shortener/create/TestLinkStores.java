package dev.shortener.create;

import dev.shortener.links.ForwardingLinkStore;
import dev.shortener.links.Link;
import dev.shortener.links.LinkStore;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Link stores that misbehave on the link write, wrapped around the real one. */
final class TestLinkStores {

    private TestLinkStores() {}

    /** DynamoDB timing out on the next link write while {@code failNext} is set (once). */
    static LinkStore failingOnce(LinkStore store, AtomicBoolean failNext) {
        return new ForwardingLinkStore(store) {
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
        return new ForwardingLinkStore(store) {
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
}
