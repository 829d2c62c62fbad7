package dev.shortener.deploycheck.checks;

/** Thrown by a check that can't run: the runner makes it a skip row with this reason. */
public final class SkipException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SkipException(String reason) {
        super(reason);
    }
}
