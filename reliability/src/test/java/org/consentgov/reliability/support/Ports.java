package org.consentgov.reliability.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;

/** Free random ports, never the fixed ports of the local suite (8080-8083, Keycloak's 8180). */
public final class Ports {

    private static final Set<Integer> SUITE_PORTS = Set.of(8080, 8081, 8082, 8083, 8180, 5432);

    private Ports() {}

    public static int free() {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                int port = socket.getLocalPort();
                if (!SUITE_PORTS.contains(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new IllegalStateException("no free port", e);
            }
        }
        throw new IllegalStateException("no free port outside the suite's");
    }

    public static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void requireFree(int port, String forWhat) {
        if (answers(port)) {
            throw new IllegalStateException("port " + port + " for " + forWhat + " is taken by another process");
        }
    }

    static void awaitFree(int port, Duration timeout) {
        Poll.until("port " + port + " closed", timeout, () -> !answers(port));
    }
}
