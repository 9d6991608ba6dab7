package org.consentgov.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.consentgov.platform.problem.ProblemException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The webhook secret rule: at least 256 bits of room, a plain alphabet, nothing obviously not random. */
class WebhookSecretRuleTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @RepeatedTest(20)
    void whatOpensslAndTheServiceMakeIsAccepted() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        assertThat(WebhookSecretRule.strong(Base64.getEncoder().encodeToString(bytes)))
                .as("openssl rand -base64 32")
                .isTrue();
        assertThat(WebhookSecretRule.strong(HexFormat.of().formatHex(bytes)))
                .as("openssl rand -hex 32")
                .isTrue();
        assertThat(WebhookSecretRule.strong(WebhookSecretRule.generate())).isTrue();
    }

    @Test
    void aGeneratedSecretIs32RandomBytesInBase64Url() {
        String secret = WebhookSecretRule.generate();

        assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
        assertThat(WebhookSecretRule.generate()).isNotEqualTo(secret);
    }

    @Test
    void lessThan256BitsOfRoomAnotherAlphabetOrARepeatedPatternIsRefused() {
        String base64Of31Bytes = Base64.getEncoder()
                .withoutPadding()
                .encodeToString(new byte[31])
                .replace('A', 'q');
        assertThat(WebhookSecretRule.strong("Ab3-Cd4_Ef".repeat(4) + "Ghi"))
                .as("43 base64url characters")
                .isTrue();
        assertThat(WebhookSecretRule.strong("Ab3-Cd4_Ef".repeat(4) + "Gh"))
                .as("42")
                .isFalse();
        assertThat(WebhookSecretRule.strong("0123456789abcdef".repeat(3) + "0123456789abcde"))
                .as("63 hex digits")
                .isFalse();
        assertThat(WebhookSecretRule.strong("0123456789abcdef".repeat(4)))
                .as("64 hex digits")
                .isTrue();
        assertThat(WebhookSecretRule.strong(base64Of31Bytes)).isFalse();
        assertThat(WebhookSecretRule.strong("a".repeat(100))).isFalse();
        assertThat(WebhookSecretRule.strong("abcdefghi".repeat(10)))
                .as("9 different characters")
                .isFalse();
        assertThat(WebhookSecretRule.strong("a secret with spaces and punctuation, long enough!!"))
                .isFalse();
        assertThat(WebhookSecretRule.strong("Ab3-Cd4_Ef".repeat(4) + "Ghi=="))
                .as("padding is not counted")
                .isTrue();
        assertThat(WebhookSecretRule.strong("Ab3-Cd4_Ef".repeat(4) + "Gh==")).isFalse();
        assertThat(WebhookSecretRule.strong("=Ab3-Cd4_Ef".repeat(5)))
                .as("= only as padding")
                .isFalse();
        assertThat(WebhookSecretRule.strong("Ab3-Cd4_Ef".repeat(26)))
                .as("257 characters and more")
                .isFalse();
        assertThat(WebhookSecretRule.strong(null)).isFalse();
    }

    @Test
    void aRefusalIsA400NamingTheFieldAndNeverTheSecret() {
        String weak = "correct-horse-battery-staple";

        assertThatThrownBy(() -> WebhookSecretRule.acceptOrGenerate(weak))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("256")
                .hasMessageNotContaining(weak);
        assertThat(WebhookSecretRule.acceptOrGenerate(null)).hasSize(43);
    }
}
