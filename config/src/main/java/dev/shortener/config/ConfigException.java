package dev.shortener.config;

/**
 * A missing or malformed setting. The message names the variable and says what it must hold, so a bad deployment
 * fails its first cold start with a line a deployer can act on.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String variable;

    public ConfigException(String variable, String message) {
        super(message);
        this.variable = variable;
    }

    /** The environment variable at fault. */
    public String variable() {
        return variable;
    }
}
