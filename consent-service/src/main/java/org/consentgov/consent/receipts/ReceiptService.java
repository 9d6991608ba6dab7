package org.consentgov.consent.receipts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.util.Objects;
import java.util.function.Supplier;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.platform.problem.ProblemException;

/**
 * Signs consent receipts as compact JWS (a JWT whose claims are the receipt, plus {@code iss} and
 * {@code iat}) and verifies them with nothing but the public JWKS, so a family, school or auditor can check
 * a receipt without calling us.
 */
@ApplicationScoped
public class ReceiptService {

    /**
     * Its own mapper rather than the application's: the signed bytes are evidence, so their shape must not
     * change when someone tunes the REST layer's JSON settings. Dates are ISO-8601 strings.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Supplier<SigningKey> keys;
    private final String issuer;

    /** Signs with the key the database names active at the moment of signing ({@link ReceiptKeys}). */
    @Inject
    public ReceiptService(ReceiptKeys keys, ReceiptConfig config) {
        this(keys::signingKey, config.issuer());
    }

    /** For tests: always signs with this key. */
    ReceiptService(SigningKey key, String issuer) {
        this(() -> key, issuer);
    }

    private ReceiptService(Supplier<SigningKey> keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    /** The issuer to build receipts with; {@link #sign} refuses any other. */
    public String issuer() {
        return issuer;
    }

    /** The compact JWS of the receipt, signed with the current key and carrying its {@code kid}. */
    public String sign(ConsentReceipt receipt) {
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(receipt.issuedAt(), "receipt.issuedAt");
        if (!issuer.equals(receipt.issuer())) {
            throw new IllegalArgumentException(
                    "receipt issuer '" + receipt.issuer() + "' is not this service's issuer '" + issuer + "'");
        }
        ObjectNode claims = JSON.valueToTree(receipt);
        claims.put("iss", receipt.issuer());
        claims.put("iat", receipt.issuedAt().getEpochSecond());
        SigningKey key = keys.get();
        JWSHeader header = new JWSHeader.Builder(key.algorithm())
                .type(JOSEObjectType.JWT)
                .keyID(key.kid())
                .build();
        try {
            JWSObject jws = new JWSObject(header, new Payload(JSON.writeValueAsString(claims)));
            jws.sign(key.signer());
            return jws.serialize();
        } catch (JsonProcessingException | JOSEException e) {
            throw new IllegalStateException("cannot sign consent receipt " + receipt.receiptId(), e);
        }
    }

    /**
     * Verifies a receipt offline against a public JWKS and returns its body.
     *
     * @throws ProblemException {@code receipt-malformed} (bad request) when it is not a compact JWS with a JSON
     *         receipt; {@code receipt-key-unknown} when its {@code kid} is absent from the JWKS;
     *         {@code receipt-signature-invalid} when the signature does not verify (tampered, or another key)
     */
    public static ConsentReceipt verify(String jws, JWKSet keys) {
        JWSObject object;
        try {
            object = JWSObject.parse(jws == null ? "" : jws.strip());
        } catch (ParseException e) {
            throw ConsentErrors.RECEIPT_MALFORMED.problem("the receipt is not a compact JWS: " + e.getMessage());
        }
        String kid = object.getHeader().getKeyID();
        JWK key = kid == null ? null : keys.getKeyByKeyId(kid);
        if (key == null) {
            throw ConsentErrors.RECEIPT_KEY_UNKNOWN.problem(
                    "the receipt was signed with key '" + kid + "', which is not in the key set");
        }
        if (!verifies(object, key)) {
            throw ConsentErrors.RECEIPT_SIGNATURE_INVALID.problem(
                    "the receipt's signature does not verify with key '" + kid + "'");
        }
        try {
            JsonNode claims = JSON.readTree(object.getPayload().toString());
            if (!(claims instanceof ObjectNode body)) {
                throw ConsentErrors.RECEIPT_MALFORMED.problem("the receipt's payload is not a JSON object");
            }
            body.remove("iss");
            body.remove("iat");
            return JSON.treeToValue(body, ConsentReceipt.class);
        } catch (JsonProcessingException e) {
            throw ConsentErrors.RECEIPT_MALFORMED.problem(
                    "the receipt's payload is not a consent receipt: " + e.getOriginalMessage());
        }
    }

    private static boolean verifies(JWSObject object, JWK key) {
        JWSHeader header = object.getHeader();
        if (key.getKeyUse() != null && key.getKeyUse() != KeyUse.SIGNATURE) {
            return false;
        }
        if (key.getAlgorithm() != null && !key.getAlgorithm().equals(header.getAlgorithm())) {
            return false;
        }
        try {
            JWSVerifier verifier;
            if (key instanceof RSAKey rsa) {
                verifier = new RSASSAVerifier(rsa.toPublicJWK());
            } else if (key instanceof ECKey ec) {
                verifier = new ECDSAVerifier(ec.toPublicJWK());
            } else {
                return false;
            }
            return object.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            // JOSEException: the header's algorithm does not fit the key (e.g. ES384 against a P-256 key)
            return false;
        }
    }
}
