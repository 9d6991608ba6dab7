package org.consentgov.platform.events;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery (platform/WEBHOOKS.md): HMAC-SHA256, keyed with the subscription's
 * secret (UTF-8), over {@code <Webhook-Id>.<Webhook-Timestamp>.<body>}, sent as
 * {@code Webhook-Signature: v1=<base64>}. While a secret is rotated the header carries one such signature per
 * secret in use, space-separated, newest first ({@code v1=<new> v1=<old>}, as Stripe does); a receiver accepts the
 * delivery when any one of them verifies with a secret it holds. The timestamp is the time of sending, in epoch seconds, so that a
 * receiver can refuse a captured request replayed later than {@link #REPLAY_WINDOW}; the id lets it drop a
 * second delivery of the same event.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "Webhook-Id";
    public static final String TIMESTAMP_HEADER = "Webhook-Timestamp";
    public static final String SIGNATURE_HEADER = "Webhook-Signature";
    public static final String SCHEME = "v1";
    /** How far a receiver should accept the timestamp from its own clock, either way. */
    public static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

    private WebhookSignature() {}

    /** The {@code Webhook-Signature} header value for one delivery attempt. */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        return SCHEME + "=" + Base64.getEncoder().encodeToString(mac(secret, id, timestamp, body));
    }

    /**
     * The {@code Webhook-Signature} header value signed with each of {@code secrets} (newest first), space-separated.
     */
    public static String sign(List<String> secrets, String id, long timestamp, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a delivery is signed with at least one secret");
        }
        return secrets.stream().map(secret -> sign(secret, id, timestamp, body)).collect(Collectors.joining(" "));
    }

    /**
     * What a receiver does: true when the timestamp is inside the replay window around {@code now} and one of
     * the header's space-separated {@code v1=} signatures matches (compared in constant time).
     */
    public static boolean verify(
            String secret, String id, String timestamp, byte[] body, String signatureHeader, Instant now) {
        if (secret == null || id == null || timestamp == null || body == null || signatureHeader == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > REPLAY_WINDOW.toSeconds()) {
            return false;
        }
        byte[] expected = mac(secret, id, seconds, body);
        for (String candidate : signatureHeader.trim().split("\\s+")) {
            if (!candidate.startsWith(SCHEME + "=")) {
                continue;
            }
            try {
                byte[] given = Base64.getDecoder().decode(candidate.substring(SCHEME.length() + 1));
                if (MessageDigest.isEqual(expected, given)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // not base64: not a match
            }
        }
        return false;
    }

    private static byte[] mac(String secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
