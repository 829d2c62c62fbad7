package dev.shortener.deploycheck.checks;

import dev.shortener.deploycheck.http.Reply;
import java.time.Duration;
import java.time.Instant;

/**
 * PATCH the link's destination, then follow it until the new one is seen: it must be within
 * {@code EdgeCacheSeconds} (the longest CloudFront may serve the old redirect) plus a few seconds of grace for the
 * polling itself. The link was followed just before (so CloudFront holds the old answer), which makes this the
 * slowest case a deployer's edit meets.
 */
final class PatchSeenCheck implements Check {

    static final Duration GRACE = Duration.ofSeconds(5);

    @Override
    public CheckName name() {
        return CheckName.PATCH_SEEN;
    }

    @Override
    public Result run(CheckContext context) {
        CreatedLink link = context.primaryLink();
        context.twice(link.code(), CheckContext.HTML); // the edge holds the old redirect (if there is an edge)
        String newDestination = context.destination("&n=patched");
        Reply patched = context.setup().api().patch(link.code(), "{\"url\":\"" + newDestination + "\"}");
        if (patched.status() != 200) {
            return Result.fail("PATCH answered " + patched.summary() + ": " + JsonBody.excerpt(patched));
        }
        int edgeSeconds = context.setup().target().edgeCacheSeconds();
        Instant start = context.setup().clock().instant();
        Instant deadline = start.plusSeconds(edgeSeconds).plus(GRACE);
        int polls = 0;
        while (true) {
            Reply reply = context.get(link.code(), CheckContext.HTML);
            polls++;
            Duration after = Duration.between(start, context.setup().clock().instant());
            String location = reply.header("Location").orElse("(none)");
            if (reply.status() == 302 && location.equals(newDestination)) {
                return Result.pass("PATCH 200; new destination seen after " + after.toSeconds() + " s, " + polls
                        + " GET(s) (EdgeCacheSeconds " + edgeSeconds + "; "
                        + reply.edge().describe() + ")");
            }
            if (!context.setup().clock().instant().isBefore(deadline)) {
                return Result.fail("PATCH 200; still " + reply.summary() + " to " + location + " after "
                        + after.toSeconds() + " s, " + polls + " GET(s) (EdgeCacheSeconds " + edgeSeconds + " + "
                        + GRACE.toSeconds() + " s; " + reply.edge().describe() + ")");
            }
            context.setup().sleeper().sleep(context.setup().pollInterval());
        }
    }
}
