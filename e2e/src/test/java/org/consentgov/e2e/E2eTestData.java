package org.consentgov.e2e;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Small factories for the requests the end-to-end tests send, as JSON maps. Every test makes its own data
 * (fresh slugs and NHS numbers), so tests never depend on each other or on what earlier runs left in the
 * database.
 */
public final class E2eTestData {

    public static final String RESEARCH_NOTICE = "what-it-means-to-me";
    public static final String RESEARCH_PURPOSE = "research-what-it-means-to-me";
    public static final String EDUCATION_NOTICE = "children-families-education";
    /** The heading of the Welsh child-friendly summary of {@link #bilingualNoticeContent}. */
    public static final String WELSH_CHILD_HEADING = "Am hyn";

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private E2eTestData() {}

    /** Today where the council is: withdrawal windows count in Europe/London. */
    public static LocalDate today() {
        return LocalDate.now(LONDON);
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid NHS number (modulus 11) that no other test uses. */
    public static String nhsNumber() {
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int d = ThreadLocalRandom.current().nextInt(10);
                digits.append(d);
                sum += d * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                return digits.append(check).toString();
            }
        }
    }

    /** A notice that passes every publication rule: ordinary personal data under public task, in English. */
    public static Map<String, Object> noticeContent(String title) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("defaultLocale", "en");
        Map<String, Object> locales = new LinkedHashMap<>();
        locales.put(
                "en",
                localised(
                        title,
                        "What we do with your information",
                        "Who we are",
                        "We are the council.",
                        "About this",
                        "We keep your information safe."));
        c.put("locales", locales);
        c.put(
                "controllers",
                list(map("name", "Luton Borough Council", "role", "CONTROLLER", "organisationId", "luton-council")));
        c.put("dpo", map("description", "Contact the data protection officer through the council"));
        c.put("purposes", list(map("code", "statutory-service", "description", "To provide a statutory service")));
        c.put("dataCategories", list("identity.date-of-birth"));
        c.put("sources", list(map("description", "Your case record")));
        c.put(
                "lawfulBases",
                list(map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-e", "description", "Public task")));
        c.put(
                "recipients",
                list(map(
                        "name",
                        "Luton Schools",
                        "organisationType",
                        "school",
                        "organisationId",
                        "luton-schools",
                        "role",
                        "RECIPIENT")));
        c.put("internationalTransfers", map("occurs", false));
        c.put("retention", map("description", "In line with the retention schedule"));
        c.put("automatedDecisionMaking", map("used", false, "description", "No automated decisions"));
        c.put("rights", list("access", "rectification"));
        c.put("transferMethods", map("allowed", list("system-access"), "forbidden", list("paper", "unsecured-email")));
        return c;
    }

    /** The same notice in English and Welsh (Cymraeg), English the authoritative text. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> bilingualNoticeContent(String englishTitle, String welshTitle) {
        Map<String, Object> c = noticeContent(englishTitle);
        ((Map<String, Object>) c.get("locales"))
                .put(
                        "cy",
                        localised(
                                welshTitle,
                                "Beth rydym yn ei wneud â'ch gwybodaeth",
                                "Pwy ydym ni",
                                "Ni yw'r cyngor.",
                                WELSH_CHILD_HEADING,
                                "Rydym yn cadw eich gwybodaeth yn ddiogel."));
        return c;
    }

    static Map<String, Object> localised(
            String title, String summary, String heading, String body, String childHeading, String childBody) {
        return map(
                "title",
                title,
                "summary",
                summary,
                "sections",
                list(map("id", "who-we-are", "heading", heading, "body", body)),
                "childSummary",
                list(map("id", "about", "heading", childHeading, "body", childBody)));
    }

    public static Map<String, Object> newNotice(String slug, Map<String, Object> content) {
        return map("slug", slug, "content", content);
    }

    /**
     * A research consent for What It Means to Me: a 12-year-old whose capacity nobody assessed, so the notice
     * (parent or carer WHERE_NEEDED) needs the parent too; both agreed, the form came back {@code receivedDaysAgo}
     * days ago.
     */
    public static Map<String, Object> childAndParentConsent(
            String nhsNumber, int noticeVersion, String contentHash, int receivedDaysAgo) {
        LocalDate received = today().minusDays(receivedDaysAgo);
        LocalDate signed = received.minusDays(1);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(
                "subject",
                map(
                        "identifiers",
                        list(map("system", "nhs-number", "value", nhsNumber)),
                        "dateOfBirth",
                        today().minusYears(12).minusMonths(4).toString()));
        c.put("notice", map("slug", RESEARCH_NOTICE, "version", noticeVersion, "contentHash", contentHash));
        c.put("purposes", list(RESEARCH_PURPOSE));
        c.put(
                "parties",
                list(
                        map("role", "child", "decision", "GIVEN", "decidedOn", signed.toString()),
                        map(
                                "role",
                                "parent",
                                "relationship",
                                "mother",
                                "decision",
                                "GIVEN",
                                "decidedOn",
                                signed.toString())));
        c.put("collectionMethod", "PAPER_FORM");
        c.put("formIssuedOn", received.minusDays(7).toString());
        c.put("formReceivedOn", received.toString());
        c.put("evidenceReference", "e2e form " + nhsNumber);
        return c;
    }

    public static Map<String, Object> withdrawal(String requestedBy, String reason) {
        return map("requestedBy", requestedBy, "channel", "told their caseworker", "reason", reason);
    }

    @SafeVarargs
    public static <T> List<T> list(T... items) {
        return new ArrayList<>(List.of(items));
    }

    public static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
