package dev.shortener.console.publisher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.shortener.console.ConsoleAssets;
import dev.shortener.http.StructuredLog;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The console's custom resource ({@code Custom::ConsoleFiles}): on Create and Update it publishes the console into
 * the bucket named by the resource's {@code Bucket} property, on Delete it removes it from that bucket. It answers
 * CloudFormation in every case, FAILED with a reason when anything went wrong, so a deploy never hangs on it.
 */
public final class PublisherHandler implements RequestHandler<Map<String, Object>, String> {

    static final String SERVICE = "console-publisher";

    private final ConsolePublisher publisher;
    private final StructuredLog log;

    /** Lambda's: the region it sets, the URL-connection HTTP client, the default credentials chain. */
    public PublisherHandler() {
        this(
                new ConsolePublisher(
                        S3Client.builder()
                                .region(Region.of(SdkSystemSetting.AWS_REGION.getStringValueOrThrow()))
                                .httpClientBuilder(UrlConnectionHttpClient.builder())
                                .build(),
                        ConsoleAssets.fromClasspath()),
                new StructuredLog(SERVICE));
    }

    public PublisherHandler(ConsolePublisher publisher, StructuredLog log) {
        this.publisher = publisher;
        this.log = log;
    }

    @Override
    public String handleRequest(Map<String, Object> request, Context context) {
        boolean cold = log.startInvocation();
        String type = String.valueOf(request.get("RequestType"));
        Object properties = request.get("ResourceProperties");
        Object bucket = properties instanceof Map<?, ?> map ? map.get("Bucket") : null;
        String physicalId = request.get("PhysicalResourceId") instanceof String id ? id : "console-files-" + bucket;
        Map<String, Object> answer;
        try {
            if (!(bucket instanceof String name) || name.isBlank()) {
                throw new IllegalArgumentException("the resource has no Bucket property");
            }
            answer = switch (type) {
                case "Create", "Update" -> {
                    List<String> keys = publisher.publish(name);
                    log.info("console_published", context, cold, Map.of("bucket", name, "objects", keys.size()));
                    yield CloudFormationResponse.document(
                            request,
                            true,
                            "Published " + keys.size() + " files",
                            physicalId,
                            Map.of("Files", keys.size()));
                }
                case "Delete" -> {
                    int removed = publisher.remove(name);
                    log.info("console_removed", context, cold, Map.of("bucket", name, "objects", removed));
                    yield CloudFormationResponse.document(
                            request, true, "Removed " + removed + " objects", physicalId, Map.of());
                }
                default -> throw new IllegalArgumentException("unknown RequestType " + type);
            };
        } catch (RuntimeException e) {
            // Whatever failed, CloudFormation gets its answer; the reason names the kind, the log has the rest.
            log.error(
                    "console_publish_failed",
                    context,
                    cold,
                    Map.of(
                            "request_type",
                            type,
                            "error",
                            e.getClass().getName(),
                            "detail",
                            String.valueOf(e.getMessage())));
            answer = CloudFormationResponse.document(
                    request,
                    false,
                    type + " of the console files failed (" + e.getClass().getSimpleName() + "); see log stream "
                            + (context == null ? "-" : context.getLogStreamName()),
                    physicalId,
                    Map.of());
        }
        try {
            int status = CloudFormationResponse.send(String.valueOf(request.get("ResponseURL")), answer);
            return answer.get("Status") + " (" + status + ")";
        } catch (RuntimeException e) {
            log.error(
                    "console_response_failed",
                    context,
                    cold,
                    Map.of("error", e.getClass().getName()));
            throw e;
        }
    }
}
