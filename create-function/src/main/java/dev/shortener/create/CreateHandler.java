package dev.shortener.create;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.create.api.ApiRequest;
import dev.shortener.create.api.FailureResponses;
import dev.shortener.create.api.ManagementApi;
import dev.shortener.http.StructuredLog;
import dev.shortener.shortcode.ShortCodeMinter;
import java.time.InstantSource;
import org.crac.Core;
import org.crac.Resource;

/**
 * The create function's Lambda handler (API Gateway HTTP API, payload 2.0): the management API behind
 * {@code /api/links}. A thin adapter: it turns the event into a request, lets {@link ManagementApi} answer, and
 * logs one line per request. A failure nobody planned for becomes a logged 500 (or 503 when a dependency is down)
 * that reveals nothing.
 *
 * <p>Two ways to build it, as Powertools' examples do: the no-arg constructor Lambda calls reads
 * {@link CreateConfig} from the environment, builds the real clients once and registers the SnapStart hooks; the
 * other takes the configuration, the ports and a clock, for tests and a local runner.
 */
public final class CreateHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ManagementApi api;
    private final ShortCodeMinter minter;
    private final Observability observability;
    private final StructuredLog log;
    /** Held here as well as registered: CRaC contexts may keep only weak references. Null without SnapStart. */
    private final SnapStartHooks snapStartHooks;

    public CreateHandler() {
        this(CreateConfig.fromEnvironment(System.getenv()), Core.getGlobalContext());
    }

    /** Real clients from {@code config}, with the SnapStart hooks registered in {@code checkpoints}. */
    public CreateHandler(CreateConfig config, org.crac.Context<Resource> checkpoints) {
        this(new CreateWiring(config, AwsConnections.open(config), InstantSource.system()), checkpoints);
    }

    /** For tests and a local runner: the given ports and clock, no SnapStart hooks. */
    public CreateHandler(CreateConfig config, CreatePorts ports, InstantSource clock) {
        this(new CreateWiring(config, ports, clock), null);
    }

    private CreateHandler(CreateWiring wiring, org.crac.Context<Resource> checkpoints) {
        this.api = wiring.api();
        this.minter = wiring.minter();
        this.observability = wiring.observability();
        this.log = wiring.log();
        this.snapStartHooks = checkpoints == null ? null : wiring.snapStartHooks();
        if (checkpoints != null) {
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

    /** The resource registered with CRaC, or null when built from ports. */
    Resource snapStartHooks() {
        return snapStartHooks;
    }
}
