package org.consentgov.platform.testing.contracts;

/**
 * The forged or misdirected tokens every service must refuse: signed with the key the tests trust but expired,
 * not yet valid, of another issuer or for another audience, and forgeries (no signature, a broken one, another
 * key, an unknown key id, HS256 keyed with the trusted RSA public key).
 */
public enum TokenAttack {
    EXPIRED("expired"),
    NOT_YET_VALID("not-yet-valid"),
    WRONG_ISSUER("wrong-issuer"),
    WRONG_AUDIENCE("wrong-audience"),
    NO_SIGNATURE("no-signature"),
    ALG_NONE_WITH_THE_TRUSTED_KID("alg-none-with-the-trusted-kid"),
    BAD_SIGNATURE("bad-signature"),
    CLAIMS_REWRITTEN("claims-rewritten"),
    ANOTHER_KEY_WITH_THE_TRUSTED_KID("another-key-with-the-trusted-kid"),
    UNKNOWN_KID("unknown-kid"),
    HS256_KEYED_WITH_THE_TRUSTED_PUBLIC_KEY("hs256-keyed-with-the-trusted-public-key");

    private final String label;

    TokenAttack(String label) {
        this.label = label;
    }

    /** The name the parameterised tests show, as they did when the attacks were strings. */
    @Override
    public String toString() {
        return label;
    }
}
