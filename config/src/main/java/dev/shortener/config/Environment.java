package dev.shortener.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one way any part of the shortener reads its settings: environment variables, checked as they are read. A
 * missing or malformed value throws {@link ConfigException} naming the variable, what it must hold and, for a
 * number, its range and default.
 *
 * <p>A blank value counts as unset, so a template parameter left empty means "the default". Values are trimmed.
 * The variables' names are constants in the module that owns each setting; this class knows none of them.
 */
public final class Environment {

    private final Function<String, String> variables;

    private Environment(Function<String, String> variables) {
        this.variables = Objects.requireNonNull(variables, "variables");
    }

    /** The process environment: the only place the shortener calls {@link System#getenv()}. */
    public static Environment system() {
        return new Environment(System::getenv);
    }

    /**
     * Every variable of the process, for the local runner, which hands its own environment on to the handlers it
     * runs in one JVM (each of them then reads it through {@link #of}).
     */
    public static Map<String, String> processVariables() {
        return System.getenv();
    }

    /** A map of variables: tests, the local runner, a command's own overrides. */
    public static Environment of(Map<String, String> variables) {
        return new Environment(Map.copyOf(variables)::get);
    }

    /** This environment with {@code overrides} taking precedence (the local runner's settings over the process). */
    public Environment with(Map<String, String> overrides) {
        Map<String, String> copy = Map.copyOf(overrides);
        return new Environment(name -> copy.containsKey(name) ? copy.get(name) : variables.apply(name));
    }

    /** The trimmed value, or empty when unset or blank. */
    public Optional<String> optional(String name) {
        String value = variables.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * The value of a variable that must be set.
     *
     * @param what what it holds, completing "it must hold ...": "the name of the DynamoDB links table"
     */
    public String required(String name, String what) {
        return optional(name)
                .orElseThrow(() -> new ConfigException(name, name + " is not set: it must hold " + what + "."));
    }

    /** A whole number in {@code [min, max]}; {@code defaultValue} when unset. */
    public long number(String name, long defaultValue, long min, long max) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            long number = Long.parseLong(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new ConfigException(
                name,
                name + " must be a whole number from " + min + " to " + max + ", got '" + value.get()
                        + "' (unset means " + defaultValue + ").");
    }

    /** A whole number in {@code [min, max]} that fits an int; {@code defaultValue} when unset. */
    public int integer(String name, int defaultValue, int min, int max) {
        return (int) number(name, defaultValue, min, max);
    }

    /** Milliseconds in {@code [minMillis, maxMillis]}, as a duration. */
    public Duration millis(String name, long defaultMillis, long minMillis, long maxMillis) {
        return Duration.ofMillis(number(name, defaultMillis, minMillis, maxMillis));
    }

    /** Seconds in {@code [minSeconds, maxSeconds]}, as a duration. */
    public Duration seconds(String name, long defaultSeconds, long minSeconds, long maxSeconds) {
        return Duration.ofSeconds(number(name, defaultSeconds, minSeconds, maxSeconds));
    }

    /** {@code true} or {@code false} (any case); {@code defaultValue} when unset. */
    public boolean flag(String name, boolean defaultValue) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        if (value.get().equalsIgnoreCase("true") || value.get().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value.get());
        }
        throw new ConfigException(
                name, name + " must be true or false, got '" + value.get() + "' (unset means " + defaultValue + ").");
    }

    /** One of an enum's constants, by name in any case ({@code gzip} for {@code GZIP}); the default when unset. */
    public <E extends Enum<E>> E choice(String name, Class<E> type, E defaultValue) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, value.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                    .toList();
            throw new ConfigException(
                    name,
                    name + " must be one of " + String.join(", ", allowed) + ", got '" + value.get() + "' (unset means "
                            + defaultValue.name().toLowerCase(Locale.ROOT) + ").");
        }
    }

    /** Entries separated by commas or white space; empty when unset. */
    public List<String> list(String name) {
        return optional(name)
                .map(value -> Arrays.stream(value.split("[,\\s]+", -1))
                        .filter(entry -> !entry.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    /**
     * An absolute URL with one of {@code schemes} and a host; empty when unset.
     *
     * @param example a valid value, shown when the value is not one: {@code http://127.0.0.1:8000}
     */
    public Optional<URI> url(String name, Set<String> schemes, String example) {
        return optional(name).map(value -> parseUrl(name, value, schemes, example));
    }

    /** {@link #url} for a variable that must be set. */
    public URI requiredUrl(String name, Set<String> schemes, String example) {
        return parseUrl(name, required(name, "a URL such as " + example), schemes, example);
    }

    /** A failure naming {@code name}, for a check only the setting's owner can make (a secret's strength, say). */
    public static ConfigException invalid(String name, String problem) {
        return new ConfigException(name, name + " " + problem);
    }

    private static URI parseUrl(String name, String value, Set<String> schemes, String example) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme != null && schemes.contains(scheme) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with an example
        }
        throw new ConfigException(
                name,
                name + " must be a URL such as " + example + " (scheme " + String.join(" or ", sorted(schemes))
                        + ", with a host), got '" + value + "'.");
    }

    private static List<String> sorted(Set<String> schemes) {
        return schemes.stream().sorted().toList();
    }
}
