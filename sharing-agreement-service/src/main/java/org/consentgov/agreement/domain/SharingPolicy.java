package org.consentgov.agreement.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.consentgov.agreement.consent.ConsentAnswer;
import org.consentgov.platform.vocabulary.LawfulBasisKind;
import org.consentgov.platform.vocabulary.Vocabulary;
import org.consentgov.platform.vocabulary.VocabularyDocument;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * "May organisation R receive categories C about a subject for purpose P at time T?" as a pure function of the
 * agreements in force with R as a party and, where one needs it, consent-service's answer. A DENY carries
 * every reason; a PERMIT carries its grounds and the obligations that come with it. Nothing here reads a
 * clock: T is part of the question.
 */
public final class SharingPolicy {

    @Schema(name = "DecisionOutcome")
    public enum Decision {
        PERMIT,
        DENY
    }

    public record Question(
            String recipient, List<String> categories, String purpose, Instant at, String transferMethod) {}

    /** An agreement version in force with the recipient as a party, and its access window for the recipient. */
    public record Candidate(
            UUID agreementId,
            UUID versionId,
            String reference,
            int version,
            AgreementState state,
            AgreementContent content,
            Instant effectiveFrom,
            Instant accessStartsAt,
            Instant accessEndsAt) {}

    public record Reason(String code, String message) {}

    /** Stored with the decision as JSON, without an absent {@code until}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Obligation(String code, String description, Instant until) {}

    /** The agreement chosen for the question and what, apart from consent, stands in the way. */
    public record Assessment(Candidate candidate, List<Reason> denials) {

        /** Consent is asked only when nothing else refuses: no one's consent is looked up for a refused disclosure. */
        public boolean needsConsent() {
            return candidate != null
                    && denials.isEmpty()
                    && Boolean.TRUE.equals(candidate.content().consent().required());
        }

        public String consentNotice() {
            return candidate == null ? null : candidate.content().consent().notice();
        }
    }

    public record Outcome(Decision decision, List<Reason> reasons, List<Obligation> obligations, Candidate candidate) {}

    private final Vocabulary vocabulary;

    public SharingPolicy(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Chooses the agreement that permits, or else the one that comes closest, with its reasons. */
    public Assessment assess(Question q, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return new Assessment(
                    null,
                    List.of(new Reason(
                            "recipient-not-party", "no agreement in force names '" + q.recipient() + "' as a party")));
        }
        Candidate best = null;
        List<Reason> bestDenials = null;
        for (Candidate c : candidates.stream()
                .sorted(Comparator.comparing(Candidate::reference).thenComparing(Candidate::version))
                .toList()) {
            List<Reason> denials = denials(q, c);
            if (bestDenials == null || denials.size() < bestDenials.size()) {
                best = c;
                bestDenials = denials;
            }
        }
        return new Assessment(best, List.copyOf(bestDenials));
    }

    /** The decision, given consent-service's answer when the assessment needs consent (null otherwise). */
    public Outcome decide(Question q, Assessment a, ConsentAnswer consent) {
        if (!a.denials().isEmpty()) {
            return new Outcome(Decision.DENY, a.denials(), List.of(), a.candidate());
        }
        Candidate c = a.candidate();
        List<Reason> grounds = new ArrayList<>();
        grounds.add(new Reason(
                "agreement-in-force",
                c.reference() + " version " + c.version() + " is in force since " + c.effectiveFrom()));
        grounds.add(new Reason("purpose-covered", "the agreement covers purpose " + q.purpose()));
        grounds.add(new Reason("categories-covered", "the agreement covers " + String.join(", ", q.categories())));
        if (a.needsConsent()) {
            if (consent == null || consent.outcome() == ConsentAnswer.Outcome.UNAVAILABLE) {
                return new Outcome(
                        Decision.DENY,
                        List.of(new Reason(
                                "consent-service-unavailable",
                                "the agreement requires consent under notice '" + a.consentNotice()
                                        + "' and consent-service could not answer; consent is never assumed")),
                        List.of(),
                        c);
            }
            if (!consent.consented()) {
                String why = consent.reasons().isEmpty() ? "" : ": " + String.join("; ", consent.reasons());
                return new Outcome(
                        Decision.DENY,
                        List.of(new Reason(
                                "consent-not-given",
                                "no effective consent under notice '" + a.consentNotice() + "' for purpose "
                                        + q.purpose() + why)),
                        List.of(),
                        c);
            }
            grounds.add(new Reason(
                    "consent-given",
                    "effective consent under notice '" + a.consentNotice() + "'"
                            + (consent.recordId() == null ? "" : " (record " + consent.recordId() + ")")));
        } else {
            grounds.add(new Reason(
                    "consent-not-required",
                    "the agreement does not rest on consent; it relies on " + String.join(", ", article6(c))));
        }
        if (limited(q, c) && c.accessEndsAt() != null) {
            grounds.add(new Reason("access-window-open", "access is open until " + c.accessEndsAt()));
        }
        return new Outcome(Decision.PERMIT, grounds, obligations(q, c), c);
    }

