package org.consentgov.platform.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.consentgov.platform.events.WebhookSignature;

/**
 * A webhook receiver for tests (WireMock on a free port): up (204), down (a status of the test's choice), and
 * the requests it got, oldest first, with their signature headers.
 */
public final class WebhookReceiver implements AutoCloseable {

    public static final String PATH = "/hooks/events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;

    private WebhookReceiver(WireMockServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        WireMockServer server =
                new WireMockServer(wireMockConfig().dynamicPort().containerThreads(20));
        server.start();
        WebhookReceiver receiver = new WebhookReceiver(server);
        receiver.up();
        return receiver;
    }

    public String url() {
        return server.baseUrl() + PATH;
    }

    /** The URL with a query that tells this target from others on the same receiver. */
    public String url(String name) {
        return url() + "?target=" + name;
    }

    /** Answers every delivery with 204. */
    public WebhookReceiver up() {
        return answer(204, 0);
    }

    /** Answers every delivery with this status, e.g. 503. */
    public WebhookReceiver down(int status) {
        return answer(status, 0);
    }

    /** Answers with this status after a delay, so that concurrent senders overlap. */
    public WebhookReceiver answer(int status, int delayMillis) {
        server.resetMappings();
        server.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(status).withFixedDelay(delayMillis)));
        return this;
    }

    /** Answers every delivery with a redirect (e.g. 302) to this location, which a sender must not follow. */
    public WebhookReceiver redirect(int status, String location) {
        server.resetMappings();
        server.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(status).withHeader("Location", location)));
        return this;
    }

    /** The receiver's scheme, host and port, e.g. {@code http://localhost:8089}, for paths of a test's own. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** The port it listens on (loopback). */
    public int port() {
        return server.port();
    }

    /** Forgets the requests received so far. */
    public void clear() {
        server.resetRequests();
    }

    /** Every request received since the last {@link #clear()}, oldest first. */
    public List<Received> received() {
        List<Received> out = new ArrayList<>();
        // WireMock's journal lists the newest first
        List<ServeEvent> arrival = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(arrival);
        for (ServeEvent e : arrival) {
            out.add(new Received(
                    e.getRequest().getUrl(),
                    e.getRequest().getHeader(WebhookSignature.ID_HEADER),
                    e.getRequest().getHeader(WebhookSignature.TIMESTAMP_HEADER),
                    e.getRequest().getHeader(WebhookSignature.SIGNATURE_HEADER),
                    e.getRequest().getHeader("Content-Type"),
                    e.getRequest().getBody(),
                    e.getResponse().getStatus()));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** One request as the receiver saw it. */
    public record Received(
            String url,
            String id,
            String timestamp,
            String signature,
            String contentType,
            byte[] body,
            int answeredWith) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String type() {
            return json().path("type").asText();
        }

        public String subject() {
            return json().path("subject").asText();
        }

        public String target() {
            int at = url.indexOf("?target=");
            return at < 0 ? null : url.substring(at + "?target=".length());
        }

        public boolean signedWith(String secret, Instant now) {
            return WebhookSignature.verify(secret, id, timestamp, body, signature, now);
        }
    }
}
