package org.consentgov.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.consentgov.platform.oidc.VerifiedTokenCache;
import org.consentgov.platform.testing.contracts.TokenAttack;
import org.consentgov.platform.testing.contracts.TokenAttackContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gateway verifies a token once and then serves the identity it built for the same token text
 * (platform-oidc's VerifiedTokenCache): a good token is kept and keeps working; a bad one is never kept, and
 * a forgery made from a kept token (same claims, another signature, or claims rewritten) is still refused.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(UpstreamStubs.class)
class VerifiedTokenCacheTest {

    @Inject
    VerifiedTokenCache cache;

    @Test
    void aVerifiedTokenIsKeptAndServesLaterRequests() {
        UpstreamStubs.reset();
        String token = TokenAttackContract.good(TokenAttackTest.AUDIENCE);
        assertThat(cache.isKept(token)).isFalse();
        given().auth()
                .oauth2(token)
                .accept("application/json")
                .when()
                .get(TokenAttackTest.PATH)
                .then()
                .statusCode(200);
        assertThat(cache.isKept(token)).isTrue();
        long hits = cache.hits();
        for (int i = 0; i < 3; i++) {
            given().auth()
                    .oauth2(token)
                    .accept("application/json")
                    .when()
                    .get(TokenAttackTest.PATH)
                    .then()
                    .statusCode(200);
        }
        assertThat(cache.hits() - hits).as("requests served the kept identity").isEqualTo(3);
        UpstreamStubs.notice.verify(
                4,
                WireMock.getRequestedFor(WireMock.urlPathEqualTo(TokenAttackTest.PATH))
                        .withHeader("Authorization", WireMock.equalTo("Bearer " + token)));
    }

    @ParameterizedTest
    @MethodSource("org.consentgov.platform.testing.contracts.TokenAttackContract#attacks")
    void aRefusedTokenIsNeverKeptAndStaysRefusedAfterAGoodOneWasKept(TokenAttack attack) throws Exception {
        String good = TokenAttackContract.good(TokenAttackTest.AUDIENCE);
        given().auth()
                .oauth2(good)
                .accept("application/json")
                .when()
                .get(TokenAttackTest.PATH)
                .then()
                .statusCode(200);
        String bad = TokenAttackContract.forge(attack, TokenAttackTest.AUDIENCE);
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + bad)
                    .accept("application/json")
                    .when()
                    .get(TokenAttackTest.PATH)
                    .then()
                    .statusCode(401);
        }
        assertThat(cache.isKept(bad)).as(attack.toString()).isFalse();
    }
}
