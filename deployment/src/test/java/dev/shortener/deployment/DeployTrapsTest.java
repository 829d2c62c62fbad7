package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The defects a review of the template against AWS's documentation found, each of which made a first
 * deploy fail (or a later one misbehave) and none of which shows offline unless a test looks: one test per finding,
 * named after it. Finding 6 (configuration reaching the alias) is {@link VersionMechanismTest}.
 */
class DeployTrapsTest {

    private static final Template template = Template.load();

    /** A new account's total concurrency can be as low as this (Lambda quotas; seen in SAM projects' issues). */
    static final int NEW_ACCOUNT_CONCURRENCY = 10;
    /** Lambda keeps this much of the account's concurrency unreserved: reserving or provisioning needs more. */
    static final int UNRESERVED_MINIMUM = 100;

    static final String CREATE_VPC_STARTING_POINT_A = "euw1-az1";
    static final String CREATE_VPC_STARTING_POINT_B = "euw1-az2";

    // --- 1. Concurrency -------------------------------------------------------------------------------------

    /**
     * Reserved and provisioned concurrency come out of the account's unreserved concurrency, which must stay at
     * 100 or more: in an account with a total of 10, any of it fails the deploy. So each is a parameter where 0
     * means none (the property left out: Lambda refuses 0 for provisioned concurrency), and the defaults ask for
     * none. The condition is the hook the autoscaling of provisioned concurrency ({@link ProvisionedScalingTest}) attaches to.
     */
    @Test
    void finding1_concurrencyOfZeroMeansNone_andTheDefaultsDeployInANewAccount() throws IOException {
        Map<String, String> properties = Map.of(
                "CreateReservedConcurrency", "CreateFunction.ReservedConcurrentExecutions",
                "RedirectProvisionedConcurrency", "RedirectFunction.ProvisionedConcurrencyConfig");
        int requiredAtDefaults = 0;
        for (var entry : properties.entrySet()) {
            String parameter = entry.getKey();
            String function = entry.getValue().substring(0, entry.getValue().indexOf('.'));
            String property = entry.getValue().substring(entry.getValue().indexOf('.') + 1);
            JsonNode definition = template.section("Parameters").path(parameter);
            assertEquals(0, definition.path("MinValue").asInt(-1), parameter + ": 0 must be allowed (none)");
            JsonNode value = template.properties(function).path(property);
            TemplateResolver none = resolver(Map.of(parameter, "0"));
            assertTrue(
                    none.resolve(value).isMissingNode(),
                    function + "." + property + " must be left out when " + parameter + " is 0, got "
                            + none.resolve(value));
            TemplateResolver some = resolver(Map.of(parameter, "5"));
            assertTrue(
                    some.resolve(value).toString().contains("5"),
                    function + "." + property + " must take " + parameter + " when it isn't 0");
            JsonNode atDefaults = resolver(Map.of()).resolve(value);
            requiredAtDefaults += atDefaults.isMissingNode()
                    ? 0
                    : Integer.parseInt(atDefaults.toString().replaceAll("\\D", ""));
        }
        assertTrue(
                requiredAtDefaults == 0 || requiredAtDefaults + UNRESERVED_MINIMUM <= NEW_ACCOUNT_CONCURRENCY,
                "the defaults reserve or provision " + requiredAtDefaults + " of a new account's "
                        + NEW_ACCOUNT_CONCURRENCY + ": the first deploy would fail");
        assertTrue(
                template.properties("RedirectFunction")
                        .path("ProvisionedConcurrencyConfig")
                        .path("Fn::If")
                        .path(0)
                        .asText()
                        .equals("HasRedirectProvisionedConcurrency"),
                "provisioned concurrency hangs on one condition (autoscaling will use it too)");
        String guide = Files.readString(Repository.file("docs/deployment.md"));
        assertTrue(guide.contains("aws lambda get-account-settings"), "the guide says how to check the quota");
        assertTrue(guide.contains("## First deploy"), "the guide has a First deploy section");
    }

