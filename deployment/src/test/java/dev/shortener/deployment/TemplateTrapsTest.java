package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.links.LinksTableSchema;
import dev.shortener.shortcode.BitLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** The known ways a template like this one deploys fine and then misbehaves, each pinned by a test. */
class TemplateTrapsTest {

    static final String REDIRECT = "RedirectFunction";
    static final String CREATE = "CreateFunction";
    static final String NORMALISE_ACCEPT = "NormaliseAcceptFunction";

    /** Managed CloudFront policies by id. */
    static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

    static final String ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    /** Managed origin request policies known not to forward Host. */
    private static final Set<String> MANAGED_WITHOUT_HOST = Set.of(
            ALL_VIEWER_EXCEPT_HOST,
            "acba4595-bd28-49b8-b9fe-13317c0390fa", // UserAgentRefererHeaders
            "59781a5b-3903-41f3-afcb-af62929ccde1"); // CORS-CustomOrigin

    /** DynamoDB actions that change data or tables. */
    private static final List<String> DYNAMODB_WRITES = List.of(
            "PutItem",
            "UpdateItem",
            "DeleteItem",
            "BatchWriteItem",
            "TransactWriteItems",
            "PartiQLInsert",
            "PartiQLUpdate",
            "PartiQLDelete",
            "CreateTable",
            "DeleteTable",
            "UpdateTable",
            "UpdateTimeToLive",
            "RestoreTableFromBackup",
            "RestoreTableToPointInTime",
            "ImportTable",
            "UpdateContinuousBackups");
    /** SAM policy templates that grant writes on a table. */
    private static final Set<String> SAM_WRITE_TEMPLATES = Set.of(
            "DynamoDBCrudPolicy",
            "DynamoDBWritePolicy",
            "DynamoDBRestoreFromBackupPolicy",
            "DynamoDBBackupFullAccessPolicy");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Template template = Template.load();

    // --- Lambda ---------------------------------------------------------------------------------------------

    @Test
    void noFunctionHasBothSnapStartAndProvisionedConcurrency() {
        for (String function : template.ofType(Template.SERVERLESS_FUNCTION)) {
            boolean snapStart = !"None"
                    .equals(template.functionProperty(function, "SnapStart")
                            .path("ApplyOn")
                            .asText("None"));
            boolean provisioned = !template.functionProperty(function, "ProvisionedConcurrencyConfig")
                    .isMissingNode();
            assertFalse(
                    snapStart && provisioned,
                    function + " has both SnapStart and provisioned concurrency: Lambda refuses that");
        }
    }

    @Test
    void redirectIsProvisionedAndCreateIsSnapStarted_bothThroughAnAlias() {
        assertEquals(
                "live", template.functionProperty(REDIRECT, "AutoPublishAlias").asText());
        // An !If: none when RedirectProvisionedConcurrency is 0 (DeployTrapsTest, finding 1).
        assertNotNull(template.functionProperty(REDIRECT, "ProvisionedConcurrencyConfig")
                .path("Fn::If")
                .path(1)
                .get("ProvisionedConcurrentExecutions"));
        assertEquals(
                "live",
                template.functionProperty(CREATE, "AutoPublishAlias").asText(),
                "SnapStart applies to published versions only: the create function must be invoked through an alias");
        assertEquals(
                "PublishedVersions",
                template.functionProperty(CREATE, "SnapStart").path("ApplyOn").asText());
    }

    /** An integration on the function's plain ARN would run $LATEST: no provisioned concurrency, no SnapStart. */
    @Test
    void apiIntegrationsAndPermissionsUseTheAlias() {
        for (String integration : template.ofType("AWS::ApiGatewayV2::Integration")) {
            String uri = template.properties(integration)
                    .path("IntegrationUri")
                    .path("Ref")
                    .asText();
            assertTrue(
                    uri.endsWith(".Alias"),
                    integration + " must invoke the function's alias (!Ref Function.Alias), got "
                            + template.properties(integration).path("IntegrationUri"));
            assertEquals(
                    "AWS_PROXY",
                    template.properties(integration).path("IntegrationType").asText());
            assertEquals(
                    "2.0",
                    template.properties(integration)
                            .path("PayloadFormatVersion")
                            .asText(),
                    "the handlers read API Gateway payload format 2.0");
        }
        for (String permission : template.ofType("AWS::Lambda::Permission")) {
            String function = template.properties(permission)
                    .path("FunctionName")
                    .path("Ref")
                    .asText();
            assertTrue(function.endsWith(".Alias"), permission + " must allow the alias that the API invokes");
        }
    }

    @Test
    void createConcurrencyStaysWithinHalfTheWorkerPool() {
        JsonNode reserved = template.functionProperty(CREATE, "ReservedConcurrentExecutions");
        if (reserved.has("Fn::If")) {
            reserved = reserved.get("Fn::If").get(1); // none when 0 (DeployTrapsTest, finding 1)
        }
        int cap = reserved.isNumber()
                ? reserved.asInt()
                : parameter(reserved.path("Ref").asText()).path("MaxValue").asInt(-1);
        assertTrue(cap > 0, "the create function needs a reserved concurrency with a MaxValue");
        int fewestWorkers = Integer.MAX_VALUE;
        for (int length : codeLengthsAllowed()) {
            fewestWorkers =
                    Math.min(fewestWorkers, BitLayout.forCodeLength(length).workerCount());
        }
        assertTrue(
                cap <= fewestWorkers / 2,
                "reserved concurrency " + cap + " leaves too few of " + fewestWorkers
                        + " worker ids for leases that outlive their environments");
    }

