package org.consentgov.consent;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.consentgov.platform.testing.TestTokens;

/** Small factories for consent requests, as JSON maps so that tests can also break them. */
public final class ConsentTestData {

    public static final String AUDIENCE = "consent-service";
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private ConsentTestData() {}

    public static String token(String role) {
        return TestTokens.token(role + "-user", role, "luton-council", AUDIENCE);
    }

    public static String token(String role, String org) {
        return TestTokens.token(role + "-user", role, org, AUDIENCE);
    }

    public static LocalDate today() {
        return LocalDate.now(LONDON);
    }

    /** A fresh valid NHS number (modulus 11), so tests never collide on one subject. */
    public static String nhsNumber() {
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int d = ThreadLocalRandom.current().nextInt(10);
                digits.append(d);
                sum += d * (10 - i);
            }
            int check = 11 - (sum % 11);
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return digits.append(check).toString();
            }
        }
    }

    public static Map<String, Object> subject(String nhsNumber) {
        return map("identifiers", list(map("system", "nhs-number", "value", nhsNumber)), "dateOfBirth", "2012-05-04");
    }

    public static Map<String, Object> party(String role, String decision) {
        return map(
                "role",
                role,
                "decision",
                decision,
                "decidedOn",
                today().minusDays(1).toString());
    }

    public static Map<String, Object> competentChild(String decision) {
        Map<String, Object> p = party("child", decision);
        p.put("capacity", "GILLICK_COMPETENT");
        p.put("assessedOn", today().minusDays(2).toString());
        return p;
    }

    /** A research consent by a Gillick-competent child, form received {@code daysAgo} days ago. */
    public static Map<String, Object> researchConsent(String nhsNumber, int daysAgo) {
        return consent(
                nhsNumber,
                NoticeServiceStub.RESEARCH,
                1,
                NoticeServiceStub.RESEARCH_HASH,
                "research-what-it-means-to-me",
                daysAgo,
                list(competentChild("GIVEN")));
    }

    public static Map<String, Object> consent(
            String nhsNumber,
            String slug,
            int version,
            String hash,
            String purpose,
            int daysAgo,
            List<Object> parties) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("subject", subject(nhsNumber));
        c.put("notice", map("slug", slug, "version", version, "contentHash", hash));
        c.put("purposes", list(purpose));
        c.put("parties", parties);
        c.put("collectionMethod", "PAPER_FORM");
        c.put("formIssuedOn", today().minusDays(daysAgo + 3).toString());
        c.put("formReceivedOn", today().minusDays(daysAgo).toString());
        c.put("evidenceReference", "EYES document 4711");
        return c;
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
