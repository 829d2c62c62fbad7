package dev.shortener.create.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.create.domain.Rejection;
import dev.shortener.create.domain.auth.Authenticator;
import dev.shortener.create.domain.auth.Caller;
import dev.shortener.create.domain.bulk.BulkCreation;
import dev.shortener.create.domain.idempotency.IdempotentCreation;
import dev.shortener.create.domain.link.LinkCreation;
import dev.shortener.create.domain.link.LinkRequests;
import dev.shortener.create.domain.link.LinkService;
import dev.shortener.create.domain.listing.LinkListing;
import dev.shortener.create.domain.ratelimit.RateDecision;
import dev.shortener.create.domain.ratelimit.RateLimits;
import dev.shortener.create.domain.stats.LinkAnalytics;
import dev.shortener.http.OriginSecret;
import dev.shortener.http.Problem;
import dev.shortener.stats.StatsSettings;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;

/**
 * The management API's request pipeline: route (404/405), limit by client address (429), authenticate (401),
 * limit by API key (429), then the route itself. The OpenAPI document is public: it is served after the address
 * limit, without authentication. The address limit comes before authentication so that guessing
 * keys costs tokens too. Domain rejections and adapter problems become problem+json here; anything else is
 * unexpected and left to the handler, which logs it and answers 500 or 503 without detail.
 */
public final class ManagementApi {

    private final RateLimits limits;
    private final Authenticator authenticator;
    private final LinkRoutes routes;
    private final ListRoutes listRoutes;
    private final BulkRoutes bulkRoutes;
    private final QrRoutes qrRoutes;
    private final StatsRoutes stats;
    private final String clientAddressHeader;
    private final OriginSecret originSecret;

    /**
     * @param clientAddressHeader a header set by a trusted proxy in front of the API (CloudFront's
     *                            {@code CloudFront-Viewer-Address}) naming the client's address, or null to use the
     *                            connection's source address
     * @param originSecret        what a request must present for {@code clientAddressHeader} to be believed
     */
    public ManagementApi(
            RateLimits limits,
            Authenticator authenticator,
            LinkRequests requests,
            LinkCreation creation,
            LinkService links,
            IdempotentCreation idempotent,
            LinkListing listing,
            BulkCreation bulk,
            CursorKey cursorKey,
            InstantSource clock,
            String shortBase,
            String clientAddressHeader,
            OriginSecret originSecret,
            LinkAnalytics analytics,
            StatsSettings statsSettings) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.routes = new LinkRoutes(requests, creation, links, idempotent, clock, shortBase);
        this.listRoutes = new ListRoutes(listing, requests.tagPolicy(), cursorKey, clock, shortBase);
        this.bulkRoutes = new BulkRoutes(requests, bulk, limits, clock, shortBase);
        this.qrRoutes = new QrRoutes(links, shortBase);
        this.stats = new StatsRoutes(analytics, statsSettings, clock::instant);
        this.clientAddressHeader = clientAddressHeader;
        this.originSecret = Objects.requireNonNull(originSecret, "originSecret");
    }

    public APIGatewayV2HTTPResponse handle(ApiRequest request) {
        try {
            Router.Match match = Router.match(request.method(), request.path());
            requireAllowed(limits.forClient(clientAddress(request)));
            if (Router.isPublic(match.route())) {
                return OpenApiDocument.response();
            }
            Caller caller = authenticator.authenticate(request.header(Authenticator.HEADER));
            requireAllowed(limits.forApiKey(caller.keyId()));
            return switch (match.route()) {
                case CREATE -> routes.create(request, caller);
                case READ -> routes.read(match.code(), caller);
                case UPDATE -> routes.update(request, match.code(), caller);
                case DELETE -> routes.delete(match.code(), caller);
                case STATS -> stats.link(request, match.code(), caller);
                case OWNER_STATS -> stats.owner(request, caller);
                case LIST -> listRoutes.list(request, caller);
                case BULK -> bulkRoutes.create(request, caller);
                case QR -> qrRoutes.qr(request, match.code(), caller);
                default -> throw new IllegalStateException("unrouted " + match.route());
            };
        } catch (ApiProblem problem) {
            return problem.toResponse();
        } catch (Rejection rejection) {
            return Problems.respond(rejection);
        }
    }

    /** Exercises routing, parsing, validation and rendering, with no I/O (see {@code SnapStartHooks}). */
    public void prime() {
        Router.match("GET", "/api/links/prime00");
        routes.prime();
        Problems.respond(new Rejection(dev.shortener.create.domain.Reason.INVALID_URL, "url", "priming"));
        ApiProblem.of(Problems.NOT_FOUND, "priming").toResponse();
    }

    private static void requireAllowed(RateDecision decision) {
        if (!decision.allowed()) {
            String seconds = Long.toString(decision.retryAfterSeconds());
            throw new ApiProblem(
                    Problem.of(Problems.RATE_LIMITED, "Too many requests; retry after " + seconds + " seconds."),
                    Map.of("Retry-After", seconds));
        }
    }

    /**
     * The client's address: from the trusted proxy's header when configured, present and vouched for by the
     * origin secret (its value is {@code address:port}, IPv6 without brackets), else the source address API
     * Gateway saw.
     */
    String clientAddress(ApiRequest request) {
        boolean trusted = clientAddressHeader != null && originSecret.vouchesFor(request.header(OriginSecret.HEADER));
        String forwarded = trusted ? request.header(clientAddressHeader) : null;
        if (forwarded == null || forwarded.isBlank()) {
            return request.sourceIp();
        }
        int colon = forwarded.lastIndexOf(':');
        return colon > 0 ? forwarded.substring(0, colon).strip() : forwarded.strip();
    }
}
