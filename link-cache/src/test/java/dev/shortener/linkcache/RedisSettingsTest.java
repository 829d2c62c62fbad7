package dev.shortener.linkcache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedisSettingsTest {

    @Test
    void rediss_meansTls() {
        assertTrue(RedisSettings.of(URI.create("rediss://cache.example:6379")).tls());
        assertFalse(RedisSettings.of(URI.create("redis://127.0.0.1:6379")).tls());
    }

    @Test
    void otherSchemesAndMissingHosts_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> RedisSettings.of(URI.create("http://127.0.0.1:6379")));
        assertThrows(IllegalArgumentException.class, () -> RedisSettings.of(URI.create("redis:///0")));
    }
}
