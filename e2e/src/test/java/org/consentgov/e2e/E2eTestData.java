package org.consentgov.e2e;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.consentgov.platform.testing.SuiteTestData;

/**
 * The requests the end-to-end tests send, as JSON maps, built on the suite's {@link SuiteTestData}. Every test
 * makes its own data (fresh slugs and NHS numbers), so tests never depend on each other or on what earlier runs
 * left in the database.
 */
public final class E2eTestData {

    public static final String RESEARCH_NOTICE = SuiteTestData.RESEARCH_NOTICE;
    public static final String RESEARCH_PURPOSE = SuiteTestData.RESEARCH_PURPOSE;
    public static final String EDUCATION_NOTICE = "children-families-education";
    /** The heading of the Welsh child-friendly summary of {@link #bilingualNoticeContent}. */
    public static final String WELSH_CHILD_HEADING = "Am hyn";

    private E2eTestData() {}

    /** Today where the council is: withdrawal windows count in Europe/London. */
    public static LocalDate today() {
        return SuiteTestData.today();
    }

    public static String uniqueSlug(String prefix) {
        return SuiteTestData.uniqueSlug(prefix);
    }

    /** A valid NHS number (modulus 11) that no other test uses. */
    public static String nhsNumber() {
        return SuiteTestData.nhsNumber();
    }

    /** A notice that passes every publication rule: ordinary personal data under public task, in English. */
    public static Map<String, Object> noticeContent(String title) {
        return SuiteTestData.noticeContent(title);
    }

    /** The same notice in English and Welsh (Cymraeg), English the authoritative text. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> bilingualNoticeContent(String englishTitle, String welshTitle) {
        Map<String, Object> c = noticeContent(englishTitle);
        ((Map<String, Object>) c.get("locales"))
                .put(
                        "cy",
                        SuiteTestData.localised(
                                welshTitle,
                                "Beth rydym yn ei wneud â'ch gwybodaeth",
                                "Pwy ydym ni",
                                "Ni yw'r cyngor.",
                                WELSH_CHILD_HEADING,
                                "Rydym yn cadw eich gwybodaeth yn ddiogel."));
        return c;
    }

    public static Map<String, Object> newNotice(String slug, Map<String, Object> content) {
        return SuiteTestData.newNotice(slug, content);
    }

    /**
     * A research consent for What It Means to Me by a 12-year-old and a parent (see
     * {@link SuiteTestData#childAndParentConsent}); the form came back {@code receivedDaysAgo} days ago.
     */
    public static Map<String, Object> childAndParentConsent(
            String nhsNumber, int noticeVersion, String contentHash, int receivedDaysAgo) {
        return SuiteTestData.childAndParentConsent(
                nhsNumber, noticeVersion, contentHash, today().minusDays(receivedDaysAgo), "e2e form " + nhsNumber);
    }

    public static Map<String, Object> withdrawal(String requestedBy, String reason) {
        return SuiteTestData.withdrawal(requestedBy, reason);
    }

    @SafeVarargs
    public static <T> List<T> list(T... items) {
        return SuiteTestData.list(items);
    }

    public static Map<String, Object> map(Object... pairs) {
        return SuiteTestData.map(pairs);
    }
}