    // --- 2. CloudFront names --------------------------------------------------------------------------------

    /**
     * Cache policies, origin request policies, functions, response headers policies, origin access controls and
     * key value stores are named per account, whatever the region: the same stack name in a second region must not
     * give the same name. A name from the stack id's UUID differs per stack; it must also fit (128 characters for
     * policies, 64 for functions) whatever the stack name's length.
     */
    @Test
    void finding2_cloudFrontNamesAreUniquePerAccount_forTheSameStackNameInTwoRegions() {
        Map<String, String> nameOf = Map.of(
                "AWS::CloudFront::CachePolicy", "/CachePolicyConfig/Name",
                "AWS::CloudFront::OriginRequestPolicy", "/OriginRequestPolicyConfig/Name",
                "AWS::CloudFront::ResponseHeadersPolicy", "/ResponseHeadersPolicyConfig/Name",
                "AWS::CloudFront::Function", "/Name",
                "AWS::CloudFront::OriginAccessControl", "/OriginAccessControlConfig/Name",
                "AWS::CloudFront::KeyValueStore", "/Name");
        Map<String, Integer> maxLength = Map.of("AWS::CloudFront::Function", 64, "AWS::CloudFront::KeyValueStore", 64);
        String stackName = "s" + "-long".repeat(25) + "-x";
        TemplateResolver ireland = resolver(stack(stackName, "eu-west-1", "0e8f3a10-1234-4abc-8def-0123456789ab"));
        TemplateResolver virginia = resolver(stack(stackName, "us-east-1", "7d1c9b20-5678-4def-9abc-ba9876543210"));
        int named = 0;
        Map<String, Set<String>> namesPerType = new HashMap<>();
        for (var entry : nameOf.entrySet()) {
            for (String resource : template.ofType(entry.getKey())) {
                JsonNode name = template.properties(resource).at(entry.getValue());
                String first = ireland.text(name);
                String second = virginia.text(name);
                named++;
                assertNotEquals(
                        first,
                        second,
                        resource + " is named " + first + " for stack " + stackName
                                + " in both regions: the second deploy fails (CloudFront names are per account)");
                int limit = maxLength.getOrDefault(entry.getKey(), 128);
                assertTrue(
                        first.length() <= limit && first.matches("[A-Za-z0-9_-]+"),
                        resource + ": " + first + " is not a valid name of at most " + limit + " characters");
                assertTrue(
                        namesPerType
                                .computeIfAbsent(entry.getKey(), t -> new TreeSet<>())
                                .add(first),
                        resource + " has the name of another " + entry.getKey());
            }
        }
        assertTrue(named >= 4, "the cache and origin request policies and the function are named: " + named);
    }

    // --- 3. Existing VPC: route tables ----------------------------------------------------------------------

    /**
     * With an existing VPC and the endpoints created by the stack, the DynamoDB gateway endpoint needs the route
     * tables: without them it would get {@code RouteTableIds: [""]}, which EC2 refuses mid-deploy. A rule refuses
     * the parameters before anything is created, and wherever the rules pass the list holds no empty id.
     */
    @Test
    void finding3_existingVpcWithEndpointsNeedsItsRouteTables_neverAnEmptyRouteTableId() {
        Map<String, String> existingVpc = Map.of(
                "VpcId", "vpc-0123456789abcdef0",
                "PrivateSubnetIds", "subnet-0123456789abcdef0,subnet-0123456789abcdef1");
        Map<String, String> withoutRouteTables = new HashMap<>(existingVpc);
        withoutRouteTables.put("CreateVpcEndpoints", "true");
        assertFalse(
                failedRules(withoutRouteTables).isEmpty(),
                "VpcId with CreateVpcEndpoints=true and no PrivateRouteTableIds must be refused by a rule");
        List<Map<String, String>> cases = List.of(
                withoutRouteTables,
                with(existingVpc, "PrivateRouteTableIds", "rtb-0123456789abcdef0"),
                with(existingVpc, "CreateVpcEndpoints", "false"),
                newVpc(Map.of()));
        int deployable = 0;
        for (Map<String, String> parameters : cases) {
            if (!failedRules(parameters).isEmpty()) {
                continue;
            }
            deployable++;
            TemplateResolver resolver = resolver(parameters);
            for (String endpoint : template.ofType("AWS::EC2::VPCEndpoint")) {
                if (!conditionHolds(endpoint, resolver)) {
                    continue;
                }
                for (String list : List.of("RouteTableIds", "SubnetIds", "SecurityGroupIds")) {
                    JsonNode ids =
                            resolver.resolve(template.properties(endpoint).path(list));
                    ids.forEach(id -> assertFalse(
                            id.asText().isBlank(), endpoint + "." + list + " holds an empty id with " + parameters));
                }
            }
        }
        assertEquals(3, deployable, "the other cases deploy");
    }

