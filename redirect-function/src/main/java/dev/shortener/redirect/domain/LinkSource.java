package dev.shortener.redirect.domain;

import dev.shortener.links.LinkLookup;
import java.time.Instant;

/** The source of truth for links (the DynamoDB table), as the resolver needs it. */
public interface LinkSource {

    /**
     * @throws LinkSourceUnavailableException when the source can't answer in time (an outage, a timeout,
     *                                        throttling); the caller answers 503, not 500
     */
    LinkLookup find(String code, Instant now);
}
