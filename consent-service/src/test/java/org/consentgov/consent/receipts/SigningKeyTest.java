package org.consentgov.consent.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    @Test
    void generatedKeysAreEcP256() {
        SigningKey keys = SigningKey.generate();

        assertThat(keys.algorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(keys.publicJwks().getKeys())
                .singleElement()
                .isInstanceOfSatisfying(
                        ECKey.class, key -> assertThat(key.getCurve()).isEqualTo(Curve.P_256));
    }

    @Test
    void eachGeneratedKeyIsNew() {
        assertThat(SigningKey.generate().kid())
                .isNotEqualTo(SigningKey.generate().kid());
    }

    @Test
    void kidIsTheRfc7638ThumbprintWhateverKidTheJwkCameWith() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("my-own-name").generate();

        SigningKey keys = new SigningKey(key);

        assertThat(keys.kid()).isEqualTo(key.computeThumbprint().toString());
        JWK published = keys.publicJwks().getKeyByKeyId(keys.kid());
        assertThat(published.isPrivate()).isFalse();
        assertThat(published.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(published.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    }

    @Test
    void publicOrSymmetricJwksCannotSign() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        assertThatThrownBy(() -> new SigningKey(key.toPublicJWK())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SigningKey(new OctetSequenceKeyGenerator(256).generate()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ecPemWithItsPublicKeyBlockIsLoadedFromTheConfiguredFile(@TempDir Path dir) throws Exception {
        KeyPair pair = ec("secp256r1");
        Path file = dir.resolve("receipts.pem");
        Files.writeString(
                file,
                pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                        + pem("PUBLIC KEY", pair.getPublic().getEncoded()));

        SigningKey keys = new SigningKey(SigningKey.fromPem(file));

        ECKey expected =
                new ECKey.Builder(Curve.P_256, (java.security.interfaces.ECPublicKey) pair.getPublic()).build();
        assertThat(keys.kid()).isEqualTo(expected.computeThumbprint().toString());
        assertThat(keys.algorithm()).isEqualTo(JWSAlgorithm.ES256);
    }

    @Test
    void p384PemSignsWithEs384() throws Exception {
        KeyPair pair = ec("secp384r1");
        JWK key = SigningKey.fromPem(pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                + pem("PUBLIC KEY", pair.getPublic().getEncoded()));

        assertThat(new SigningKey(key).algorithm()).isEqualTo(JWSAlgorithm.ES384);
    }

    @Test
    void rsaPemNeedsOnlyThePrivateKeyBecauseThePublicKeyIsDerived() throws Exception {
        KeyPair pair = rsa();

        JWK key = SigningKey.fromPem(pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

        assertThat(key).isInstanceOf(RSAKey.class);
        assertThat(key.isPrivate()).isTrue();
        assertThat(((RSAKey) key).toRSAPublicKey()).isEqualTo(pair.getPublic());
        assertThat(new SigningKey(key).algorithm()).isEqualTo(JWSAlgorithm.RS256);
    }

    @Test
    void keysLoadedFromPemSignReceiptsThatVerify() throws Exception {
        KeyPair pair = rsa();
        SigningKey keys = new SigningKey(
                SigningKey.fromPem(pem("PRIVATE KEY", pair.getPrivate().getEncoded())));
        ReceiptService service = new ReceiptService(keys, "consent-service");
        ConsentReceipt receipt = ConsentReceipt.of(
                ReceiptTestData.givenRecord(),
                List.of("Example Borough Council"),
                ReceiptTestData.NOTICE_URL,
                "uk-gdpr-6-1-e",
                List.of("letter"),
                "consent-service",
                Instant.now());

        assertThat(ReceiptService.verify(service.sign(receipt), keys.publicJwks()))
                .isEqualTo(receipt);
    }

    @Test
    void ecPemWithoutItsPublicKeyIsRefusedWithAHint() throws Exception {
        KeyPair pair = ec("secp256r1");

        assertThatThrownBy(() ->
                        SigningKey.fromPem(pem("PRIVATE KEY", pair.getPrivate().getEncoded())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PUBLIC KEY")
                .hasMessageContaining("openssl pkey");
    }

    @Test
    void publicKeyOfAnotherPairIsRefused() throws Exception {
        String mismatched = pem("PRIVATE KEY", ec("secp256r1").getPrivate().getEncoded())
                + pem("PUBLIC KEY", ec("secp256r1").getPublic().getEncoded());

        assertThatThrownBy(() -> SigningKey.fromPem(mismatched))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void traditionalOrEncryptedPemBlocksAreRefusedWithAConversionHint() {
        for (String label : List.of("RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "CERTIFICATE")) {
            assertThatThrownBy(() -> SigningKey.fromPem(pem(label, new byte[] {1, 2, 3})))
                    .as(label)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("openssl pkcs8");
        }
    }

    @Test
    void fileWithoutAPrivateKeyIsRefused() throws Exception {
        assertThatThrownBy(() ->
                        SigningKey.fromPem(pem("PUBLIC KEY", rsa().getPublic().getEncoded())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no -----BEGIN PRIVATE KEY-----");
    }

    @Test
    void unreadableKeyFileFailsStartUpNamingTheFile(@TempDir Path dir) {
        String missing = dir.resolve("absent.pem").toString();

        assertThatThrownBy(() -> SigningKey.fromPem(Path.of(missing)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing);
    }

    @Test
    void garbledKeyFileFailsStartUpNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("garbled.pem");
        Files.writeString(file, pem("PRIVATE KEY", new byte[] {48, 3, 2, 1, 0}));

        assertThatThrownBy(() -> SigningKey.fromPem(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString());
    }
}
