package org.consentgov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.consentgov.gateway.wellknown.SecurityTxt;
import org.junit.jupiter.api.Test;

class SecurityTxtTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:15:30.123Z");

    @Test
    void eachContactIsAUriAndTheFileExpiresWithinAYear() {
        String text = SecurityTxt.render(
                        List.of("security@council.example", " https://council.example/report "),
                        Optional.of("https://council.example/disclosure-policy"),
                        NOW)
                .orElseThrow();
        assertThat(text.lines())
                .contains(
                        "Contact: mailto:security@council.example",
                        "Contact: https://council.example/report",
                        "Expires: 2027-06-01T10:15:30Z",
                        "Policy: https://council.example/disclosure-policy",
                        "Preferred-Languages: en");
    }

    @Test
    void aDeploymentWithoutAContactPublishesNoFile() {
        assertThat(SecurityTxt.render(List.of(), Optional.empty(), NOW)).isEmpty();
        assertThat(SecurityTxt.render(List.of(" "), Optional.of("https://x.example"), NOW))
                .isEmpty();
    }
}
