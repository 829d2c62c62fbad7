package dev.shortener.deploycheck.checks;

import dev.shortener.deploycheck.http.Reply;

/** GET of the new link twice through the short-link base: a 302 to its destination, then from the edge's cache. */
final class RedirectChecks {

    private RedirectChecks() {}

    static Check redirect() {
        return Check.of(CheckName.REDIRECT, context -> {
            CreatedLink link = context.primaryLink();
            AnswerPair pair = context.twice(link.code(), CheckContext.HTML);
            return redirectsTo(pair.first(), link.url(), pair.describe());
        });
    }

    /** Passes when the second answer was an edge hit; skipped when nothing says CloudFront answered. */
    static Check edgeCached() {
        return Check.of(CheckName.REDIRECT_EDGE_CACHED, context -> {
            CreatedLink link = context.primaryLink();
            return EdgeCaching.judge(context.twice(link.code(), CheckContext.HTML));
        });
    }

    static Check head() {
        return Check.of(CheckName.HEAD, context -> {
            CreatedLink link = context.primaryLink();
            Reply head = context.setup().http().head(context.shortUrl(link.code()));
            Result redirect = redirectsTo(head, link.url(), "HEAD " + head.summary());
            if (redirect.outcome() != Outcome.PASS) {
                return redirect;
            }
            return Result.of(
                    head.body().isEmpty(),
                    "HEAD " + head.status() + ", Location as GET, "
                            + (head.body().isEmpty() ? "no body" : head.body().length() + " characters of body"));
        });
    }

    static Check preview() {
        return Check.of(CheckName.PREVIEW, context -> {
            CreatedLink link = context.primaryLink();
            Reply preview = context.setup().http().get(context.shortUrl(link.code() + "+"), CheckContext.HTML);
            boolean showsDestination = preview.body().contains(link.url().replace("&", "&amp;"))
                    || preview.body().contains(link.url());
            String evidence = "GET /" + link.code() + "+ " + preview.summary()
                    + (showsDestination ? ", shows the destination" : ", the destination is not on the page");
            return Result.of(
                    preview.status() == 200 && preview.mediaType().equals(CheckContext.HTML) && showsDestination,
                    evidence);
        });
    }

    private static Result redirectsTo(Reply reply, String destination, String evidence) {
        String location = reply.header("Location").orElse("(none)");
        if (reply.status() != 302) {
            return Result.fail(evidence + "; expected 302");
        }
        if (!location.equals(destination)) {
            return Result.fail(evidence + "; Location " + location + ", expected " + destination);
        }
        return Result.pass(evidence + "; Location is the destination");
    }
}
