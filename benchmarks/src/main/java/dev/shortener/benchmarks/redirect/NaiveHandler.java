package dev.shortener.benchmarks.redirect;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.links.Link;
import dev.shortener.links.LinkLookup;
import dev.shortener.links.LinkStore;
import dev.shortener.redirect.domain.CacheTimes;
import dev.shortener.redirect.domain.ShortCodes;
import dev.shortener.redirect.http.RedirectRequest;
import dev.shortener.redirect.http.RedirectResponses;
import java.time.Instant;

/**
 * The baseline: the same request parsing and response building as the real handler, but a strongly consistent
 * DynamoDB GetItem on every request (no cache, no breaker, no log line, no click).
 */
public final class NaiveHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final LinkStore links;
    private final RedirectResponses responses;

    public NaiveHandler(LinkStore links) {
        this.links = links;
        this.responses = new RedirectResponses(new CacheTimes(86_400, 60, 60, 10));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        RedirectRequest request = RedirectRequest.from(event);
        String code = request.code();
        boolean json = request.prefersJson();
        if (!ShortCodes.isValid(code)) {
            return responses.notFound(null, json);
        }
        Instant now = Instant.now();
        LinkLookup lookup = links.find(code, now);
        if (lookup.status() == LinkLookup.Status.ACTIVE) {
            Link link = lookup.link();
            return responses.redirect(link.url(), link.expiresAt(), now);
        }
        if (lookup.status() == LinkLookup.Status.NOT_FOUND) {
            return responses.notFound(code, json);
        }
        return responses.gone(code, json);
    }
}
