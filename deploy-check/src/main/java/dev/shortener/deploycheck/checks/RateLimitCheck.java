package dev.shortener.deploycheck.checks;

import dev.shortener.deploycheck.http.ManagementClient;
import dev.shortener.deploycheck.http.Reply;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the run's own link with the API key, one request after another, until the API answers 429: it must carry
 * {@code Retry-After}. The number of requests is bounded ({@code --rate-limit-bound}); a per-key burst known to be
 * above the bound is skipped without sending anything, and no 429 within the bound is a failure only when the
 * burst is known to be within it. The key's bucket refills afterwards (the API client waits out Retry-After).
 */
final class RateLimitCheck implements Check {

    private final int bound;

    RateLimitCheck(int bound) {
        this.bound = bound;
    }

    @Override
    public CheckName name() {
        return CheckName.RATE_LIMITED;
    }

    @Override
    public Result run(CheckContext context) {
        OptionalInt burst = context.setup().target().rateLimitBurst();
        if (burst.isPresent() && burst.getAsInt() >= bound) {
            return Result.skip("the per-key burst (" + burst.getAsInt() + ") is not below the bound of " + bound
                    + " requests (--rate-limit-bound)");
        }
        CreatedLink link = context.primaryLink();
        for (int sent = 1; sent <= bound; sent++) {
            Reply reply = context.setup().api().readOnce(link.code());
            if (reply.status() == 429) {
                Optional<String> retryAfter = reply.header("Retry-After");
                String evidence = "429 after " + sent + " requests"
                        + burst.stream()
                                .mapToObj(value -> " (burst " + value + ")")
                                .findFirst()
                                .orElse("")
                        + ", Retry-After: " + retryAfter.orElse("(none)");
                if (ManagementClient.retryAfterSeconds(reply).isEmpty()) {
                    return Result.fail(evidence + " (no whole number of seconds; API Gateway's own throttle?)");
                }
                return Result.pass(evidence);
            }
            if (reply.status() != 200) {
                return Result.fail("request " + sent + " answered " + reply.summary() + ": " + JsonBody.excerpt(reply));
            }
        }
        String evidence = "no 429 within " + bound + " requests";
        if (burst.isPresent()) {
            return Result.fail(evidence + " although the per-key burst is " + burst.getAsInt());
        }
        return Result.skip(evidence + "; the per-key burst is unknown (no stack, no --rate-limit-burst) and may be"
                + " above the bound");
    }
}
