package dev.shortener.localservers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.testsupport.TestServers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisProcessTest {

    @Test
    void redis_answersPing_onItsLoopbackPort() {
        try (RedisProcess redis = TestServers.startOrSkip(RedisProcess::start)) {
            assertTrue(RedisPing.answers(redis.port(), 1000));
            assertEquals("redis://127.0.0.1:" + redis.port(), redis.uri().toString());
        }
    }

    @Test
    void stop_makesConnectionsFail_andRestart_answersAgainOnSamePort() {
        try (RedisProcess redis = TestServers.startOrSkip(RedisProcess::start)) {
            int port = redis.port();

            redis.stop();
            assertThrows(IOException.class, () -> connect(port));
            assertFalse(RedisPing.answers(port, 500));

            redis.restart();
            assertEquals(port, redis.port());
            assertTrue(RedisPing.answers(port, 1000));
        }
    }

    @Test
    void restart_failsClearly_whenAnotherProcessTookThePort() throws IOException {
        try (RedisProcess redis = TestServers.startOrSkip(RedisProcess::start)) {
            redis.stop();
            try (ServerSocket squatter = new ServerSocket()) {
                squatter.bind(new InetSocketAddress("127.0.0.1", redis.port()));

                LocalServerException e = assertThrows(LocalServerException.class, redis::restart);

                assertTrue(e.getMessage().contains("another process uses that port"), e.getMessage());
            }
            redis.restart();
            assertTrue(RedisPing.answers(redis.port(), 1000));
        }
    }

    @Test
    void close_leavesNoProcessBehind() {
        RedisProcess redis = TestServers.startOrSkip(RedisProcess::start);
        ProcessHandle watchdog = redis.processHandle();
        List<ProcessHandle> descendants = watchdog.descendants().toList();
        assertTrue(
                descendants.stream().anyMatch(RedisProcessTest::isRedisServer),
                "redis-server runs under the watchdog: " + descendants);

        redis.close();

        assertFalse(watchdog.isAlive(), "the watchdog shell is still running");
        descendants.forEach(d -> assertFalse(d.isAlive(), "descendant " + d.info() + " is still running"));
    }

    private static boolean isRedisServer(ProcessHandle handle) {
        return handle.info().command().map(c -> c.contains("redis-server")).orElse(false);
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        }
    }
}
