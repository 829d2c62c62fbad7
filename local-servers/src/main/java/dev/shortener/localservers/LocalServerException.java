package dev.shortener.localservers;

/**
 * A local server could not be installed or started. The message always says what is missing and how to
 * fix it, because it ends up in front of a developer (as a skipped test) or in a CI log (as an error).
 */
public class LocalServerException extends RuntimeException {

    public LocalServerException(String message) {
        super(message);
    }

    public LocalServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
