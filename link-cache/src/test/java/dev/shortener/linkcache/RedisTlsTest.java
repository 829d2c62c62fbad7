package dev.shortener.linkcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.testsupport.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The client checks the server's certificate against the host name, over real TLS: a TLS front (JSSE, with a
 * certificate made by keytool for one name) forwards to a real redis-server, and the client trusts that
 * certificate, as a Lambda function trusts the public CA behind ElastiCache's. The embedded redis-server binary is
 * built without TLS, hence the front.
 */
class RedisTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path folder;

    private TlsFront front;

    @AfterEach
    void stop() throws IOException {
        if (front != null) {
            front.close();
        }
    }

    @Test
    void connects_whenTheCertificateNamesTheHost() throws Exception {
        KeyStore keys = certificateFor("localhost");
        front = TlsFront.start(keys, TestServers.redisUri());
        try (RedisClient redis = RedisClients.create(settings(front.port()), trusting(keys))) {
            assertEquals("PONG", redis.ping());
        }
    }

    @Test
    void refusesTheServer_whenTheCertificateNamesAnotherHost() throws Exception {
        KeyStore keys = certificateFor("cache.other.example");
        front = TlsFront.start(keys, TestServers.redisUri());
        try (RedisClient redis = RedisClients.create(settings(front.port()), trusting(keys))) {
            JedisConnectionException refused = assertThrows(JedisConnectionException.class, redis::ping);
            assertTrue(
                    causes(refused).contains("No subject alternative DNS name matching localhost"),
                    "refused for the name: " + causes(refused));
        }
    }

    /** The check above can fail: without endpoint identification the same certificate is accepted. */
    @Test
    void withoutEndpointIdentification_theSameCertificateWouldBeAccepted() throws Exception {
        KeyStore keys = certificateFor("cache.other.example");
        front = TlsFront.start(keys, TestServers.redisUri());
        var config = DefaultJedisClientConfig.builder()
                .ssl(true)
                .sslSocketFactory(trusting(keys))
                .build();
        try (Jedis jedis = new Jedis(new HostAndPort("localhost", front.port()), config)) {
            assertEquals("PONG", jedis.ping());
        }
    }

    @Test
    void plainRedisUrls_getNoTlsSettings() {
        var config = RedisClients.clientConfig(RedisSettings.of(URI.create("redis://localhost:6379")), null);
        assertEquals(false, config.isSsl());
        var tls = RedisClients.clientConfig(RedisSettings.of(URI.create("rediss://cache.example:6379")), null);
        assertTrue(tls.isSsl());
        assertEquals(
                RedisClients.ENDPOINT_IDENTIFICATION, tls.getSslParameters().getEndpointIdentificationAlgorithm());
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static RedisSettings settings(int port) {
        return RedisSettings.of(URI.create("rediss://localhost:" + port));
    }

    /** A key pair with a self-signed certificate whose only name is {@code host}, made by the JDK's keytool. */
    private KeyStore certificateFor(String host) throws Exception {
        Path file = folder.resolve(host + ".p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "redis",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=" + host,
                        "-ext",
                        "SAN=dns:" + host,
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        file.toString(),
                        "-storepass",
                        new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool: " + output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }

    private static SSLSocketFactory trusting(KeyStore keys) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static String causes(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t).append(" | ");
        }
        return all.toString();
    }

    /** Terminates TLS on a loopback port and forwards each connection to redis-server, byte for byte. */
    private static final class TlsFront implements AutoCloseable {

        private final ServerSocket server;

        private TlsFront(ServerSocket server) {
            this.server = server;
        }

        static TlsFront start(KeyStore keys, URI redis) throws Exception {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            SSLServerSocket server = (SSLServerSocket)
                    context.getServerSocketFactory().createServerSocket(0, 8, InetAddress.getLoopbackAddress());
            TlsFront front = new TlsFront(server);
            Thread acceptor = new Thread(() -> front.accept(redis), "tls-front");
            acceptor.setDaemon(true);
            acceptor.start();
            return front;
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept(URI redis) {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket backend = new Socket(redis.getHost(), redis.getPort());
                    for (List<Socket> pair : List.of(List.of(client, backend), List.of(backend, client))) {
                        Thread pump = new Thread(() -> pump(pair.get(0), pair.get(1)), "tls-front-pump");
                        pump.setDaemon(true);
                        pump.start();
                    }
                } catch (IOException closedOrRefused) {
                    // the front is closing, or a handshake failed: the client sees it
                }
            }
        }

        private static void pump(Socket from, Socket to) {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ended) {
                // either side closed (a refused handshake ends here too)
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
