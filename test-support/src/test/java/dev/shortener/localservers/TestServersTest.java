package dev.shortener.localservers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.testsupport.TestServers;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TestServersTest {

    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    @Test
    void dynamoDbEndpoint_isTheSameOnTwoCalls() {
        assertEquals(TestServers.dynamoDbEndpoint(), TestServers.dynamoDbEndpoint());
    }

    @Test
    void redisUri_isTheSameOnTwoCalls_andAnswersPing() {
        assertEquals(TestServers.redisUri(), TestServers.redisUri());
        if (System.getenv(TestServers.REDIS_URL_ENV) == null) {
            assertTrue(RedisPing.answers(TestServers.redisUri().getPort(), 1000));
        }
    }

    @Test
    void uniqueName_givesDistinctValidNames() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String name = TestServers.uniqueName("links");
            assertTrue(VALID_NAME.matcher(name).matches(), name);
            assertTrue(name.startsWith("links-"), name);
            names.add(name);
        }
        assertEquals(1000, names.size());
    }

    @Test
    void uniqueName_makesAnyPrefixValid() {
        String odd = TestServers.uniqueName("my table/κ:1");
        String empty = TestServers.uniqueName("");
        String huge = TestServers.uniqueName("x".repeat(400));

        assertTrue(VALID_NAME.matcher(odd).matches(), odd);
        assertTrue(odd.startsWith("my-table--"), odd);
        assertTrue(VALID_NAME.matcher(empty).matches(), empty);
        assertTrue(VALID_NAME.matcher(huge).matches(), huge);
        assertNotEquals(empty, TestServers.uniqueName(""));
    }
}
