package org.consentgov.platform.crypto;

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
 * A service's key-encryption key (KEK), which seals every secret the service keeps in its database (consent-service's
 * receipt signing keys, every service's webhook secrets) before it is stored: AES-256-GCM with a fresh random
 * 96-bit nonce per value and a context naming the value's row (e.g. a key's {@code kid}) as associated data, so a
 * sealed value copied onto another row does not open. The KEK comes from configuration (the base64 of 32 bytes) and
 * is never logged, stored or returned; only its {@link #id()} (a one-way HMAC of a fixed label) is stored beside
 * each sealed value, to tell a wrong KEK from a damaged row.
 */
public final class KeyEncryptionKey {

    /** What a sealed value is stored as. */
    public record Sealed(byte[] nonce, byte[] ciphertext) {}

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    // the label of the one-way id; unchanged since receipt keys were first sealed, so their stored ids still match
    private static final String ID_LABEL = "consent-service receipt KEK id";

    private final SecretKeySpec key;
    private final String id;
    private final String setting;

    private KeyEncryptionKey(byte[] bytes, String setting) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = idOf(bytes);
        this.setting = setting;
    }

    /**
     * @param setting where the value comes from, named in error messages, e.g.
     *                {@code consent.receipts.kek (CONSENT_RECEIPT_KEK)}
     * @throws IllegalStateException naming the setting (never the value) when it is not the base64 of 32 bytes
     */
    public static KeyEncryptionKey fromBase64(String base64, String setting) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException("No key-encryption key: set " + setting
                    + " to the base64 of 32 random bytes, e.g. the output of 'openssl rand -base64 32', kept in a "
                    + "secret. It encrypts the secrets this service stores in its database (receipt signing keys, "
                    + "webhook secrets); without it the service does not start.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64: it must be the base64 of 32 random bytes");
        }
        if (bytes.length != 32) {
            int length = bytes.length;
            Arrays.fill(bytes, (byte) 0);
            throw new IllegalStateException(setting + " holds " + length
                    + " bytes; it must be the base64 of exactly 32 random bytes (AES-256)");
        }
        return new KeyEncryptionKey(bytes, setting);
    }

    /** A stable, one-way name of this KEK, stored with each value it sealed. */
    public String id() {
        return id;
    }

    /** @param context names the value's row (e.g. a key's kid); the same context is needed to open it */
    public Sealed seal(String context, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new Sealed(nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the value for " + context, e);
        }
    }

    /**
     * @throws IllegalStateException when the ciphertext does not open under this KEK and context: another KEK, or
     *         a row that was changed
     */
    public byte[] open(String context, Sealed sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(
                    "the value sealed for " + context + " does not decrypt with the configured key-encryption key ("
                            + setting + "): it was sealed under another KEK, or its row was changed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt the value sealed for " + context, e);
        }
    }

    private static String idOf(byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            byte[] digest = mac.doFinal(ID_LABEL.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison of two KEK ids. */
    public static boolean sameId(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[id " + id + "]";
    }
}
