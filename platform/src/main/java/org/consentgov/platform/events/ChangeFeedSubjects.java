package org.consentgov.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.consentgov.platform.access.AccessedSubject;

/**
 * For a service whose events name a subject (consent-service's carry the subject's internal id): which subject an
 * event of the change feed is about, so that a poll of the feed is logged like any other read of personal data,
 * one access row per subject in the page. A service whose events name no subject provides none.
 */
public interface ChangeFeedSubjects {

    /** The operation of the access rows a poll writes, e.g. {@code read-changes}. */
    String action();

    /** The subject of one event as the feed returns it (a CloudEvent), if it names one. */
    Optional<AccessedSubject> subjectOf(JsonNode event);
}
