package org.consentgov.consent.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.consentgov.consent.domain.ConsentAccess;
import org.consentgov.platform.access.AccessedSubject;
import org.consentgov.platform.events.ChangeFeedSubjects;

/**
 * Consent events name the subject by its internal id: a poll of {@code /api/consents/changes} is a read of those
 * subjects, logged as {@code read-changes}, one row per subject in the page. Webhook deliveries are not: they are
 * pushed to a receiver the DPO registered, not read by a caller.
 */
@ApplicationScoped
public class ConsentFeedSubjects implements ChangeFeedSubjects {

    @Override
    public String action() {
        return ConsentAccess.READ_CHANGES;
    }

    @Override
    public Optional<AccessedSubject> subjectOf(JsonNode event) {
        JsonNode subject = event.path("data").path("subjectId");
        if (!subject.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AccessedSubject.byId(UUID.fromString(subject.asText())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
