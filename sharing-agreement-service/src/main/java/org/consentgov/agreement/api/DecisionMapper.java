package org.consentgov.agreement.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.consentgov.agreement.api.DecisionViews.AgreementRef;
import org.consentgov.agreement.api.DecisionViews.DecisionRequest;
import org.consentgov.agreement.api.DecisionViews.DecisionView;
import org.consentgov.agreement.api.DecisionViews.NoticeRef;
import org.consentgov.agreement.api.DecisionViews.ObligationView;
import org.consentgov.agreement.api.DecisionViews.ReasonView;
import org.consentgov.agreement.api.DecisionViews.ReplayView;
import org.consentgov.agreement.api.DecisionViews.ReplayedDecision;
import org.consentgov.agreement.domain.DecisionCommand;
import org.consentgov.agreement.domain.DecisionReplay;
import org.consentgov.agreement.domain.RecordedDecision;
import org.consentgov.agreement.domain.SharingDecisionService;
import org.consentgov.agreement.persistence.SharingDecision;

/** Maps the sharing-decisions API: the request to the domain's command, a stored decision to its view. */
@ApplicationScoped
public class DecisionMapper {

    private static final TypeReference<List<ReasonView>> REASONS = new TypeReference<>() {};
    private static final TypeReference<List<ObligationView>> OBLIGATIONS = new TypeReference<>() {};

    private final ObjectMapper mapper;

    public DecisionMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static DecisionCommand command(DecisionRequest r) {
        return new DecisionCommand(
                r.recipient(), r.categories(), r.subject(), r.purpose(), r.at(), r.record(), r.transferMethod());
    }

    public DecisionView view(RecordedDecision recorded) {
        SharingDecision d = recorded.decision();
        return new DecisionView(
                d.id,
                d.outcome,
                read(d.reasons, REASONS),
                read(d.obligations, OBLIGATIONS),
                d.agreementId == null
                        ? null
                        : new AgreementRef(d.agreementId, d.agreementReference, d.agreementVersion),
                d.noticeSlug == null ? null : new NoticeRef(d.noticeSlug, d.noticeVersion, d.noticeHash),
                d.consentRecordId,
                d.consentHistoryLength,
                recorded.disclosureId(),
                d.recipient,
                recorded.showSubject() ? d.subjectSystem + ":" + d.subjectValue : null,
                d.categories,
                d.purpose,
                d.transferMethod,
                d.at,
                d.decidedAt,
                d.requestedBy);
    }

    public ReplayView replay(DecisionReplay replay) {
        SharingDecision d = replay.original().decision();
        SharingDecisionService.Relied r = replay.relied();
        ReplayedDecision original = new ReplayedDecision(
                d.outcome,
                read(d.reasons, REASONS),
                read(d.obligations, OBLIGATIONS),
                d.agreementId == null
                        ? null
                        : new AgreementRef(d.agreementId, d.agreementReference, d.agreementVersion),
                d.noticeSlug == null ? null : new NoticeRef(d.noticeSlug, d.noticeVersion, d.noticeHash),
                d.consentRecordId,
                d.consentHistoryLength);
        ReplayedDecision replayed = new ReplayedDecision(
                replay.replayed().decision(),
                replay.replayed().reasons().stream()
                        .map(x -> new ReasonView(x.code(), x.message()))
                        .toList(),
                replay.replayed().obligations().stream()
                        .map(o -> new ObligationView(o.code(), o.description(), o.until()))
                        .toList(),
                r.agreementId() == null
                        ? null
                        : new AgreementRef(r.agreementId(), r.agreementReference(), r.agreementVersion()),
                r.noticeSlug() == null ? null : new NoticeRef(r.noticeSlug(), r.noticeVersion(), r.noticeHash()),
                r.consentRecordId(),
                r.consentHistoryLength());
        return new ReplayView(d.id, d.at, replay.knownAt(), replay.matches(), original, replayed);
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored decision is unreadable", e);
        }
    }
}
