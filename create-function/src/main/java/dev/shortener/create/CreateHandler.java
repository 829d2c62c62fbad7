package dev.shortener.create;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.config.Environment;
import dev.shortener.create.api.ApiRequest;
import dev.shortener.create.api.FailureResponses;
import dev.shortener.create.api.ManagementApi;
import dev.shortener.http.StructuredLog;
import dev.shortener.shortcode.ShortCodeMinter;
import org.crac.Core;
import org.crac.Resource;

/**
 * The create function's Lambda handler (API Gateway HTTP API, payload 2.0): the management API behind
 * {@code /api/links}. A thin adapter: it turns the event into a request, lets {@link ManagementApi} answer, and
 * logs one line per request. A failure nobody planned for becomes a logged 500 (or 503 when a dependency is down)
 * that reveals nothing.
 *
 * <p>Two ways to build it, as Powertools' examples do: the no-arg constructor Lambda calls builds
 * {@link CreateWiring#fromEnvironment} (the real clients, once) and registers its SnapStart hooks; the other takes a
 * {@link CreateWiring}, for tests and the local runner.
 */
public final class CreateHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ManagementApi api;
    private final ShortCodeMinter minter;
    private final Observability observability;
    private final StructuredLog log;
    /** Held here as well as registered: CRaC contexts may keep only weak references. Null without SnapStart. */
    private final SnapStartHooks snapStartHooks;

    public CreateHandler() {
        this(CreateWiring.fromEnvironment(Environment.system()), Core.getGlobalContext());
    }

    /** For tests and the local runner: whatever {@code wiring} was built on, no SnapStart hooks registered. */
    public CreateHandler(CreateWiring wiring) {
        this(wiring, null);
    }

    /** The wiring's SnapStart hooks, if it has any, registered in {@code checkpoints} (null: none). */
    CreateHandler(CreateWiring wiring, org.crac.Context<Resource> checkpoints) {
        this.api = wiring.api();
        this.minter = wiring.minter();
        this.observability = wiring.observability();
        this.log = wiring.log();
        this.snapStartHooks = checkpoints == null ? null : wiring.snapStartHooks();
        if (snapStartHooks != null) {
            checkpoints.register(snapStartHooks);
        }
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long start = System.nanoTime();
        boolean cold = log.startInvocation();
        String method = "?";
        String path = "?";
        APIGatewayV2HTTPResponse response;
        try {
            ApiRequest request = ApiRequest.from(event);
            method = request.method();
            path = request.path();
            response = api.handle(request);
        } catch (RuntimeException failure) {
            observability.unexpected(context, cold, failure, FailureResponses.isDependencyOutage(failure));
            response = FailureResponses.respond(failure);
        }
        observability.request(
                context, cold, method, path, response.getStatusCode(), (System.nanoTime() - start) / 1_000_000);
        return response;
    }

    /** The minter, for tests that check what a restored environment holds. */
    ShortCodeMinter minter() {
        return minter;
    }

    /** The resource registered with CRaC, or null when none was. */
    Resource snapStartHooks() {
        return snapStartHooks;
    }
}
