package dev.shortener.deploycheck.athena;

/** An Athena query that failed, was cancelled or ran out of time; the message says which and why. */
public final class AthenaQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AthenaQueryException(String message) {
        super(message);
    }
}
