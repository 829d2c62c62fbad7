package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Application Auto Scaling of the redirect alias's provisioned concurrency. Scaling exists only where
 * there is provisioned concurrency to scale and a maximum to scale to, it scales the alias API Gateway invokes
 * (after the alias exists), tracks the documented utilisation metric, and a scheduled minimum always falls back.
 */
class ProvisionedScalingTest {

    private static final Template template = Template.load();
    private static final String TARGET = "RedirectConcurrencyTarget";
    private static final String POLICY = "RedirectConcurrencyPolicy";

    @Test
    void scalingExistsOnlyWithProvisionedConcurrencyAndAMaximum() {
        assertEquals(
                "ScalesRedirectConcurrency",
                template.resource(TARGET).path("Condition").asText());
        assertEquals(
                "ScalesRedirectConcurrency",
                template.resource(POLICY).path("Condition").asText());

        assertFalse(values(Map.of()).condition("ScalesRedirectConcurrency"), "the defaults deploy in a new account");
        assertFalse(values(Map.of("RedirectProvisionedConcurrencyMax", "50")).condition("ScalesRedirectConcurrency"));
        assertFalse(values(Map.of("RedirectProvisionedConcurrency", "5")).condition("ScalesRedirectConcurrency"));
        assertTrue(values(Map.of("RedirectProvisionedConcurrency", "5", "RedirectProvisionedConcurrencyMax", "50"))
                .condition("ScalesRedirectConcurrency"));
    }

    @Test
    void theTargetIsTheLiveAliasProvisionedConcurrency_fromTheMinimumToTheMaximum() {
        TemplateValues scaling =
                values(Map.of("RedirectProvisionedConcurrency", "5", "RedirectProvisionedConcurrencyMax", "50"));
        JsonNode target = template.properties(TARGET);

        assertEquals("lambda", target.path("ServiceNamespace").asText());
        assertEquals(
                "lambda:function:ProvisionedConcurrency",
                target.path("ScalableDimension").asText());
        String function = scaling.string(JsonNodeFactory.instance.objectNode().put("Ref", "RedirectFunction"));
        assertEquals("function:" + function + ":live", scaling.string(target.path("ResourceId")));
        assertEquals("5", scaling.string(target.path("MinCapacity")));
        assertEquals("50", scaling.string(target.path("MaxCapacity")));
        assertEquals(
                "live",
                template.properties("RedirectFunction").path("AutoPublishAlias").asText(),
                "the alias the scalable target names");
    }

    @Test
    void theTargetWaitsForTheAlias_whichSamNamesAfterTheFunctionAndAlias() {
        JsonNode dependsOn = template.resource(TARGET).path("DependsOn");
        List<String> names = new ArrayList<>();
        if (dependsOn.isArray()) {
            dependsOn.forEach(d -> names.add(d.asText()));
        } else {
            names.add(dependsOn.asText());
        }
        // SAM's AutoPublishAlias creates AWS::Lambda::Alias "<function logical id>Alias<alias name>".
        assertEquals(List.of("RedirectFunctionAliaslive"), names);
    }

    @Test
    void thePolicyTracksProvisionedConcurrencyUtilisation_atTheParametersTarget() {
        JsonNode policy = template.properties(POLICY);
        JsonNode tracking = policy.path("TargetTrackingScalingPolicyConfiguration");

        assertEquals("TargetTrackingScaling", policy.path("PolicyType").asText());
        assertEquals(TARGET, policy.path("ScalingTargetId").path("Ref").asText());
        assertEquals(
                "LambdaProvisionedConcurrencyUtilization",
                tracking.path("PredefinedMetricSpecification")
                        .path("PredefinedMetricType")
                        .asText());
        assertEquals(
                "RedirectScalingTarget",
                tracking.path("TargetValue").path("Ref").asText());
        JsonNode target = template.section("Parameters").path("RedirectScalingTarget");
        assertTrue(target.path("MinValue").asDouble() > 0
                && target.path("MaxValue").asDouble() < 1);
    }

    @Test
    void aScheduledMinimumRisesAndFallsBackToTheParameter_andNeedsAnEnd() {
        JsonNode actions = template.properties(TARGET).path("ScheduledActions").path("Fn::If");
        assertEquals("PrewarmsRedirect", actions.path(0).asText());
        JsonNode start = actions.path(1).path(0);
        JsonNode end = actions.path(1).path(1);
        assertEquals("RedirectPrewarmStart", start.path("Schedule").path("Ref").asText());
        assertEquals(
                "RedirectPrewarmMinimum",
                start.path("ScalableTargetAction")
                        .path("MinCapacity")
                        .path("Ref")
                        .asText());
        assertEquals("RedirectPrewarmEnd", end.path("Schedule").path("Ref").asText());
        assertEquals(
                "RedirectProvisionedConcurrency",
                end.path("ScalableTargetAction").path("MinCapacity").path("Ref").asText());
        assertEquals("AWS::NoValue", actions.path(2).path("Ref").asText());

        JsonNode rule = template.section("Rules").path("PrewarmNeedsAnEnd");
        assertEquals(
                "RedirectPrewarmEnd",
                rule.path("Assertions")
                        .path(0)
                        .path("Assert")
                        .path("Fn::Not")
                        .path(0)
                        .path("Fn::Equals")
                        .path(0)
                        .path("Ref")
                        .asText());
    }

    private static TemplateValues values(Map<String, String> parameters) {
        return new TemplateValues(template, parameters);
    }
}
