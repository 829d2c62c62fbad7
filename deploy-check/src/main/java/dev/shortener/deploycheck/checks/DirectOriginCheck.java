package dev.shortener.deploycheck.checks;

import dev.shortener.deploycheck.http.Reply;
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

    private final String name;
    private final String what;
    private final Function<CheckContext, Optional<URI>> origin;
    private final boolean management;

    private DirectOriginCheck(
            String name, String what, Function<CheckContext, Optional<URI>> origin, boolean management) {
        this.name = name;
        this.what = what;
        this.origin = origin;
        this.management = management;
    }

    static Check redirects() {
        return new DirectOriginCheck(
                CheckNames.ORIGIN_REFUSES_DIRECT,
                "redirect origin",
                context -> context.target().redirectOrigin(),
                false);
    }

    static Check management() {
        return new DirectOriginCheck(
                CheckNames.MANAGEMENT_ORIGIN_REFUSES_DIRECT,
                "management origin",
                context -> context.target().managementOrigin(),
                true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Result run(CheckContext context) {
        URI base = origin.apply(context)
                .orElseThrow(() -> new SkipException("no " + what + " URL (the stack's output or --"
                        + (management ? "management-" : "") + "origin-url); a local runner has no CloudFront in"
                        + " front"));
        CreatedLink link = context.primaryLink();
        Reply reply;
        if (management) {
            reply = context.api().readAt(base, link.code()); // with the key: only the origin's guard may refuse
        } else {
            reply = context.http()
                    .get(
                            dev.shortener.deploycheck.http.ManagementClient.resolve(base, "/" + link.code()),
                            CheckContext.HTML);
            context.countClick(link.code(), reply);
        }
        String evidence = reply.method() + " " + reply.uri() + " without CloudFront: " + reply.summary();
        if (reply.status() == 403 || (management && reply.status() == 401)) {
            return Result.pass(evidence + " (refused)");
        }
        return Result.fail(evidence + " (not refused: the " + what + " answers callers that bypass CloudFront)");
    }
}
