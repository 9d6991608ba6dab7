package org.consentgov.platform.access;

import java.util.UUID;
import org.consentgov.platform.identifiers.Identifier;

/**
 * Whose personal data was read, as the service's {@code subject_access_log} table names a subject: by the id of
 * its own subject row (consent-service: column {@code subject_id}) or by an external identifier
 * (sharing-agreement-service: {@code subject_system} and {@code subject_value}). A read of many subjects (a listing,
 * an export) is logged as one row per subject it returned, never as one anonymous row: "who looked at this child's
 * records?" must find it.
 */
public sealed interface AccessedSubject {

    /** A subject the service keeps, by its id. */
    record ById(UUID subjectId) implements AccessedSubject {}

    /**
     * A subject named by an external identifier, its value normalised. Its text form names the system only: an
     * NHS number, UPN or NI number is personal data and never goes into an application log.
     */
    record ByIdentifier(String system, String value) implements AccessedSubject {
        public ByIdentifier(Identifier identifier) {
            this(identifier.systemCode(), identifier.value());
        }

        @Override
        public String toString() {
            return system + ":(value not logged)";
        }
    }

    static AccessedSubject byId(UUID subjectId) {
        return new ById(subjectId);
    }

    static AccessedSubject byIdentifier(String system, String value) {
        return new ByIdentifier(system, value);
    }
}
