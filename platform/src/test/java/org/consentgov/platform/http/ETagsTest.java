package org.consentgov.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.ProblemKind;
import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void missingIfMatchIsPreconditionRequired() {
        assertThatThrownBy(() -> ETags.expectedVersion(null))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.PRECONDITION_REQUIRED));
        assertThatThrownBy(() -> ETags.expectedVersion("  "))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.PRECONDITION_REQUIRED));
    }

    @Test
    void quotedVersionIsRead() {
        assertThat(ETags.expectedVersion("\"7\"")).isEqualTo(7L);
        assertThat(ETags.of(7).getValue()).isEqualTo("7");
    }

    @Test
    void weakOrMalformedTagsArePreconditionFailed() {
        for (String tag : new String[] {"W/\"7\"", "7", "\"seven\"", "\""}) {
            assertThatThrownBy(() -> ETags.expectedVersion(tag))
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            e -> assertThat(e.kind()).isEqualTo(ProblemKind.PRECONDITION_FAILED));
        }
    }

    @Test
    void staleVersionIsPreconditionFailedWithTheCurrentTag() {
        ETags.requireCurrent(3, 3);
        assertThatThrownBy(() -> ETags.requireCurrent(2, 3)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProblemKind.PRECONDITION_FAILED);
            assertThat(e.extensions()).containsEntry("currentEtag", "\"3\"");
        });
    }
}
