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

    /** The domain services the routes call. */
    public record Services(
            LinkRequests requests,
            LinkCreation creation,
            LinkService links,
            IdempotentCreation idempotent,
            BulkCreation bulk,
            LinkListing listing,
            LinkAnalytics analytics) {}

    /**
     * How answers are shaped.
     *
     * @param shortBase where short links live, e.g. {@code https://sho.rt}
     * @param cursorKey what listing cursors are sealed with
     * @param stats     the analytics ranges and limits the stats routes accept
     */
    public record Settings(String shortBase, CursorKey cursorKey, StatsSettings stats) {}

    private final RateLimits limits;
    private final Authenticator authenticator;
    private final ClientAddresses clientAddresses;
    private final LinkRoutes routes;
    private final ListRoutes listRoutes;
    private final BulkRoutes bulkRoutes;
    private final QrRoutes qrRoutes;
    private final StatsRoutes stats;

    public ManagementApi(
            RateLimits limits,
            Authenticator authenticator,
            ClientAddresses clientAddresses,
            Services services,
            Settings settings,
            InstantSource clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.clientAddresses = Objects.requireNonNull(clientAddresses, "clientAddresses");
        LinkBodies bodies = new LinkBodies(settings.shortBase());
        LinkRequests requests = services.requests();
        this.routes =
                new LinkRoutes(requests, services.creation(), services.links(), services.idempotent(), clock, bodies);
        this.listRoutes = new ListRoutes(services.listing(), requests.tagPolicy(), settings.cursorKey(), clock, bodies);
        this.bulkRoutes = new BulkRoutes(requests, services.bulk(), limits, clock, bodies);
        this.qrRoutes = new QrRoutes(services.links(), bodies);
        this.stats = new StatsRoutes(services.analytics(), settings.stats(), clock::instant);
    }

    public APIGatewayV2HTTPResponse handle(ApiRequest request) {
        try {
            Router.Match match = Router.match(request.method(), request.path());
            requireAllowed(limits.forClient(clientAddresses.of(request)));
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
}
