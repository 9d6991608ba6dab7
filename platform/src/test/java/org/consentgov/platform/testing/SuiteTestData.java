package org.consentgov.platform.testing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The request bodies the whole suite's tests send, as JSON maps so that a test can also break them: notice
 * content, consents, agreements, organisations, withdrawals, and the fresh identifiers that keep each test's data
 * its own. The services' {@code *TestData} classes, e2e and reliability build on these; plain Java only, since
 * e2e uses the test-jar without platform's dependencies.
 */
public final class SuiteTestData {

    /** Withdrawal windows and form dates count where the council is. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    public static final String COUNCIL = "luton-council";
    public static final String SCHOOLS = "luton-schools";
    public static final String RESEARCH_NOTICE = "what-it-means-to-me";
    public static final String RESEARCH_PURPOSE = "research-what-it-means-to-me";

    private static final String UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private SuiteTestData() {}

    public static LocalDate today() {
        return LocalDate.now(LONDON);
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String unique(String prefix) {
        return prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
    }

    /** A fresh valid NHS number (modulus 11), so that tests never share a subject. */
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

    /** A fresh valid unique pupil number (DfE check letter first, modulus 23). */
    public static String upn() {
        StringBuilder digits = new StringBuilder();
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int d = ThreadLocalRandom.current().nextInt(10);
            digits.append(d);
            sum += d * (i + 2);
        }
        return UPN_LETTERS.charAt(sum % 23) + digits.toString();
    }

    // ---- notices

    /** A notice that passes every publication rule: ordinary personal data under public task, in English. */
    public static Map<String, Object> noticeContent(String title) {
        return noticeContent(
                title,
                "Luton Borough Council",
                COUNCIL,
                map("name", "Luton Schools", "organisationType", "school"),
                SCHOOLS);
    }

    /**
     * As {@link #noticeContent(String)}, naming the given controller and recipient; {@code recipient} holds the
     * recipient's name and organisation type.
     */
    public static Map<String, Object> noticeContent(
            String title, String controllerName, String controller, Map<String, Object> recipient, String recipientId) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("defaultLocale", "en");
        Map<String, Object> locales = new LinkedHashMap<>();
        locales.put("en", localised(title));
        c.put("locales", locales);
        c.put("controllers", list(map("name", controllerName, "role", "CONTROLLER", "organisationId", controller)));
        c.put("dpo", map("description", "Contact the data protection officer through the council"));
        c.put("purposes", list(map("code", "statutory-service", "description", "To provide a statutory service")));
        c.put("dataCategories", list("identity.date-of-birth"));
        c.put("sources", list(map("description", "Your case record")));
        c.put(
                "lawfulBases",
                list(map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-e", "description", "Public task")));
        Map<String, Object> named = new LinkedHashMap<>(recipient);
        named.put("organisationId", recipientId);
        named.put("role", "RECIPIENT");
        c.put("recipients", list(named));
        c.put("internationalTransfers", map("occurs", false));
        c.put("retention", map("description", "In line with the retention schedule"));
        c.put("automatedDecisionMaking", map("used", false, "description", "No automated decisions"));
        c.put("rights", list("access", "rectification"));
        c.put("transferMethods", map("allowed", list("system-access"), "forbidden", list("paper", "unsecured-email")));
        return c;
    }

    /** The English text of a notice: a summary, one section and a child-friendly summary. */
    public static Map<String, Object> localised(String title) {
        return localised(
                title,
                "What we do with your information",
                "Who we are",
                "We are the council.",
                "About this",
                "We keep your information safe.");
    }

    public static Map<String, Object> localised(
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

    // ---- consents

    /** A subject known by its NHS number. */
    public static Map<String, Object> subject(String nhsNumber, LocalDate dateOfBirth) {
        return map(
                "identifiers",
                list(map("system", "nhs-number", "value", nhsNumber)),
                "dateOfBirth",
                dateOfBirth.toString());
    }

    /** A paper-form consent to the notice version for one purpose, the form issued and received on the days given. */
    public static Map<String, Object> consentRequest(
            Map<String, Object> subject,
            Map<String, Object> notice,
            String purpose,
            List<Object> parties,
            LocalDate formIssuedOn,
            LocalDate formReceivedOn,
            String evidenceReference) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("subject", subject);
        c.put("notice", notice);
        c.put("purposes", list(purpose));
        c.put("parties", parties);
        c.put("collectionMethod", "PAPER_FORM");
        c.put("formIssuedOn", formIssuedOn.toString());
        c.put("formReceivedOn", formReceivedOn.toString());
        c.put("evidenceReference", evidenceReference);
        return c;
    }

    public static Map<String, Object> notice(String slug, int version, String contentHash) {
        return map("slug", slug, "version", version, "contentHash", contentHash);
    }

    /**
     * A research consent for What It Means to Me: a 12-year-old whose capacity nobody assessed, so the notice
     * (parent or carer WHERE_NEEDED) needs the parent too; both agreed the day before the form came back on
     * {@code received}, a week after it was issued.
     */
    public static Map<String, Object> childAndParentConsent(
            String nhsNumber, int noticeVersion, String contentHash, LocalDate received, String evidenceReference) {
        String signed = received.minusDays(1).toString();
        return consentRequest(
                subject(nhsNumber, today().minusYears(12).minusMonths(4)),
                notice(RESEARCH_NOTICE, noticeVersion, contentHash),
                RESEARCH_PURPOSE,
                list(
                        map("role", "child", "decision", "GIVEN", "decidedOn", signed),
                        map("role", "parent", "relationship", "mother", "decision", "GIVEN", "decidedOn", signed)),
                received.minusDays(7),
                received,
                evidenceReference);
    }

    public static Map<String, Object> withdrawal(String requestedBy, String reason) {
        return map("requestedBy", requestedBy, "channel", "told their caseworker", "reason", reason);
    }

    // ---- organisations and agreements

    public static Map<String, Object> organisation(String slug, String name, String type) {
        return map("slug", slug, "name", name, "type", type);
    }

    /**
     * A valid agreement between the controller and the recipient for the linked notice's version 1: date of birth
     * under public task, shared by system access, in force from a month ago for two years.
     */
    public static Map<String, Object> agreementContent(
            String title, String controller, String recipient, String notice) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("title", title);
        c.put(
                "parties",
                list(
                        map("organisation", controller, "role", "CONTROLLER"),
                        map("organisation", recipient, "role", "RECIPIENT")));
        c.put("purposes", list("statutory-service"));
        c.put("dataCategories", list("identity.date-of-birth"));
        c.put("dataSubjects", list("Children the council supports"));
        c.put("lawfulBases", list(map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-e")));
        c.put("legalFramework", list(map("code", "uk.data-protection-act-2018")));
        c.put("linkedNotices", list(map("slug", notice, "version", 1)));
        c.put("consent", map("required", false));
        c.put(
                "transfer",
                map("methods", list("system-access"), "forbiddenMethods", list("paper"), "frequency", "ON_REQUEST"));
        c.put("securityRequirements", list(map("code", "no-paper-copies")));
        c.put("retention", map("period", "Six months", "destruction", "Secure deletion"));
        c.put("startDate", today().minusMonths(1).toString());
        c.put("endDate", today().plusYears(2).toString());
        c.put("reviewCycleMonths", 12);
        return c;
    }

    public static Map<String, Object> agreementRequest(String reference, Map<String, Object> content) {
        return map("reference", reference, "content", content);
    }

    // ---- JSON

    @SafeVarargs
    public static <T> List<T> list(T... items) {
        return new ArrayList<>(List.of(items));
    }

    /** A map of the key-value pairs, in their order. */
    public static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
