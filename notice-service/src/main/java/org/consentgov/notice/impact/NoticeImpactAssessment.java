package org.consentgov.notice.impact;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.consentgov.notice.NoticeErrors;
import org.consentgov.notice.domain.NoticeDiff;
import org.consentgov.notice.domain.NoticeQueries;
import org.consentgov.notice.domain.VersionState;
import org.consentgov.notice.domain.VersionSummary;
import org.consentgov.notice.impact.PublicationImpact.AgreementLink;
import org.consentgov.notice.impact.PublicationImpact.PinnedConsents;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The dry run of publishing a draft. Asks consent-service (only when the change is material) and
 * sharing-agreement-service with notice-service's own token; when either cannot answer, the impact still comes
 * back with that part null and a note, because the editor's preview must not depend on another service.
 * Holds no transaction across the calls: each read of the notice is its own.
 */
@ApplicationScoped
public class NoticeImpactAssessment {

    static final String AGREEMENTS_NOTE =
            "sharing-agreement-service did not answer: the agreements linking the notice " + "are not listed";
    /** Pages of agreements read at most; a notice linked by more agreements than that gets a note. */
    static final int AGREEMENT_PAGES = 5;

    static final int AGREEMENT_PAGE_SIZE = 100;
    private static final Logger LOG = Logger.getLogger(NoticeImpactAssessment.class);

    private final NoticeQueries notices;
    private final ConsentCountClient consents;
    private final AgreementListClient agreements;

    public NoticeImpactAssessment(
            NoticeQueries notices,
            @RestClient ConsentCountClient consents,
            @RestClient AgreementListClient agreements) {
        this.notices = notices;
        this.consents = consents;
        this.agreements = agreements;
    }

    public PublicationImpact assess(String slug, int number) {
        VersionState state = notices.version(slug, number).state();
        if (state != VersionState.DRAFT) {
            throw NoticeErrors.NOT_A_DRAFT.problem(
                    "Version " + number + " of '" + slug + "' is " + state + ": only a draft has an impact to preview");
        }
        Integer published = notices.get(slug).versions().stream()
                .filter(v -> v.state() == VersionState.PUBLISHED)
                .map(VersionSummary::number)
                .findFirst()
                .orElse(null);
        List<String> notes = new ArrayList<>();
        if (published == null) {
            notes.add("no published version: nothing to compare with, no consent can be pinned to an older version");
            List<AgreementLink> linking = linkedAgreements(slug, number, notes);
            return new PublicationImpact(
                    slug, number, null, false, List.of(), List.of(), null, linking, List.copyOf(notes));
        }
        NoticeDiff.Result diff = notices.diff(slug, published, number).result();
        PinnedConsents pinned = null;
        if (diff.material()) {
            pinned = pinnedConsents(slug, number, notes);
        } else {
            notes.add("not material: publishing it flags no consent for re-consent");
        }
        List<AgreementLink> linking = linkedAgreements(slug, number, notes);
        return new PublicationImpact(
                slug,
                number,
                published,
                diff.material(),
                diff.reasons(),
                diff.changes(),
                pinned,
                linking,
                List.copyOf(notes));
    }

    /** The ACTIVE consents pinned to versions before the draft; null (and a note) when consent-service cannot answer. */
    private PinnedConsents pinnedConsents(String slug, int number, List<String> notes) {
        try {
            JsonNode answer = consents.pinned(slug, number);
            Map<Integer, Long> byVersion = new TreeMap<>();
            answer.path("byVersion")
                    .fields()
                    .forEachRemaining(e -> byVersion.put(
                            Integer.parseInt(e.getKey()), e.getValue().asLong()));
            return new PinnedConsents(answer.path("active").asLong(), byVersion);
        } catch (RuntimeException e) {
            LOG.warnf("impact of %s v%d: consent-service did not answer (%s)", slug, number, e.toString());
            notes.add("consent-service did not answer: the consents pinned to older versions are not counted");
            return null;
        }
    }

    /** Every agreement linking the notice, page by page; null (and a note) when sharing-agreement-service cannot answer. */
    private List<AgreementLink> linkedAgreements(String slug, int number, List<String> notes) {
        List<AgreementLink> found = new ArrayList<>();
        try {
            for (int page = 0; page < AGREEMENT_PAGES; page++) {
                JsonNode answer = agreements.linking(slug, page, AGREEMENT_PAGE_SIZE);
                JsonNode items = answer.path("items");
                if (!items.isArray()) {
                    throw new IllegalStateException("no items in sharing-agreement-service's answer");
                }
                items.forEach(item -> found.add(linkedAgreement(item)));
                long total = answer.path("totalItems").asLong(found.size());
                if (items.isEmpty() || found.size() >= total) {
                    return List.copyOf(found);
                }
            }
            notes.add("more than " + AGREEMENT_PAGES * AGREEMENT_PAGE_SIZE
                    + " agreements link the notice: only the first " + found.size() + " are listed");
            return List.copyOf(found);
        } catch (RuntimeException e) {
            LOG.warnf("impact of %s v%d: sharing-agreement-service did not answer (%s)", slug, number, e.toString());
            notes.add(AGREEMENTS_NOTE);
            return null;
        }
    }

    private static AgreementLink linkedAgreement(JsonNode item) {
        List<String> parties = new ArrayList<>();
        item.path("parties").forEach(p -> parties.add(p.asText()));
        return new AgreementLink(
                UUID.fromString(item.path("id").asText()),
                text(item, "reference"),
                text(item, "title"),
                text(item, "state"),
                integer(item, "effectiveVersion"),
                integer(item, "openVersion"),
                List.copyOf(parties));
    }

    private static String text(JsonNode item, String field) {
        return item.hasNonNull(field) ? item.get(field).asText() : null;
    }

    private static Integer integer(JsonNode item, String field) {
        return item.hasNonNull(field) ? item.get(field).asInt() : null;
    }
}
