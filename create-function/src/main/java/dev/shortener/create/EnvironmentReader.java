package dev.shortener.create;

import dev.shortener.config.ConfigException;
import dev.shortener.create.domain.url.DomainSet;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Map;

/** Reads environment variables, failing with the variable's name and what a valid value looks like. */
final class EnvironmentReader {

    private final Map<String, String> env;

    EnvironmentReader(Map<String, String> env) {
        this.env = env;
    }

    String optional(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw new ConfigException(name, name + " is not set");
        }
        return value;
    }

    int integer(String name, int defaultValue, int min, int max) {
        String value = optional(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(
                name, name + " must be a whole number from " + min + " to " + max + "; got '" + value + "'");
    }

    boolean bool(String name, boolean defaultValue) {
        String value = optional(name);
        if (value == null) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ConfigException(name, name + " must be true or false; got '" + value + "'");
    }

    URI redisUrl(String name) {
        String value = required(name);
        try {
            URI uri = new URI(value);
            if (("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ConfigException(name, name + " must look like redis://host:6379 or rediss://host:6379 (TLS)");
    }

    URI httpUri(String name) {
        String value = required(name);
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ConfigException(
                name, name + " must be an http(s) URL such as http://127.0.0.1:8000; got '" + value + "'");
    }

    DomainSet domains(String name) {
        String value = optional(name);
        if (value == null) {
            return DomainSet.empty();
        }
        try {
            return DomainSet.of(Arrays.stream(value.split("[,\\s]+"))
                    .filter(entry -> !entry.isEmpty())
                    .toList());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, name + ": " + e.getMessage());
        }
    }
}
