package dev.shortener.redirect;

/**
 * A missing or malformed environment variable. Thrown at init, so Lambda reports the init as failed with this
 * message (which names the variable) instead of answering requests with a half-configured function.
 */
public final class ConfigException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
