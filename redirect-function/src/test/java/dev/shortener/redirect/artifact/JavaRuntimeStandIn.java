package dev.shortener.redirect.artifact;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.shortener.localservers.lambda.InvocationContext;
import dev.shortener.localservers.lambda.RuntimeLoop;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * Runs in a fresh JVM whose class path is a deployment jar, this class, the Runtime API loop and the Lambda
 * runtime's serialisation library, and does with the handler what the Java runtime does: loads it by name, builds
 * it with its no-arg constructor (the init phase, during which the function may register its extension), then
 * serves invocations from the Runtime API named by {@code AWS_LAMBDA_RUNTIME_API}, reading each event into the
 * type its {@code handleRequest} declares and writing the response back to JSON, both by the runtime's own
 * reflection-based serialisation. Nothing here touches a class of the function except through that path, so a
 * class or member the packaging dropped fails here as it would in Lambda.
 *
 * <p>Args: the handler class. Exits when the Runtime API goes away.
 */
public final class JavaRuntimeStandIn {

    public static void main(String[] args) throws Exception {
        Class<?> handlerClass = Class.forName(args[0]);
        Object handler = handlerClass.getConstructor().newInstance();
        Method handleRequest = handleRequest(handlerClass);
        PojoSerializer<Object> events = serializer(handleRequest.getParameterTypes()[0]);
        PojoSerializer<Object> responses = serializer(handleRequest.getReturnType());
        new RuntimeLoop(System.getenv("AWS_LAMBDA_RUNTIME_API"), (json, context) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    responses.toJson(invoke(handleRequest, handler, events.fromJson(json), context), out);
                    return out.toString(StandardCharsets.UTF_8);
                })
                .run();
        System.exit(0);
    }

    private static Object invoke(Method handleRequest, Object handler, Object event, InvocationContext context) {
        try {
            return handleRequest.invoke(handler, event, context);
        } catch (InvocationTargetException e) {
            e.getCause().printStackTrace(); // the runtime logs it; the loop posts an invocation error
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
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
                        ? LambdaEventSerializers.serializerFor(type, JavaRuntimeStandIn.class.getClassLoader())
                        : JacksonFactory.getInstance().getSerializer(type));
    }
}
