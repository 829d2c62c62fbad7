package dev.shortener.deploycheck.checks;

import dev.shortener.deploycheck.athena.ClickCounts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every check, in the order they run. The rate-limit check spends the key's burst, so it comes after every other
 * API call but the stats and the clean-up (which wait out {@code Retry-After}); the Athena count comes last, after
 * its wait, so that every click of the run is in it.
 */
public final class CheckSuite {

    private CheckSuite() {}

    public static List<Check> all(
            int rateLimitBound, Optional<ClickCounts> clickCounts, Duration athenaWait, Consumer<String> progress) {
        return List.of(
                new CreateLinkCheck(),
                RedirectChecks.redirect(),
                RedirectChecks.edgeCached(),
                RedirectChecks.head(),
                RedirectChecks.preview(),
                ErrorPageChecks.notFound(CheckContext.HTML),
                ErrorPageChecks.notFound(CheckContext.PROBLEM_JSON),
                ErrorPageChecks.notFoundEdgeCached(),
                ErrorPageChecks.gone(CheckContext.HTML),
                ErrorPageChecks.gone(CheckContext.PROBLEM_JSON),
                ErrorPageChecks.goneEdgeCached(),
                new PatchSeenCheck(),
                DirectOriginCheck.redirects(),
                DirectOriginCheck.management(),
                new RateLimitCheck(rateLimitBound),
                new AthenaCountCheck(clickCounts, athenaWait, progress));
    }
}
