package org.consentgov.consent.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.consentgov.platform.problem.Problem;
import org.junit.jupiter.api.Test;

class BodyLimitsTest {

    @Test
    void aBodyOverTheLimitIsRefusedWithTheSameProblemBodyAsEver() {
        assertThat(BodyLimits.tooLargeBody(67_108_864L))
                .isEqualTo("{\"type\":\"" + Problem.TYPE_BASE + "content-too-large\",\"title\":\"Content too large\","
                        + "\"status\":413,\"detail\":\"A request body may have at most 67108864 bytes here\","
                        + "\"code\":\"content-too-large\",\"maxBodyBytes\":67108864}");
    }
}
