package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortener.console.ConsoleAssets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console in the stack: a private bucket that only this distribution reads (OAC of type s3, a bucket policy
 * bound to the distribution's ARN), the origin and the {@code /console} behaviours, the cache policy that lets each
 * object's Cache-Control rule, the response headers policy with the same headers the local runner sends
 * ({@link ConsoleAssets}), the function that maps {@code /console/} to its index, and the publisher that copies the
 * files. The resources' schemas are checked with every other resource's by {@link TemplateSchemaTest}.
 */
class ConsoleDistributionTest {

    private static final String BUCKET = "ConsoleBucket";
    private static final String ORIGIN = "console-bucket";
    private static final CloudFrontFunctionHarness NODE = new CloudFrontFunctionHarness("node");

    private final Template template = Template.load();

    @Test
    void theBucketIsPrivate_encrypted_andOwnedByTheAccount() {
        JsonNode bucket = template.properties(BUCKET);

        JsonNode block = bucket.path("PublicAccessBlockConfiguration");
        for (String setting :
                List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertTrue(block.path(setting).asBoolean(), setting);
        }
        assertEquals(
                "AES256",
                bucket.at(
                                "/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm")
                        .asText());
        assertEquals(
                "BucketOwnerEnforced",
                bucket.at("/OwnershipControls/Rules/0/ObjectOwnership").asText());
        assertFalse(bucket.has("WebsiteConfiguration"), "no website endpoint: CloudFront reads it through the OAC");
    }

    @Test
    void onlyThisDistribution_readsTheConsolesObjects_throughAnOacOfTypeS3() {
        JsonNode oac = template.properties("ConsoleOriginAccessControl").path("OriginAccessControlConfig");
        assertEquals("s3", oac.path("OriginAccessControlOriginType").asText());
        assertEquals("always", oac.path("SigningBehavior").asText());
        assertEquals("sigv4", oac.path("SigningProtocol").asText());

        JsonNode policy = template.properties("ConsoleBucketPolicy");
        assertEquals(BUCKET, policy.path("Bucket").path("Ref").asText());
        List<JsonNode> allows = new ArrayList<>();
        policy.path("PolicyDocument").path("Statement").forEach(statement -> {
            if (statement.path("Effect").asText().equals("Allow")) {
                allows.add(statement);
            }
        });
        assertEquals(1, allows.size(), "one grant: CloudFront's");
        JsonNode grant = allows.get(0);
        assertEquals(
                "cloudfront.amazonaws.com",
                grant.path("Principal").path("Service").asText());
        assertEquals("s3:GetObject", grant.path("Action").asText());
        assertEquals(
                "${ConsoleBucket.Arn}/console/*",
                grant.path("Resource").path("Fn::Sub").asText());
        assertEquals(
                "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${Distribution}",
                grant.path("Condition")
                        .path("StringEquals")
                        .path("AWS:SourceArn")
                        .path("Fn::Sub")
                        .asText());
    }

    @Test
    void theOrigin_isTheBucketsRegionalEndpoint_signedByTheOac() {
        JsonNode origin = origin();

        assertEquals(
                BUCKET + ".RegionalDomainName",
                origin.path("DomainName").path("Fn::GetAtt").get(0).asText() + "."
                        + origin.path("DomainName").path("Fn::GetAtt").get(1).asText());
        assertEquals(
                "ConsoleOriginAccessControl",
                origin.path("OriginAccessControlId").path("Fn::GetAtt").get(0).asText());
        assertEquals(
                "",
                origin.path("S3OriginConfig").path("OriginAccessIdentity").asText("missing"),
                "an OAC, not a legacy OAI");
        assertFalse(origin.has("CustomOriginConfig"));
    }

    @Test
    void consolePaths_goToTheBucket_withTheConsolesPolicies_afterTheApi() {
        List<String> patterns = new ArrayList<>();
        TemplateTrapsTest.distribution()
                .path("CacheBehaviors")
                .forEach(b -> patterns.add(b.path("PathPattern").asText()));
        assertTrue(patterns.indexOf("/console") > patterns.indexOf("/api/*"), patterns.toString());

        for (String pattern : List.of("/console", "/console/*")) {
            JsonNode behaviour = behaviour(pattern);
            assertEquals(ORIGIN, behaviour.path("TargetOriginId").asText(), pattern);
            assertEquals(
                    "redirect-to-https", behaviour.path("ViewerProtocolPolicy").asText(), pattern);
            assertEquals(List.of("GET", "HEAD"), texts(behaviour.path("AllowedMethods")), pattern);
            assertEquals(
                    "ConsoleCachePolicy",
                    behaviour.path("CachePolicyId").path("Ref").asText(),
                    pattern);
            assertEquals(
                    "ConsoleResponseHeadersPolicy",
                    behaviour.path("ResponseHeadersPolicyId").path("Ref").asText(),
                    pattern);
            JsonNode function = behaviour.path("FunctionAssociations").get(0);
            assertEquals("viewer-request", function.path("EventType").asText(), pattern);
            assertEquals(
                    "ConsoleIndexFunction",
                    function.path("FunctionARN").path("Fn::GetAtt").get(0).asText(),
                    pattern);
            assertTrue(behaviour.path("Compress").asBoolean(), pattern + ": JS and CSS are sent compressed");
        }
    }

    /** CloudFront keeps an object for its max-age when that lies between MinTTL and MaxTTL. */
    @Test
    void theCachePolicy_letsEachObjectsCacheControlRule() {
        JsonNode config = template.properties("ConsoleCachePolicy").path("CachePolicyConfig");
        long longest = Long.parseLong(ConsoleAssets.LONG_CACHE.replaceAll(".*max-age=(\\d+).*", "$1"));

        assertEquals(0, config.path("MinTTL").asLong(), "no-cache on index.html is honoured (revalidated)");
        assertTrue(config.path("MaxTTL").asLong() >= longest, "hashed assets are kept for their year");
        JsonNode key = config.path("ParametersInCacheKeyAndForwardedToOrigin");
        assertEquals("none", key.at("/CookiesConfig/CookieBehavior").asText());
        assertEquals("none", key.at("/HeadersConfig/HeaderBehavior").asText());
        assertEquals("none", key.at("/QueryStringsConfig/QueryStringBehavior").asText());
        assertEquals(ConsoleAssets.NO_CACHE, ConsoleAssets.cacheControl("index.html"));
        assertEquals(ConsoleAssets.LONG_CACHE, ConsoleAssets.cacheControl("app-KHW3TFAC.js"));
    }

    @Test
    void theResponseHeadersPolicy_sendsTheHeadersTheLocalRunnerSends() {
        JsonNode security = template.properties("ConsoleResponseHeadersPolicy")
                .path("ResponseHeadersPolicyConfig")
                .path("SecurityHeadersConfig");
        Map<String, String> expected = ConsoleAssets.fromClasspath().securityHeaders();

        String csp = security.path("ContentSecurityPolicy")
                .path("ContentSecurityPolicy")
                .asText();
        assertEquals(expected.get("Content-Security-Policy"), csp);
        assertTrue(csp.startsWith("default-src 'self';") && !csp.contains("unsafe") && !csp.contains("http"), csp);
        assertEquals(
                expected.get("X-Frame-Options"),
                security.path("FrameOptions").path("FrameOption").asText());
        assertEquals(
                expected.get("Referrer-Policy"),
                security.path("ReferrerPolicy").path("ReferrerPolicy").asText());
        assertEquals("nosniff", expected.get("X-Content-Type-Options"));
        assertTrue(security.has("ContentTypeOptions"));
        assertTrue(security.path("StrictTransportSecurity")
                        .path("AccessControlMaxAgeSec")
                        .asLong()
                >= 31_536_000);
        security.fields()
                .forEachRemaining(header -> assertTrue(
                        header.getValue().path("Override").asBoolean(), header.getKey() + " overrides what S3 sends"));
    }

    @Test
    void theFunction_sendsConsoleToConsoleSlash_andServesTheIndexForTheFolder() {
        String code =
                template.properties("ConsoleIndexFunction").path("FunctionCode").asText();

        JsonNode bare = NODE.viewerRequests(code, List.of("text/html"), null, "/console")
                .get(0);
        JsonNode folder = NODE.viewerRequests(code, List.of("text/html"), null, "/console/")
                .get(0);
        JsonNode asset = NODE.viewerRequests(code, List.of("*/*"), null, "/console/app-KHW3TFAC.js")
                .get(0);

        assertEquals(301, bare.path("statusCode").asInt());
        assertEquals("/console/", bare.at("/headers/location/value").asText());
        assertEquals("/console/index.html", folder.path("uri").asText());
        assertEquals("/console/app-KHW3TFAC.js", asset.path("uri").asText());
    }

    @Test
    void thePublisher_copiesThisBuildIntoTheBucket_onEveryNewBuild_andMayWriteOnlyThere() {
        JsonNode files = template.properties("ConsoleFiles");
        assertEquals(
                "Custom::ConsoleFiles",
                template.resource("ConsoleFiles").path("Type").asText());
        assertEquals(BUCKET, files.path("Bucket").path("Ref").asText());
        assertEquals(
                "ConsolePublisherFunction.Alias",
                files.path("ServiceToken").path("Ref").asText());
        assertEquals(
                "ConsolePublisherFunction.Version",
                files.path("Build").path("Ref").asText(),
                "a new package is a new version, so the resource is updated and publishes");

        JsonNode function = template.properties("ConsolePublisherFunction");
        assertEquals("live", function.path("AutoPublishAlias").asText());
        assertEquals(
                "dev.shortener.console.publisher.PublisherHandler::handleRequest",
                function.path("Handler").asText());
        JsonNode statements = function.path("Policies").get(0).path("Statement");
        List<String> resources = new ArrayList<>();
        statements.forEach(statement -> {
            JsonNode resource = statement.path("Resource");
            resources.add(resource.has("Fn::Sub") ? resource.path("Fn::Sub").asText() : resource.toString());
        });
        assertEquals(
                List.of("${ConsoleBucket.Arn}/console/*", "{\"Fn::GetAtt\":[\"ConsoleBucket\",\"Arn\"]}"), resources);
        assertTrue(ConsoleAssets.fromClasspath().files().contains("index.html"), "the package carries the console");
    }

    private JsonNode origin() {
        for (JsonNode origin : TemplateTrapsTest.distribution().path("Origins")) {
            if (origin.path("Id").asText().equals(ORIGIN)) {
                return origin;
            }
        }
        throw new AssertionError("no origin " + ORIGIN);
    }

    private static JsonNode behaviour(String pattern) {
        for (JsonNode behaviour : TemplateTrapsTest.distribution().path("CacheBehaviors")) {
            if (behaviour.path("PathPattern").asText().equals(pattern)) {
                return behaviour;
            }
        }
        throw new AssertionError("no behaviour " + pattern);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
