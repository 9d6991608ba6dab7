package org.consentgov.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    static final String SECRET = "s".repeat(32);
    static final byte[] BODY = "{\"id\":\"e1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signatureIsBase64HmacSha256OfIdTimestampAndBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "v1="
                + Base64.getEncoder()
                        .encodeToString(mac.doFinal("e1.1700000000.{\"id\":\"e1\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(WebhookSignature.sign(SECRET, "e1", 1_700_000_000L, BODY)).isEqualTo(expected);
    }

    @Test
    void aReceiverAcceptsTheSignatureInsideTheReplayWindowOnly() {
        String header = WebhookSignature.sign(SECRET, "e1", 1_700_000_000L, BODY);
        Instant sent = Instant.ofEpochSecond(1_700_000_000L);
        assertThat(WebhookSignature.verify(SECRET, "e1", "1700000000", BODY, header, sent.plusSeconds(300)))
                .isTrue();
        assertThat(WebhookSignature.verify(SECRET, "e1", "1700000000", BODY, header, sent.minusSeconds(300)))
                .isTrue();
        assertThat(WebhookSignature.verify(SECRET, "e1", "1700000000", BODY, header, sent.plusSeconds(301)))
                .isFalse();
    }

    @Test
    void anyChangeOfSecretIdTimestampOrBodyFailsVerification() {
        String header = WebhookSignature.sign(SECRET, "e1", 1_700_000_000L, BODY);
        Instant now = Instant.ofEpochSecond(1_700_000_010L);
        assertThat(WebhookSignature.verify("t".repeat(32), "e1", "1700000000", BODY, header, now))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "e2", "1700000000", BODY, header, now))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "e1", "1700000001", BODY, header, now))
                .isFalse();
        assertThat(WebhookSignature.verify(
                        SECRET, "e1", "1700000000", "{}".getBytes(StandardCharsets.UTF_8), header, now))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "e1", "soon", BODY, header, now))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "e1", "1700000000", BODY, "v1=not-base64!", now))
                .isFalse();
    }

    @Test
    void oneMatchingSignatureAmongSeveralIsEnough() {
        String header = "v0=abc v1=AAAA " + WebhookSignature.sign(SECRET, "e1", 1_700_000_000L, BODY);
        assertThat(WebhookSignature.verify(
                        SECRET, "e1", "1700000000", BODY, header, Instant.ofEpochSecond(1_700_000_000L)))
                .isTrue();
    }

    @Test
    void duringARotationTheHeaderCarriesOneSignaturePerSecretAndEitherSecretVerifiesIt() {
        String fresh = "f".repeat(43);
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        String header = WebhookSignature.sign(List.of(fresh, SECRET), "e1", 1_700_000_000L, BODY);

        assertThat(header)
                .isEqualTo(WebhookSignature.sign(fresh, "e1", 1_700_000_000L, BODY) + " "
                        + WebhookSignature.sign(SECRET, "e1", 1_700_000_000L, BODY));
        assertThat(WebhookSignature.verify(fresh, "e1", "1700000000", BODY, header, now))
                .isTrue();
        assertThat(WebhookSignature.verify(SECRET, "e1", "1700000000", BODY, header, now))
                .isTrue();
        assertThat(WebhookSignature.verify("o".repeat(43), "e1", "1700000000", BODY, header, now))
                .isFalse();
        assertThatThrownBy(() -> WebhookSignature.sign(List.of(), "e1", 1L, BODY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
