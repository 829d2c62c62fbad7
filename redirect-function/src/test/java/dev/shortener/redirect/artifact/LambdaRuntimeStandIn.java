package dev.shortener.redirect.artifact;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM whose class path is a deployment jar, this class and the Lambda runtime's serialisation
 * library, and does with the handler what the Java runtime does: loads it by name, builds it with its no-arg
 * constructor (the init phase), reads each event into the type its {@code handleRequest} declares and writes
 * the response back to JSON, both by the runtime's own reflection-based serialisation. Nothing here touches a
 * class of the function except through that path, so a class or member the packaging dropped fails here as it
 * would in Lambda.
 *
 * <p>Args: handler class, then event files. Prints {@code RESPONSE <json>} per event, then waits for its stdin
 * to close (the parent's signal that what the environment sends in the background has arrived) and exits.
 */
public final class LambdaRuntimeStandIn {

    static final String RESPONSE = "RESPONSE ";

    public static void main(String[] args) throws Exception {
        Class<?> handlerClass = Class.forName(args[0]);
        Object handler = handlerClass.getConstructor().newInstance();
        Method handleRequest = handleRequest(handlerClass);
        PojoSerializer<Object> events = serializer(handleRequest.getParameterTypes()[0]);
        PojoSerializer<Object> responses = serializer(handleRequest.getReturnType());
        for (int i = 1; i < args.length; i++) {
            Object event = events.fromJson(Files.readString(Path.of(args[i])));
            Object response = handleRequest.invoke(handler, event, new StandInContext("artifact-" + i));
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            responses.toJson(response, json);
            System.out.println(RESPONSE + json.toString(StandardCharsets.UTF_8));
        }
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to close stdin
        }
        System.exit(0);
    }

    /** The typed method, not the bridge {@code handleRequest(Object, Context)} the compiler adds. */
    private static Method handleRequest(Class<?> handlerClass) {
        for (Method method : handlerClass.getMethods()) {
            if (method.getName().equals("handleRequest")
                    && method.getParameterCount() == 2
                    && method.getParameterTypes()[0] != Object.class
                    && !method.isBridge()) {
                return method;
            }
        }
        throw new IllegalStateException(handlerClass + " has no typed handleRequest(event, Context)");
    }

    /** The runtime's choice: its event serialisers for the events it knows, plain (shaded) Jackson otherwise. */
    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Class<?> type) {
        return (PojoSerializer<Object>)
                (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                        ? LambdaEventSerializers.serializerFor(type, LambdaRuntimeStandIn.class.getClassLoader())
                        : JacksonFactory.getInstance().getSerializer(type));
    }

    /** Not the function's own InvocationContext: the stand-in uses none of the function's classes. */
    private record StandInContext(String requestId) implements Context {

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/redirect";
        }

        @Override
        public String getLogStreamName() {
            return "artifact";
        }

        @Override
        public String getFunctionName() {
            return "redirect";
        }

        @Override
        public String getFunctionVersion() {
            return "1";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:redirect:live";
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
            return 10_000;
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
                    System.out.write(message, 0, message.length);
                }
            };
        }
    }
}
