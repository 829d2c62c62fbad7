package dev.shortener.deploycheck.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * POST /api/links with the API key: a 201 whose short URL is under the short-link base. Every later check uses this
 * link. A refused key (401) fails here, saying so.
 */
final class CreateLinkCheck implements Check {

    @Override
    public CheckName name() {
        return CheckName.CREATE_LINK;
    }

    @Override
    public Result run(CheckContext context) {
        List<String> problems = new ArrayList<>();
        Optional<CreatedLink> created = context.create("{\"url\":\"" + context.destination("") + "\"}", problems);
        if (created.isEmpty()) {
            String problem = String.join("; ", problems);
            if (problem.contains(" 401 ")) {
                problem += " (the API key was refused: check " + "SHORTENER_API_KEY or --api-key)";
            }
            return Result.fail(problem);
        }
        CreatedLink link = created.get();
        context.primary(link);
        String expected = context.shortUrl(link.code()).toString();
        String evidence = "201, code " + link.code() + ", shortUrl " + link.shortUrl();
        if (!link.shortUrl().equals(expected)) {
            return Result.fail(
                    evidence + " (expected " + expected + ": SHORT_BASE_URL differs from the short-link base)");
        }
        return Result.pass(evidence);
    }
}
