package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every resource of template.yaml against its schema in {@code ../shared/schemas/} (or, for a type that folder
 * lacks, in this module's supplement), intrinsic functions counting as valid values of any type. The validator itself is tested first on small broken resources, so that a
 * validator that accepts everything can't pass for a valid template.
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
            problems.addAll(schemas.validateResource(id, resource));
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
    void everyTypeHasASchema_inTheSharedFolderOrTheSupplement() {
        List<String> missing = new ArrayList<>();
        template.resources().forEach((id, resource) -> {
            String type = resource.path("Type").asText();
            if (!TemplateSchemas.isSam(type) && schemas.providerSchemaFile(type).isEmpty()) {
                missing.add(id + " (" + type + "): add " + TemplateSchemas.providerSchemaFileName(type)
                        + " to " + Repository.schemaSupplement().resolve("cfn")
                        + " from the same source as the others, and name it in the SOURCE.md there");
            }
        });
        assertEquals(List.of(), missing);
    }

    /** The supplement says where each of its files comes from, as shared/schemas/cfn/SOURCE.md does. */
    @Test
    void everySupplementSchemaIsNamedInItsSourceMd() throws IOException {
        Path folder = Repository.schemaSupplement().resolve("cfn");
        String source = Files.readString(folder.resolve("SOURCE.md"));
        List<String> unnamed = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .filter(name -> !source.contains(name))
                    .forEach(unnamed::add);
        }
        assertEquals(List.of(), unnamed, "schemas in " + folder + " that its SOURCE.md doesn't account for");
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
        assertInvalid("""
                Type: AWS::DynamoDB::Table
                Properties:
                  KeySchema: [{ AttributeName: pk, KeyType: HASH }]
                  TimeToLiveSpecification: { AttributeName: expires_at, Enabled: "yes" }
                """);
        assertInvalid("""
                Type: AWS::Logs::LogGroup
                Properties:
                  RetentionInDays: 42
                """);
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
        assertInvalid("""
                Type: AWS::Logs::LogGroup
                Properties:
                  RetentionInDays: !If [Cond, 30, 42]
                """);
    }

    @Test
    void validator_translatesCfnLintKeywords() {
        // requiredXor: a viewer certificate names exactly one source.
        assertInvalid("""
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: allow-all }
                    ViewerCertificate: { CloudFrontDefaultCertificate: true, AcmCertificateArn: arn, SslSupportMethod: sni-only }
                """);
    }

    @Test
    void validator_takesWhatTheSharedFolderLacksFromTheSupplement() {
        List<Path> candidates = schemas.providerSchemaCandidates("AWS::CloudFront::Function");
        assertEquals(
                List.of(
                        Repository.shared().resolve("schemas/cfn/aws-cloudfront-function.json"),
                        Repository.schemaSupplement().resolve("cfn/aws-cloudfront-function.json")),
                candidates,
                "shared first");
        assertTrue(schemas.providerSchemaFile("AWS::CloudFront::Function").isPresent());
        assertInvalid("""
                Type: AWS::CloudFront::Function
                Properties:
                  Name: n
                  FunctionConfig: { Comment: c, Runtime: cloudfront-js-3.0 }
                  FunctionCode: "function handler(event) { return event.request; }"
                """);
        assertInvalid("""
                Type: AWS::CloudFront::Function
                Properties:
                  Name: n
                  FunctionConfig: { Comment: c, Runtime: cloudfront-js-2.0 }
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
    void validator_failsForATypeInNeitherFolder() {
        JsonNode resource = CfnYaml.read("""
                Type: AWS::CloudFront::NoSuchType
                Properties: {}
                """);
        AssertionError error = assertThrows(AssertionError.class, () -> schemas.validateResource("Test", resource));
        for (Path candidate : schemas.providerSchemaCandidates("AWS::CloudFront::NoSuchType")) {
            assertTrue(error.getMessage().contains(candidate.toString()), error.getMessage());
        }
        assertEquals(
                2,
                schemas.providerSchemaCandidates("AWS::CloudFront::NoSuchType").size(),
                "looked for in shared/schemas/cfn and in the supplement");
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
                """);
    }

    private static void assertInvalid(String yaml) {
        JsonNode resource = CfnYaml.read(yaml);
        assertFalse(schemas.validateResource("Test", resource).isEmpty(), "should be invalid:\n" + yaml);
    }

    private static void assertValid(String yaml) {
        JsonNode resource = CfnYaml.read(yaml);
        assertEquals(List.of(), schemas.validateResource("Test", resource), "should be valid:\n" + yaml);
    }
}
