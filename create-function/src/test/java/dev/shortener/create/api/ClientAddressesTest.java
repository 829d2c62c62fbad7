package dev.shortener.create.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shortener.http.OriginSecret;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressesTest {

    private static final String HEADER = "cloudfront-viewer-address";
    private static final String SOURCE = "198.51.100.7";
    private final ClientAddresses behindCloudFront = new ClientAddresses(HEADER, OriginSecret.of("s3cret-value"));

    private static ApiRequest request(String viewerAddress, String originSecret) {
        Map<String, String> headers = new HashMap<>();
        if (viewerAddress != null) {
            headers.put(HEADER, viewerAddress);
        }
        if (originSecret != null) {
            headers.put(OriginSecret.HEADER, originSecret);
        }
        return new ApiRequest("GET", "/api/links", Map.copyOf(headers), null, SOURCE, "req-1");
    }

    @ParameterizedTest(name = "{0} vouched by {1} -> {2}")
    @CsvSource(
            nullValues = "none",
            value = {
                "203.0.113.9:46532, s3cret-value, 203.0.113.9",
                "2001:db8::1:443, s3cret-value, 2001:db8::1",
                "' 203.0.113.9:1 ', s3cret-value, 203.0.113.9",
                "203.0.113.9, s3cret-value, 203.0.113.9",
                "203.0.113.9:46532, wrong-secret, " + SOURCE,
                "203.0.113.9:46532, none, " + SOURCE,
                "none, s3cret-value, " + SOURCE,
                "'  ', s3cret-value, " + SOURCE
            })
    void theProxysHeaderIsBelievedOnlyWithTheOriginSecret(String viewerAddress, String secret, String expected) {
        assertEquals(expected, behindCloudFront.of(request(viewerAddress, secret)));
    }

    @ParameterizedTest
    @CsvSource({"203.0.113.9:46532, s3cret-value", "203.0.113.9:46532, ''"})
    void withoutAConfiguredHeader_theSourceAddressIsTheClient(String viewerAddress, String secret) {
        ClientAddresses direct = new ClientAddresses(null, OriginSecret.of(null));

        assertEquals(SOURCE, direct.of(request(viewerAddress, secret)));
    }
}
