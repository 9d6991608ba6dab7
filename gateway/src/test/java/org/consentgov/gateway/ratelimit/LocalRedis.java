package org.consentgov.gateway.ratelimit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** The Redis the shared rate limit is tested against: the one on 127.0.0.1:6379, when one answers. */
public final class LocalRedis {

    public static final String URL = "redis://127.0.0.1:6379";

    private LocalRedis() {}

    /** Skips the test, saying why, when no Redis answers on 127.0.0.1:6379. */
    public static void assumeAnswers() {
        boolean answers;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
            answers = true;
        } catch (IOException e) {
            answers = false;
        }
        assumeTrue(answers, "no Redis answers on 127.0.0.1:6379: the shared rate limit is not tested here");
    }
}
