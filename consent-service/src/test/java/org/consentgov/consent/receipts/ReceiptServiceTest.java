package org.consentgov.consent.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.List;
import org.consentgov.consent.domain.ConsentDetails;
import org.consentgov.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ReceiptServiceTest {

    private static final String ISSUER = "consent-service";
    private static final Instant ISSUED_AT = Instant.parse("2026-03-05T09:00:00Z");

    private static SigningKey ecKeys() throws Exception {
        return new SigningKey(new ECKeyGenerator(Curve.P_256).generate());
    }

    private static ReceiptService service(SigningKey keys) {
        return new ReceiptService(keys, ISSUER);
    }

    private static ConsentReceipt receipt(ConsentDetails record) {
        return ConsentReceipt.of(
                record,
                List.of("Example Borough Council"),
                ReceiptTestData.NOTICE_URL,
                "uk-gdpr-6-1-e",
                List.of("online-form", "phone", "letter"),
                ISSUER,
                ISSUED_AT);
    }

    /** The JWKS as a stranger would get it: serialised to JSON, then parsed back with no private parts. */
    private static JWKSet offlineCopy(SigningKey keys) throws Exception {
        return JWKSet.parse(keys.publicJwks().toString());
    }

    private static ProblemException problem(Runnable action) {
        try {
            action.run();
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("expected a ProblemException");
    }

    @Test
    void receiptSignedWithAnEcKeyVerifiesOfflineWithOnlyThePublicJwks() throws Exception {
        SigningKey keys = ecKeys();
        ConsentReceipt receipt = receipt(ReceiptTestData.givenRecord());

        String jws = service(keys).sign(receipt);
        JWKSet published = offlineCopy(keys);

        assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
        assertThat(ReceiptService.verify(jws, published)).isEqualTo(receipt);
    }

    @Test
    void receiptSignedWithAnRsaKeyVerifiesOfflineWithOnlyThePublicJwks() throws Exception {
        SigningKey keys = new SigningKey(new RSAKeyGenerator(2048).generate());
        ConsentReceipt receipt = receipt(ReceiptTestData.givenRecord());

        String jws = service(keys).sign(receipt);

        assertThat(JWSObject.parse(jws).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(ReceiptService.verify(jws, offlineCopy(keys))).isEqualTo(receipt);
    }

    @Test
    void signedReceiptIsAJwtWithKidIssuerAndIssueTime() throws Exception {
        SigningKey keys = ecKeys();
        SignedJWT jwt = SignedJWT.parse(service(keys).sign(receipt(ReceiptTestData.givenRecord())));

        assertThat(jwt.getHeader().getKeyID()).isEqualTo(keys.kid());
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
        assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(ISSUED_AT);
        assertThat(jwt.getJWTClaimsSet().getStringClaim("schemaVersion")).isEqualTo("ISO/IEC TS 27560:2023");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("issuedAt")).isEqualTo("2026-03-05T09:00:00Z");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("formReceivedOn")).isEqualTo("2026-03-04");
    }

    @Test
    void tamperedPayloadFailsVerification() throws Exception {
        SigningKey keys = ecKeys();
        String jws = service(keys).sign(receipt(ReceiptTestData.givenRecord()));
        String[] parts = jws.split("\\.");
        String payload = Base64URL.from(parts[1]).decodeToString();
        assertThat(payload).contains("\"state\":\"ACTIVE\"");
        String forged = Base64URL.encode(payload.replace("\"state\":\"ACTIVE\"", "\"state\":\"WITHDRAWN\""))
                .toString();

        ProblemException e =
                problem(() -> ReceiptService.verify(parts[0] + "." + forged + "." + parts[2], keys.publicJwks()));

        assertThat(e.code()).isEqualTo("receipt-signature-invalid");
    }

    @Test
    void receiptSignedByAnotherKeyIsRejectedAsAnUnknownKey() throws Exception {
        String jws = service(ecKeys()).sign(receipt(ReceiptTestData.givenRecord()));

        JWKSet others = ecKeys().publicJwks();

        ProblemException e = problem(() -> ReceiptService.verify(jws, others));

        assertThat(e.code()).isEqualTo("receipt-key-unknown");
    }

    @Test
    void receiptSignedByAnotherKeyClaimingOurKidFailsVerification() throws Exception {
        SigningKey ours = ecKeys();
        ECKey impostor = new ECKeyGenerator(Curve.P_256).generate();
        String genuine = service(ours).sign(receipt(ReceiptTestData.givenRecord()));
        JWSObject forged = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ours.kid()).build(),
                new Payload(JWSObject.parse(genuine).getPayload().toString()));
        forged.sign(new ECDSASigner(impostor));

        JWKSet published = offlineCopy(ours);

        ProblemException e = problem(() -> ReceiptService.verify(forged.serialize(), published));

        assertThat(e.code()).isEqualTo("receipt-signature-invalid");
    }

    @Test
    void receiptWithAnHmacAlgorithmUnderOurKidIsRejected() throws Exception {
        SigningKey ours = ecKeys();
        String genuine = service(ours).sign(receipt(ReceiptTestData.givenRecord()));
        JWSObject forged = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(ours.kid()).build(),
                new Payload(JWSObject.parse(genuine).getPayload().toString()));
        forged.sign(new MACSigner(new byte[32]));

        JWKSet published = offlineCopy(ours);

        ProblemException e = problem(() -> ReceiptService.verify(forged.serialize(), published));

        assertThat(e.code()).isEqualTo("receipt-signature-invalid");
    }

    @Test
    void somethingThatIsNotAJwsIsMalformed() throws Exception {
        JWKSet keys = ecKeys().publicJwks();
        assertThat(problem(() -> ReceiptService.verify("not-a-receipt", keys)).code())
                .isEqualTo("receipt-malformed");
        assertThat(problem(() -> ReceiptService.verify(null, keys)).code()).isEqualTo("receipt-malformed");
        // an unsecured JWT (alg none) is not a JWS at all
        String unsecured = "eyJhbGciOiJub25lIn0." + Base64URL.encode("{\"state\":\"ACTIVE\"}") + ".";
        assertThat(problem(() -> ReceiptService.verify(unsecured, keys)).code()).isEqualTo("receipt-malformed");
    }

    @Test
    void receiptCarriesNoExternalIdentifierValuesEvenWhenTheRecordHasThem() throws Exception {
        ConsentDetails record = ReceiptTestData.givenRecord();
        assertThat(record.identifiers()).hasSize(3);

        String jws = service(ecKeys()).sign(receipt(record));
        String payload = JWSObject.parse(jws).getPayload().toString();

        assertThat(payload)
                .doesNotContain(
                        ReceiptTestData.NHS_NUMBER,
                        ReceiptTestData.UPN,
                        ReceiptTestData.CASE_ID,
                        "nhs-number",
                        "upn",
                        "case-management-id",
                        "subjectIdentifiers");
        // nor the names or relationships of the people who decided, nor who assessed the child
        assertThat(payload).doesNotContain("mother", "sw-ahmed", "GILLICK");
        assertThat(payload).contains("\"piiPrincipalId\":\"" + record.record().subjectId + "\"");
    }

    @Test
    void receiptForAnotherIssuerIsNotSigned() throws Exception {
        ConsentReceipt foreign = ConsentReceipt.of(
                ReceiptTestData.givenRecord(),
                List.of(),
                ReceiptTestData.NOTICE_URL,
                "uk-gdpr-6-1-e",
                List.of(),
                "someone-else",
                ISSUED_AT);

        assertThatThrownBy(() -> service(ecKeys()).sign(foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("someone-else");
    }

    @Test
    void withdrawalAtAnyTimeSurvivesTheRoundTripAsNoLastDay() throws Exception {
        ConsentDetails base = ReceiptTestData.givenRecord();
        ConsentDetails anyTime = base;
        anyTime.record().withdrawalWindowEndsOn = null;
        SigningKey keys = ecKeys();

        ConsentReceipt verified = ReceiptService.verify(service(keys).sign(receipt(anyTime)), offlineCopy(keys));

        assertThat(verified.withdrawal().lastDay()).isNull();
        assertThat(verified.withdrawal().channels()).containsExactly("online-form", "phone", "letter");
    }
}
