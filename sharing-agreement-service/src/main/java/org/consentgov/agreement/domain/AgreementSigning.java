package org.consentgov.agreement.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.consentgov.agreement.AgreementErrors;
import org.consentgov.agreement.domain.AgreementChecks.LinkedNotices;
import org.consentgov.agreement.events.EventLog;
import org.consentgov.agreement.events.EventTypes;
import org.consentgov.agreement.persistence.Agreement;
import org.consentgov.agreement.persistence.AgreementParty;
import org.consentgov.agreement.persistence.AgreementRepository;
import org.consentgov.agreement.persistence.AgreementSignature;
import org.consentgov.agreement.persistence.AgreementVersion;
import org.consentgov.agreement.persistence.Organisation;
import org.consentgov.agreement.persistence.OrganisationRepository;
import org.consentgov.agreement.persistence.Scope;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.json.CanonicalJson;
import org.consentgov.platform.security.Caller;

/**
 * Signing: the draft put up for signature (every rule checked, the content's hash fixed), then a signature per
 * party; the last one brings the version into force. The linked notices are asked of notice-service before the
 * agreement is locked, so that no lock waits on the network.
 */
@ApplicationScoped
public class AgreementSigning {

    /** Who signs: a user of a party organisation. */
    public record Signer(String name, String organisation) {}

    private final AgreementRepository agreements;
    private final OrganisationRepository organisations;
    private final OrganisationService organisationService;
    private final AgreementStore store;
    private final AgreementChecks checks;
    private final AgreementActivation activation;
    private final AgreementContentJson json;
    private final EventLog events;
    private final Scopes scopes;
    private final Caller caller;
    private final Clock clock;

    public AgreementSigning(
            AgreementRepository agreements,
            OrganisationRepository organisations,
            OrganisationService organisationService,
            AgreementStore store,
            AgreementChecks checks,
            AgreementActivation activation,
            AgreementContentJson json,
            EventLog events,
            Scopes scopes,
            Caller caller,
            Clock clock) {
        this.agreements = agreements;
        this.organisations = organisations;
        this.organisationService = organisationService;
        this.store = store;
        this.checks = checks;
        this.activation = activation;
        this.json = json;
        this.events = events;
        this.scopes = scopes;
        this.caller = caller;
        this.clock = clock;
    }

    /** Puts the draft up for signature: every rule is checked and the content's hash fixed. */
    public AgreementDetails submit(UUID id, long expected) {
        LinkedNotices notices = checks.linkedNotices(
                id,
                scopes.current(),
                agreement -> agreement.openVersion == null
                        ? Optional.empty()
                        : agreements
                                .version(agreement.id, agreement.openVersion)
                                .filter(v -> v.state == AgreementState.DRAFT));
        return QuarkusTransaction.joiningExisting().call(() -> {
            Agreement agreement = store.lock(id);
            AgreementVersion version = store.open(agreement);
            if (version.state != AgreementState.DRAFT) {
                throw AgreementErrors.NO_DRAFT.problem(
                        "Version " + version.number + " is already " + version.state + "; there is no draft to submit");
            }
            ETags.requireCurrent(expected, agreement.rowVersion);
            AgreementContent content = store.content(version);
            checks.forActivation(content, notices);
            Instant now = clock.instant();
            version.contentHash = CanonicalJson.sha256(json.tree(version.content));
            version.state = AgreementState.PENDING_SIGNATURE;
            version.updatedAt = now;
            version.updatedBy = caller.name();
            if (agreement.effectiveVersion == null) {
                agreement.state = AgreementState.PENDING_SIGNATURE;
            }
            store.history(
                    agreement, version, "SUBMITTED", AgreementState.DRAFT, AgreementState.PENDING_SIGNATURE, null, now);
            events.agreement(EventTypes.SUBMITTED, agreement.id, store.payload(agreement, version), now, caller.name());
            store.touch(agreement, now);
            agreements.flush();
            return store.details(agreement, version);
        });
    }

    /**
     * The caller signs for its organisation, having read the agreement at version {@code expected} (412 when it
     * has changed since); the last signature activates the version.
     */
    public AgreementDetails sign(UUID id, long expected, int number, String contentHash) {
        Scope scope = scopes.current();
        String org = caller.org()
                .orElseThrow(() -> AgreementErrors.NOT_A_PARTY.problem(
                        "Your token names no organisation, so you cannot sign for one"));
        LinkedNotices notices = checks.linkedNotices(id, scope, agreement -> lastSignature(agreement, number, org));
        return QuarkusTransaction.joiningExisting().call(() -> {
            Agreement agreement = store.lock(id, scope);
            ETags.requireCurrent(expected, agreement.rowVersion);
            return doSign(agreement, number, contentHash, new Signer(caller.name(), org), null, notices);
        });
    }

