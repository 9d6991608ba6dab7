package org.consentgov.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConsoleClientTest {

    @Test
    void theAuthorityIsTheRealmUrlWithoutItsTrailingSlash() throws Exception {
        ConsoleClient client = ConsoleClient.of("http://localhost:8180/realms/governance/", "governance-console");
        JsonNode config = new ObjectMapper().readTree(client.configJson());
        assertThat(config.path("authority").asText()).isEqualTo("http://localhost:8180/realms/governance");
        assertThat(config.path("clientId").asText()).isEqualTo("governance-console");
        assertThat(config.path("apiBase").asText()).isEqualTo("/");
        assertThat(config.size()).isEqualTo(3);
    }

    @Test
    void theRealmsOriginKeepsAnExplicitPortOnly() {
        assertThat(ConsoleClient.realmOrigin("http://localhost:8180/realms/governance"))
                .isEqualTo("http://localhost:8180");
        assertThat(ConsoleClient.realmOrigin("https://id.council.example/realms/governance/"))
                .isEqualTo("https://id.council.example");
        assertThatThrownBy(() -> ConsoleClient.realmOrigin("/realms/governance"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePolicyNamesTheRealmsOriginWhereverTheTemplateSaysSo() {
        assertThat(ConsoleClient.contentSecurityPolicy(
                        "connect-src 'self' {realm-origin}; frame-src {realm-origin}",
                        "https://id.council.example/realms/governance"))
                .isEqualTo("connect-src 'self' https://id.council.example; frame-src https://id.council.example");
    }
}
