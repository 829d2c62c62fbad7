package dev.shortener.deploycheck.checks;

import dev.shortener.deploycheck.http.Reply;

/** The same request made twice in a row: the second answer shows whether the edge cached the first. */
public record AnswerPair(Reply first, Reply second) {

    /** Both answers' status and CloudFront headers: {@code 1st 302 (X-Cache: Miss from cloudfront); 2nd ...}. */
    public String describe() {
        return "1st " + first.summary() + " (" + first.edge().describe() + "); 2nd " + second.summary() + " ("
                + second.edge().describe() + ")";
    }
}