    /** Signs as a named user of a party, without a request: for loading the demo agreements only. */
    public AgreementDetails signAs(UUID id, int number, Signer signer, String note) {
        LinkedNotices notices = checks.linkedNotices(
                id, Scope.everything(), agreement -> lastSignature(agreement, number, signer.organisation()));
        return QuarkusTransaction.joiningExisting()
                .call(() -> doSign(store.lock(id, Scope.everything()), number, null, signer, note, notices));
    }

    /**
     * The version when the organisation's signature would be its last one (so that its notices are checked
     * before the lock is taken); empty otherwise, and the locked step gives the reason a signature is refused.
     */
    private Optional<AgreementVersion> lastSignature(Agreement agreement, int number, String organisation) {
        return agreements
                .version(agreement.id, number)
                .filter(v -> v.state == AgreementState.PENDING_SIGNATURE)
                .filter(v -> store.missingSignatures(v).equals(List.of(organisation)));
    }

    private AgreementDetails doSign(
            Agreement agreement, int number, String contentHash, Signer signer, String note, LinkedNotices notices) {
        AgreementVersion version = store.version(agreement, number);
        List<AgreementParty> parties = agreements.parties(version.id);
        AgreementParty party = parties.stream()
                .filter(p -> p.organisation.equals(signer.organisation()))
                .findFirst()
                .orElseThrow(() -> AgreementErrors.NOT_A_PARTY.problem("'" + signer.organisation()
                        + "' is not a party of version " + number + " of this agreement, so its users cannot sign it"));
        Organisation organisation = organisations.findBySlug(party.organisation).orElseThrow();
        List<String> designated = organisationService.signatories(organisation).stream()
                .map(SignatoryContact::username)
                .filter(Objects::nonNull)
                .toList();
        if (!designated.isEmpty() && !designated.contains(signer.name())) {
            throw AgreementErrors.NOT_A_SIGNATORY.problem("'" + signer.name() + "' is not one of the signatories of '"
                    + organisation.slug + "': " + String.join(", ", designated));
        }
        if (version.state != AgreementState.PENDING_SIGNATURE) {
            throw AgreementErrors.VERSION_NOT_PENDING_SIGNATURE
                    .problem("Version " + number + " is " + version.state
                            + "; only a version put up for signature can be signed")
                    .with("state", version.state);
        }
        if (contentHash != null && !contentHash.equals(version.contentHash)) {
            throw AgreementErrors.CONTENT_HASH_MISMATCH
                    .problem("The content you read (" + contentHash + ") is not version " + number + " ("
                            + version.contentHash + "); read it again before signing")
                    .with("contentHash", version.contentHash);
        }
        List<AgreementSignature> signatures = agreements.signatures(version.id);
        if (signatures.stream().anyMatch(s -> s.organisation.equals(party.organisation))) {
            throw AgreementErrors.ALREADY_SIGNED.problem(
                    "'" + party.organisation + "' has already signed version " + number);
        }
        Instant now = clock.instant();
        AgreementSignature signature = new AgreementSignature();
        signature.id = UUID.randomUUID();
        signature.versionId = version.id;
        signature.agreementId = agreement.id;
        signature.organisation = party.organisation;
        signature.signedBy = signer.name();
        signature.signedAt = now;
        signature.contentHash = version.contentHash;
        agreements.record(signature);
        store.history(
                agreement,
                version,
                "SIGNED",
                version.state,
                version.state,
                note,
                now,
                signer.name(),
                signer.organisation());
        Map<String, Object> signed = store.payload(agreement, version);
        signed.put("organisation", party.organisation);
        events.agreement(EventTypes.SIGNED, agreement.id, signed, now, signer.name());
        AgreementStore.touch(agreement, now, signer.name());
        Set<String> signedBy = signatures.stream().map(s -> s.organisation).collect(Collectors.toSet());
        signedBy.add(party.organisation);
        if (parties.stream().allMatch(p -> signedBy.contains(p.organisation))) {
            activation.activate(agreement, version, now, signer.name(), signer.organisation(), notices);
        }
        agreements.flush();
        return store.details(agreement, version);
    }
}
