package dev.shortener.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code AWS::Serverless::Function} accepts, beyond {@link ServiceSpec}'s entry for it. That entry comes
 * from the CloudFormation resource specification of SAM, which stopped following SAM: it has no {@code SnapStart},
 * {@code LoggingConfig} or {@code AutoPublishAliasAllProperties}. SAM's own JSON Schema ships only in the Python
 * package aws-sam-translator (PyPI), which would add Python and pip to what the tests need, so the properties SAM
 * added since are listed
 * here, each with SAM's documentation. Most of them SAM hands unchanged to {@code AWS::Lambda::Function}: those
 * are typed by that resource's entry in the database, so they follow Lambda's current schema; only the few SAM
 * interprets itself are typed here.
 */
final class SamFunction {

    static final String TYPE = Template.SERVERLESS_FUNCTION;
    static final String LAMBDA = "AWS::Lambda::Function";

    private static final String DOCS =
            "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html";

    /**
     * A property SAM has that the database's SAM entry lacks.
     *
     * @param lambdaProperty the {@code AWS::Lambda::Function} property SAM passes it to unchanged, or null
     * @param ownType        else its type, in the database's notation ({@code {"type": "boolean"}})
     * @param documentation  where SAM documents it
     */
    record SamOnlyProperty(String name, String lambdaProperty, JsonNode ownType, String documentation) {

        static SamOnlyProperty passedTo(String name) {
            return new SamOnlyProperty(name, name, null, DOCS + "#sam-function-" + anchor(name));
        }

        static SamOnlyProperty typed(String name, String type) {
            return new SamOnlyProperty(
                    name,
                    null,
                    JsonNodeFactory.instance.objectNode().put("type", type),
                    DOCS + "#sam-function-" + anchor(name));
        }

        private static String anchor(String name) {
            return name.toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final List<SamOnlyProperty> SAM_ONLY = List.of(
            // "passed directly to the SnapStart property of an AWS::Lambda::Function resource"
            SamOnlyProperty.passedTo("SnapStart"),
            SamOnlyProperty.passedTo("LoggingConfig"),
            SamOnlyProperty.passedTo("RuntimeManagementConfig"),
            SamOnlyProperty.passedTo("RecursiveLoop"),
            // SAM's own: which changes publish a new version for the alias, tags on generated resources, the
            // generated role's path, the key of the code's S3 object.
            SamOnlyProperty.typed("AutoPublishAliasAllProperties", "boolean"),
            SamOnlyProperty.typed("PropagateTags", "boolean"),
            SamOnlyProperty.typed("RolePath", "string"),
            SamOnlyProperty.typed("SourceKMSKeyArn", "string"));

    /**
     * Properties the database's SAM entry has that SAM passes unchanged to an {@code AWS::Lambda::Function}
     * property (a path into it): validated against that too, since the SAM entry's types are looser ({@code
     * MemorySize} a number of any size, {@code Tracing} any string) and older.
     */
    static final Map<String, List<String>> PASS_THROUGH = passThrough(
            List.of(
                    "Architectures",
                    "CodeSigningConfigArn",
                    "EphemeralStorage",
                    "FileSystemConfigs",
                    "Handler",
                    "ImageConfig",
                    "KmsKeyArn",
                    "Layers",
                    "MemorySize",
                    "PackageType",
                    "ReservedConcurrentExecutions",
                    "Runtime",
                    "Timeout",
                    "VpcConfig"),
            Map.of("Tracing", List.of("TracingConfig", "Mode")));

    /** The properties passed under their own name, and the ones Lambda names otherwise, to a path into it. */
    private static Map<String, List<String>> passThrough(List<String> sameName, Map<String, List<String>> renamed) {
        Map<String, List<String>> paths = new java.util.HashMap<>(renamed);
        sameName.forEach(name -> paths.put(name, List.of(name)));
        return Map.copyOf(paths);
    }

    /**
     * The function properties {@code Globals.Function} may set, as SAM's documentation of the Globals section
     * lists them
     * (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html).
     * SAM refuses any other (a role, policies, events, a name).
     */
    static final Set<String> GLOBALS = Set.of(
            "Architectures",
            "AssumeRolePolicyDocument",
            "AutoPublishAlias",
            "AutoPublishAliasAllProperties",
            "CodeSigningConfigArn",
            "CodeUri",
            "DeadLetterQueue",
            "DeploymentPreference",
            "Description",
            "Environment",
            "EphemeralStorage",
            "EventInvokeConfig",
            "FileSystemConfigs",
            "FunctionUrlConfig",
            "Handler",
            "KmsKeyArn",
            "Layers",
            "LoggingConfig",
            "MemorySize",
            "PermissionsBoundary",
            "PropagateTags",
            "ProvisionedConcurrencyConfig",
            "RecursiveLoop",
            "ReservedConcurrentExecutions",
            "RolePath",
            "Runtime",
            "RuntimeManagementConfig",
            "SnapStart",
            "SourceKMSKeyArn",
            "Tags",
            "Timeout",
            "Tracing",
            "VpcConfig");

    private SamFunction() {}

    /**
     * The schema of a function's {@code Properties}: the database's SAM entry and {@link #SAM_ONLY}. For
     * {@code Globals.Function}, nothing is required and only {@link #GLOBALS} are allowed.
     */
    static ObjectNode schema(ServiceSpec spec, boolean forGlobals) {
        ServiceSpec.Definitions definitions = spec.definitions();
        ObjectNode schema = spec.resourceSchema(TYPE);
        ObjectNode properties = (ObjectNode) schema.get("properties");
        for (SamOnlyProperty property : SAM_ONLY) {
            JsonNode type = property.lambdaProperty() != null
                    ? spec.propertyType(LAMBDA, property.lambdaProperty())
                            .orElseThrow(() -> new AssertionError(LAMBDA + " has no property "
                                    + property.lambdaProperty() + " for SAM's " + property.name()))
                    : property.ownType();
            properties.set(property.name(), definitions.of(type));
        }
        ((ObjectNode) schema.get("definitions")).setAll(definitions.collected());
        if (forGlobals) {
            schema.remove("required");
            properties.retain(GLOBALS);
        }
        return schema;
    }
}
