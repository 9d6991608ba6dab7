package org.consentgov.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.UUID;
import org.consentgov.reliability.support.Api;
import org.consentgov.reliability.support.Fixtures;
import org.consentgov.reliability.support.ServiceProcess;
import org.consentgov.reliability.support.Suite;
import org.consentgov.reliability.support.SuiteExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue I: receipts verify forever. A receipt issued before a restart (kill -9) and before a key rotation verifies
 * offline, with nothing but nimbus and the published JWKS, after both and after another (graceful) restart; a new
 * receipt names the new key. A consent-service started with another key-encryption key, or none, refuses to start
 * and makes no key of its own.
 */
@ExtendWith(SuiteExtension.class)
class ReceiptsAcrossRestartTest {

    private Suite suite;

    @AfterEach
    void heal() {
        if (suite != null) {
            suite.consent().env("CONSENT_RECEIPT_KEK", suite.receiptKek());
            suite.heal();
        }
    }

    @Test
    void aReceiptIssuedBeforeARestartAndARotationVerifiesAfterBoth(Suite suite) throws Exception {
        this.suite = suite;
        Fixtures f = new Fixtures(suite);
        ServiceProcess consent = suite.consent();
        String id = f.consent(Fixtures.nhsNumber()).path("id").asText();
        String first = receipt(f, id);
        String firstKid = JWSObject.parse(first).getHeader().getKeyID();

        consent.restart(true);

        assertThat(JWSObject.parse(receipt(f, id)).getHeader().getKeyID())
                .as("after a restart the same key signs")
                .isEqualTo(firstKid);
        JsonNode rotation = f.consentDpo()
                .header("Idempotency-Key", "reliability-" + UUID.randomUUID())
                .post("/api/consents/receipts/key-rotations", null)
                .expect(201)
                .json();
        String newKid = rotation.path("kid").asText();
        assertThat(rotation.path("previousKid").asText()).isEqualTo(firstKid);
        assertThat(newKid).isNotEqualTo(firstKid);

        consent.restart(false);

        JWKSet published = JWKSet.parse(Api.anonymous(consent)
                .header("Accept", "application/jwk-set+json")
                .get("/api/consents/receipts/jwks.json")
                .expect(200)
                .body());
        assertVerifies(first, published, firstKid, id);
        String second = receipt(f, id);
        assertVerifies(second, published, newKid, id);
    }

    @Test
    void anotherKeyEncryptionKeyOrNoneRefusesToStartAndMakesNoKey(Suite suite) {
        this.suite = suite;
        ServiceProcess consent = suite.consent();
        long keys = suite.postgres().count(Suite.CONSENTS, "SELECT count(*) FROM receipt_signing_key");
        consent.stop();

        String wrong = Suite.randomKek();
        consent.env("CONSENT_RECEIPT_KEK", wrong);
        assertThatThrownBy(consent::start).hasMessageContaining("exited");
        assertThat(consent.log())
                .contains("another key-encryption key")
                .doesNotContain(wrong)
                .doesNotContain(suite.receiptKek());
        consent.env("CONSENT_RECEIPT_KEK", "");
        assertThatThrownBy(consent::start).hasMessageContaining("exited");
        assertThat(consent.log()).contains("No key-encryption key").contains("CONSENT_RECEIPT_KEK");

        assertThat(suite.postgres().count(Suite.CONSENTS, "SELECT count(*) FROM receipt_signing_key"))
                .isEqualTo(keys);
        consent.env("CONSENT_RECEIPT_KEK", suite.receiptKek());
        consent.start();
    }

    private static String receipt(Fixtures f, String id) {
        return f.caseworker()
                .header("Accept", "application/jose")
                .get("/api/consents/" + id + "/receipt")
                .expect(200)
                .body();
    }

    private static void assertVerifies(String receipt, JWKSet published, String kid, String recordId) throws Exception {
        JWSObject jws = JWSObject.parse(receipt);
        assertThat(jws.getHeader().getKeyID()).isEqualTo(kid);
        JWK key = published.getKeyByKeyId(kid);
        assertThat(key).as("key %s in the JWKS", kid).isInstanceOf(ECKey.class);
        assertThat(key.isPrivate()).isFalse();
        assertThat(jws.verify(new ECDSAVerifier((ECKey) key)))
                .as("receipt signed by %s verifies", kid)
                .isTrue();
        assertThat(Api.JSON
                        .readTree(jws.getPayload().toString())
                        .path("recordId")
                        .asText())
                .isEqualTo(recordId);
    }
}
