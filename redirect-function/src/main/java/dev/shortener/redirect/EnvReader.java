package dev.shortener.redirect;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Function;

/** Reads and checks environment variables, failing with the variable's name and what it should hold. */
final class EnvReader {

    private final Function<String, String> env;

    EnvReader(Function<String, String> env) {
        this.env = env;
    }

    String required(String name, String what) {
        String value = value(name);
        if (value == null) {
            throw new ConfigException(name + " is not set: it must hold " + what + ".");
        }
        return value;
    }

    URI redisUrl(String name) {
        String value = required(name, "the Redis URL, redis://host:port or rediss://host:port (TLS)");
        URI uri = uri(name, value);
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
            throw new ConfigException(
                    name + " must start with redis:// or rediss:// (TLS), got scheme '" + uri.getScheme() + "'.");
        }
        if (uri.getHost() == null) {
            throw new ConfigException(name + " has no host: use redis://host:port or rediss://host:port.");
        }
        return uri;
    }

    /** @return null when unset */
    URI optionalUri(String name) {
        String value = value(name);
        if (value == null) {
            return null;
        }
        URI uri = uri(name, value);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new ConfigException(
                    name + " must be an http(s) URL such as http://127.0.0.1:8000, got '" + value + "'.");
        }
        return uri;
    }

    long number(String name, long defaultValue, long min, long max) {
        String value = value(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new ConfigException(name + " must be a whole number from " + min + " to " + max + ", got '" + value
                + "' (unset means " + defaultValue + ").");
    }

    private URI uri(String name, String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigException(name + " is not a valid URL: " + e.getReason() + ".");
        }
    }

    /** Blank counts as unset: a template parameter left empty should mean "the default". */
    private String value(String name) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
