package dev.shortener.deploycheck.stack;

import dev.shortener.config.ConfigException;
import dev.shortener.deploycheck.options.Option;
import dev.shortener.deploycheck.options.Settings;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What is checked: the URLs, the Athena table and the settings the checks compare with, each from an explicit
 * option or else from the stack. A value neither gives stays empty, and the checks that need it are skipped with
 * that reason.
 *
 * @param shortBase          where short links are followed ({@code https://<CloudFront domain or custom domain>})
 * @param apiBase            the management API ({@code <shortBase>/api} unless given)
 * @param redirectOrigin     the redirect routes' own endpoint, behind CloudFront
 * @param managementOrigin   the management API's own endpoint, behind CloudFront
 * @param edgeCacheSeconds   the {@code s-maxage} of a redirect (60 unless the stack or an option says otherwise)
 * @param rateLimitBurst     the per-key burst, when known
 */
public record Target(
        URI shortBase,
        URI apiBase,
        Optional<URI> redirectOrigin,
        Optional<URI> managementOrigin,
        Optional<AthenaTarget> athena,
        int edgeCacheSeconds,
        OptionalInt rateLimitBurst) {

    /** The template's default for {@code EdgeCacheSeconds}. */
    public static final int DEFAULT_EDGE_CACHE_SECONDS = 60;

    /** Explicit options win over the stack's outputs and parameters. */
    public static Target resolve(Settings settings, Optional<StackFacts> stack) {
        URI shortBase = settings.shortUrl()
                .or(() -> stack.flatMap(facts -> url(facts, StackOutputs.SHORT_LINK_BASE_URL)))
                .orElseThrow(() -> new ConfigException(
                        Option.SHORT_URL.flag(),
                        "No short-link base: give --short-url, or a stack with the output "
                                + StackOutputs.SHORT_LINK_BASE_URL + "."));
        URI apiBase = settings.apiUrl()
                .or(() -> stack.flatMap(facts -> url(facts, StackOutputs.API_URL)))
                .orElseGet(() -> URI.create(withoutSlash(shortBase.toString()) + "/api"));
        Optional<URI> redirectOrigin =
                settings.originUrl().or(() -> stack.flatMap(facts -> url(facts, StackOutputs.REDIRECT_ORIGIN)));
        Optional<URI> managementOrigin = settings.managementOriginUrl()
                .or(() -> stack.flatMap(facts -> url(facts, StackOutputs.MANAGEMENT_ORIGIN)));
        Optional<String> workgroup = settings.athenaWorkgroup()
                .or(() -> stack.flatMap(facts -> value(facts.outputs(), StackOutputs.ATHENA_WORKGROUP)));
        Optional<String> database = settings.athenaDatabase()
                .or(() -> stack.flatMap(facts -> value(facts.outputs(), StackOutputs.GLUE_DATABASE)));
        Optional<AthenaTarget> athena = workgroup.isPresent() && database.isPresent()
                ? Optional.of(new AthenaTarget(workgroup.get(), database.get(), settings.athenaTable()))
                : Optional.empty();
        int edgeCacheSeconds = settings.edgeCacheSeconds().isPresent()
                ? settings.edgeCacheSeconds().getAsInt()
                : stack.flatMap(facts -> value(facts.outputs(), StackOutputs.EDGE_CACHE_SECONDS)
                                .or(() -> value(facts.parameters(), StackOutputs.EDGE_CACHE_SECONDS)))
                        .map(Integer::parseInt)
                        .orElse(DEFAULT_EDGE_CACHE_SECONDS);
        OptionalInt burst = settings.rateLimitBurst().isPresent()
                ? settings.rateLimitBurst()
                : stack.flatMap(facts -> value(facts.parameters(), StackOutputs.RATE_LIMIT_PER_KEY_BURST))
                        .map(value -> OptionalInt.of(Integer.parseInt(value)))
                        .orElse(OptionalInt.empty());
        return new Target(shortBase, apiBase, redirectOrigin, managementOrigin, athena, edgeCacheSeconds, burst);
    }

    private static Optional<URI> url(StackFacts facts, String output) {
        return value(facts.outputs(), output).map(URI::create);
    }

    private static Optional<String> value(java.util.Map<String, String> values, String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
