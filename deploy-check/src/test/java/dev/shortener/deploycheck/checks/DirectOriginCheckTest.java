package dev.shortener.deploycheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A request around CloudFront: refused (403) passes; answered (302, as today's public endpoint does) fails. */
class DirectOriginCheckTest {

    @Test
    void anOriginThatRefuses_passes() throws Exception {
        Result row = againstOrigin(403);

        assertEquals(Outcome.PASS, row.outcome(), row.evidence());
        assertTrue(row.evidence().endsWith("without CloudFront: 403 (refused)"), row.evidence());
    }

    /** The function URL answers an unsigned call 403; a 401 would be some other guard than IAM auth. */
    @Test
    void aRedirectOriginAnswering401_fails_onlyTheFunctionUrls403Passes() throws Exception {
        Result row = againstOrigin(401);

        assertEquals(Outcome.FAIL, row.outcome(), row.evidence());
    }

    @Test
    void anOriginThatRedirects_fails_sayingItCanBeBypassed() throws Exception {
        Result row = againstOrigin(302);

        assertEquals(Outcome.FAIL, row.outcome());
        assertTrue(row.evidence().contains("answers callers that bypass CloudFront"), row.evidence());
    }

    private static Result againstOrigin(int status) throws IOException {
        HttpServer origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        origin.createContext("/", exchange -> {
            if (exchange.getRequestHeaders().containsKey("X-Origin-Verify")
                    || exchange.getRequestHeaders().containsKey("Authorization")) {
                throw new IllegalStateException("the check must not send CloudFront's secret or a signature");
            }
            exchange.getResponseHeaders().set("Location", "https://example.com/");
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        origin.start();
        URI originUrl = URI.create("http://127.0.0.1:" + origin.getAddress().getPort());
        Fixture fixture = new Fixture(
                clock -> {
                    try {
                        return new FakeShortener(clock);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                Optional.of(originUrl),
                Optional.empty());
        try (fixture.server) {
            return fixture.run(new CreateLinkCheck(), DirectOriginCheck.redirects())
                    .get(CheckName.ORIGIN_REFUSES_DIRECT);
        } finally {
            origin.stop(0);
        }
    }
}
