package dev.shortener.create.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortener.create.domain.auth.Caller;
import dev.shortener.create.domain.idempotency.IdempotentCreation;
import dev.shortener.create.domain.idempotency.RequestFingerprint;
import dev.shortener.create.domain.link.LinkCreation;
import dev.shortener.create.domain.link.LinkRequests;
import dev.shortener.create.domain.link.LinkService;
import dev.shortener.create.domain.link.NewLink;
import dev.shortener.http.HttpResponses;
import dev.shortener.links.Link;
import dev.shortener.links.LinkChange;
import dev.shortener.links.LinkLookup;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What each route does once the caller is known: read the body, call the domain, shape the answer. */
final class LinkRoutes {

    static final List<String> CREATE_FIELDS = List.of("url", "alias", "expiresAt", "forwardQuery", "tags");
    private static final List<String> UPDATE_FIELDS = List.of("url", "expiresAt", "forwardQuery", "tags");

    private final LinkRequests requests;
    private final LinkCreation creation;
    private final LinkService links;
    private final IdempotentCreation idempotent;
    private final InstantSource clock;
    private final LinkBodies bodies;

    LinkRoutes(
            LinkRequests requests,
            LinkCreation creation,
            LinkService links,
            IdempotentCreation idempotent,
            InstantSource clock,
            LinkBodies bodies) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.creation = Objects.requireNonNull(creation, "creation");
        this.links = Objects.requireNonNull(links, "links");
        this.idempotent = Objects.requireNonNull(idempotent, "idempotent");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    APIGatewayV2HTTPResponse create(ApiRequest request, Caller caller) {
        ObjectNode body = JsonBodies.readObject(request, JsonBodies.JSON);
        JsonMembers.allowOnly(body, CREATE_FIELDS);
        String url = JsonMembers.requiredString(body, "url");
        String alias = JsonMembers.optionalString(body, "alias");
        String expiresAt = JsonMembers.optionalString(body, "expiresAt");
        Boolean forwardQuery = JsonMembers.optionalBoolean(body, "forwardQuery");
        List<String> tags = JsonMembers.optionalStringList(body, "tags");
        String idempotencyKey = IdempotencyKeys.from(request);
        NewLink newLink = requests.newLink(url, alias, expiresAt, forwardQuery, tags, clock.instant());

        Link link;
        boolean replayed = false;
        if (idempotencyKey == null) {
            link = creation.create(newLink, caller.ownerId());
        } else {
            var outcome = idempotent.create(
                    caller.keyId(),
                    caller.ownerId(),
                    idempotencyKey,
                    RequestFingerprint.of(url, alias, expiresAt, forwardQuery, tags),
                    newLink);
            link = outcome.link();
            replayed = outcome.replayed();
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("Location", "/api/links/" + link.code());
        headers.put("Cache-Control", "no-store");
        if (replayed) {
            headers.put("Idempotent-Replayed", "true"); // as Stripe does: the client can tell a replay
        }
        return HttpResponses.response(201, "application/json", ApiJson.write(bodies.created(link)), headers);
    }

    APIGatewayV2HTTPResponse read(String code, Caller caller) {
        return HttpResponses.json(200, ApiJson.write(bodies.details(links.read(code, caller.ownerId()))));
    }

    APIGatewayV2HTTPResponse update(ApiRequest request, String code, Caller caller) {
        ObjectNode body = JsonBodies.readObject(request, JsonBodies.JSON_OR_MERGE_PATCH);
        JsonMembers.allowOnly(body, UPDATE_FIELDS);
        if (!body.has("url") && !body.has("expiresAt") && !body.has("forwardQuery") && !body.has("tags")) {
            throw ApiProblem.of(
                    Problems.MISSING_FIELD,
                    "A change needs 'url', 'expiresAt' (null removes the expiry), 'forwardQuery' or 'tags' (the"
                            + " whole new set; [] removes them), or several of them.");
        }
        String url = body.has("url") ? JsonMembers.requiredString(body, "url") : null;
        String expiresAt = JsonMembers.optionalString(body, "expiresAt");
        Boolean forwardQuery = JsonMembers.optionalBoolean(body, "forwardQuery");
        List<String> tags = JsonMembers.optionalStringList(body, "tags");
        LinkChange change = requests.change(url, body.has("expiresAt"), expiresAt, forwardQuery, tags, clock.instant());
        LinkLookup updated = links.update(code, caller.ownerId(), change);
        return HttpResponses.json(200, ApiJson.write(bodies.details(updated)));
    }

    APIGatewayV2HTTPResponse delete(String code, Caller caller) {
        links.delete(code, caller.ownerId());
        return HttpResponses.response(204, null, null, Map.of("Cache-Control", "no-store"));
    }

    /**
     * Runs a create request's parsing, validation and rendering without any I/O, so that a SnapStart snapshot
     * holds the classes loaded and Jackson's serialisers built.
     */
    void prime() {
        ApiRequest sample = new ApiRequest(
                "POST",
                "/api/links",
                Map.of("content-type", "application/json"),
                "{\"url\":\"https://B\u00fccher.example/prime?q=1\",\"alias\":\"prime-alias\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null,
                "prime");
        ObjectNode body = JsonBodies.readObject(sample, JsonBodies.JSON);
        JsonMembers.allowOnly(body, CREATE_FIELDS);
        var now = clock.instant();
        NewLink link = requests.newLink(
                JsonMembers.requiredString(body, "url"),
                JsonMembers.optionalString(body, "alias"),
                now.plusSeconds(86_400).toString(),
                now);
        ApiJson.write(bodies.created(Link.create("prime00", link.url(), now, link.expiresAt(), "prime")));
    }
}
