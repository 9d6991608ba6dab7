package org.consentgov.consent.receipts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consentgov.consent.ConsentTestData.nhsNumber;
import static org.consentgov.consent.ConsentTestData.researchConsent;
import static org.consentgov.consent.ConsentTestData.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.consentgov.consent.NoticeServiceStub;
import org.consentgov.platform.crypto.KeyEncryptionKey;
import org.consentgov.platform.testing.DatabaseFingerprint;
import org.consentgov.platform.testing.PostgresTestResource;
import org.consentgov.platform.testing.RestAssuredLogging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Receipt signing keys kept in the database: a receipt verifies against the JWKS after the key that signed it was
 * rotated, the private halves are stored sealed, only the DPO rotates, rotation is replica-safe and scheduled, and a
 * wrong key-encryption key refuses to start instead of making a new key.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(NoticeServiceStub.class)
@ExtendWith(RestAssuredLogging.class)
class ReceiptKeysTest {

    private static final String ROTATIONS = "/api/consents/receipts/key-rotations";
    private static final String JWKS = "/api/consents/receipts/jwks.json";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReceiptKeys keys;

    @Inject
    ReceiptKeyRotation rotation;

    @Inject
    ReceiptConfig config;

    @Test
    void aReceiptSignedBeforeARotationVerifiesAfterItAndNewReceiptsCarryTheNewKid() throws Exception {
        String id = recordConsent();
        String before = receipt(id);
        String oldKid = JWSObject.parse(before).getHeader().getKeyID();
        assertThat(oldKid).isEqualTo(keys.signingKey().kid());

        String idempotencyKey = UUID.randomUUID().toString();
        io.restassured.response.Response rotated = rotate(token("dpo"), idempotencyKey);
        rotated.then().statusCode(201).body("previousKid", equalTo(oldKid));
        String newKid = rotated.jsonPath().getString("kid");
        assertThat(newKid).isNotEqualTo(oldKid);

        JWKSet published =
                JWKSet.parse(given().get(JWKS).then().statusCode(200).extract().asString());
        assertThat(published.getKeyByKeyId(oldKid))
                .as("the retired key stays published")
                .isNotNull();
        assertThat(published.getKeyByKeyId(newKid)).isNotNull();
        assertThat(published.getKeys().get(0).getKeyID())
                .as("the active key first")
                .isEqualTo(newKid);
        assertThat(published.getKeys())
                .allSatisfy(k -> assertThat(k.isPrivate()).isFalse());

        assertThat(ReceiptService.verify(before, published).recordId()).hasToString(id);
        String after = receipt(id);
        assertThat(JWSObject.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(ReceiptService.verify(after, published).recordId()).hasToString(id);

        // the same request again: the first answer, and no second rotation
        int count = keys.keys().size();
        rotate(token("dpo"), idempotencyKey)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("kid", equalTo(newKid))
                .body("previousKid", equalTo(oldKid));
        assertThat(keys.keys()).hasSize(count);
        assertThat(keys.signingKey().kid()).isEqualTo(newKid);

        given().auth()
                .oauth2(token("auditor"))
                .get("/api/consents/receipts/keys")
                .then()
                .statusCode(200)
                .body("keys[0].kid", equalTo(newKid))
                .body("keys[0].status", equalTo("ACTIVE"))
                .body("keys.kid", hasItems(oldKid, newKid))
                .body("keys.find { it.kid == '" + oldKid + "' }.status", equalTo("RETIRED"));
    }

    @Test
    void onlyTheDpoRotatesAndARefusedRotationChangesNothing() {
        Map<String, String> before = fingerprint();
        for (String role : List.of("caseworker", "integration", "auditor", "researcher", "partner")) {
            rotate(token(role), UUID.randomUUID().toString()).then().statusCode(403);
        }
        given().header("Idempotency-Key", "k").post(ROTATIONS).then().statusCode(401);
        rotate(token("dpo"), "not a valid key").then().statusCode(400);
        given().auth()
                .oauth2(token("caseworker"))
                .get("/api/consents/receipts/keys")
                .then()
                .statusCode(403);
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void theStoredPrivateKeyIsSealedNeverInTheClear() throws Exception {
        rotation.rotate("test");
        SigningKey active = keys.signingKey();
        ECPrivateKey privateKey =
                ((ECDSASigner) active.signer()).getPrivateKey() instanceof ECPrivateKey ec ? ec : null;
        assertThat(privateKey).isNotNull();
        byte[] d = unsigned(privateKey.getS().toByteArray());
        List<byte[]> secrets = List.of(
                d,
                privateKey.getEncoded(),
                Base64URL.encode(d).toString().getBytes(StandardCharsets.US_ASCII),
                Base64.getEncoder().encode(d),
                active.privateJson().getBytes(StandardCharsets.UTF_8));
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT private_key_ciphertext, private_key_nonce, public_jwk, kek_id "
                        + "FROM receipt_signing_key WHERE kid = '" + active.kid() + "'")) {
            assertThat(row.next()).isTrue();
            byte[] ciphertext = row.getBytes(1);
            String publicJwk = row.getString(3);
            for (byte[] secret : secrets) {
                assertThat(indexOf(ciphertext, secret)).isEqualTo(-1);
                assertThat(publicJwk).doesNotContain(Base64URL.encode(d).toString());
            }
            assertThat(row.getBytes(2)).hasSize(12);
            String kek = config.kek().orElseThrow();
            assertThat(row.getString(4)).doesNotContain(kek);
            assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("\"d\"");
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet nonces =
                        s.executeQuery("SELECT count(*), count(DISTINCT private_key_nonce) FROM receipt_signing_key")) {
            nonces.next();
            assertThat(nonces.getLong(2)).as("a fresh nonce per key").isEqualTo(nonces.getLong(1));
        }
    }

