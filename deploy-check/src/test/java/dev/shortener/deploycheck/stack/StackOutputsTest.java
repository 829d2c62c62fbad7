package dev.shortener.deploycheck.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * The real CloudFormation client against a loopback endpoint speaking its query protocol (a form-encoded
 * {@code Action=DescribeStacks}, answered with DescribeStacks' XML as in the CloudFormation API reference).
 */
class StackOutputsTest {

    private static final String ANSWER = """
            <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
              <DescribeStacksResult>
                <Stacks>
                  <member>
                    <StackName>url-shortener</StackName>
                    <StackId>arn:aws:cloudformation:eu-west-1:123456789012:stack/url-shortener/1c2fa620-982a-11e3-aff7-50e2416294e0</StackId>
                    <CreationTime>2026-12-01T10:00:00Z</CreationTime>
                    <StackStatus>CREATE_COMPLETE</StackStatus>
                    <Outputs>
                      <member><OutputKey>ShortLinkBaseUrl</OutputKey><OutputValue>https://d111.cloudfront.net</OutputValue></member>
                      <member><OutputKey>AthenaWorkGroup</OutputKey><OutputValue>url-shortener-analytics</OutputValue></member>
                    </Outputs>
                    <Parameters>
                      <member><ParameterKey>EdgeCacheSeconds</ParameterKey><ParameterValue>60</ParameterValue></member>
                    </Parameters>
                  </member>
                </Stacks>
              </DescribeStacksResult>
              <ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>
            </DescribeStacksResponse>
            """;

    @Test
    void describe_readsTheOutputsAndParameters_ofTheNamedStack() throws Exception {
        List<String> forms = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            forms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (CloudFormationClient client = CloudFormationClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .build()) {

            StackFacts facts = StackOutputs.describe(client, "url-shortener");

            assertEquals("url-shortener", facts.stackName());
            assertEquals(
                    Map.of(
                            StackOutputs.SHORT_LINK_BASE_URL, "https://d111.cloudfront.net",
                            StackOutputs.ATHENA_WORKGROUP, "url-shortener-analytics"),
                    facts.outputs());
            assertEquals(Map.of(StackOutputs.EDGE_CACHE_SECONDS, "60"), facts.parameters());
            assertTrue(
                    forms.get(0).contains("Action=DescribeStacks")
                            && forms.get(0).contains("StackName=url-shortener"),
                    forms.get(0));
        } finally {
            server.stop(0);
        }
    }
}
