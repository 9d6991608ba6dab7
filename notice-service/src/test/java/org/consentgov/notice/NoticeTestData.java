package org.consentgov.notice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.platform.testing.TestTokens;

/** Small factories for notice requests, as plain JSON maps so that tests can also break them. */
public final class NoticeTestData {

    public static final String AUDIENCE = "notice-service";

    private NoticeTestData() {}

    public static String token(String role) {
        return TestTokens.token(role + "-user", role, "luton-council", AUDIENCE);
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A notice that passes every rule: ordinary personal data under public task. */
    public static Map<String, Object> content() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("defaultLocale", "en");
        Map<String, Object> locales = new LinkedHashMap<>();
        locales.put("en", localised("Test privacy notice"));
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

    public static Map<String, Object> localised(String title) {
        return map(
                "title",
                title,
                "summary",
                "What we do with your information",
                "sections",
                list(map("id", "who-we-are", "heading", "Who we are", "body", "We are the council.")),
                "childSummary",
                list(map("id", "about", "heading", "About this", "body", "We keep your information safe.")));
    }

    /** Special category data with only an Art 6 basis: breaks the Art 9 rule. */
    public static Map<String, Object> specialWithoutArticle9() {
        Map<String, Object> c = content();
        c.put("dataCategories", list("identity.date-of-birth", "special.ethnicity"));
        return c;
    }

    public static Map<String, Object> withSpecialAndArticle9() {
        Map<String, Object> c = specialWithoutArticle9();
        c.put(
                "lawfulBases",
                list(
                        map("appliesTo", "PERSONAL", "basis", "uk-gdpr-6-1-e", "description", "Public task"),
                        map("appliesTo", "SPECIAL", "basis", "uk-gdpr-9-2-j", "description", "Research")));
        return c;
    }

    public static Map<String, Object> request(String slug, Map<String, Object> content) {
        return map("slug", slug, "content", content);
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
