package org.consentgov.agreement.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.consentgov.agreement.AgreementErrors;
import org.consentgov.agreement.events.EventLog;
import org.consentgov.agreement.events.EventTypes;
import org.consentgov.agreement.persistence.Agreement;
import org.consentgov.agreement.persistence.AgreementRepository;
import org.consentgov.agreement.persistence.AgreementVersion;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.security.Caller;

/**
 * Drafting: a new agreement with its first draft, edits of a draft, and variations (a new draft version of an
 * agreement in force, which every party signs again). Every save checks the content rules and the reference.
 */
@ApplicationScoped
public class AgreementDrafting {

    /** A new agreement: its reference and the content of version 1. */
    public record NewAgreement(String reference, AgreementContent content) {}

    /** A variation: the new version's content (a copy of the latest when null) and why. */
    public record Variation(AgreementContent content, String reason) {}

    private final AgreementRepository agreements;
    private final AgreementStore store;
    private final AgreementChecks checks;
    private final EventLog events;
    private final Caller caller;
    private final Clock clock;

    public AgreementDrafting(
            AgreementRepository agreements,
            AgreementStore store,
            AgreementChecks checks,
            EventLog events,
            Caller caller,
            Clock clock) {
        this.agreements = agreements;
        this.store = store;
        this.checks = checks;
        this.events = events;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public AgreementDetails create(NewAgreement command) {
        AgreementContent content = command.content();
        checks.onSave(content);
        checks.requireUniqueReference(command.reference(), null, content);
        Instant now = clock.instant();
        Agreement agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.reference = command.reference();
        agreement.state = AgreementState.DRAFT;
        agreement.latestVersion = 1;
        agreement.openVersion = 1;
        agreement.createdAt = now;
        agreement.createdBy = caller.name();
        store.touch(agreement, now);
        agreements.persist(agreement);
        AgreementVersion version = store.newVersion(agreement, 1, content, now);
        store.history(agreement, version, "CREATED", null, AgreementState.DRAFT, null, now);
        agreements.flush();
        return store.details(agreement, version);
    }

    @Transactional
    public AgreementDetails updateDraft(UUID id, int number, long expected, AgreementContent content) {
        Agreement agreement = store.lock(id);
        AgreementVersion version = store.version(agreement, number);
        if (version.state != AgreementState.DRAFT) {
            throw AgreementErrors.VERSION_NOT_DRAFT
                    .problem("Version " + number + " is " + version.state
                            + " and cannot be edited; only a draft changes. Start a variation instead")
                    .with("state", version.state);
        }
        ETags.requireCurrent(expected, agreement.rowVersion);
        checks.onSave(content);
        checks.requireUniqueReference(agreement.reference, agreement.id, content);
        Instant now = clock.instant();
        store.replaceContent(agreement, version, content, now);
        store.history(agreement, version, "EDITED", AgreementState.DRAFT, AgreementState.DRAFT, null, now);
        store.touch(agreement, now);
        agreements.flush();
        return store.details(agreement, version);
    }

    /** Starts a variation: a new draft version that every party signs again; the version in force stays in force. */
    @Transactional
    public AgreementDetails vary(UUID id, Variation command) {
        Agreement agreement = store.lock(id);
        if (agreement.state.ended()) {
            throw AgreementErrors.AGREEMENT_ENDED
                    .problem("The agreement is " + agreement.state
                            + " and can no longer be varied; draft a new agreement instead")
                    .with("state", agreement.state);
        }
        if (agreement.effectiveVersion == null) {
            throw AgreementErrors.AGREEMENT_NOT_IN_FORCE
                    .problem("The agreement has never been in force; edit its draft instead of varying it")
                    .with("state", agreement.state);
        }
        if (agreement.openVersion != null) {
            throw AgreementErrors.VARIATION_OPEN
                    .problem(
                            "Version " + agreement.openVersion + " is already being drafted or signed; finish it first")
                    .with("openVersion", agreement.openVersion);
        }
        AgreementContent body = command.content() != null
                ? command.content()
                : store.content(store.version(agreement, agreement.latestVersion));
        checks.onSave(body);
        checks.requireUniqueReference(agreement.reference, agreement.id, body);
        Instant now = clock.instant();
        int number = agreement.latestVersion + 1;
        AgreementVersion draft = store.newVersion(agreement, number, body, now);
        agreement.latestVersion = number;
        agreement.openVersion = number;
        store.history(agreement, draft, "VARIATION_STARTED", null, AgreementState.DRAFT, command.reason(), now);
        Map<String, Object> payload = store.payload(agreement, draft);
        payload.put("reason", command.reason());
        events.agreement(EventTypes.VARIED, agreement.id, payload, now, caller.name());
        store.touch(agreement, now);
        agreements.flush();
        return store.details(agreement, draft);
    }
}
