package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every resource of template.yaml against its schema from the CloudFormation resource database
 * ({@link ServiceSpec}), intrinsic functions counting as valid values of any type. The validator itself is tested
 * on small broken resources too, so that a validator that accepts everything can't pass for a valid template.
 */
class TemplateSchemaTest {

    private static final Set<String> RESOURCE_ATTRIBUTES = Set.of(
            "Type",
            "Properties",
            "Condition",
            "DependsOn",
            "Metadata",
            "DeletionPolicy",
            "UpdateReplacePolicy",
            "UpdatePolicy",
            "CreationPolicy");
    private static final Set<String> TOP_LEVEL = Set.of(
            "AWSTemplateFormatVersion",
            "Transform",
            "Description",
            "Metadata",
            "Parameters",
            "Rules",
            "Mappings",
            "Conditions",
            "Globals",
            "Resources",
            "Outputs");

    private static TemplateSchemas schemas;
    private static Template template;

    @BeforeAll
    static void load() {
        schemas = TemplateSchemas.load();
        template = Template.load();
    }

    @Test
    void everyResourceValidatesAgainstItsSchema() {
        List<String> problems = new ArrayList<>();
        Set<String> types = new TreeSet<>();
        template.resources().forEach((id, resource) -> {
            types.add(resource.path("Type").asText());
            for (var names = resource.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!RESOURCE_ATTRIBUTES.contains(name)) {
                    problems.add(id + ": '" + name + "' is not a resource attribute");
                }
            }
            if (isCustomResource(resource.path("Type").asText())) {
                if (!resource.path("Properties").path("ServiceToken").isObject()
                        && !resource.path("Properties").path("ServiceToken").isTextual()) {
                    problems.add(id + ": a custom resource needs a ServiceToken");
                }
            } else {
                problems.addAll(schemas.validateResource(id, resource));
            }
        });
        System.out.printf(
                "validated %d resources of %d types%n", template.resources().size(), types.size());
        assertEquals(List.of(), problems, "schema violations in template.yaml");
    }

    @Test
    void globalsValidateAgainstTheSamSchema() {
        assertEquals(List.of(), schemas.validateGlobals(template.section("Globals")));
    }

    @Test
    void everyTypeIsKnownToTheDatabase() {
        List<String> unknown = new ArrayList<>();
        template.resources().forEach((id, resource) -> {
            String type = resource.path("Type").asText();
            if (!isCustomResource(type) && !schemas.spec().knows(type)) {
                unknown.add(id + " (" + type + ")");
            }
        });
        assertEquals(List.of(), unknown, "types " + ServiceSpec.PACKAGE + " doesn't know");
    }

    /** The template's own resources, each given a property no schema has: every one is caught. */
    @Test
    void everyResourceOfTheTemplate_failsWithAPropertyTheDatabaseDoesNotKnow() {
        List<String> missed = new ArrayList<>();
        template.resources().forEach((id, resource) -> {
            if (isCustomResource(resource.path("Type").asText())) {
                return; // a custom resource's properties are its provider's to define: any name is valid
            }
            ObjectNode changed = resource.deepCopy();
            if (!changed.path("Properties").isObject()) {
                changed.putObject("Properties");
            }
            ((ObjectNode) changed.get("Properties")).put("NoSuchProperty", "x");
            List<String> problems = schemas.validateResource(id, changed);
            if (problems.stream().noneMatch(p -> p.contains("NoSuchProperty"))) {
                missed.add(id + " (" + resource.path("Type").asText() + "): " + problems);
            }
        });
        assertEquals(List.of(), missed, "resources whose schema accepts an unknown property");
    }

    @Test
    void templateHasOnlyKnownSections() {
        template.root()
                .fieldNames()
                .forEachRemaining(name -> assertTrue(TOP_LEVEL.contains(name), "unknown top-level section " + name));
        assertEquals(
                "AWS::Serverless-2016-10-31", template.root().path("Transform").asText());
    }

    // --- the validator, on resources that must fail or pass -------------------------------------------------

    @Test
    void validator_rejectsAnUnknownProperty() {
        assertInvalid("""
                Type: AWS::S3::Bucket
                Properties:
                  BucketEncryptionTypo: {}
                """);
    }

    @Test
    void validator_rejectsAWrongEnumAndAWrongType() {
        assertInvalid(tableWithTimeToLive("\"yes\""));
        assertInvalid(logGroupRetaining("42"));
    }

    @Test
    void validator_rejectsAMissingRequiredProperty() {
        assertInvalid("""
                Type: AWS::ElastiCache::ServerlessCache
                Properties:
                  Engine: valkey
                """);
    }

    @Test
    void validator_acceptsIntrinsicsWhereverAValueGoes() {
        assertValid("""
                Type: AWS::Logs::LogGroup
                Properties:
                  RetentionInDays: !Ref Days
                  LogGroupName: !Sub /x/${AWS::StackName}
                  Tags: !If [Cond, [{ Key: a, Value: b }], !Ref AWS::NoValue]
                """);
    }

    @Test
    void validator_checksBothBranchesOfAnIf() {
        assertInvalid(logGroupRetaining("!If [Cond, 30, 42]"));
    }

    @Test
    void validator_readsNumbersAndBooleansWrittenAsStrings_asCloudFormationDoes() {
        assertValid(logGroupRetaining("\"30\""));
        assertInvalid(logGroupRetaining("\"42\""));
        assertValid(tableWithTimeToLive("\"true\""));
        assertInvalid("""
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  IpProtocol: tcp
                  FromPort: "6379a"
                """);
    }

    @Test
    void validator_checksCloudFrontFunctions() {
        assertInvalid("""
                Type: AWS::CloudFront::Function
                Properties:
                  Name: n
                  FunctionConfig: { Comment: c, Runtime: cloudfront-js-2.0 }
                """);
        assertInvalid("""
                Type: AWS::CloudFront::Function
                Properties:
                  Name: n
                  FunctionConfig: { Comment: c, Runtime: cloudfront-js-2.0, NoSuchSetting: 1 }
                  FunctionCode: "function handler(event) { return event.request; }"
                """);
        assertValid("""
                Type: AWS::CloudFront::Function
                Properties:
                  Name: !Sub "${AWS::StackName}-f"
                  AutoPublish: true
                  FunctionConfig: { Comment: c, Runtime: cloudfront-js-2.0 }
                  FunctionCode: "function handler(event) { return event.request; }"
                """);
    }

    @Test
    void validator_failsForATypeUnknownToTheDatabase() {
        JsonNode resource = CfnYaml.read("""
                Type: AWS::CloudFront::NoSuchType
                Properties: {}
                """);
        AssertionError error = assertThrows(AssertionError.class, () -> schemas.validateResource("Test", resource));
        assertTrue(error.getMessage().contains("AWS::CloudFront::NoSuchType"), error.getMessage());
        assertFalse(schemas.spec().knows("AWS::CloudFront::NoSuchType"));
    }

    @Test
    void validator_checksSamFunctionsAndWhatTheyPassThrough() {
        assertInvalid("""
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.B::handleRequest
                  NoSuchProperty: 1
                """);
        assertInvalid("""
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.B::handleRequest
                  SnapStart: { ApplyOn: Always }
                """);
        assertValid("""
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.B::handleRequest
                  SnapStart: { ApplyOn: PublishedVersions }
                  MemorySize: !Ref Memory
                  LoggingConfig: { LogFormat: JSON, SystemLogLevel: WARN }
                  AutoPublishAliasAllProperties: true
                """);
    }

    /** SAM-only properties are typed: by AWS::Lambda::Function where SAM passes them on, else by SamFunction. */
    @Test
    void validator_typesSamOnlyProperties() {
        assertInvalid("""
                Type: AWS::Serverless::Function
                Properties:
                  LoggingConfig: { LogFormat: XML }
                """);
        assertInvalid("""
                Type: AWS::Serverless::Function
                Properties:
                  AutoPublishAliasAllProperties: sometimes
                """);
        for (SamFunction.SamOnlyProperty property : SamFunction.SAM_ONLY) {
            assertTrue(
                    property.documentation().startsWith("https://docs.aws.amazon.com/serverless-application-model/"));
            assertTrue(
                    property.lambdaProperty() != null ^ property.ownType() != null,
                    property.name() + ": passed to Lambda or typed here, not both");
        }
    }

    /** The SAM entry types MemorySize as any number and Tracing as any string; Lambda's are narrower. */
    @Test
    void validator_checksWhatSamPassesThroughAgainstLambdasTypes() {
        assertInvalid("""
                Type: AWS::Serverless::Function
                Properties:
                  MemorySize: 1.5
                """);
        assertInvalid("""
                Type: AWS::Serverless::Function
                Properties:
                  Tracing: Sometimes
                """);
        assertValid("""
                Type: AWS::Serverless::Function
                Properties:
                  Tracing: !Ref TracingMode
                  Architectures: [arm64]
                """);
    }

    @Test
    void validator_checksGlobals() {
        assertEquals(List.of(), schemas.validateGlobals(CfnYaml.read("""
                Function: { Runtime: java21, MemorySize: 1024, SnapStart: { ApplyOn: PublishedVersions } }
                """)));
        assertFalse(schemas.validateGlobals(CfnYaml.read("""
                        Function: { Role: arn }
                        """)).isEmpty(), "SAM refuses a role in Globals");
        assertFalse(schemas.validateGlobals(CfnYaml.read("""
                        Function: { Tracing: Sometimes }
                        """)).isEmpty());
        assertFalse(schemas.validateGlobals(CfnYaml.read("""
                        Functions: { Runtime: java21 }
                        """)).isEmpty(), "not a section of Globals");
    }

    /** A log group whose RetentionInDays is this YAML (30 is one of the allowed values, 42 is not). */
    private static String logGroupRetaining(String retentionInDays) {
        return """
                Type: AWS::Logs::LogGroup
                Properties:
                  RetentionInDays: %s
                """.formatted(retentionInDays);
    }

    /** A table whose time-to-live specification's Enabled (a boolean) is this YAML. */
    private static String tableWithTimeToLive(String enabled) {
        return """
                Type: AWS::DynamoDB::Table
                Properties:
                  KeySchema: [{ AttributeName: pk, KeyType: HASH }]
                  TimeToLiveSpecification: { AttributeName: expires_at, Enabled: %s }
                """.formatted(enabled);
    }

    private static void assertInvalid(String yaml) {
        JsonNode resource = CfnYaml.read(yaml);
        assertFalse(schemas.validateResource("Test", resource).isEmpty(), "should be invalid:\n" + yaml);
    }

    private static void assertValid(String yaml) {
        JsonNode resource = CfnYaml.read(yaml);
        assertEquals(List.of(), schemas.validateResource("Test", resource), "should be valid:\n" + yaml);
    }

    /**
     * {@code Custom::Name} is a custom resource (AWS::CloudFormation::CustomResource under a name of its own): only
     * {@code ServiceToken} is CloudFormation's, every other property goes to the provider as it is written.
     */
    private static boolean isCustomResource(String type) {
        return type.startsWith("Custom::");
    }
}
