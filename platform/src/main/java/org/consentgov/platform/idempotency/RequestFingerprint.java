package org.consentgov.platform.idempotency;

import java.nio.charset.StandardCharsets;
import org.consentgov.platform.json.CanonicalJson;

/**
 * The fingerprint an {@code Idempotency-Key} row keeps of the request it guards: a replay with another body or on
 * another operation is refused by comparing it. One definition, so that a key stored by a batch writer is
 * recognised by {@link IdempotentExecutor} and the other way round.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {}

    /** SHA-256 (hex) of the operation, a newline and the request in canonical JSON. */
    public static String of(String operation, Object request) {
        return CanonicalJson.sha256Hex(
                (operation + "\n").getBytes(StandardCharsets.UTF_8),
                CanonicalJson.of(request).getBytes(StandardCharsets.UTF_8));
    }
}
