package org.consentgov.platform.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Asks a running server to upgrade a plain HTTP/1.1 request to HTTP/2 over cleartext (h2c), as the JDK's
 * HttpClient does by default, and returns the first line of the answer: {@code HTTP/1.1 200 OK} when the
 * upgrade is ignored, {@code HTTP/1.1 101 Switching Protocols} when it is accepted.
 */
public final class CleartextHttp2Upgrade {

    private CleartextHttp2Upgrade() {}

    public static String statusLine(String host, int port, String path) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                                    + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}