    // --- 4. Availability zones ------------------------------------------------------------------------------

    /**
     * {@code !GetAZs} lists every zone of the region, including ones without the Firehose interface endpoint, and
     * a zone name means a different physical zone in each account. The new VPC's subnets take zone IDs the
     * deployer chose (docs/deployment.md, "Choosing the zones"), required and distinct by a rule.
     */
    @Test
    void finding4_newSubnetsUseTwoChosenZoneIds_notGetAZs() {
        assertFalse(
                template.root().toString().contains("Fn::GetAZs"),
                "Fn::GetAZs picks zones without regard to where Lambda, ElastiCache and the Firehose endpoint are offered");
        Set<String> zones = new TreeSet<>();
        for (String subnet : template.ofType("AWS::EC2::Subnet")) {
            JsonNode properties = template.properties(subnet);
            assertTrue(
                    properties.path("AvailabilityZone").isMissingNode(), subnet + ": a zone name differs per account");
            String parameter = properties.path("AvailabilityZoneId").path("Ref").asText();
            assertTrue(
                    template.names("Parameters").contains(parameter), subnet + ": AvailabilityZoneId from a parameter");
            zones.add(parameter);
        }
        assertEquals(2, zones.size(), "two subnets in two zones chosen by two parameters: " + zones);
        List<String> names = new ArrayList<>(zones);
        assertFalse(failedRules(Map.of()).isEmpty(), "a new VPC without zones must be refused by a rule");
        assertFalse(
                failedRules(Map.of(names.get(0), "euw1-az1", names.get(1), "euw1-az1"))
                        .isEmpty(),
                "the same zone twice must be refused");
        assertEquals(List.of(), failedRules(Map.of(names.get(0), "euw1-az1", names.get(1), "euw1-az2")));
        assertEquals(
                List.of(),
                failedRules(Map.of(
                        "VpcId", "vpc-0123456789abcdef0",
                        "PrivateSubnetIds", "subnet-0123456789abcdef0,subnet-0123456789abcdef1",
                        "PrivateRouteTableIds", "rtb-0123456789abcdef0")),
                "an existing VPC needs no zones");
    }

    // --- 5. NewVpcCidr --------------------------------------------------------------------------------------

