package dev.shortener.deploycheck.checks;

import dev.shortener.deploycheck.http.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the checks in order, each to a row (a check that throws fails with the message; one that can't run is
 * skipped with its reason), and then, whatever happened, deletes every link the run created and still holds: the
 * last row says which. The API key never reaches a row: any evidence that contains it has it replaced.
 */
public final class Runner {

    private final Set<CheckName> skipped;
    private final String apiKey;
    private final Consumer<String> progress;

    public Runner(Set<CheckName> skipped, String apiKey, Consumer<String> progress) {
        this.skipped = Set.copyOf(skipped);
        this.apiKey = apiKey;
        this.progress = progress;
    }

    public List<Row> run(List<Check> checks, CheckContext context) {
        List<Row> rows = new ArrayList<>();
        try {
            for (Check check : checks) {
                progress.accept("check " + check.name());
                rows.add(new Row(check.name(), redacted(runOne(check, context))));
            }
        } finally {
            rows.add(new Row(CheckName.CLEANUP, redacted(cleanUp(context))));
        }
        return rows;
    }

    private Result runOne(Check check, CheckContext context) {
        if (skipped.contains(check.name())) {
            return Result.skip("skipped by --skip");
        }
        try {
            return check.run(context);
        } catch (SkipException e) {
            return Result.skip(e.getMessage());
        } catch (RuntimeException e) {
            return Result.fail(e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        }
    }

    /** DELETE of each link the run created and hasn't deleted; a 404 (already gone) is as good as a 204. */
    static Result cleanUp(CheckContext context) {
        List<String> deleted = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (CreatedLink link : context.liveLinks()) {
            try {
                Reply reply = context.setup().api().delete(link.code());
                if (reply.status() == 204 || reply.status() == 404) {
                    deleted.add(link.code());
                    context.deleted(link.code());
                } else {
                    problems.add("DELETE " + link.code() + " answered " + reply.summary());
                }
            } catch (RuntimeException e) {
                problems.add("DELETE " + link.code() + ": " + e.getMessage());
            }
        }
        int created = context.createdLinks().size();
        String evidence = created + " link(s) created"
                + (deleted.isEmpty() ? "" : ", deleted now: " + String.join(", ", deleted))
                + (created > deleted.size() && problems.isEmpty() ? " (the others by the checks)" : "");
        if (!problems.isEmpty()) {
            return Result.fail(evidence + "; " + String.join("; ", problems) + " (delete them by hand)");
        }
        return Result.pass(evidence);
    }

    private Result redacted(Result result) {
        if (apiKey.isEmpty() || !result.evidence().contains(apiKey)) {
            return result;
        }
        return new Result(result.outcome(), result.evidence().replace(apiKey, "(the API key)"));
    }
}