    @Test
    void everyFunctionLogsJsonToItsOwnLogGroupWithRetention_withoutLambdaPlatformLines() {
        for (String function : template.ofType(Template.SERVERLESS_FUNCTION)) {
            JsonNode logging = template.functionProperty(function, "LoggingConfig");
            assertEquals(
                    "JSON",
                    logging.path("LogFormat").asText(),
                    function + ": LogFormat JSON (level filtering needs it)");
            assertEquals(
                    "WARN",
                    logging.path("SystemLogLevel").asText(),
                    function + ": SystemLogLevel WARN drops START/END/REPORT, three lines per invocation");
            assertFalse(logging.path("ApplicationLogLevel").isMissingNode(), function + ": ApplicationLogLevel");
            String group = logging.path("LogGroup").path("Ref").asText();
            assertEquals(
                    "AWS::Logs::LogGroup",
                    template.type(group),
                    function + ": LoggingConfig.LogGroup must be a log group of this stack");
        }
        for (String group : template.ofType("AWS::Logs::LogGroup")) {
            assertFalse(
                    template.properties(group).path("RetentionInDays").isMissingNode(), group + " keeps logs forever");
        }
    }

    /** Embedded-metric lines carry no level, so Lambda files them as INFO: a higher level would drop the metrics. */
    @Test
    void applicationLogLevelCanNotDropTheEmbeddedMetrics() {
        JsonNode level = template.functionProperty(REDIRECT, "LoggingConfig").path("ApplicationLogLevel");
        List<String> allowed = new ArrayList<>();
        if (level.has("Ref")) {
            parameter(level.get("Ref").asText()).path("AllowedValues").forEach(v -> allowed.add(v.asText()));
        } else {
            allowed.add(level.asText());
        }
        for (String value : allowed) {
            assertTrue(
                    Set.of("TRACE", "DEBUG", "INFO").contains(value),
                    "ApplicationLogLevel may be " + value
                            + ", which drops the click-delivery metrics (EMF lines count as INFO)");
        }
    }

    // --- CloudFront -----------------------------------------------------------------------------------------

    @Test
    void noCloudFrontBehaviourForwardsHostToTheApiOrigin() {
        for (JsonNode behaviour : behaviours()) {
            String where = "behaviour " + behaviour.path("PathPattern").asText("(default)");
            JsonNode forwarded = behaviour.path("ForwardedValues").path("Headers");
            forwarded.forEach(h -> assertFalse(
                    h.asText().equalsIgnoreCase("Host") || h.asText().equals("*"),
                    where + " forwards " + h.asText() + " (legacy ForwardedValues)"));
            JsonNode originPolicy = behaviour.path("OriginRequestPolicyId");
            if (originPolicy.has("Ref")) {
                JsonNode headers = template.properties(originPolicy.get("Ref").asText())
                        .path("OriginRequestPolicyConfig")
                        .path("HeadersConfig");
                assertFalse(forwardsHost(headers), where + ": its origin request policy forwards Host");
            } else if (!originPolicy.isMissingNode()) {
                assertTrue(
                        MANAGED_WITHOUT_HOST.contains(originPolicy.asText()),
                        where + ": managed origin request policy " + originPolicy.asText()
                                + " isn't known to leave Host out");
            }
            JsonNode cachePolicy = behaviour.path("CachePolicyId");
            if (cachePolicy.has("Ref")) {
                JsonNode headers = template.properties(cachePolicy.get("Ref").asText())
                        .path("CachePolicyConfig")
                        .path("ParametersInCacheKeyAndForwardedToOrigin")
                        .path("HeadersConfig");
                assertFalse(forwardsHost(headers), where + ": its cache policy puts Host in the key (and forwards it)");
            }
        }
    }

    /**
     * The management API's execute-api endpoint is public: only requests carrying the secret CloudFront adds may
     * have their CloudFront-Viewer-* headers believed, so its origin sends it and the create function knows it.
     * The redirect origin is the function URL, which takes only requests the distribution signed: it sends no
     * secret, and the redirect function reads none.
     */
    @Test
    void theManagementOriginSendsTheOriginSecret_andTheRedirectOriginSignsInstead() {
        String expected = "{{resolve:secretsmanager:${OriginVerifySecret}:SecretString}}";
        JsonNode management = origin(apiBehaviour().path("TargetOriginId").asText());
        boolean sends = false;
        for (JsonNode header : management.path("OriginCustomHeaders")) {
            sends |= "X-Origin-Verify".equals(header.path("HeaderName").asText())
                    && expected.equals(
                            header.path("HeaderValue").path("Fn::Sub").asText());
        }
        assertTrue(sends, "the management origin does not send X-Origin-Verify");
        assertEquals(
                expected,
                template.environment(CREATE)
                        .get("ORIGIN_VERIFY_SECRET")
                        .path("Fn::Sub")
                        .asText(),
                "the create function does not check the origin secret");

        JsonNode redirect = redirectOrigin();
        assertTrue(
                redirect.path("OriginCustomHeaders").isMissingNode()
                        || redirect.path("OriginCustomHeaders").isEmpty(),
                "the redirect origin sends custom headers: " + redirect.path("OriginCustomHeaders"));
        assertFalse(template.environment(REDIRECT).containsKey("ORIGIN_VERIFY_SECRET"));
        String oac = redirect.path("OriginAccessControlId")
                .path("Fn::GetAtt")
                .path(0)
                .asText();
        assertEquals("AWS::CloudFront::OriginAccessControl", template.type(oac), "the redirect origin has no OAC");
        JsonNode config = template.properties(oac).path("OriginAccessControlConfig");
        assertEquals("lambda", config.path("OriginAccessControlOriginType").asText());
        assertEquals("always", config.path("SigningBehavior").asText());
        assertEquals("sigv4", config.path("SigningProtocol").asText());
    }

