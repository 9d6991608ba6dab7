package org.consentgov.notice.domain;

import java.util.List;
import org.consentgov.platform.problem.RuleViolation;

/** The publication rules a version breaks now, each field a path from the version (e.g. {@code content.}). */
public record PublicationChecks(int number, List<RuleViolation> violations) {

    public boolean publishable() {
        return violations.isEmpty();
    }
}
