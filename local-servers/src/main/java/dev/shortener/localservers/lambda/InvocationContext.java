package dev.shortener.localservers.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The Lambda context of an invocation made outside Lambda: by the local runner, handler tests, the benchmarks and
 * {@link RuntimeLoop}. It carries what the handlers read (a request id, the time left); the rest is fixed. It lives
 * with the stand-ins, never in a deployment jar: in Lambda the runtime builds the context.
 *
 * @param functionName   the function's name
 * @param requestId      the invocation's request id
 * @param deadlineMillis when the invocation times out, in epoch milliseconds
 */
public record InvocationContext(String functionName, String requestId, long deadlineMillis) implements Context {

    /** A context starting now, with a fresh request id and the deployed functions' 10 s timeout. */
    public static InvocationContext fresh(String functionName) {
        return startingNow(functionName, UUID.randomUUID().toString(), Duration.ofSeconds(10));
    }

    public static InvocationContext startingNow(String functionName, String requestId, Duration timeout) {
        return new InvocationContext(functionName, requestId, System.currentTimeMillis() + timeout.toMillis());
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:local:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.print(message);
            }

            @Override
            public void log(byte[] message) {
                System.out.print(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
