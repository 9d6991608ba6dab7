package org.consentgov.notice;

import java.util.List;
import java.util.Map;
import org.consentgov.platform.testing.SuiteTestData;
import org.consentgov.platform.testing.TestTokens;

/** Small factories for notice requests, as plain JSON maps so that tests can also break them (built on {@link SuiteTestData}). */
public final class NoticeTestData {

    public static final String AUDIENCE = "notice-service";

    private NoticeTestData() {}

    public static String token(String role) {
        return TestTokens.token(role + "-user", role, "luton-council", AUDIENCE);
    }

    public static String uniqueSlug(String prefix) {
        return SuiteTestData.uniqueSlug(prefix);
    }

    /** A notice that passes every rule: ordinary personal data under public task. */
    public static Map<String, Object> content() {
        return SuiteTestData.noticeContent("Test privacy notice");
    }

    public static Map<String, Object> localised(String title) {
        return SuiteTestData.localised(title);
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
        return SuiteTestData.newNotice(slug, content);
    }

    @SafeVarargs
    public static <T> List<T> list(T... items) {
        return SuiteTestData.list(items);
    }

    public static Map<String, Object> map(Object... pairs) {
        return SuiteTestData.map(pairs);
    }
}
