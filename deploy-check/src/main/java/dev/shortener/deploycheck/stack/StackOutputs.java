package dev.shortener.deploycheck.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * The names of template.yaml's Outputs (and Parameters) the command reads, and the one DescribeStacks call that
 * reads them. A name the stack lacks leaves its value empty: the check that needs it is then skipped, saying so.
 */
public final class StackOutputs {

    /** {@code https://<CloudFront domain or custom domain>}. */
    public static final String SHORT_LINK_BASE_URL = "ShortLinkBaseUrl";
    /** The management API through CloudFront, {@code <base>/api}. */
    public static final String API_URL = "ApiUrl";
    /** CloudFront's origin for the redirect routes (the redirect function's URL, which refuses unsigned calls). */
    public static final String REDIRECT_ORIGIN = "RedirectFunctionUrl";
    /** CloudFront's origin for the management API. */
    public static final String MANAGEMENT_ORIGIN = "ManagementApiEndpoint";

    public static final String ATHENA_WORKGROUP = "AthenaWorkGroup";
    public static final String GLUE_DATABASE = "GlueDatabase";
    /** An output if the stack has one, else the parameter of the same name. */
    public static final String EDGE_CACHE_SECONDS = "EdgeCacheSeconds";
    /** A parameter: the per-key token bucket's size. */
    public static final String RATE_LIMIT_PER_KEY_BURST = "RateLimitPerKeyBurst";

    private StackOutputs() {}

    /** DescribeStacks for one stack: read-only (cloudformation:DescribeStacks). */
    public static StackFacts describe(CloudFormationClient cloudFormation, String stackName) {
        Stack stack = cloudFormation.describeStacks(request -> request.stackName(stackName)).stacks().stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("CloudFormation describes no stack " + stackName));
        Map<String, String> outputs = new LinkedHashMap<>();
        for (Output output : stack.outputs()) {
            outputs.put(output.outputKey(), output.outputValue());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Parameter parameter : stack.parameters()) {
            if (parameter.parameterValue() != null) {
                parameters.put(parameter.parameterKey(), parameter.parameterValue());
            }
        }
        return new StackFacts(stack.stackName(), outputs, parameters);
    }
}