    List<Reason> denials(Question q, Candidate c) {
        List<Reason> out = new ArrayList<>();
        AgreementContent content = c.content();
        String name = c.reference() + " version " + c.version();
        if (c.state() == AgreementState.SUSPENDED) {
            out.add(new Reason("agreement-suspended", name + " is suspended"));
        }
        if (c.effectiveFrom() != null && q.at().isBefore(c.effectiveFrom())) {
            out.add(new Reason("agreement-not-yet-in-force", name + " is in force from " + c.effectiveFrom()));
        }
        Instant ends = AgreementDates.endsAt(content.endDate());
        if (ends != null && !q.at().isBefore(ends)) {
            out.add(new Reason("agreement-ended", name + " ended on " + content.endDate()));
        }
        if (!content.purposes().contains(q.purpose())) {
            out.add(new Reason("purpose-not-covered", name + " does not cover purpose " + q.purpose()));
        }
        Set<String> uncovered = new LinkedHashSet<>(q.categories());
        content.dataCategories().forEach(uncovered::remove);
        if (!uncovered.isEmpty()) {
            out.add(new Reason("category-not-covered", name + " does not cover " + String.join(", ", uncovered)));
        }
        if (q.transferMethod() != null) {
            if (content.transfer().forbiddenMethods().contains(q.transferMethod())) {
                out.add(new Reason("transfer-method-forbidden", name + " forbids transfer by " + q.transferMethod()));
            } else if (!content.transfer().methods().contains(q.transferMethod())) {
                out.add(new Reason(
                        "transfer-method-not-allowed",
                        name + " allows transfer only by "
                                + String.join(", ", content.transfer().methods())));
            }
        }
        if (limited(q, c)) {
            if (c.accessStartsAt() != null && q.at().isBefore(c.accessStartsAt())) {
                out.add(new Reason(
                        "access-window-not-started", "access under " + name + " starts at " + c.accessStartsAt()));
            }
            if (c.accessEndsAt() != null && !q.at().isBefore(c.accessEndsAt())) {
                out.add(new Reason(
                        "access-window-ended",
                        "access window ended on " + AgreementDates.day(c.accessEndsAt())
                                + (content.accessLimit().after() == AfterAccess.ANONYMISED_DATASET
                                        ? "; an anonymised dataset only"
                                        : "; the data must have been destroyed")));
            }
        }
        return out;
    }

    private static boolean limited(Question q, Candidate c) {
        return c.content().accessLimit() != null
                && c.content().accessLimit().recipients().contains(q.recipient());
    }

    private List<String> article6(Candidate c) {
        return c.content().lawfulBases().stream()
                .map(AgreementContent.LawfulBasisUse::basis)
                .distinct()
                .filter(b -> vocabulary
                        .lawfulBasis(b)
                        .map(x -> x.kind() == LawfulBasisKind.ARTICLE_6)
                        .orElse(false))
                .toList();
    }

    List<Obligation> obligations(Question q, Candidate c) {
        AgreementContent content = c.content();
        List<Obligation> out = new ArrayList<>();
        String methods = q.transferMethod() != null
                ? label(q.transferMethod())
                : String.join(
                        " or ",
                        content.transfer().methods().stream().map(this::label).toList());
        out.add(new Obligation("transfer-method", "Transfer only by " + methods, null));
        if (!content.transfer().forbiddenMethods().isEmpty()) {
            out.add(new Obligation(
                    "transfer-forbidden",
                    "Never by "
                            + String.join(
                                    " or ",
                                    content.transfer().forbiddenMethods().stream()
                                            .map(this::label)
                                            .toList()),
                    null));
        }
        out.add(new Obligation(
                "purpose-limitation",
                "Use only for "
                        + vocabulary
                                .purpose(q.purpose())
                                .map(VocabularyDocument.Term::label)
                                .orElse(q.purpose()),
                null));
        if (limited(q, c) && c.accessEndsAt() != null) {
            out.add(new Obligation(
                    "access-ends",
                    "Access ends on " + AgreementDates.day(c.accessEndsAt())
                            + (content.accessLimit().after() == AfterAccess.ANONYMISED_DATASET
                                    ? "; then an anonymised dataset only"
                                    : "; then the data is destroyed"),
                    c.accessEndsAt()));
        }
        Instant ends = AgreementDates.endsAt(content.endDate());
        if (ends != null) {
            out.add(new Obligation("agreement-ends", "The agreement ends on " + content.endDate(), ends));
        }
        for (AgreementContent.SecurityRequirement s : content.securityRequirements()) {
            String label = vocabulary
                    .securityMeasure(s.code())
                    .map(VocabularyDocument.Term::label)
                    .orElse(s.code());
            out.add(new Obligation(s.code(), label, null));
        }
        out.add(new Obligation(
                "retention",
                "Keep: " + content.retention().period() + " Destroy: "
                        + content.retention().destruction(),
                null));
        return out;
    }

    private String label(String transferMethod) {
        return vocabulary
                .transferMethod(transferMethod)
                .map(VocabularyDocument.TransferMethod::label)
                .orElse(transferMethod)
                .toLowerCase();
    }
}