    /** CloudFront calls the redirect function's URL, which only IAM-signed requests may invoke. */
    @Test
    void theRedirectOriginIsTheFunctionUrlOfTheLiveAlias_withIamAuth() {
        JsonNode domain = redirectOrigin().path("DomainName").path("Fn::Select");
        assertEquals(2, domain.path(0).asInt(), "the host is the third part of https://<host>/");
        JsonNode split = domain.path(1).path("Fn::Split");
        assertEquals("/", split.path(0).asText());
        String url = split.path(1).path("Fn::GetAtt").path(0).asText();
        assertEquals("FunctionUrl", split.path(1).path("Fn::GetAtt").path(1).asText());
        assertEquals("AWS::Lambda::Url", template.type(url));
        JsonNode properties = template.properties(url);
        assertEquals("AWS_IAM", properties.path("AuthType").asText(), "anyone could call the URL directly");
        assertEquals("live", properties.path("Qualifier").asText(), "provisioned concurrency is on the alias");
        assertEquals(
                REDIRECT,
                properties.path("TargetFunctionArn").path("Fn::GetAtt").path(0).asText());
        assertEquals(List.of(url), template.ofType("AWS::Lambda::Url"));
    }

    /** No API Gateway in front of the redirect function: no integration names it. */
    @Test
    void noApiGatewayIntegrationInvokesTheRedirectFunction() {
        for (String integration : template.ofType("AWS::ApiGatewayV2::Integration")) {
            assertFalse(
                    template.properties(integration).toString().contains(REDIRECT),
                    integration + " sends requests to the redirect function");
        }
        for (String permission : template.ofType("AWS::Lambda::Permission")) {
            JsonNode properties = template.properties(permission);
            if (properties.path("FunctionName").toString().contains(REDIRECT)) {
                assertEquals(
                        "cloudfront.amazonaws.com", properties.path("Principal").asText(), permission);
            }
        }
    }

    /**
     * Both actions a function URL call needs (InvokeFunctionUrl and, since October 2025, InvokeFunction), each
     * granted to CloudFront for this distribution only, on the alias the URL points at.
     */
    @Test
    void cloudFrontMayInvokeTheRedirectUrl_forThisDistributionOnly() {
        Map<String, JsonNode> byAction = new java.util.HashMap<>();
        for (String permission : template.ofType("AWS::Lambda::Permission")) {
            JsonNode properties = template.properties(permission);
            if ("cloudfront.amazonaws.com".equals(properties.path("Principal").asText())) {
                byAction.put(properties.path("Action").asText(), properties);
            }
        }
        assertEquals(Set.of("lambda:InvokeFunctionUrl", "lambda:InvokeFunction"), byAction.keySet());
        String distributionArn = "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${Distribution}";
        for (JsonNode properties : byAction.values()) {
            assertEquals(
                    distributionArn,
                    properties.path("SourceArn").path("Fn::Sub").asText());
            assertEquals(
                    REDIRECT + ".Alias",
                    properties.path("FunctionName").path("Ref").asText());
        }
        assertEquals(
                "AWS_IAM",
                byAction.get("lambda:InvokeFunctionUrl")
                        .path("FunctionUrlAuthType")
                        .asText());
        assertTrue(
                byAction.get("lambda:InvokeFunction")
                        .path("InvokedViaFunctionUrl")
                        .asBoolean(),
                "InvokeFunction must be good for calls through the URL only");
    }

    private static JsonNode redirectOrigin() {
        return origin(distribution()
                .path("DefaultCacheBehavior")
                .path("TargetOriginId")
                .asText());
    }

    private static JsonNode origin(String id) {
        for (JsonNode origin : distribution().path("Origins")) {
            if (id.equals(origin.path("Id").asText())) {
                return origin;
            }
        }
        throw new AssertionError("no origin " + id);
    }

