package dev.shortener.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OriginSecretTest {

    @Test
    void aConfiguredSecret_vouchesOnlyForRequestsPresentingIt() {
        OriginSecret secret = OriginSecret.of("s3cr3t-from-secrets-manager");

        assertTrue(secret.vouchesFor("s3cr3t-from-secrets-manager"));
        assertFalse(secret.vouchesFor(null));
        assertFalse(secret.vouchesFor(""));
        assertFalse(secret.vouchesFor("s3cr3t-from-secrets-manage"));
        assertFalse(secret.toString().contains("s3cr3t"));
    }

    @Test
    void withoutASecret_everyRequestIsBelieved_asNothingSitsInFront() {
        assertTrue(OriginSecret.of(null).vouchesFor(null));
        assertTrue(OriginSecret.of("  ").vouchesFor("anything"));
        assertFalse(OriginSecret.of(null).configured());
    }
}