    /** The pattern accepts exactly the prefixes the subnets' Fn::Cidr can cut from (and a VPC may have). */
    @Test
    void finding5_newVpcCidrAcceptsExactlyTheRangesTheSubnetsFitIn() {
        Pattern pattern = Pattern.compile(template.section("Parameters")
                .path("NewVpcCidr")
                .path("AllowedPattern")
                .asText());
        int accepted = 0;
        for (int prefix = 8; prefix <= 32; prefix++) {
            String cidr = "10.20.0.0/" + prefix;
            boolean matches = pattern.matcher(cidr).matches();
            boolean vpcAllows = prefix >= 16 && prefix <= 28;
            boolean subnetsFit = true;
            try {
                for (String subnet : template.ofType("AWS::EC2::Subnet")) {
                    resolver(newVpc(Map.of("NewVpcCidr", cidr)))
                            .text(template.properties(subnet).path("CidrBlock"));
                }
            } catch (IllegalArgumentException cantCut) {
                subnetsFit = false;
            }
            assertEquals(
                    vpcAllows && subnetsFit,
                    matches,
                    "NewVpcCidr " + cidr + (matches ? " is accepted" : " is refused") + ", but the VPC "
                            + (vpcAllows ? "allows it" : "doesn't allow it") + " and its subnets "
                            + (subnetsFit ? "fit" : "don't fit"));
            accepted += matches ? 1 : 0;
        }
        assertTrue(accepted > 0);
        assertEquals(
                List.of("10.20.0.0/24", "10.20.1.0/24"),
                template.ofType("AWS::EC2::Subnet").stream()
                        .map(s -> resolver(newVpc(Map.of("NewVpcCidr", "10.20.0.0/23")))
                                .text(template.properties(s).path("CidrBlock")))
                        .toList());
    }

    // --- 7. Errors at the edge ------------------------------------------------------------------------------

