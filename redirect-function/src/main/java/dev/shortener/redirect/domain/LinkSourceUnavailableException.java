package dev.shortener.redirect.domain;

/** The link source could not answer (an outage, a timeout, throttling): worth a 503 and a retry, not a 500. */
public final class LinkSourceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LinkSourceUnavailableException(Throwable cause) {
        super("the link source could not answer: " + cause.getClass().getSimpleName(), cause);
    }
}
