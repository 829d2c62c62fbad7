package dev.shortener.create.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortener.create.domain.Rejection;
import dev.shortener.create.domain.auth.Caller;
import dev.shortener.create.domain.bulk.BulkCreation;
import dev.shortener.create.domain.bulk.BulkCreation.ItemResult;
import dev.shortener.create.domain.idempotency.ClaimResult;
import dev.shortener.create.domain.idempotency.IdempotencyClaim;
import dev.shortener.create.domain.idempotency.RequestFingerprint;
import dev.shortener.create.domain.link.LinkRequests;
import dev.shortener.create.domain.link.NewLink;
import dev.shortener.create.domain.ratelimit.RateLimits;
import dev.shortener.http.HttpResponses;
import dev.shortener.http.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * {@code POST /api/links/bulk} {@code {"links": [{url, alias?, expiresAt?, tags?}, ...]}}: up to
 * {@link #MAX_ITEMS} links, each judged on its own. The answer is {@code 200} with one result per item, in request
 * order: {@code {"status": 201, "link": {...}}} as a single create answers, or {@code {"status": 4xx, "problem":
 * {...}}} as a single create would have been refused. Only the request as a whole can fail as a whole (not JSON,
 * no {@code links} array, too many items, a bad key).
 *
 * <p>Rate limits are charged per item: the request's own token pays for its first valid item, and each further
 * valid item takes one more from the API key's bucket; items beyond what the bucket holds get {@code 429
 * rate-limited} results. A replay under the same {@code Idempotency-Key} returns the stored results exactly.
 */
final class BulkRoutes {

    static final int MAX_ITEMS = 100;
    /** 100 items of 2 KiB URLs with room to spare; the kept results must fit a DynamoDB item (400 KB). */
    static final int MAX_BYTES = 256 * 1024;
    /** Results kept compressed up to this size; larger ones are not kept, and a retry resumes instead. */
    static final int MAX_KEPT_BYTES = 350 * 1024;

    private final LinkRequests requests;
    private final BulkCreation bulk;
    private final RateLimits limits;
    private final InstantSource clock;
    private final LinkBodies bodies;

    BulkRoutes(LinkRequests requests, BulkCreation bulk, RateLimits limits, InstantSource clock, LinkBodies bodies) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.bulk = Objects.requireNonNull(bulk, "bulk");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    APIGatewayV2HTTPResponse create(ApiRequest request, Caller caller) {
        ObjectNode body = JsonBodies.readObject(request, JsonBodies.JSON, MAX_BYTES);
        JsonMembers.allowOnly(body, List.of("links"));
        ArrayNode items = linksOf(body);
        String idempotencyKey = IdempotencyKeys.from(request);

        IdempotencyClaim claim = null;
        if (idempotencyKey != null) {
            String fingerprint = RequestFingerprint.sha256Hex("create-links-bulk/v1|" + ApiJson.write(body));
            ClaimResult result = bulk.claim(caller.keyId(), idempotencyKey, fingerprint);
            if (result instanceof ClaimResult.CompletedBatch completed) {
                return answer(gunzip(completed.results()), true);
            }
            claim = ((ClaimResult.Claimed) result).claim();
        }

        // Each item read and validated on its own: a bad one is that item's result.
        List<Object> slots = new ArrayList<>(items.size()); // NewLink or Problem, in request order
        List<NewLink> valid = new ArrayList<>();
        for (JsonNode item : items) {
            try {
                NewLink link = read(item);
                slots.add(link);
                valid.add(link);
            } catch (ApiProblem problem) {
                slots.add(problem.problem());
            } catch (Rejection rejection) {
                slots.add(Problems.problem(rejection));
            }
        }
        int granted = valid.isEmpty() ? 0 : 1 + limits.forApiKeyItems(caller.keyId(), valid.size() - 1);
        List<ItemResult> created = bulk.createAll(valid, granted, caller.ownerId(), claim);

        ArrayNode results = ApiJson.MAPPER.createArrayNode();
        int next = 0;
        for (Object slot : slots) {
            if (slot instanceof Problem problem) {
                results.add(problemResult(problem));
            } else if (next < created.size()) {
                ItemResult result = created.get(next++);
                results.add(
                        result.link() != null
                                ? linkResult(result)
                                : problemResult(Problems.problem(result.rejection())));
            } else {
                next++;
                results.add(problemResult(Problem.of(
                        Problems.RATE_LIMITED,
                        "This API key's rate limit ran out before this item; send it again later.")));
            }
        }
        ObjectNode answer = ApiJson.MAPPER.createObjectNode();
        answer.set("results", results);
        String json = ApiJson.write(answer);
        if (claim != null) {
            byte[] kept = gzip(json);
            if (kept.length <= MAX_KEPT_BYTES) {
                bulk.complete(claim, kept);
            }
        }
        return answer(json, false);
    }

    private static ArrayNode linksOf(ObjectNode body) {
        JsonNode links = body.get("links");
        if (links == null) {
            throw ApiProblem.forField(Problems.MISSING_FIELD, "links", "The request needs the field 'links'.");
        }
        if (!links.isArray()) {
            throw ApiProblem.forField(
                    Problems.INVALID_FIELD_TYPE, "links", "'links' must be an array of link objects.");
        }
        if (links.isEmpty() || links.size() > MAX_ITEMS) {
            throw ApiProblem.forField(
                    Problems.TOO_MANY_ITEMS,
                    "links",
                    "'links' holds 1 to " + MAX_ITEMS + " items; this one holds " + links.size() + ".");
        }
        return (ArrayNode) links;
    }

    private NewLink read(JsonNode item) {
        if (!item.isObject()) {
            throw ApiProblem.of(
                    Problems.MALFORMED_JSON,
                    "Each item must be a JSON object, such as {\"url\": \"https://example.com/\"}.");
        }
        ObjectNode object = (ObjectNode) item;
        JsonMembers.allowOnly(object, LinkRoutes.CREATE_FIELDS);
        return requests.newLink(
                JsonMembers.requiredString(object, "url"),
                JsonMembers.optionalString(object, "alias"),
                JsonMembers.optionalString(object, "expiresAt"),
                JsonMembers.optionalBoolean(object, "forwardQuery"),
                JsonMembers.optionalStringList(object, "tags"),
                clock.instant());
    }

    private ObjectNode linkResult(ItemResult result) {
        ObjectNode node = ApiJson.MAPPER.createObjectNode();
        node.put("status", 201);
        node.set("link", ApiJson.MAPPER.valueToTree(bodies.created(result.link())));
        return node;
    }

    private static ObjectNode problemResult(Problem problem) {
        ObjectNode node = ApiJson.MAPPER.createObjectNode();
        node.put("status", problem.status());
        try {
            node.set("problem", ApiJson.MAPPER.readTree(problem.toJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem always serialises", e);
        }
        return node;
    }

    private static APIGatewayV2HTTPResponse answer(String json, boolean replayed) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Cache-Control", "no-store");
        if (replayed) {
            headers.put("Idempotent-Replayed", "true");
        }
        return HttpResponses.response(200, "application/json", json, headers);
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String gunzip(byte[] compressed) {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
