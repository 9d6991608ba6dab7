package org.consentgov.platform.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Canonical JSON and its SHA-256, the one definition every service uses for content hashes, hash chains and
 * request fingerprints: object keys sorted, no insignificant white space, UTF-8. Anyone holding the same
 * content can recompute the same hash.
 */
public final class CanonicalJson {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private CanonicalJson() {}

    /** The canonical form of a JSON tree, a record or a map. */
    public static String of(Object value) {
        try {
            // trees keep insertion order, so go through plain maps and lists, which are sorted on the way out
            Object plain = CANONICAL.convertValue(value, Object.class);
            return CANONICAL.writeValueAsString(plain);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("value cannot be written as canonical JSON", e);
        }
    }

    /** SHA-256 (lowercase hex) of the canonical form. */
    public static String sha256(Object value) {
        return sha256Hex(of(value).getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 (lowercase hex) of some bytes. */
    public static String sha256Hex(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
