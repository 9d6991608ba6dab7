package org.consentgov.agreement.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.consentgov.agreement.AgreementErrors;
import org.consentgov.agreement.persistence.Agreement;
import org.consentgov.agreement.persistence.AgreementHistory;
import org.consentgov.agreement.persistence.AgreementParty;
import org.consentgov.agreement.persistence.AgreementRepository;
import org.consentgov.agreement.persistence.AgreementSignature;
import org.consentgov.agreement.persistence.AgreementVersion;
import org.consentgov.agreement.persistence.OrganisationRepository;
import org.consentgov.agreement.persistence.Scope;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.security.Caller;

/**
 * What every agreement use case reads and writes the same way, in its caller's transaction: agreements in the
 * caller's scope, versions with their parties, the history row and event payload of each change, and the
 * details returned to the web layer.
 */
@ApplicationScoped
class AgreementStore {

    private final AgreementRepository agreements;
    private final OrganisationRepository organisations;
    private final AgreementContentJson json;
    private final Scopes scopes;
    private final Caller caller;

    AgreementStore(
            AgreementRepository agreements,
            OrganisationRepository organisations,
            AgreementContentJson json,
            Scopes scopes,
            Caller caller) {
        this.agreements = agreements;
        this.organisations = organisations;
        this.json = json;
        this.scopes = scopes;
        this.caller = caller;
    }

    Agreement visible(UUID id) {
        return agreements
                .findVisible(id, scopes.current())
                .orElseThrow(() -> ProblemException.notFound("Agreement", id));
    }

    Agreement lock(UUID id) {
        return lock(id, scopes.current());
    }

    Agreement lock(UUID id, Scope scope) {
        return agreements.lockVisible(id, scope).orElseThrow(() -> ProblemException.notFound("Agreement", id));
    }

    AgreementVersion version(Agreement agreement, int number) {
        return agreements
                .version(agreement.id, number)
                .orElseThrow(() -> ProblemException.notFound("Version " + number + " of agreement", agreement.id));
    }

    /** The version being drafted or signed. */
    AgreementVersion open(Agreement agreement) {
        if (agreement.openVersion == null) {
            throw AgreementErrors.NO_DRAFT
                    .problem("The agreement has no draft; start a variation to change it")
                    .with("state", agreement.state);
        }
        return version(agreement, agreement.openVersion);
    }

    AgreementContent content(AgreementVersion version) {
        return json.read(version.content);
    }

    List<String> missingSignatures(AgreementVersion version) {
        Set<String> signed = agreements.signatures(version.id).stream()
                .map(s -> s.organisation)
                .collect(Collectors.toSet());
        return agreements.parties(version.id).stream()
                .map(p -> p.organisation)
                .filter(o -> !signed.contains(o))
                .toList();
    }

    AgreementVersion newVersion(Agreement agreement, int number, AgreementContent content, Instant now) {
        AgreementVersion version = new AgreementVersion();
        version.id = UUID.randomUUID();
        version.agreementId = agreement.id;
        version.number = number;
        version.state = AgreementState.DRAFT;
        version.title = content.title();
        version.content = json.write(content);
        version.startDate = content.startDate();
        version.endDate = content.endDate();
        version.createdAt = now;
        version.createdBy = caller.name();
        version.updatedAt = now;
        version.updatedBy = caller.name();
        agreements.getEntityManager().persist(version);
        agreements.flush();
        agreements.replaceParties(version.id, parties(agreement, version, content));
        return version;
    }

    /** Replaces a draft's content and its parties. */
    void replaceContent(Agreement agreement, AgreementVersion version, AgreementContent content, Instant now) {
        version.content = json.write(content);
        version.title = content.title();
        version.startDate = content.startDate();
        version.endDate = content.endDate();
        version.updatedAt = now;
        version.updatedBy = caller.name();
        agreements.replaceParties(version.id, parties(agreement, version, content));
    }

    private static List<AgreementParty> parties(
            Agreement agreement, AgreementVersion version, AgreementContent content) {
        List<AgreementParty> out = new ArrayList<>();
        for (int i = 0; i < content.parties().size(); i++) {
            AgreementParty p = new AgreementParty();
            p.versionId = version.id;
            p.agreementId = agreement.id;
            p.organisation = content.parties().get(i).organisation();
            p.role = content.parties().get(i).role();
            p.position = i;
            out.add(p);
        }
        return out;
    }

    /** A history row in the caller's name. */
    void history(
            Agreement agreement,
            AgreementVersion version,
            String action,
            AgreementState from,
            AgreementState to,
            String reason,
            Instant at) {
        history(
                agreement,
                version,
                action,
                from,
                to,
                reason,
                at,
                caller.name(),
                caller.org().orElse(null));
    }

    void history(
            Agreement agreement,
            AgreementVersion version,
            String action,
            AgreementState from,
            AgreementState to,
            String reason,
            Instant at,
            String actor,
            String actorOrg) {
        AgreementHistory h = new AgreementHistory();
        h.id = UUID.randomUUID();
        h.agreementId = agreement.id;
        h.versionNumber = version.number;
        h.action = action;
        h.fromState = from;
        h.toState = to;
        h.actor = actor;
        h.actorOrg = actorOrg;
        h.at = at;
        h.reason = reason;
        h.contentHash = version.contentHash;
        agreements.record(h);
    }

    /** The payload every agreement event starts from. */
    Map<String, Object> payload(Agreement agreement, AgreementVersion version) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agreementId", agreement.id.toString());
        payload.put("reference", agreement.reference);
        payload.put("version", version.number);
        payload.put("state", version.state.name());
        payload.put(
                "parties",
                agreements.parties(version.id).stream().map(p -> p.organisation).toList());
        if (version.contentHash != null) {
            payload.put("contentHash", version.contentHash);
        }
        return payload;
    }

    void touch(Agreement agreement, Instant now) {
        touch(agreement, now, caller.name());
    }

    static void touch(Agreement agreement, Instant now, String actor) {
        agreement.updatedAt = now;
        agreement.updatedBy = actor;
    }

    /** Everything the web layer shows of the agreement and version, read now, inside the transaction. */
    AgreementDetails details(Agreement agreement, AgreementVersion version) {
        List<AgreementParty> parties = agreements.parties(version.id);
        Map<String, AgreementSignature> signatures =
                agreements.signatures(version.id).stream().collect(Collectors.toMap(s -> s.organisation, s -> s));
        return new AgreementDetails(
                agreement,
                version,
                json.read(version.content),
                parties,
                signatures,
                organisations.bySlug(parties.stream().map(p -> p.organisation).toList()),
                agreements.versions(agreement.id));
    }
}