    @Test
    void shortCodesAreCachedByPathAndAccept_forAsLongAsTheOriginSays() {
        JsonNode defaultBehaviour = distribution().path("DefaultCacheBehavior");
        String policy = defaultBehaviour.path("CachePolicyId").path("Ref").asText();
        JsonNode config = template.properties(policy).path("CachePolicyConfig");
        assertEquals(
                0,
                config.path("DefaultTTL").asInt(-1),
                "DefaultTTL 0: a response without Cache-Control is not cached (86,400 s otherwise)");
        assertEquals(0, config.path("MinTTL").asInt(-1), "MinTTL 0: never keep a response longer than its s-maxage");
        int edgeMax = parameter("EdgeCacheSeconds").path("MaxValue").asInt();
        assertTrue(
                config.path("MaxTTL").asInt() >= edgeMax,
                "MaxTTL must not cut the s-maxage the function sends (EdgeCacheSeconds up to " + edgeMax + ")");
        JsonNode key = config.path("ParametersInCacheKeyAndForwardedToOrigin");
        assertEquals(
                "whitelist", key.path("HeadersConfig").path("HeaderBehavior").asText());
        assertEquals(
                Set.of("Accept"),
                texts(key.path("HeadersConfig").path("Headers")),
                "the key holds Accept (404/410 bodies depend on it and CloudFront ignores Vary) and no other header");
        assertEquals("none", key.path("CookiesConfig").path("CookieBehavior").asText(), "no cookies in the key");
        assertEquals(
                "all",
                key.path("QueryStringsConfig").path("QueryStringBehavior").asText(),
                "every query string in the key: a forwarding link's 302 depends on it, and only the function knows"
                        + " which links forward (a request without a query keeps the key it had)");
        assertEquals(Set.of("GET", "HEAD"), texts(defaultBehaviour.path("AllowedMethods")));
    }

    /**
     * A query can't make a forwarding link's destination longer than the create function would have accepted it:
     * the redirect's cap is the create function's.
     */
    @Test
    void theRedirectsUrlLengthCap_isTheCreateFunctionsMaxUrlLength() {
        TemplateValues values = new TemplateValues(template, Map.of());
        assertEquals(
                values.environment("CreateFunction").get(dev.shortener.create.CreateConfig.MAX_URL_LENGTH),
                values.environment(REDIRECT).get(dev.shortener.redirect.RedirectConfig.MAX_REDIRECT_URL_LENGTH));
    }

    /**
     * / and /robots.txt are served by the default behaviour: the redirect function's URL, with the short codes' policies,
     * so the edge keeps them for the s-maxage the function sends.
     */
    @Test
    void theRootAndRobotsTxt_reachTheRedirectFunction_throughTheDefaultBehaviour() {
        for (JsonNode behaviour : distribution().path("CacheBehaviors")) {
            String pattern = behaviour.path("PathPattern").asText();
            assertFalse(
                    pattern.equals("/") || pattern.equals("/robots.txt") || pattern.equals("/*"),
                    "a behaviour of its own for " + pattern + " would need its own checks");
        }
    }

    /**
     * Accept in the key is only safe normalised: browsers, libraries and versions send hundreds of different
     * values, and each would be a cache entry (and an origin request) of its own. The function that normalises it
     * must run before the cache look-up (viewer request) on short codes; /api/* is never cached and reads Accept as
     * sent. AcceptNormalisationTest checks what the function does.
     */
    @Test
    void acceptIsNormalisedBeforeTheCacheLookUp_onShortCodesOnly() {
        JsonNode associations = distribution().path("DefaultCacheBehavior").path("FunctionAssociations");
        assertEquals(1, associations.size(), "one function on the default behaviour: " + associations);
        assertEquals("viewer-request", associations.get(0).path("EventType").asText());
        JsonNode arn = associations.get(0).path("FunctionARN").path("Fn::GetAtt");
        assertEquals("FunctionARN", arn.path(1).asText(), "the function's ARN (GetAtt Function.FunctionARN)");
        String function = arn.path(0).asText();
        assertEquals(NORMALISE_ACCEPT, function);
        assertEquals("AWS::CloudFront::Function", template.type(function));
        JsonNode properties = template.properties(function);
        assertEquals(
                "cloudfront-js-2.0",
                properties.path("FunctionConfig").path("Runtime").asText());
        assertTrue(
                properties.path("AutoPublish").asBoolean(), "AutoPublish: a distribution can only use the LIVE stage");
        for (JsonNode behaviour : behaviours()) {
            if (!behaviour.path("PathPattern").isMissingNode()) {
                String pattern = behaviour.path("PathPattern").asText();
                // The console's behaviours have a function of their own (the index rewrite); none normalises Accept.
                assertTrue(
                        behaviour.path("FunctionAssociations").isMissingNode()
                                || (pattern.startsWith("/console")
                                        && !behaviour
                                                .path("FunctionAssociations")
                                                .toString()
                                                .contains(NORMALISE_ACCEPT)),
                        pattern + " must see Accept as the client sent it");
            }
            assertTrue(behaviour.path("LambdaFunctionAssociations").isMissingNode(), "no Lambda@Edge");
        }
    }

