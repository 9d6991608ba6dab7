package org.consentgov.platform.events;

import java.security.SecureRandom;
import java.util.Base64;
import org.consentgov.platform.problem.ProblemException;

/**
 * What a webhook secret must be (platform/WEBHOOKS.md): room for at least 256 random bits, in an alphabet that
 * survives every configuration file and header. A secret is accepted when
 * <ul>
 * <li>it has only base64 or base64url characters ({@code A-Z a-z 0-9 - _ + /}, with {@code =} padding at the end),
 * as {@code openssl rand -base64 32}, {@code openssl rand -hex 32} and this service's generated secrets are;</li>
 * <li>it has at least 43 characters besides the padding (43 × 6 bits ≥ 256), or at least 64 when they are all hex
 * digits (64 × 4 bits); at most 256 characters in all;</li>
 * <li>it has at least 10 different characters, which refuses the obviously not random ({@code aaaa…},
 * {@code abab…}) and is met by random secrets except with negligible probability.</li>
 * </ul>
 * When the request has no secret, the service generates one: 32 random bytes, base64url without padding (43
 * characters), shown once.
 */
public final class WebhookSecretRule {

    public static final int GENERATED_BYTES = 32;
    public static final int MIN_CHARACTERS = 43;
    public static final int MIN_HEX_CHARACTERS = 64;
    public static final int MAX_CHARACTERS = 256;
    public static final int MIN_DISTINCT_CHARACTERS = 10;
    public static final String DESCRIPTION =
            "a webhook secret must carry at least 256 random bits: 43 to 256 base64 or "
                    + "base64url characters (64 or more if they are all hex digits) with at least 10 different ones, e.g. "
                    + "the output of 'openssl rand -base64 32'; or leave it out and the service generates one";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecretRule() {}

    /** A new secret: 32 random bytes, base64url without padding. */
    public static String generate() {
        byte[] bytes = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True when the secret meets the rule. */
    public static boolean strong(String secret) {
        if (secret == null || secret.length() > MAX_CHARACTERS) {
            return false;
        }
        String body = secret.replaceFirst("={1,2}$", "");
        boolean hex = true;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (!base64(ch)) {
                return false;
            }
            hex &= Character.digit(ch, 16) >= 0;
        }
        return body.length() >= (hex ? MIN_HEX_CHARACTERS : MIN_CHARACTERS)
                && body.chars().distinct().count() >= MIN_DISTINCT_CHARACTERS;
    }

    /**
     * The secret to store: the given one when it meets the rule, a generated one when none is given.
     *
     * @throws ProblemException 400 {@code weak-webhook-secret} (never echoing the secret) when it does not
     */
    public static String acceptOrGenerate(String given) {
        if (given == null) {
            return generate();
        }
        if (!strong(given)) {
            throw ProblemException.badRequest(
                    "weak-webhook-secret", "The secret was refused: " + DESCRIPTION, "secret");
        }
        return given;
    }

    private static boolean base64(char ch) {
        return (ch >= 'A' && ch <= 'Z')
                || (ch >= 'a' && ch <= 'z')
                || (ch >= '0' && ch <= '9')
                || ch == '-'
                || ch == '_'
                || ch == '+'
                || ch == '/';
    }
}
