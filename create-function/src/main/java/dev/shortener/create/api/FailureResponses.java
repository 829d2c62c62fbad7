package dev.shortener.create.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.http.Problem;
import dev.shortener.links.LinkStoreUnavailableException;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Answers for failures nobody planned for. Nothing of the failure reaches the caller (no message, no class name):
 * a dependency that is down or throttling is 503 with {@code Retry-After}; anything else is a bug, 500.
 */
public final class FailureResponses {

    private FailureResponses() {}

    public static boolean isDependencyOutage(Throwable failure) {
        if (failure instanceof LinkStoreUnavailableException unavailable) {
            return isDependencyOutage(unavailable.getCause()); // the store's read failure, judged by what it was
        }
        if (failure instanceof SdkClientException) {
            return true; // timeouts, connection failures
        }
        if (failure instanceof AwsServiceException service) {
            return service.statusCode() >= 500 || service.isThrottlingException();
        }
        return false;
    }

    public static APIGatewayV2HTTPResponse respond(Throwable failure) {
        if (isDependencyOutage(failure)) {
            return ApiProblem.respond(
                    Problem.of(
                            Problems.SERVICE_UNAVAILABLE,
                            "A service the API depends on is unavailable; retry in a few seconds."),
                    Map.of("Retry-After", "5"));
        }
        return ApiProblem.respond(
                Problem.of(
                        Problems.INTERNAL_ERROR,
                        "Something went wrong on our side; it has been logged. Retrying may help."),
                Map.of());
    }
}
