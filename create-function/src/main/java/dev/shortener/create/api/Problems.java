package dev.shortener.create.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.create.domain.Reason;
import dev.shortener.create.domain.Rejection;
import dev.shortener.http.Problem;
import dev.shortener.http.ProblemType;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every kind of problem the management API answers with, one stable type URI each. Clients branch on
 * {@code type}; {@code detail} is for people; {@code field} names the request member at fault.
 */
public final class Problems {

    // Found by the HTTP adapter.
    public static final ProblemType MALFORMED_JSON = ProblemType.named("malformed-json", "Malformed JSON body", 400);
    public static final ProblemType UNKNOWN_FIELD = ProblemType.named("unknown-field", "Unknown field", 400);
    public static final ProblemType INVALID_FIELD_TYPE =
            ProblemType.named("invalid-field-type", "Field has the wrong type", 400);
    public static final ProblemType MISSING_FIELD = ProblemType.named("missing-field", "Missing field", 400);
    public static final ProblemType INVALID_IDEMPOTENCY_KEY =
            ProblemType.named("invalid-idempotency-key", "Invalid Idempotency-Key header", 400);
    public static final ProblemType UNKNOWN_QUERY_PARAMETER =
            ProblemType.named("unknown-query-parameter", "Unknown query parameter", 400);
    public static final ProblemType INVALID_QUERY_PARAMETER =
            ProblemType.named("invalid-query-parameter", "Invalid query parameter", 400);
    public static final ProblemType INVALID_CURSOR = ProblemType.named("invalid-cursor", "Invalid cursor", 400);
    public static final ProblemType TOO_MANY_ITEMS =
            ProblemType.named("too-many-items", "Too many items in one request", 422);
    public static final ProblemType PAYLOAD_TOO_LARGE =
            ProblemType.named("payload-too-large", "Request body too large", 413);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            ProblemType.named("unsupported-media-type", "Unsupported media type", 415);
    public static final ProblemType RATE_LIMITED = ProblemType.named("rate-limited", "Too many requests", 429);
    public static final ProblemType NOT_FOUND = ProblemType.NOT_FOUND;
    public static final ProblemType METHOD_NOT_ALLOWED = ProblemType.METHOD_NOT_ALLOWED;
    public static final ProblemType INTERNAL_ERROR = ProblemType.INTERNAL_ERROR;
    public static final ProblemType SERVICE_UNAVAILABLE = ProblemType.SERVICE_UNAVAILABLE;

    private static final Map<Reason, ProblemType> BY_REASON = new EnumMap<>(Reason.class);

    static {
        for (Reason reason : Reason.values()) {
            BY_REASON.put(reason, typeOf(reason));
        }
    }

    private Problems() {}

    /** Switches over every reason without a default, so a new reason without a problem type does not compile. */
    private static ProblemType typeOf(Reason reason) {
        return switch (reason) {
            case MISSING_API_KEY -> ProblemType.named("missing-api-key", "API key required", 401);
            case INVALID_API_KEY -> ProblemType.named("invalid-api-key", "Invalid API key", 401);
            case LINK_NOT_FOUND -> ProblemType.named("link-not-found", "Link not found", 404);
            case INVALID_URL -> ProblemType.named("invalid-url", "Invalid URL", 422);
            case URL_SCHEME_NOT_ALLOWED -> ProblemType.named("url-scheme-not-allowed", "URL scheme not allowed", 422);
            case URL_USERINFO_NOT_ALLOWED ->
                ProblemType.named("url-userinfo-not-allowed", "User name or password in URL", 422);
            case URL_TOO_LONG -> ProblemType.named("url-too-long", "URL too long", 422);
            case URL_OWN_DOMAIN -> ProblemType.named("url-own-domain", "Link to this shortener", 422);
            case URL_BLOCKED_DOMAIN -> ProblemType.named("url-blocked-domain", "Domain blocked", 422);
            case URL_PRIVATE_ADDRESS -> ProblemType.named("url-private-address", "Private or non-public address", 422);
            case URL_CONFUSABLE_HOST -> ProblemType.named("url-confusable-host", "Look-alike host name", 422);
            case INVALID_ALIAS -> ProblemType.named("invalid-alias", "Invalid alias", 422);
            case RESERVED_ALIAS -> ProblemType.named("reserved-alias", "Reserved alias", 422);
            case ALIAS_TAKEN -> ProblemType.named("alias-taken", "Alias taken", 409);
            case INVALID_TAGS -> ProblemType.named("invalid-tags", "Invalid tags", 422);
            case INVALID_EXPIRY -> ProblemType.named("invalid-expiry", "Invalid expiry", 422);
            case EXPIRY_NOT_IN_FUTURE -> ProblemType.named("expiry-not-in-future", "Expiry not in the future", 422);
            case EXPIRY_TOO_FAR -> ProblemType.named("expiry-too-far", "Expiry too far ahead", 422);
            case IDEMPOTENCY_KEY_REUSED ->
                ProblemType.named("idempotency-key-reused", "Idempotency-Key reused with another request", 422);
            case IDEMPOTENCY_REQUEST_IN_FLIGHT ->
                ProblemType.named(
                        "idempotency-request-in-flight", "Request with this Idempotency-Key in progress", 409);
            case CACHE_UNAVAILABLE -> ProblemType.named("cache-unavailable", "Redirect cache unavailable", 503);
            case CODES_UNAVAILABLE -> SERVICE_UNAVAILABLE;
        };
    }

    public static ProblemType of(Reason reason) {
        return BY_REASON.get(reason);
    }

    /** The answer to a domain rejection, with the headers its kind calls for. */
    public static APIGatewayV2HTTPResponse respond(Rejection rejection) {
        return ApiProblem.respond(problem(rejection), headersFor(rejection.reason()));
    }

    /** The problem a domain rejection is, naming the field at fault when there is one. */
    static Problem problem(Rejection rejection) {
        Problem problem = Problem.of(of(rejection.reason()), rejection.detail());
        return rejection.field() == null ? problem : problem.with("field", rejection.field());
    }

    private static Map<String, String> headersFor(Reason reason) {
        return switch (reason) {
            case MISSING_API_KEY, INVALID_API_KEY ->
                // RFC 9110 requires a challenge with 401; there is no registered scheme for header keys.
                Map.of("WWW-Authenticate", "ApiKey header=\"X-Api-Key\"");
            case IDEMPOTENCY_REQUEST_IN_FLIGHT -> Map.of("Retry-After", "1");
            case CACHE_UNAVAILABLE, CODES_UNAVAILABLE -> Map.of("Retry-After", "5");
            default -> Map.of();
        };
    }

    /** Caller-supplied text for a problem body, cut to a readable length. */
    static String shorten(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
