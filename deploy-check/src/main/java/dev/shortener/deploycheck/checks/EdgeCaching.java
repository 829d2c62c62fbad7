package dev.shortener.deploycheck.checks;

import dev.shortener.deploycheck.http.EdgeAnswer;

/** Whether the second of two identical requests was answered by CloudFront's cache. */
final class EdgeCaching {

    private EdgeCaching() {}

    static Result judge(AnswerPair pair) {
        EdgeAnswer second = pair.second().edge();
        if (!pair.first().edge().throughCloudFront() && !second.throughCloudFront()) {
            return Result.skip("no X-Cache header in either answer: not served through CloudFront (a local runner?)");
        }
        if (second.hit()) {
            return Result.pass("2nd answer from the edge: " + second.describe() + " (1st: "
                    + pair.first().edge().describe() + ")");
        }
        return Result.fail("2nd answer not from the edge: " + second.describe() + ", Cache-Control "
                + pair.second().header("Cache-Control").orElse("(none)") + " (1st: "
                + pair.first().edge().describe() + ")");
    }
}
