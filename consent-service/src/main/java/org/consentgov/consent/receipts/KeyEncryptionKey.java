package org.consentgov.consent.receipts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption key (KEK) that seals each receipt signing key's private half before it is stored:
 * AES-256-GCM with a fresh random 96-bit nonce per key and the key's {@code kid} as associated data, so a sealed
 * key copied onto another row does not open. The KEK comes from configuration ({@code consent.receipts.kek}, the
 * base64 of 32 bytes) and is never logged, stored or returned; only its {@link #id()} (a one-way HMAC of a fixed
 * label) is stored beside each key, to tell a wrong KEK from a damaged row.
 */
final class KeyEncryptionKey {

    /** What a sealed private key is stored as. */
    record Sealed(byte[] nonce, byte[] ciphertext) {}

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String id;

    private KeyEncryptionKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = idOf(bytes);
    }

    /**
     * @throws IllegalStateException naming the property (never the value) when it is not the base64 of 32 bytes
     */
    static KeyEncryptionKey fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException("No receipt key-encryption key: set CONSENT_RECEIPT_KEK "
                    + "(consent.receipts.kek) to the base64 of 32 random bytes, e.g. the output of "
                    + "'openssl rand -base64 32', kept in a secret. It encrypts the receipt signing keys stored in the "
                    + "database; without it consent-service does not start.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "consent.receipts.kek (CONSENT_RECEIPT_KEK) is not base64: it must be the base64 of 32 random bytes");
        }
        if (bytes.length != 32) {
            int length = bytes.length;
            Arrays.fill(bytes, (byte) 0);
            throw new IllegalStateException("consent.receipts.kek (CONSENT_RECEIPT_KEK) holds " + length
                    + " bytes; it must be the base64 of exactly 32 random bytes (AES-256)");
        }
        return new KeyEncryptionKey(bytes);
    }

    /** A stable, one-way name of this KEK, stored with each key it sealed. */
    String id() {
        return id;
    }

    Sealed seal(String kid, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return new Sealed(nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt receipt signing key " + kid, e);
        }
    }

    /**
     * @throws IllegalStateException when the ciphertext does not open under this KEK and kid: another KEK, or a row
     *         that was changed
     */
    byte[] open(String kid, Sealed sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(
                    "receipt signing key " + kid + " does not decrypt with the configured "
                            + "key-encryption key (consent.receipts.kek): it was sealed under another KEK, or its row was changed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt receipt signing key " + kid, e);
        }
    }

    private static String idOf(byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            byte[] digest = mac.doFinal("consent-service receipt KEK id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison of two KEK ids. */
    static boolean sameId(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[id " + id + "]";
    }
}
