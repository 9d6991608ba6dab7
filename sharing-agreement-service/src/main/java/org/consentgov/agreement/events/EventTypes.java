package org.consentgov.agreement.events;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The event types this service raises. Stable names: subscribers filter on them. In {@code agreement_event}
 * and at {@code /api/agreements/{id}/events} they are short ({@code agreement.activated}); as CloudEvents
 * through the platform outbox they carry the suite's reverse-DNS prefix ({@code org.consentgov.agreement.activated}).
 */
public final class EventTypes {

    public static final String SUBMITTED = "agreement.submitted";
    public static final String SIGNED = "agreement.signed";
    public static final String ACTIVATED = "agreement.activated";
    public static final String SUSPENDED = "agreement.suspended";
    public static final String TERMINATED = "agreement.terminated";
    public static final String EXPIRED = "agreement.expired";
    public static final String VARIED = "agreement.variation-started";
    public static final String REVIEWED = "agreement.reviewed";
    public static final String REVIEW_DUE = "agreement.review-due";
    /** A notice the version in force links changed materially: the agreement needs the DPO's review. */
    public static final String REVIEW_REQUIRED = "agreement.review-required";

    public static final String ACCESS_WINDOW_ENDING = "agreement.access-window-ending";
    public static final String ACCESS_WINDOW_ENDED = "agreement.access-window-ended";
    public static final String DISCLOSURE_RECORDED = "disclosure.recorded";

    public static final Set<String> ALL = Set.of(
            SUBMITTED,
            SIGNED,
            ACTIVATED,
            SUSPENDED,
            TERMINATED,
            EXPIRED,
            VARIED,
            REVIEWED,
            REVIEW_DUE,
            REVIEW_REQUIRED,
            ACCESS_WINDOW_ENDING,
            ACCESS_WINDOW_ENDED,
            DISCLOSURE_RECORDED);

    /** The CloudEvents types a webhook subscription may ask for. */
    public static final Set<String> CLOUD_EVENT_TYPES =
            ALL.stream().map(EventTypes::cloudEventType).collect(Collectors.toUnmodifiableSet());

    private EventTypes() {}

    public static String cloudEventType(String type) {
        return "org.consentgov." + type;
    }
}
