package dev.shortener.deploycheck.checks;

import dev.shortener.deploycheck.http.Reply;
import java.util.function.Function;

/**
 * A code that never existed (404) and a deleted link (410), asked for as a person's browser would (text/html) and
 * as an API client would (application/problem+json): the status, the format each asked for and, for problem+json,
 * a {@code status} member that agrees. Whether the edge cached each answer is in the evidence; the HTML variant's
 * second answer is judged by the {@code *-edge-cached} rows.
 */
final class ErrorPageChecks {

    private ErrorPageChecks() {}

    static Check notFound(String accept) {
        return page(
                accept.equals(CheckContext.HTML) ? CheckName.NOT_FOUND_HTML : CheckName.NOT_FOUND_JSON,
                404,
                accept,
                CheckContext::unknownCode);
    }

    static Check gone(String accept) {
        return page(
                accept.equals(CheckContext.HTML) ? CheckName.GONE_HTML : CheckName.GONE_JSON,
                410,
                accept,
                context -> context.goneLink().code());
    }

    static Check notFoundEdgeCached() {
        return Check.of(
                CheckName.NOT_FOUND_EDGE_CACHED,
                context -> EdgeCaching.judge(context.twice(context.unknownCode(), CheckContext.HTML)));
    }

    static Check goneEdgeCached() {
        return Check.of(
                CheckName.GONE_EDGE_CACHED,
                context -> EdgeCaching.judge(context.twice(context.goneLink().code(), CheckContext.HTML)));
    }

    private static Check page(CheckName name, int status, String accept, Function<CheckContext, String> code) {
        return Check.of(name, context -> {
            String path = code.apply(context);
            AnswerPair pair = context.twice(path, accept);
            Reply reply = pair.first();
            String evidence = "GET /" + path + " (Accept " + accept + "): " + pair.describe();
            if (reply.status() != status) {
                return Result.fail(evidence + "; expected " + status);
            }
            if (!reply.mediaType().equals(accept)) {
                return Result.fail(evidence + "; expected Content-Type " + accept);
            }
            if (accept.equals(CheckContext.PROBLEM_JSON)) {
                long member = JsonBody.number(reply, "status").orElse(-1L);
                if (member != status) {
                    return Result.fail(
                            evidence + "; problem body's status is " + member + ": " + JsonBody.excerpt(reply));
                }
            }
            return Result.pass(evidence);
        });
    }
}
