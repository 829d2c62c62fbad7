package dev.shortener.redirect;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.shortener.testsupport.SampleEvents;
import java.util.Map;

/**
 * The committed sample events in {@code events/}, read by {@link SampleEvents#httpApiEvent} into the SDK's event class, so the
 * samples stay valid. Each names the code {@code aB3dE5f}, which tests replace
 * with a code of their own.
 */
final class Events {

    static final String SAMPLE_CODE = "aB3dE5f";
    static final String GET = "redirect-get.json";
    static final String GET_JSON = "redirect-get-json.json";
    static final String GET_IPV6 = "redirect-get-ipv6.json";
    static final String HEAD = "redirect-head.json";
    static final String PREVIEW = "redirect-preview.json";
    static final String POST = "redirect-post.json";
    /** {@code ?utm_source=newsletter&utm_medium=email&ref=%E2%9C%93}, as API Gateway passes it on. */
    static final String GET_QUERY = "redirect-get-query.json";

    static final String ROOT = "redirect-root.json";
    static final String ROOT_HEAD = "redirect-root-head.json";
    static final String ROBOTS = "redirect-robots.json";
    static final String ROBOTS_HEAD = "redirect-robots-head.json";

    private Events() {}

    static APIGatewayV2HTTPEvent load(String file, String code) {
        return SampleEvents.httpApiEvent(file, Map.of(SAMPLE_CODE, code));
    }

    static APIGatewayV2HTTPEvent load(String file) {
        return load(file, SAMPLE_CODE);
    }
}
