package dev.shortener.deploycheck.checks;

import dev.shortener.deploycheck.http.Reply;
import dev.shortener.deploycheck.stack.Target;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * A request straight to an origin (not through CloudFront, so without whatever CloudFront adds) must be refused.
 * The redirect origin is the function URL ({@code RedirectFunctionUrl}), AWS_IAM auth behind origin access
 * control: an unsigned request gets Lambda's 403 before the function runs, so only 403 passes. The management
 * origin (the {@code X-Origin-Verify} secret in front of the API) may answer 401 or 403. Any other answer means
 * the origin can be reached around CloudFront, its caching and its limits.
 */
final class DirectOriginCheck implements Check {

    /** The two origins CloudFront fronts, each with its check, its option and what refusing looks like. */
    private enum Origin {
        REDIRECT(CheckName.ORIGIN_REFUSES_DIRECT, "redirect origin", "--origin-url", Target::redirectOrigin),
        MANAGEMENT(
                CheckName.MANAGEMENT_ORIGIN_REFUSES_DIRECT,
                "management origin",
                "--management-origin-url",
                Target::managementOrigin);

        private final CheckName check;
        private final String what;
        private final String option;
        private final Function<Target, Optional<URI>> url;

        Origin(CheckName check, String what, String option, Function<Target, Optional<URI>> url) {
            this.check = check;
            this.what = what;
            this.option = option;
            this.url = url;
        }
    }

    private final Origin origin;

    private DirectOriginCheck(Origin origin) {
        this.origin = origin;
    }

    static Check redirects() {
        return new DirectOriginCheck(Origin.REDIRECT);
    }

    static Check management() {
        return new DirectOriginCheck(Origin.MANAGEMENT);
    }

    @Override
    public CheckName name() {
        return origin.check;
    }

    @Override
    public Result run(CheckContext context) {
        URI base = origin.url
                .apply(context.setup().target())
                .orElseThrow(() -> new SkipException("no " + origin.what + " URL (the stack's output or "
                        + origin.option + "); a local runner has no CloudFront in front"));
        CreatedLink link = context.primaryLink();
        Reply reply;
        if (origin == Origin.MANAGEMENT) {
            reply = context.setup().api().readAt(base, link.code()); // with the key: only the origin's guard may refuse
        } else {
            reply = context.setup()
                    .http()
                    .get(
                            dev.shortener.deploycheck.http.ManagementClient.resolve(base, "/" + link.code()),
                            CheckContext.HTML);
            context.countClick(link.code(), reply);
        }
        String evidence = reply.method() + " " + reply.uri() + " without CloudFront: " + reply.summary();
        if (reply.status() == 403 || (origin == Origin.MANAGEMENT && reply.status() == 401)) {
            return Result.pass(evidence + " (refused)");
        }
        return Result.fail(evidence + " (not refused: the " + origin.what + " answers callers that bypass CloudFront)");
    }
}
