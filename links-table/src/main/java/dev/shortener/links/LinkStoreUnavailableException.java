package dev.shortener.links;

import java.util.Objects;

/**
 * The table could not answer a read: a service error, throttling, a refused connection or one of the client's
 * API-call timeouts. Thrown by the store's implementation, so that its callers' domain code needs no AWS types to
 * tell an outage (answered 503) from a bug (which propagates as whatever it is).
 */
public final class LinkStoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LinkStoreUnavailableException(RuntimeException cause) {
        super(Objects.requireNonNull(cause, "cause").getMessage(), cause);
    }

    /** What failed underneath, by its simple class name (for the log line). */
    public String failure() {
        return getCause().getClass().getSimpleName();
    }
}
