package dev.shortener.localservers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends one RESP {@code PING} over a raw socket. Readiness is "answers PING" rather than "port open",
 * because redis-server accepts connections a moment before it serves them during loading.
 */
final class RedisPing {

    private static final byte[] PING = "*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII);

    private RedisPing() {}

    /** True when a server on 127.0.0.1:{@code port} answers {@code +PONG} within {@code timeoutMillis}. */
    static boolean answers(int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(PING);
            out.flush();
            return "+PONG".equals(readLine(socket.getInputStream()));
        } catch (IOException e) {
            return false;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n' && line.length() < 512) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
