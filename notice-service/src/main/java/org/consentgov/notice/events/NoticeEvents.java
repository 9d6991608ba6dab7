package org.consentgov.notice.events;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The events notice-service emits (CloudEvents types) and their payloads. The aggregate is the notice, by
 * slug; a subscriber can ask for any of {@link #TYPES}.
 */
public final class NoticeEvents {

    public static final String AGGREGATE = "notice";

    /** A version was published and is now the one in force. */
    public static final String PUBLISHED = "org.consentgov.notice.published";
    /**
     * The version published differs materially from the previous published one (adds a purpose, data category
     * or recipient, or changes a lawful basis or consent term): consents pinned to the older version need
     * re-consent. Follows the {@link #PUBLISHED} event of the same version.
     */
    public static final String MATERIAL_CHANGE = "org.consentgov.notice.material-change";
    /** The published version was retired; the notice has no version in force. */
    public static final String RETIRED = "org.consentgov.notice.retired";

    public static final Set<String> TYPES = Set.of(PUBLISHED, MATERIAL_CHANGE, RETIRED);

    private NoticeEvents() {}

    public record Published(
            String slug,
            int version,
            String contentHash,
            Instant effectiveFrom,
            Instant publishedAt,
            Integer previousVersion,
            Boolean materialChange,
            List<String> materialReasons) {}

    public record MaterialChange(String slug, int version, int previousVersion, List<String> reasons) {}

    public record Retired(String slug, int version, Instant retiredAt, String reason) {}
}