    /**
     * A CloudFront function name is unique per account and may have 64 characters of [a-zA-Z0-9-_]; a stack name
     * may have 128, so the name is derived from the stack's id.
     */
    @Test
    void normaliseAcceptFunctionNameFits_forTheLongestStackName() {
        String stackName = "s" + "-long".repeat(25) + "-x";
        assertEquals(128, stackName.length());
        String uuid = "0e8f3a10-1234-4abc-8def-0123456789ab";
        TemplateValues values = new TemplateValues(
                template,
                Map.of(
                        "AWS::StackName",
                        stackName,
                        "AWS::StackId",
                        "arn:aws:cloudformation:eu-west-1:123456789012:stack/" + stackName + "/" + uuid));
        String name = values.string(template.properties(NORMALISE_ACCEPT).path("Name"));
        assertTrue(name.matches("[a-zA-Z0-9-_]{1,64}"), "not a valid CloudFront function name: " + name);
        assertTrue(name.contains(uuid), "unique per stack: " + name);
    }

    /**
     * What the redirect function reads reaches it. Headers in the cache key reach the origin with it; the origin
     * request policy adds the rest and, as CloudFront's documentation puts it, is for values not in the cache key,
     * so it names none of the key's headers.
     */
    @Test
    void shortCodeRequestsCarryWhatTheClickEventAndNegotiationNeed() {
        JsonNode defaultBehaviour = distribution().path("DefaultCacheBehavior");
        String policy =
                defaultBehaviour.path("OriginRequestPolicyId").path("Ref").asText();
        JsonNode headers =
                template.properties(policy).path("OriginRequestPolicyConfig").path("HeadersConfig");
        assertEquals("whitelist", headers.path("HeaderBehavior").asText());
        Set<String> inKey = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        inKey.addAll(texts(template.properties(
                        defaultBehaviour.path("CachePolicyId").path("Ref").asText())
                .path("CachePolicyConfig")
                .path("ParametersInCacheKeyAndForwardedToOrigin")
                .path("HeadersConfig")
                .path("Headers")));
        Set<String> forwarded = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        forwarded.addAll(texts(headers.path("Headers")));
        for (String header : forwarded) {
            assertFalse(inKey.contains(header), header + " is in the cache key already: leave it out of " + policy);
        }
        forwarded.addAll(inKey);
        for (String needed :
                List.of("CloudFront-Viewer-Country", "CloudFront-Viewer-Address", "User-Agent", "Referer", "Accept")) {
            assertTrue(forwarded.contains(needed), "the redirect function reads " + needed);
        }
    }

    /**
     * /api/*: never cached, and the viewer's address comes from CloudFront (the create function's per-address
     * limits read it). The managed AllViewerExceptHostHeader policy forwards viewer headers only, never the ones
     * CloudFront adds, so the policy is the template's own; FunctionWiringTest checks it carries every header the
     * management API reads.
     */
    @Test
    void apiRequestsAreNeverCachedAndCarryTheViewersAddress() {
        JsonNode api = apiBehaviour();
        assertEquals(CACHING_DISABLED, api.path("CachePolicyId").asText());
        JsonNode headers = template.properties(
                        api.path("OriginRequestPolicyId").path("Ref").asText())
                .path("OriginRequestPolicyConfig")
                .path("HeadersConfig");
        assertEquals("whitelist", headers.path("HeaderBehavior").asText());
        assertTrue(texts(headers.path("Headers")).contains("CloudFront-Viewer-Address"));
        assertTrue(texts(api.path("AllowedMethods")).containsAll(Set.of("POST", "PATCH", "DELETE", "GET")));
    }

