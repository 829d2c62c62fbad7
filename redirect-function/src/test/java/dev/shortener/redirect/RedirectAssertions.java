package dev.shortener.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/** What the redirect tests check of a response again and again. */
final class RedirectAssertions {

    private RedirectAssertions() {}

    /** A 302 to exactly {@code location}. */
    static void assertRedirectsTo(String location, APIGatewayV2HTTPResponse response) {
        assertEquals(302, response.getStatusCode());
        assertEquals(location, response.getHeaders().get("Location"));
    }
}
