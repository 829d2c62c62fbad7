package dev.shortener.local;

/**
 * Something the person running the runner can fix: the message says what went wrong and what to do, and is all
 * they see (no stack trace).
 */
public class RunnerException extends RuntimeException {

    public RunnerException(String message) {
        super(message);
    }

    public RunnerException(String message, Throwable cause) {
        super(message, cause);
    }
}
