package org.consentgov.consent.receipts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consentgov.platform.crypto.KeyEncryptionKey;

/**
 * One receipt signing key pair: its key id, its JWS algorithm, a signer, and its public half for the JWKS. The
 * suite keeps its keys in the database ({@link ReceiptKeys}); this class only knows how to make, read and use one.
 *
 * <p>PEM format ({@code consent.receipts.private-key-location}, imported once into the key table): one file with a
 * PKCS#8 {@code -----BEGIN PRIVATE KEY-----} block, RSA (2048 bits or more, signs RS256) or EC P-256 / P-384 /
 * P-521 (signs ES256 / ES384 / ES512). An EC file must also hold the matching {@code -----BEGIN PUBLIC KEY-----}
 * block (X.509 SubjectPublicKeyInfo), because the JDK cannot derive an EC public key; for RSA the public key is
 * derived from the CRT private key, and a {@code PUBLIC KEY} block is optional. Make one with
 * {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out key.pem &&
 * openssl pkey -in key.pem -pubout >> key.pem}. Traditional {@code RSA PRIVATE KEY} / {@code EC PRIVATE KEY}
 * and encrypted blocks are refused with a hint to convert them ({@code openssl pkcs8 -topk8 -nocrypt}).
 * The pair is checked by signing a probe, so a mismatched file fails the start, not the first receipt.
 *
 * <p>The key id is the key's RFC 7638 JWK thumbprint (SHA-256, base64url).
 */
public final class SigningKey {

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private final JWK key;
    private final JWSAlgorithm algorithm;
    private final JWSSigner signer;

