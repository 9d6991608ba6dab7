package org.consentgov.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgreementContentJsonTest {

    private final AgreementContentJson json = new AgreementContentJson(Contents.JSON);

    @Test
    void contentWrittenThenReadIsTheSameContent() {
        for (AgreementContent content : new AgreementContent[] {Contents.research(), Contents.eyes()}) {
            assertThat(json.read(json.write(content))).isEqualTo(content);
        }
    }

    @Test
    void datesAreStoredAsIsoDaysAndAbsentPartsAreLeftOut() {
        String stored = json.write(Contents.eyes());

        assertThat(stored).contains("\"startDate\":\"" + Contents.eyes().startDate() + "\"");
        assertThat(json.tree(stored).has("accessLimit"))
                .isEqualTo(Contents.eyes().accessLimit() != null);
    }

    @Test
    void unreadableStoredContentIsADefectNotARequestError() {
        assertThatThrownBy(() -> json.read("{not json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unreadable");
        assertThatThrownBy(() -> json.tree("[1,"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unreadable");
    }
}
