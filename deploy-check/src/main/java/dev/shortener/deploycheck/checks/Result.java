package dev.shortener.deploycheck.checks;

import java.util.Objects;

/** What one check found, and the evidence: the statuses, headers and counts it saw. */
public record Result(Outcome outcome, String evidence) {

    public Result {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(evidence, "evidence");
    }

    public static Result pass(String evidence) {
        return new Result(Outcome.PASS, evidence);
    }

    public static Result fail(String evidence) {
        return new Result(Outcome.FAIL, evidence);
    }

    public static Result skip(String reason) {
        return new Result(Outcome.SKIP, reason);
    }

    /** Pass or fail on {@code ok}, with the same evidence. */
    public static Result of(boolean ok, String evidence) {
        return ok ? pass(evidence) : fail(evidence);
    }
}