    /**
     * CloudFront's documentation ("How CloudFront processes and caches HTTP 4xx and 5xx status codes from your
     * origin") lists the codes it caches: 404, 414 and 500-504, and 400, 403, 405, 412 and 415 only when the origin
     * sends Cache-Control. 410 is on neither list, so an expired or deleted link reaches the origin on every
     * request, whatever s-maxage it carries. Nothing here may promise otherwise, and the error caching settings
     * name only codes CloudFront caches.
     */
    @Test
    void finding7_no410IsPromisedAnEdgeCache_andErrorCachingNamesOnlyCodesCloudFrontCaches() throws IOException {
        Set<Integer> cachedByDefault = Set.of(404, 414, 500, 501, 502, 503, 504);
        Set<Integer> cachedWithCacheControl = Set.of(400, 403, 405, 412, 415);
        for (JsonNode response : TemplateTrapsTest.distribution().path("CustomErrorResponses")) {
            int code = response.path("ErrorCode").asInt();
            assertTrue(
                    cachedByDefault.contains(code) || cachedWithCacheControl.contains(code),
                    "CustomErrorResponses names " + code + ", which CloudFront doesn't cache");
        }
        List<String> promises = new ArrayList<>();
        Pattern promise = Pattern.compile("(?i)\\bcach(es|ed|ing)\\b[^.]*\\b410\\b|\\b410\\b[^.]*\\bcached\\b");
        Pattern denial = Pattern.compile("(?i)\\b(not|neither|never|nor|doesn't|don't|isn't)\\b");
        for (String file : List.of("README.md", "template.yaml", "docs/deployment.md", "redirect-function/README.md")) {
            List<String> lines = Files.readAllLines(Repository.file(file));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (promise.matcher(line).find() && !denial.matcher(line).find()) {
                    promises.add(file + ":" + (i + 1) + ": " + line.trim());
                }
            }
        }
        assertEquals(List.of(), promises, "410 responses are not cached by CloudFront (see this test's comment)");
    }

    // --- 8. Retained resources ------------------------------------------------------------------------------

    /**
     * A resource kept when the stack is deleted must still be deleted when its own creation is rolled back, or
     * every failed first deploy leaves one behind (RetainExceptOnCreate); and a table's deletion protection must
     * be off at first, or the rollback can't delete it.
     */
    @Test
    void finding8_retainedResourcesGoWithAFailedFirstDeploy() {
        int retained = 0;
        for (var resource : template.resources().entrySet()) {
            String policy = resource.getValue().path("DeletionPolicy").asText("Delete");
            if (policy.startsWith("Retain")) {
                retained++;
                assertEquals(
                        "RetainExceptOnCreate",
                        policy,
                        resource.getKey() + ": DeletionPolicy Retain keeps it after a failed first deploy too");
                assertEquals(
                        "Retain",
                        resource.getValue().path("UpdateReplacePolicy").asText(),
                        resource.getKey() + ": a replacement must not delete the old one");
            }
        }
        assertTrue(retained >= 2, "the links table and the click bucket are retained");
        for (String table : template.ofType("AWS::DynamoDB::Table")) {
            assertEquals(
                    "false",
                    resolver(newVpc(Map.of())).text(template.properties(table).path("DeletionProtectionEnabled")),
                    table + ": deletion protection on at the first deploy blocks the rollback's delete");
        }
    }

    // --- Hardening ------------------------------------------------------------------------------------------

    /** SSEEnabled true means the AWS-managed KMS key (billed per request); false or absent, the free AWS-owned one. */
    @Test
    void linksTableIsEncryptedWithTheFreeAwsOwnedKey() {
        for (String table : template.ofType("AWS::DynamoDB::Table")) {
            JsonNode sse = template.properties(table).path("SSESpecification");
            assertFalse(sse.path("SSEEnabled").asBoolean(false), table + " uses the AWS-managed KMS key");
            assertTrue(sse.path("KMSMasterKeyId").isMissingNode(), table + " names a KMS key");
        }
    }

    /** Firehose may write objects under its own two prefixes only (its Prefix and ErrorOutputPrefix). */
    @Test
    void firehoseRoleWritesOnlyUnderItsTwoPrefixes() {
        String stream = template.single("AWS::KinesisFirehose::DeliveryStream");
        JsonNode destination = template.properties(stream).path("ExtendedS3DestinationConfiguration");
        Set<String> prefixes = new TreeSet<>();
        for (String field : List.of("Prefix", "ErrorOutputPrefix")) {
            String prefix = destination.path(field).asText();
            prefixes.add("${ClickBucket.Arn}/" + prefix.substring(0, prefix.indexOf('/') + 1) + "*");
        }
        String role = destination.path("RoleARN").path("Fn::GetAtt").path(0).asText();
        Set<String> objectResources = new TreeSet<>();
        for (JsonNode policy : template.properties(role).path("Policies")) {
            for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
                boolean objects = false;
                for (JsonNode action : statement.path("Action")) {
                    objects |= Set.of("s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload", "s3:*")
                            .contains(action.asText());
                }
                if (objects) {
                    statement
                            .path("Resource")
                            .forEach(r -> objectResources.add(
                                    r.has("Fn::Sub") ? r.get("Fn::Sub").asText() : r.toString()));
                }
            }
        }
        assertEquals(prefixes, objectResources, "the objects Firehose's role may write");
    }

    /** Delivery errors are logged to a log group of the stack, which the role may write to. */
    @Test
    void clickStreamLogsDeliveryErrors() {
        String stream = template.single("AWS::KinesisFirehose::DeliveryStream");
        JsonNode logging = template.properties(stream)
                .path("ExtendedS3DestinationConfiguration")
                .path("CloudWatchLoggingOptions");
        assertTrue(logging.path("Enabled").asBoolean(), "CloudWatchLoggingOptions.Enabled");
        String group = logging.path("LogGroupName").path("Ref").asText();
        assertEquals("AWS::Logs::LogGroup", template.type(group));
        String logStream = logging.path("LogStreamName").path("Ref").asText();
        assertEquals("AWS::Logs::LogStream", template.type(logStream));
        assertEquals(
                group,
                template.properties(logStream).path("LogGroupName").path("Ref").asText());
        String role = template.properties(stream)
                .path("ExtendedS3DestinationConfiguration")
                .path("RoleARN")
                .path("Fn::GetAtt")
                .path(0)
                .asText();
        assertTrue(
                template.properties(role).toString().contains("logs:PutLogEvents"),
                "the delivery role may write the log stream");
    }

    /**
     * Each endpoint has a policy that admits this account only, on the stack's resources, and allows every call
     * the VPC functions may make through it (a missing action would be refused at the endpoint, in production).
     */
    @Test
    void vpcEndpointPoliciesAllowWhatTheFunctionsCallAndNoMore() {
        Map<String, String> prefixOfService = Map.of("dynamodb", "dynamodb", "kinesis-firehose", "firehose");
        for (String endpoint : template.ofType("AWS::EC2::VPCEndpoint")) {
            String service =
                    Intrinsics.subTemplate(template.properties(endpoint).path("ServiceName"));
            String prefix = prefixOfService.get(service.substring(service.lastIndexOf('.') + 1));
            JsonNode statements =
                    template.properties(endpoint).path("PolicyDocument").path("Statement");
            assertTrue(statements.size() > 0, endpoint + " has no endpoint policy");
            Set<String> allowed = new TreeSet<>();
            for (JsonNode statement : statements) {
                assertEquals("Allow", statement.path("Effect").asText());
                assertTrue(
                        statement.path("Condition").path("StringEquals").has("aws:PrincipalAccount"),
                        endpoint + ": admit this account's principals only");
                assertFalse(statement.path("Resource").toString().contains("\"*\""), endpoint + ": every resource");
                statement.path("Action").forEach(a -> allowed.add(a.asText()));
                if (statement.path("Action").isTextual()) {
                    allowed.add(statement.path("Action").asText());
                }
            }
            Set<String> granted = new TreeSet<>();
            for (String function : template.ofType(Template.SERVERLESS_FUNCTION)) {
                if (template.functionProperty(function, "VpcConfig").isMissingNode()) {
                    continue;
                }
                for (JsonNode policy : template.properties(function).path("Policies")) {
                    for (JsonNode statement : policy.path("Statement")) {
                        JsonNode actions = statement.path("Action");
                        for (JsonNode action : actions.isArray() ? actions : List.of(actions)) {
                            if (action.asText().startsWith(prefix + ":")) {
                                granted.add(action.asText());
                            }
                        }
                    }
                }
            }
            assertEquals(granted, allowed, endpoint + " must allow exactly what the VPC functions are granted");
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    static TemplateResolver resolver(Map<String, String> parameters) {
        return TemplateResolver.withServiceSpec(template, parameters);
    }

    /** The parameters of a new VPC (which the rules require two zones for), with overrides. */
    static Map<String, String> newVpc(Map<String, String> overrides) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (template.names("Parameters").contains("AvailabilityZoneIdA")) {
            parameters.put("AvailabilityZoneIdA", CREATE_VPC_STARTING_POINT_A);
            parameters.put("AvailabilityZoneIdB", CREATE_VPC_STARTING_POINT_B);
        }
        parameters.putAll(overrides);
        return parameters;
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> changed = new HashMap<>(base);
        changed.put(name, value);
        return changed;
    }

    private static Map<String, String> stack(String name, String region, String uuid) {
        return Map.of(
                "AWS::StackName", name,
                "AWS::Region", region,
                "AWS::StackId", "arn:aws:cloudformation:" + region + ":123456789012:stack/" + name + "/" + uuid);
    }

    /** The rules whose assertions fail for these parameters (CloudFormation refuses the deploy with their text). */
    static List<String> failedRules(Map<String, String> parameters) {
        TemplateResolver resolver = resolver(parameters);
        List<String> failed = new ArrayList<>();
        template.section("Rules").properties().forEach(rule -> {
            JsonNode condition = rule.getValue().path("RuleCondition");
            if (!condition.isMissingNode() && !resolver.truth(condition)) {
                return;
            }
            for (JsonNode assertion : rule.getValue().path("Assertions")) {
                if (!resolver.truth(assertion.path("Assert"))) {
                    failed.add(rule.getKey() + ": "
                            + assertion.path("AssertDescription").asText());
                }
            }
        });
        return failed;
    }

    private static boolean conditionHolds(String resource, TemplateResolver resolver) {
        JsonNode condition = template.resource(resource).path("Condition");
        return condition.isMissingNode() || resolver.condition(condition.asText());
    }
}