    static JsonNode apiBehaviour() {
        return behaviours().stream()
                .filter(b -> "/api/*".equals(b.path("PathPattern").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no /api/* behaviour"));
    }

    @Test
    void viewersUseHttpsOnly() {
        for (JsonNode behaviour : behaviours()) {
            assertTrue(Set.of("redirect-to-https", "https-only")
                    .contains(behaviour.path("ViewerProtocolPolicy").asText()));
        }
        for (JsonNode origin : distribution().path("Origins")) {
            if (origin.has("S3OriginConfig")) {
                continue; // CloudFront reaches an S3 REST origin in the viewer's protocol: HTTPS, by the loop above
            }
            assertEquals(
                    "https-only",
                    origin.path("CustomOriginConfig")
                            .path("OriginProtocolPolicy")
                            .asText(),
                    origin.path("Id").asText());
        }
    }

    @Test
    void cloudFrontRoutesTheApiToTheManagementApi() {
        JsonNode management = origin(apiBehaviour().path("TargetOriginId").asText());
        String domain = Intrinsics.subTemplate(management.path("DomainName"));
        assertNotNull(domain, "the management origin must be an API's execute-api domain");
        assertEquals(
                Set.of("ANY /api/{proxy+}"),
                routesOf(Intrinsics.subVariables(domain).get(0)));
    }

    // --- IAM ------------------------------------------------------------------------------------------------

    @Test
    void redirectFunctionCanReadTheLinksTableButNotWriteIt() {
        assertTrue(
                template.properties(REDIRECT).path("Role").isMissingNode(),
                "a Role of its own would need its own check");
        List<String> actions = new ArrayList<>();
        for (JsonNode policy : template.properties(REDIRECT).path("Policies")) {
            if (policy.isTextual()) {
                fail("managed policy " + policy.asText() + " on the redirect function: grant actions explicitly");
            }
            policy.fieldNames().forEachRemaining(name -> {
                if (SAM_WRITE_TEMPLATES.contains(name)) {
                    fail("SAM policy template " + name + " lets the redirect function write the table");
                }
            });
            policy.path("Statement").forEach(statement -> actions.addAll(allowedActions(statement)));
        }
        for (String attached : attachedPolicies(REDIRECT + "Role")) {
            template.properties(attached)
                    .path("PolicyDocument")
                    .path("Statement")
                    .forEach(statement -> actions.addAll(allowedActions(statement)));
        }
        for (String action : actions) {
            for (String write : DYNAMODB_WRITES) {
                assertFalse(
                        grants(action, "dynamodb:" + write),
                        "the redirect function may " + write + " (" + action + ")");
            }
        }
        assertTrue(actions.contains("dynamodb:GetItem"), "the redirect function reads links with GetItem");
    }

    // --- Data -----------------------------------------------------------------------------------------------

    @Test
    void linksTableIsTheOneLinksTableSchemaDescribes() throws Exception {
        String table = template.single("AWS::DynamoDB::Table");
        JsonNode properties = template.properties(table);
        CreateTableRequest expected = LinksTableSchema.createTableRequest("any");
        assertEquals(
                JSON.readTree(JSON.writeValueAsString(expected.keySchema().stream()
                        .map(k -> Map.of("AttributeName", k.attributeName(), "KeyType", k.keyTypeAsString()))
                        .toList())),
                properties.path("KeySchema"));
        assertEquals(
                JSON.readTree(JSON.writeValueAsString(expected.attributeDefinitions().stream()
                        .map(a ->
                                Map.of("AttributeName", a.attributeName(), "AttributeType", a.attributeTypeAsString()))
                        .toList())),
                properties.path("AttributeDefinitions"));
        assertEquals(
                JSON.readTree(JSON.writeValueAsString(expected.globalSecondaryIndexes().stream()
                        .map(index -> Map.of(
                                "IndexName",
                                index.indexName(),
                                "KeySchema",
                                index.keySchema().stream()
                                        .map(k -> Map.of(
                                                "AttributeName", k.attributeName(), "KeyType", k.keyTypeAsString()))
                                        .toList(),
                                "Projection",
                                Map.of("ProjectionType", index.projection().projectionTypeAsString())))
                        .toList())),
                properties.path("GlobalSecondaryIndexes"),
                "the owner index, as LinksTableSchema declares it");
        assertEquals(
                expected.billingModeAsString(), properties.path("BillingMode").asText());
        assertEquals(
                LinksTableSchema.TTL_ATTRIBUTE,
                properties.path("TimeToLiveSpecification").path("AttributeName").asText());
        assertTrue(properties.path("TimeToLiveSpecification").path("Enabled").asBoolean());
        assertTrue(properties
                .path("PointInTimeRecoverySpecification")
                .path("PointInTimeRecoveryEnabled")
                .asBoolean());
        assertEquals(
                "RetainExceptOnCreate",
                template.resource(table).path("DeletionPolicy").asText(),
                "deleting the stack must not delete every link");
    }

    @Test
    void clickBucketIsPrivateEncryptedTlsOnlyAndExpires() {
        String bucket = "ClickBucket";
        JsonNode properties = template.properties(bucket);
        properties.path("PublicAccessBlockConfiguration").forEach(flag -> assertTrue(flag.asBoolean()));
        assertEquals(4, properties.path("PublicAccessBlockConfiguration").size());
        assertFalse(properties
                .path("BucketEncryption")
                .path("ServerSideEncryptionConfiguration")
                .isEmpty());
        assertFalse(properties.path("LifecycleConfiguration").path("Rules").isEmpty());
        String policy = "ClickBucketPolicy";
        JsonNode statement = template.properties(policy)
                .path("PolicyDocument")
                .path("Statement")
                .get(0);
        assertEquals("Deny", statement.path("Effect").asText());
        assertEquals(
                "false",
                statement
                        .path("Condition")
                        .path("Bool")
                        .path("aws:SecureTransport")
                        .asText());
    }

    // --- Network --------------------------------------------------------------------------------------------

    /** Inside a VPC without a NAT, every AWS service a function calls needs an endpoint. */
    @Test
    void functionsInTheVpcReachEveryServiceTheyCallThroughAnEndpoint() {
        Map<String, String> endpointOfService = Map.of(
                "dynamodb",
                "dynamodb",
                "firehose",
                "kinesis-firehose",
                "s3",
                "s3",
                "sqs",
                "sqs",
                "sns",
                "sns",
                "secretsmanager",
                "secretsmanager",
                "ssm",
                "ssm",
                "kms",
                "kms",
                "cloudwatch",
                "monitoring");
        Set<String> endpoints = new TreeSet<>();
        for (String endpoint : template.ofType("AWS::EC2::VPCEndpoint")) {
            String service =
                    Intrinsics.subTemplate(template.properties(endpoint).path("ServiceName"));
            endpoints.add(service.substring(service.lastIndexOf('.') + 1));
            if ("Interface"
                    .equals(template.properties(endpoint)
                            .path("VpcEndpointType")
                            .asText())) {
                assertTrue(
                        template.properties(endpoint).path("PrivateDnsEnabled").asBoolean(),
                        endpoint + ": without private DNS the SDK's default endpoint goes nowhere");
            }
        }
        for (String function : template.ofType(Template.SERVERLESS_FUNCTION)) {
            if (template.functionProperty(function, "VpcConfig").isMissingNode()) {
                continue;
            }
            for (String service : servicesCalled(function)) {
                String endpoint = endpointOfService.get(service);
                assertNotNull(endpoint, function + " calls " + service + ": add it to this test's endpoint map");
                assertTrue(
                        endpoints.contains(endpoint),
                        function + " is in the VPC and calls " + service
                                + ", which has no VPC endpoint (and there is no NAT)");
            }
        }
    }

    @Test
    void cacheAdmitsOnlyTheFunctionsOnItsPorts() {
        String cache = template.single("AWS::ElastiCache::ServerlessCache");
        String cacheGroup = template.properties(cache)
                .path("SecurityGroupIds")
                .get(0)
                .path("Fn::GetAtt")
                .path(0)
                .asText();
        assertTrue(
                template.properties(cacheGroup).path("SecurityGroupIngress").isMissingNode(),
                "ingress only as separate rules below");
        int rules = 0;
        for (String ingress : template.ofType("AWS::EC2::SecurityGroupIngress")) {
            JsonNode rule = template.properties(ingress);
            if (!cacheGroup.equals(
                    rule.path("GroupId").path("Fn::GetAtt").path(0).asText())) {
                continue;
            }
            rules++;
            assertTrue(
                    rule.path("CidrIp").isMissingNode() && rule.path("CidrIpv6").isMissingNode(),
                    ingress + " admits an address range");
            String source = rule.path("SourceSecurityGroupId")
                    .path("Fn::GetAtt")
                    .path(0)
                    .asText();
            for (String function : template.ofType(Template.SERVERLESS_FUNCTION)) {
                JsonNode groups =
                        template.functionProperty(function, "VpcConfig").path("SecurityGroupIds");
                groups.forEach(
                        g -> assertEquals(source, g.path("Fn::GetAtt").path(0).asText()));
            }
            assertTrue(
                    rule.path("FromPort").asInt() >= 6379 && rule.path("ToPort").asInt() <= 6380,
                    ingress + " opens more than 6379-6380");
        }
        assertTrue(rules > 0, "nothing may reach the cache");
    }

    // --- API Gateway ----------------------------------------------------------------------------------------

    @Test
    void everyStageIsThrottled_andTheManagementApiLogsAccessWithoutAddresses() {
        for (String stage : template.ofType("AWS::ApiGatewayV2::Stage")) {
            JsonNode settings = template.properties(stage).path("DefaultRouteSettings");
            assertFalse(settings.path("ThrottlingRateLimit").isMissingNode(), stage + " has no rate limit");
            assertFalse(settings.path("ThrottlingBurstLimit").isMissingNode(), stage + " has no burst limit");
            List<JsonNode> accessLogs = new ArrayList<>();
            JsonNode access = template.properties(stage).path("AccessLogSettings");
            if (access.has("Fn::If")) {
                accessLogs.add(access.get("Fn::If").get(1));
                accessLogs.add(access.get("Fn::If").get(2));
            } else {
                accessLogs.add(access);
            }
            for (JsonNode settingsOrNone : accessLogs) {
                if (settingsOrNone.has("Format")) {
                    String format = settingsOrNone.get("Format").asText();
                    assertFalse(format.contains("$context.identity.sourceIp"), stage + " logs full client addresses");
                    try {
                        JSON.readTree(format);
                    } catch (Exception e) {
                        fail(stage + ": the access log format is not JSON: " + e.getMessage());
                    }
                }
            }
        }
        String managementStage = template.ofType("AWS::ApiGatewayV2::Stage").stream()
                .filter(s -> routesOf(
                                template.properties(s).path("ApiId").path("Ref").asText())
                        .contains("ANY /api/{proxy+}"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                template.properties(managementStage).path("AccessLogSettings").has("DestinationArn"),
                "the management API always writes access logs");
    }

    // --- Names ----------------------------------------------------------------------------------------------

    /**
     * A literal physical name makes a second stack in the same account (or a replacement) fail. Names are left
     * to CloudFormation, or derived from the stack's name or id where a type requires one.
     */
    @Test
    void noHardCodedPhysicalNames() {
        Map<String, String> nameProperty = Map.ofEntries(
                Map.entry(Template.SERVERLESS_FUNCTION, "FunctionName"),
                Map.entry("AWS::Lambda::Function", "FunctionName"),
                Map.entry("AWS::DynamoDB::Table", "TableName"),
                Map.entry("AWS::S3::Bucket", "BucketName"),
                Map.entry("AWS::KinesisFirehose::DeliveryStream", "DeliveryStreamName"),
                Map.entry("AWS::Logs::LogGroup", "LogGroupName"),
                Map.entry("AWS::SQS::Queue", "QueueName"),
                Map.entry("AWS::SNS::Topic", "TopicName"),
                Map.entry("AWS::IAM::Role", "RoleName"),
                Map.entry("AWS::SecretsManager::Secret", "Name"),
                Map.entry("AWS::ElastiCache::ServerlessCache", "ServerlessCacheName"),
                Map.entry("AWS::Athena::WorkGroup", "Name"),
                Map.entry("AWS::Glue::Database", "DatabaseInput/Name"),
                Map.entry("AWS::CloudFront::CachePolicy", "CachePolicyConfig/Name"),
                Map.entry("AWS::CloudFront::OriginRequestPolicy", "OriginRequestPolicyConfig/Name"),
                Map.entry("AWS::CloudFront::Function", "Name"),
                Map.entry("AWS::ApiGatewayV2::Api", "Name"),
                Map.entry("AWS::EC2::SecurityGroup", "GroupName"),
                Map.entry("AWS::CloudWatch::Alarm", "AlarmName"));
        List<String> problems = new ArrayList<>();
        template.resources().forEach((id, resource) -> {
            String property = nameProperty.get(resource.path("Type").asText());
            if (property == null) {
                return;
            }
            JsonNode name = resource.path("Properties").at("/" + property);
            if (!name.isMissingNode() && !name.toString().matches(".*AWS::Stack(Name|Id).*")) {
                problems.add(id + "." + property.replace('/', '.') + " = " + name
                        + " (derive it from AWS::StackName or leave it out)");
            }
        });
        assertEquals(List.of(), problems);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    static JsonNode distribution() {
        return template.properties(template.single("AWS::CloudFront::Distribution"))
                .path("DistributionConfig");
    }

    static List<JsonNode> behaviours() {
        List<JsonNode> all = new ArrayList<>();
        all.add(distribution().path("DefaultCacheBehavior"));
        distribution().path("CacheBehaviors").forEach(all::add);
        return all;
    }

    private static Set<String> routesOf(String api) {
        Set<String> routes = new TreeSet<>();
        for (String route : template.ofType("AWS::ApiGatewayV2::Route")) {
            if (api.equals(template.properties(route).path("ApiId").path("Ref").asText())) {
                routes.add(template.properties(route).path("RouteKey").asText());
            }
        }
        return routes;
    }

    private static boolean forwardsHost(JsonNode headersConfig) {
        String behaviour = headersConfig.path("HeaderBehavior").asText("none");
        Set<String> headers = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        headers.addAll(texts(headersConfig.path("Headers")));
        return switch (behaviour) {
            case "none" -> false;
            case "whitelist" -> headers.contains("Host");
            case "allExcept" -> !headers.contains("Host");
            default -> true; // allViewer, allViewerAndWhitelistCloudFront
        };
    }

    static Set<String> texts(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static JsonNode parameter(String name) {
        JsonNode parameter = template.section("Parameters").path(name);
        assertFalse(parameter.isMissingNode(), "no parameter " + name);
        return parameter;
    }

    private static List<Integer> codeLengthsAllowed() {
        JsonNode length = template.environment(CREATE).get("SHORTCODE_LENGTH");
        List<Integer> lengths = new ArrayList<>();
        if (length != null && length.has("Ref")) {
            parameter(length.get("Ref").asText()).path("AllowedValues").forEach(v -> lengths.add(v.asInt()));
        } else {
            lengths.add(length == null ? 7 : length.asInt());
        }
        return lengths;
    }

    private static List<String> allowedActions(JsonNode statement) {
        List<String> actions = new ArrayList<>();
        if (!"Allow".equals(statement.path("Effect").asText())) {
            return actions;
        }
        JsonNode action = statement.path("Action");
        if (action.isArray()) {
            action.forEach(a -> actions.add(a.asText()));
        } else if (action.isTextual()) {
            actions.add(action.asText());
        }
        assertTrue(statement.path("NotAction").isMissingNode(), "NotAction grants too much to check");
        return actions;
    }

    /** Whether an IAM action pattern (with * and ?) grants {@code action}. */
    static boolean grants(String pattern, String action) {
        String regex = Pattern.quote(pattern.toLowerCase(Locale.ROOT))
                .replace("*", "\\E.*\\Q")
                .replace("?", "\\E.\\Q");
        return action.toLowerCase(Locale.ROOT).matches(regex);
    }

    /** AWS::IAM::Policy resources attached to a role (by Ref). */
    private static List<String> attachedPolicies(String role) {
        List<String> policies = new ArrayList<>();
        for (String policy : template.ofType("AWS::IAM::Policy")) {
            template.properties(policy).path("Roles").forEach(r -> {
                if (role.equals(r.path("Ref").asText())) {
                    policies.add(policy);
                }
            });
        }
        return policies;
    }

    /** The AWS services whose APIs a function's policies allow (the prefix of each action). */
    private static Set<String> servicesCalled(String function) {
        Set<String> services = new TreeSet<>();
        for (JsonNode policy : template.properties(function).path("Policies")) {
            policy.fieldNames().forEachRemaining(name -> {
                if (name.startsWith("DynamoDB")) {
                    services.add("dynamodb");
                } else if (name.startsWith("S3")) {
                    services.add("s3");
                } else if (name.startsWith("SQS")) {
                    services.add("sqs");
                } else if (name.startsWith("Firehose")) {
                    services.add("firehose");
                } else if (!name.equals("Statement") && !name.equals("Version")) {
                    fail(function + ": unknown SAM policy template " + name
                            + ": teach this test which service it calls");
                }
            });
            policy.path("Statement")
                    .forEach(statement -> allowedActions(statement)
                            .forEach(action -> services.add(action.substring(0, action.indexOf(':')))));
        }
        return services;
    }
}
