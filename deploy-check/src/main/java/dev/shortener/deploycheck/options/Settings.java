package dev.shortener.deploycheck.options;

import static dev.shortener.deploycheck.options.Option.*;

import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import dev.shortener.deploycheck.checks.CheckName;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The options, checked and typed. They are read through the config module's {@link Environment} with the option's
 * name as the variable, so a bad value fails as a bad setting does everywhere else in the project: a
 * {@link ConfigException} naming the option, what it must hold and, for a number, its range and default.
 *
 * @param stack          the CloudFormation stack whose outputs give the URLs, or empty when they are given
 * @param apiKey         never printed or logged
 * @param rateLimitBurst the per-key burst the API was deployed with, if given (a stack's parameter otherwise)
 * @param rateLimitBound the most requests the rate-limit check may send
 */
public record Settings(
        Optional<String> stack,
        Optional<String> region,
        Optional<URI> shortUrl,
        Optional<URI> apiUrl,
        Optional<URI> originUrl,
        Optional<URI> managementOriginUrl,
        String apiKey,
        URI destination,
        OptionalInt edgeCacheSeconds,
        Duration pollInterval,
        OptionalInt rateLimitBurst,
        int rateLimitBound,
        Optional<String> athenaWorkgroup,
        Optional<String> athenaDatabase,
        String athenaTable,
        Duration athenaWait,
        Duration athenaTimeout,
        Optional<URI> athenaEndpoint,
        Set<CheckName> skipped) {

    /** The environment variable that holds the API key when {@code --api-key} is not given (it is safer there). */
    public static final String API_KEY_VARIABLE = "SHORTENER_API_KEY";

    /** Firehose's buffer interval in the template (300 s), plus time for the click-count function to run. */
    public static final long DEFAULT_ATHENA_WAIT_SECONDS = 330;

    public static final String DEFAULT_DESTINATION = "https://example.com/deploy-check";
    public static final String DEFAULT_ATHENA_TABLE = "clicks"; // template.yaml's ClickTable TableInput Name
    private static final Set<String> HTTP = Set.of("http", "https");

    @Override
    public String toString() {
        return "Settings[stack=" + stack + ", shortUrl=" + shortUrl + ", apiUrl=" + apiUrl + ", apiKey=(hidden)]";
    }

    /**
     * @param options   the parsed command line
     * @param variables the process environment, for {@value #API_KEY_VARIABLE} only
     */
    public static Settings from(Map<String, String> options, Environment variables) {
        Environment env = Environment.of(options);
        Optional<String> stack = env.optional(STACK.flag());
        Optional<URI> shortUrl = url(env, SHORT_URL);
        if (stack.isEmpty() && shortUrl.isEmpty()) {
            throw new ConfigException(
                    STACK.flag(),
                    "Say what to check: --stack NAME (its outputs give the URLs) or --short-url URL (and the"
                            + " others explicitly); run with --help for the list.");
        }
        String apiKey = env.optional(API_KEY.flag())
                .or(() -> variables.optional(API_KEY_VARIABLE))
                .orElseThrow(() -> new ConfigException(
                        API_KEY_VARIABLE,
                        "No API key: set " + API_KEY_VARIABLE + " (or give --api-key) to a key the stack's API"
                                + " accepts (README, Creating an API key)."));
        return new Settings(
                stack,
                env.optional(REGION.flag()),
                shortUrl,
                url(env, API_URL),
                url(env, ORIGIN_URL),
                url(env, MANAGEMENT_ORIGIN_URL),
                apiKey,
                url(env, DESTINATION).orElse(URI.create(DEFAULT_DESTINATION)),
                optionalInt(env, EDGE_CACHE_SECONDS, 0, 3600),
                Duration.ofMillis(env.number(POLL_SECONDS.flag(), 2, 1, 60) * 1000),
                optionalInt(env, RATE_LIMIT_BURST, 1, 100_000),
                env.integer(RATE_LIMIT_BOUND.flag(), 200, 1, 2000),
                identifier(env, ATHENA_WORKGROUP, "[A-Za-z0-9._-]{1,128}"),
                identifier(env, ATHENA_DATABASE, "[a-z0-9_]{1,255}"),
                identifier(env, ATHENA_TABLE, "[a-z0-9_]{1,255}").orElse(DEFAULT_ATHENA_TABLE),
                env.seconds(ATHENA_WAIT.flag(), DEFAULT_ATHENA_WAIT_SECONDS, 0, 3600),
                env.seconds(ATHENA_TIMEOUT.flag(), 120, 1, 1800),
                url(env, ATHENA_ENDPOINT),
                skipped(env));
    }

    private static Optional<URI> url(Environment env, Option option) {
        return env.url(option.flag(), HTTP, option.example());
    }

    private static OptionalInt optionalInt(Environment env, Option option, int min, int max) {
        String name = option.flag();
        return env.optional(name).isEmpty() ? OptionalInt.empty() : OptionalInt.of(env.integer(name, min, min, max));
    }

    private static Optional<String> identifier(Environment env, Option option, String pattern) {
        String name = option.flag();
        Optional<String> value = env.optional(name);
        if (value.isPresent() && !value.get().matches(pattern)) {
            throw Environment.invalid(
                    name, "must match " + pattern + " (it goes into an Athena request), got '" + value.get() + "'.");
        }
        return value;
    }

    private static Set<CheckName> skipped(Environment env) {
        Set<CheckName> skipped = EnumSet.noneOf(CheckName.class);
        for (String name : env.list(SKIP.flag())) {
            skipped.add(CheckName.skippable(name)
                    .orElseThrow(() -> Environment.invalid(
                            SKIP.flag(),
                            "names checks, one of "
                                    + CheckName.skippable().stream()
                                            .map(CheckName::printed)
                                            .collect(Collectors.joining(", "))
                                    + "; got '" + name + "'.")));
        }
        return Set.copyOf(skipped);
    }
}
