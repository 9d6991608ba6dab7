package org.consentgov.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.consentgov.platform.events.fence.TargetFence;
import org.consentgov.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class EventApiOperationIdsTest {

    @Test
    void theNounIsTheSingularOfTheApiSegment() {
        assertThat(EventApiOperationIds.noun("/api/notices/subscriptions")).isEqualTo("Notice");
        assertThat(EventApiOperationIds.noun("/api/consents/changes")).isEqualTo("Consent");
        assertThat(EventApiOperationIds.noun("/api/sharing-decisions/changes")).isEqualTo("SharingDecision");
        assertThat(EventApiOperationIds.noun("/public/vocabulary")).isNull();
    }

    @Test
    void targetUrlsMustBeHttpWithAHostAndNoCredentials() {
        assertThat(TargetFence.wellFormed("https://hooks.example.org/consents?x=1")
                        .toString())
                .isEqualTo("https://hooks.example.org/consents?x=1");
        for (String bad : new String[] {
            "ftp://example.org/x",
            "not a url",
            "/relative",
            "https://user:pw@example.org/",
            "http:///nohost",
            "https://example.org/#frag",
            "javascript:alert(1)"
        }) {
            assertThatThrownBy(() -> TargetFence.wellFormed(bad)).as(bad).isInstanceOf(ProblemException.class);
        }
    }
}