    /** Signs with this private RSA or EC JWK; its key id is replaced by its thumbprint. */
    public SigningKey(JWK privateKey) {
        if (privateKey == null || !privateKey.isPrivate()) {
            throw new IllegalArgumentException("a private RSA or EC JWK is needed to sign receipts");
        }
        try {
            if (privateKey instanceof RSAKey rsa) {
                this.algorithm = JWSAlgorithm.RS256;
                this.key = new RSAKey.Builder(rsa)
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(algorithm)
                        .keyID(rsa.computeThumbprint().toString())
                        .build();
                this.signer = new RSASSASigner((RSAKey) key);
            } else if (privateKey instanceof ECKey ec) {
                this.algorithm = algorithmFor(ec.getCurve());
                this.key = new ECKey.Builder(ec)
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(algorithm)
                        .keyID(ec.computeThumbprint().toString())
                        .build();
                this.signer = new ECDSASigner((ECKey) key);
            } else {
                throw new IllegalArgumentException(
                        "receipts are signed with RSA or EC keys, not " + privateKey.getKeyType());
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the receipt signing key cannot sign: " + e.getMessage(), e);
        }
    }

    /** A new EC P-256 key (ES256), as every key the service makes itself. */
    public static SigningKey generate() {
        try {
            return new SigningKey(new ECKeyGenerator(Curve.P_256).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a receipt signing key", e);
        }
    }

    /** The key id set in every receipt's JWS header: the RFC 7638 thumbprint. */
    public String kid() {
        return key.getKeyID();
    }

    public JWSAlgorithm algorithm() {
        return algorithm;
    }

    public JWSSigner signer() {
        return signer;
    }

    /** The public half only, to publish at a JWKS endpoint or hand to an offline verifier. */
    public JWK publicJwk() {
        return key.toPublicJWK();
    }

    /** A JWK set of the public half alone. */
    public JWKSet publicJwks() {
        return new JWKSet(publicJwk());
    }

    /** The private JWK as JSON: only ever handed to {@link KeyEncryptionKey#seal}, never logged or returned. */
    String privateJson() {
        return key.toJSONString();
    }

    /** Reads a key back from {@link #privateJson()}. */
    static SigningKey fromPrivateJson(String json) {
        try {
            return new SigningKey(JWK.parse(json));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("a stored receipt signing key is not a JWK", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + kid() + ", " + algorithm + "]";
    }

    static JWK fromPem(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the receipt signing key " + file + ": " + e.getMessage(), e);
        }
        try {
            return fromPem(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("receipt signing key " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the PEM text described in the class comment into a private JWK. */
    static JWK fromPem(String pem) {
        Map<String, byte[]> blocks = new LinkedHashMap<>();
        Matcher m = PEM_BLOCK.matcher(pem);
        while (m.find()) {
            String label = m.group(1);
            if (!label.equals("PRIVATE KEY") && !label.equals("PUBLIC KEY")) {
                throw new IllegalArgumentException(
                        "unsupported PEM block '" + label + "': expected an unencrypted PKCS#8 "
                                + "PRIVATE KEY (convert with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem)");
            }
            if (blocks.put(label, Base64.getMimeDecoder().decode(m.group(2))) != null) {
                throw new IllegalArgumentException("more than one " + label + " block");
            }
        }
        byte[] privateDer = blocks.get("PRIVATE KEY");
        if (privateDer == null) {
            throw new IllegalArgumentException("no -----BEGIN PRIVATE KEY----- block");
        }
        byte[] publicDer = blocks.get("PUBLIC KEY");
        try {
            PrivateKey privateKey = privateKey(privateDer);
            if (privateKey instanceof RSAPrivateKey rsaPrivate) {
                RSAPublicKey rsaPublic = publicDer != null
                        ? (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(publicDer))
                        : derivedPublic(rsaPrivate);
                probe(privateKey, rsaPublic, "SHA256withRSA");
                return new RSAKey.Builder(rsaPublic).privateKey(rsaPrivate).build();
            }
            ECPrivateKey ecPrivate = (ECPrivateKey) privateKey;
            if (publicDer == null) {
                throw new IllegalArgumentException("an EC key file needs its -----BEGIN PUBLIC KEY----- block too "
                        + "(append it with: openssl pkey -in key.pem -pubout >> key.pem)");
            }
            PublicKey decoded = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicDer));
            if (!(decoded instanceof ECPublicKey ecPublic)) {
                throw new IllegalArgumentException("the PUBLIC KEY block is not an EC key");
            }
            Curve curve = Curve.forECParameterSpec(ecPublic.getParams());
            algorithmFor(curve);
            probe(privateKey, ecPublic, "SHA256withECDSA");
            return new ECKey.Builder(curve, ecPublic).privateKey(ecPrivate).build();
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not a usable RSA or EC key pair: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(byte[] der) throws GeneralSecurityException {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (InvalidKeySpecException notRsa) {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        }
    }

    private static RSAPublicKey derivedPublic(RSAPrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("the RSA private key has no CRT parameters: add its PUBLIC KEY block");
        }
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }

    /** Signs and verifies a probe, so a private key paired with the wrong public key is caught at start-up. */
    private static void probe(PrivateKey privateKey, PublicKey publicKey, String algorithm)
            throws GeneralSecurityException {
        byte[] probe = "consent-receipt-key-probe".getBytes(StandardCharsets.US_ASCII);
        Signature signing = Signature.getInstance(algorithm);
        signing.initSign(privateKey);
        signing.update(probe);
        byte[] signature = signing.sign();
        Signature verifying = Signature.getInstance(algorithm);
        verifying.initVerify(publicKey);
        verifying.update(probe);
        if (!verifying.verify(signature)) {
            throw new IllegalArgumentException("the PUBLIC KEY block does not belong to the PRIVATE KEY");
        }
    }

    private static JWSAlgorithm algorithmFor(Curve curve) {
        if (Curve.P_256.equals(curve)) {
            return JWSAlgorithm.ES256;
        }
        if (Curve.P_384.equals(curve)) {
            return JWSAlgorithm.ES384;
        }
        if (Curve.P_521.equals(curve)) {
            return JWSAlgorithm.ES512;
        }
        throw new IllegalArgumentException("EC receipt keys must be on P-256, P-384 or P-521, not " + curve);
    }
}