    @Test
    void keysAreRotatedOnScheduleOnceTheyHaveSignedForTheWholePeriod() {
        ReceiptKeys.KeyInfo active = keys.keys().get(0);
        assertThat(active.active()).isTrue();
        Instant due = active.activatedAt().plus(config.rotationPeriod());

        assertThat(rotation.rotateIfDue(due.minusSeconds(1))).isEmpty();
        assertThat(keys.signingKey().kid()).isEqualTo(active.kid());

        ReceiptKeyRotation.Rotation rotated = rotation.rotateIfDue(due).orElseThrow();
        assertThat(rotated.previousKid()).isEqualTo(active.kid());
        assertThat(keys.signingKey().kid()).isEqualTo(rotated.kid());
        assertThat(keys.publicJwks().getKeyByKeyId(active.kid())).isNotNull();
        // the new key's own period starts now
        assertThat(rotation.rotateIfDue(
                        rotated.activatedAt().plus(config.rotationPeriod()).minusSeconds(1)))
                .isEmpty();
    }

    @Test
    void rotationsAtOnceOnSeveralReplicasLeaveExactlyOneActiveKey() throws Exception {
        int before = keys.keys().size();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ReceiptKeyRotation.Rotation>> rotations = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                rotations.add(() -> rotation.rotate("replica"));
            }
            List<String> kids = new ArrayList<>();
            for (Future<ReceiptKeyRotation.Rotation> f : pool.invokeAll(rotations)) {
                kids.add(f.get().kid());
            }
            assertThat(kids).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
        List<ReceiptKeys.KeyInfo> after = keys.keys();
        assertThat(after).hasSize(before + 4);
        assertThat(after.stream().filter(ReceiptKeys.KeyInfo::active)).hasSize(1);
        assertThat(keys.publicJwks().getKeys()).hasSize(before + 4);
    }

    @Test
    void aWrongKeyEncryptionKeyRefusesToStartAndMakesNoNewKey() {
        Map<String, String> before = fingerprint();
        KeyEncryptionKey wrong = KeyEncryptionKey.fromBase64(
                Base64.getEncoder()
                        .encodeToString("another 32-byte key, not the one".getBytes(StandardCharsets.US_ASCII)),
                ReceiptConfig.KEK_SETTING);
        ReceiptKeys replica = new ReceiptKeys(dataSource, Clock.systemUTC(), config, wrong);

        assertThatThrownBy(replica::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another key-encryption key")
                .hasMessageContaining("CONSENT_RECEIPT_KEK")
                .hasMessageNotContaining(config.kek().orElseThrow());
        assertThatThrownBy(replica::signingKey).isInstanceOf(IllegalStateException.class);
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void aReplicaStartingOnAnExistingKeyTableSignsWithTheActiveKeyAndMakesNone() {
        Map<String, String> before = fingerprint();
        ReceiptKeys replica = new ReceiptKeys(
                dataSource,
                Clock.systemUTC(),
                config,
                KeyEncryptionKey.fromBase64(config.kek().orElseThrow(), ReceiptConfig.KEK_SETTING));

        replica.start();

        assertThat(replica.signingKey().kid()).isEqualTo(keys.signingKey().kid());
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void keysAreNeverDeleted() throws Exception {
        String kid = keys.keys().get(0).kid();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM receipt_signing_key WHERE kid = '" + kid + "'"))
                    .hasMessageContaining("never deleted");
        }
    }

    @Test
    void theScheduleRule() {
        Instant activated = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(ReceiptKeyRotation.due(activated, Duration.ofDays(90), activated.plus(Duration.ofDays(90))))
                .isTrue();
        assertThat(ReceiptKeyRotation.due(
                        activated,
                        Duration.ofDays(90),
                        activated.plus(Duration.ofDays(90)).minusNanos(1)))
                .isFalse();
    }

    private static io.restassured.response.Response rotate(String token, String idempotencyKey) {
        return given().auth()
                .oauth2(token)
                .header("Idempotency-Key", idempotencyKey)
                .when()
                .post(ROTATIONS);
    }

    private static String recordConsent() {
        return given().auth()
                .oauth2(token("caseworker"))
                .contentType(ContentType.JSON)
                .body(researchConsent(nhsNumber(), 0))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
    }

    private static String receipt(String id) {
        return given().auth()
                .oauth2(token("caseworker"))
                .accept("application/jose")
                .when()
                .get("/api/consents/{id}/receipt", id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private Map<String, String> fingerprint() {
        return DatabaseFingerprint.of(dataSource, "receipt_signing_key", "idempotency_key");
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement.length > 1 && twosComplement[0] == 0
                ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length)
                : twosComplement;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
