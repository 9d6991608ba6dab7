package org.consentgov.agreement.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.consentgov.agreement.api.AgreementViews.AccessWindowView;
import org.consentgov.agreement.api.AgreementViews.AgreementSummaryView;
import org.consentgov.agreement.api.AgreementViews.AgreementView;
import org.consentgov.agreement.api.AgreementViews.EventView;
import org.consentgov.agreement.api.AgreementViews.HistoryEntryView;
import org.consentgov.agreement.api.AgreementViews.PartyView;
import org.consentgov.agreement.api.AgreementViews.VersionSummaryView;
import org.consentgov.agreement.api.OrganisationViews.SignatoryContact;
import org.consentgov.agreement.domain.AgreementContent.NoticeLink;
import org.consentgov.agreement.events.EventLog;
import org.consentgov.agreement.events.EventTypes;
import org.consentgov.agreement.notices.NoticeDirectory;
import org.consentgov.agreement.notices.PublishedNotice;
import org.consentgov.agreement.persistence.Agreement;
import org.consentgov.agreement.persistence.AgreementHistory;
import org.consentgov.agreement.persistence.AgreementParty;
import org.consentgov.agreement.persistence.AgreementRepository;
import org.consentgov.agreement.persistence.AgreementSignature;
import org.consentgov.agreement.persistence.AgreementVersion;
import org.consentgov.agreement.persistence.Organisation;
import org.consentgov.agreement.persistence.OrganisationRepository;
import org.consentgov.platform.http.ETags;
import org.consentgov.platform.json.CanonicalJson;
import org.consentgov.platform.paging.PageView;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.ProblemKind;
import org.consentgov.platform.problem.Violations;
import org.consentgov.platform.security.Caller;
import org.consentgov.platform.vocabulary.Vocabulary;

/**
 * Agreements and their lifecycle: drafting, submission for signature, signatures, activation, suspension,
 * termination, variation, review and expiry. Owns the transactions; every change writes its history row and
 * its event in the same transaction. Reads and writes take the caller's scope, so a partner never reaches an
 * agreement its organisation is not party to.
 */
@ApplicationScoped
public class AgreementService {

    /** Who signs: a user of a party organisation. */
    public record Signer(String name, String organisation) {}

    private final AgreementRepository agreements;
    private final OrganisationRepository organisations;
    private final OrganisationService organisationService;
    private final NoticeDirectory notices;
    private final EventLog events;
    private final AgreementRules rules;
    private final ObjectMapper mapper;
    private final Scopes scopes;
    private final Caller caller;
    private final Clock clock;

    public AgreementService(
            AgreementRepository agreements,
            OrganisationRepository organisations,
            OrganisationService organisationService,
            NoticeDirectory notices,
            EventLog events,
            Vocabulary vocabulary,
            ObjectMapper mapper,
            Scopes scopes,
            Caller caller,
            Clock clock) {
        this.agreements = agreements;
        this.organisations = organisations;
        this.organisationService = organisationService;
        this.notices = notices;
        this.events = events;
        this.rules = new AgreementRules(vocabulary);
        this.mapper = mapper;
        this.scopes = scopes;
        this.caller = caller;
        this.clock = clock;
    }

    // ---- reads

    @Transactional
    public PageView<AgreementSummaryView> list(AgreementRepository.Filter filter, int page, int size) {
        Scope scope = scopes.current();
        List<Agreement> found = agreements.page(filter, scope, page, size);
        Map<UUID, AgreementVersion> versions =
                agreements.currentVersions(found.stream().map(a -> a.id).toList());
        Map<UUID, List<AgreementParty>> parties =
                agreements.partiesOf(versions.values().stream().map(v -> v.id).toList());
        List<AgreementSummaryView> items = found.stream()
                .map(a -> summary(a, versions.get(a.id), parties.getOrDefault(versions.get(a.id).id, List.of())))
                .toList();
        return PageView.of(items, page, size, agreements.count(filter, scope));
    }

    @Transactional
    public AgreementView get(UUID id) {
        Agreement agreement = visible(id);
        return view(agreement, version(agreement, agreement.currentVersion()));
    }

    @Transactional
    public AgreementView version(UUID id, int number) {
        Agreement agreement = visible(id);
        return view(agreement, version(agreement, number));
    }

    @Transactional
    public List<HistoryEntryView> history(UUID id) {
        Agreement agreement = visible(id);
        return agreements.history(agreement.id).stream()
                .map(h -> new HistoryEntryView(
                        h.versionNumber,
                        h.action,
                        h.fromState,
                        h.toState,
                        h.actor,
                        h.actorOrg,
                        h.at,
                        h.reason,
                        h.contentHash))
                .toList();
    }

    @Transactional
    public PageView<EventView> events(UUID id, int page, int size) {
        Agreement agreement = visible(id);
        return PageView.of(
                events.forAgreement(agreement.id, page, size).stream()
                        .map(e -> new EventView(
                                e.id,
                                e.type,
                                e.aggregateType,
                                e.aggregateId,
                                e.agreementId,
                                e.occurredAt,
                                e.actor,
                                tree(e.payload)))
                        .toList(),
                page,
                size,
                events.countForAgreement(agreement.id));
    }

    // ---- drafting

    @Transactional
    public AgreementView create(String reference, AgreementContent content) {
        checkOnSave(content);
        requireUniqueReference(reference, null, content);
        Instant now = clock.instant();
        Agreement agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.reference = reference;
        agreement.state = AgreementState.DRAFT;
        agreement.latestVersion = 1;
        agreement.openVersion = 1;
        agreement.createdAt = now;
        agreement.createdBy = caller.name();
        touch(agreement, now);
        agreements.persist(agreement);
        AgreementVersion version = newVersion(agreement, 1, content, now);
        history(agreement, version, "CREATED", null, AgreementState.DRAFT, null, now);
        agreements.flush();
        return view(agreement, version);
    }

    @Transactional
    public AgreementView updateDraft(UUID id, int number, long expected, AgreementContent content) {
        Agreement agreement = lock(id);
        AgreementVersion version = version(agreement, number);
        if (version.state != AgreementState.DRAFT) {
            throw ProblemException.conflict(
                            "version-not-draft",
                            "Version " + number + " is " + version.state
                                    + " and cannot be edited; only a draft changes. Start a variation instead")
                    .with("state", version.state);
        }
        ETags.requireCurrent(expected, agreement.rowVersion);
        checkOnSave(content);
        requireUniqueReference(agreement.reference, agreement.id, content);
        Instant now = clock.instant();
        version.content = write(content);
        version.title = content.title();
        version.startDate = content.startDate();
        version.endDate = content.endDate();
        version.updatedAt = now;
        version.updatedBy = caller.name();
        agreements.replaceParties(version.id, parties(agreement, version, content));
        history(agreement, version, "EDITED", AgreementState.DRAFT, AgreementState.DRAFT, null, now);
        touch(agreement, now);
        agreements.flush();
        return view(agreement, version);
    }

    /**
     * Puts the draft up for signature: every rule is checked and the content's hash fixed. The linked notices are
     * asked of notice-service before the agreement is locked, so that no lock waits on the network.
     */
    public AgreementView submit(UUID id, long expected) {
        LinkedNotices notices = linkedNotices(
                id,
                scopes.current(),
                agreement -> agreement.openVersion == null
                        ? Optional.empty()
                        : agreements
                                .version(agreement.id, agreement.openVersion)
                                .filter(v -> v.state == AgreementState.DRAFT));
        return QuarkusTransaction.joiningExisting().call(() -> {
            Agreement agreement = lock(id);
            AgreementVersion version = open(agreement);
            if (version.state != AgreementState.DRAFT) {
                throw ProblemException.conflict(
                        "no-draft",
                        "Version " + version.number + " is already " + version.state + "; there is no draft to submit");
            }
            ETags.requireCurrent(expected, agreement.rowVersion);
            AgreementContent content = read(version.content);
            checkForActivation(content, notices);
            Instant now = clock.instant();
            version.contentHash = CanonicalJson.sha256(tree(version.content));
            version.state = AgreementState.PENDING_SIGNATURE;
            version.updatedAt = now;
            version.updatedBy = caller.name();
            if (agreement.effectiveVersion == null) {
                agreement.state = AgreementState.PENDING_SIGNATURE;
            }
            history(agreement, version, "SUBMITTED", AgreementState.DRAFT, AgreementState.PENDING_SIGNATURE, null, now);
            events.agreement(EventTypes.SUBMITTED, agreement.id, payload(agreement, version), now, caller.name());
            touch(agreement, now);
            agreements.flush();
            return view(agreement, version);
        });
    }

    // ---- signatures

    /** The caller signs for its organisation; the last signature activates the version. */
    public AgreementView sign(UUID id, int number, String contentHash) {
        Scope scope = scopes.current();
        String org = caller.org()
                .orElseThrow(() -> new ProblemException(
                        ProblemKind.FORBIDDEN,
                        "not-a-party",
                        "Your token names no organisation, so you cannot sign for one"));
        LinkedNotices notices = linkedNotices(id, scope, agreement -> lastSignature(agreement, number, org));
        return QuarkusTransaction.joiningExisting().call(() -> {
            Agreement agreement =
                    agreements.lockVisible(id, scope).orElseThrow(() -> ProblemException.notFound("Agreement", id));
            return doSign(agreement, number, contentHash, new Signer(caller.name(), org), null, notices);
        });
    }

    /** Signs as a named user of a party, without a request: for loading the demo agreements only. */
    public AgreementView signAs(UUID id, int number, Signer signer, String note) {
        LinkedNotices notices = linkedNotices(
                id, Scope.everything(), agreement -> lastSignature(agreement, number, signer.organisation()));
        return QuarkusTransaction.joiningExisting().call(() -> {
            Agreement agreement = agreements
                    .lockVisible(id, Scope.everything())
                    .orElseThrow(() -> ProblemException.notFound("Agreement", id));
            return doSign(agreement, number, null, signer, note, notices);
        });
    }

    /**
     * The version when the organisation's signature would be its last one (so that its notices are checked
     * before the lock is taken); empty otherwise, and the locked step gives the reason a signature is refused.
     */
    private Optional<AgreementVersion> lastSignature(Agreement agreement, int number, String organisation) {
        return agreements
                .version(agreement.id, number)
                .filter(v -> v.state == AgreementState.PENDING_SIGNATURE)
                .filter(v -> missingSignatures(v).equals(List.of(organisation)));
    }

    private AgreementView doSign(
            Agreement agreement, int number, String contentHash, Signer signer, String note, LinkedNotices notices) {
        AgreementVersion version = version(agreement, number);
        List<AgreementParty> parties = agreements.parties(version.id);
        AgreementParty party = parties.stream()
                .filter(p -> p.organisation.equals(signer.organisation()))
                .findFirst()
                .orElseThrow(() -> new ProblemException(
                        ProblemKind.FORBIDDEN,
                        "not-a-party",
                        "'" + signer.organisation() + "' is not a party of version " + number
                                + " of this agreement, so " + "its users cannot sign it"));
        Organisation organisation = organisations.findBySlug(party.organisation).orElseThrow();
        List<String> designated = organisationService.signatories(organisation).stream()
                .map(SignatoryContact::username)
                .filter(Objects::nonNull)
                .toList();
        if (!designated.isEmpty() && !designated.contains(signer.name())) {
            throw new ProblemException(
                    ProblemKind.FORBIDDEN,
                    "not-a-signatory",
                    "'" + signer.name() + "' is not one of the signatories of '" + organisation.slug + "': "
                            + String.join(", ", designated));
        }
        if (version.state != AgreementState.PENDING_SIGNATURE) {
            throw ProblemException.conflict(
                            "version-not-pending-signature",
                            "Version " + number + " is " + version.state
                                    + "; only a version put up for signature can be signed")
                    .with("state", version.state);
        }
        if (contentHash != null && !contentHash.equals(version.contentHash)) {
            throw ProblemException.conflict(
                            "content-hash-mismatch",
                            "The content you read (" + contentHash + ") is not version " + number + " ("
                                    + version.contentHash + "); read it again before signing")
                    .with("contentHash", version.contentHash);
        }
        List<AgreementSignature> signatures = agreements.signatures(version.id);
        if (signatures.stream().anyMatch(s -> s.organisation.equals(party.organisation))) {
            throw ProblemException.conflict(
                    "already-signed", "'" + party.organisation + "' has already signed version " + number);
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
        history(
                agreement,
                version,
                "SIGNED",
                version.state,
                version.state,
                note,
                now,
                signer.name(),
                signer.organisation());
        Map<String, Object> signed = payload(agreement, version);
        signed.put("organisation", party.organisation);
        events.agreement(EventTypes.SIGNED, agreement.id, signed, now, signer.name());
        touch(agreement, now, signer.name());
        Set<String> signedBy = signatures.stream().map(s -> s.organisation).collect(Collectors.toSet());
        signedBy.add(party.organisation);
        if (parties.stream().allMatch(p -> signedBy.contains(p.organisation))) {
            activateVersion(agreement, version, now, signer.name(), signer.organisation(), notices);
        }
        agreements.flush();
        return view(agreement, version);
    }

    // ---- the lifecycle after signature

    /**
     * Brings a version into force: the fully signed version put up for signature, or the suspended version back.
     * Without a version number, the one put up for signature if any, else the suspended one.
     */
    public AgreementView activate(UUID id, long expected, Integer number) {
        LinkedNotices notices = linkedNotices(
                id,
                scopes.current(),
                agreement -> Optional.of(target(agreement, number))
                        .filter(v -> v.state == AgreementState.SUSPENDED
                                || v.state == AgreementState.PENDING_SIGNATURE
                                        && missingSignatures(v).isEmpty()));
        return QuarkusTransaction.joiningExisting().call(() -> {
            Agreement agreement = lock(id);
            ETags.requireCurrent(expected, agreement.rowVersion);
            AgreementVersion version = target(agreement, number);
            Instant now = clock.instant();
            switch (version.state) {
                case PENDING_SIGNATURE -> {
                    List<String> missing = missingSignatures(version);
                    if (!missing.isEmpty()) {
                        throw ProblemException.conflict(
                                        "signatures-missing",
                                        "Version " + version.number
                                                + " cannot come into force before every party has signed; waiting for "
                                                + String.join(", ", missing))
                                .with("awaitingSignature", missing);
                    }
                    activateVersion(
                            agreement, version, now, caller.name(), caller.org().orElse(null), notices);
                }
                case SUSPENDED -> {
                    checkForActivation(read(version.content), notices);
                    version.state = AgreementState.ACTIVE;
                    version.updatedAt = now;
                    version.updatedBy = caller.name();
                    agreement.state = AgreementState.ACTIVE;
                    history(
                            agreement,
                            version,
                            "REACTIVATED",
                            AgreementState.SUSPENDED,
                            AgreementState.ACTIVE,
                            null,
                            now);
                    Map<String, Object> payload = payload(agreement, version);
                    payload.put("reactivated", true);
                    events.agreement(EventTypes.ACTIVATED, agreement.id, payload, now, caller.name());
                    touch(agreement, now);
                }
                default ->
                    throw ProblemException.conflict(
                                    "cannot-activate",
                                    "Version " + version.number + " is " + version.state
                                            + "; only a signed version or a suspended one can be activated")
                            .with("state", version.state);
            }
            agreements.flush();
            return view(agreement, version);
        });
    }

    /** The version activate works on: the one named, else the one pending signature, else the one in force. */
    private AgreementVersion target(Agreement agreement, Integer number) {
        if (number != null) {
            return version(agreement, number);
        }
        if (agreement.openVersion != null) {
            AgreementVersion open = version(agreement, agreement.openVersion);
            if (open.state == AgreementState.PENDING_SIGNATURE) {
                return open;
            }
        }
        return version(
                agreement, agreement.effectiveVersion != null ? agreement.effectiveVersion : agreement.latestVersion);
    }

    @Transactional
    public AgreementView suspend(UUID id, long expected, String reason) {
        Agreement agreement = lock(id);
        if (agreement.state != AgreementState.ACTIVE) {
            throw ProblemException.conflict(
                            "agreement-not-active",
                            "The agreement is " + agreement.state + "; only an active agreement can be suspended")
                    .with("state", agreement.state);
        }
        ETags.requireCurrent(expected, agreement.rowVersion);
        AgreementVersion version = version(agreement, agreement.effectiveVersion);
        Instant now = clock.instant();
        version.state = AgreementState.SUSPENDED;
        version.updatedAt = now;
        version.updatedBy = caller.name();
        agreement.state = AgreementState.SUSPENDED;
        history(agreement, version, "SUSPENDED", AgreementState.ACTIVE, AgreementState.SUSPENDED, reason, now);
        Map<String, Object> payload = payload(agreement, version);
        payload.put("reason", reason);
        events.agreement(EventTypes.SUSPENDED, agreement.id, payload, now, caller.name());
        touch(agreement, now);
        agreements.flush();
        return view(agreement, version);
    }

    /** Ends the agreement for good: the version in force and any variation under way. */
    @Transactional
    public AgreementView terminate(UUID id, long expected, String reason) {
        Agreement agreement = lock(id);
        if (agreement.state.ended()) {
            throw ProblemException.conflict("agreement-ended", "The agreement is already " + agreement.state)
                    .with("state", agreement.state);
        }
        ETags.requireCurrent(expected, agreement.rowVersion);
        Instant now = clock.instant();
        AgreementVersion shown = end(agreement, AgreementState.TERMINATED, "TERMINATED", reason, now, caller.name());
        Map<String, Object> payload = payload(agreement, shown);
        payload.put("reason", reason);
        events.agreement(EventTypes.TERMINATED, agreement.id, payload, now, caller.name());
        touch(agreement, now);
        agreements.flush();
        return view(agreement, shown);
    }

    /** Expiry by the daily checks: the day after the end date of the version in force. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expire(Agreement agreement, Instant now) {
        AgreementVersion shown =
                end(agreement, AgreementState.EXPIRED, "EXPIRED", "the end date has passed", now, Caller.SYSTEM);
        events.agreement(EventTypes.EXPIRED, agreement.id, payload(agreement, shown), now, Caller.SYSTEM);
        touch(agreement, now, Caller.SYSTEM);
    }

    /** Starts a variation: a new draft version that every party signs again; the version in force stays in force. */
    @Transactional
    public AgreementView vary(UUID id, AgreementContent content, String reason) {
        Agreement agreement = lock(id);
        if (agreement.state.ended()) {
            throw ProblemException.conflict(
                            "agreement-ended",
                            "The agreement is " + agreement.state
                                    + " and can no longer be varied; draft a new agreement instead")
                    .with("state", agreement.state);
        }
        if (agreement.effectiveVersion == null) {
            throw ProblemException.conflict(
                            "agreement-not-in-force",
                            "The agreement has never been in force; edit its " + "draft instead of varying it")
                    .with("state", agreement.state);
        }
        if (agreement.openVersion != null) {
            throw ProblemException.conflict(
                            "variation-open",
                            "Version " + agreement.openVersion + " is already being drafted or signed; finish it first")
                    .with("openVersion", agreement.openVersion);
        }
        AgreementContent body = content != null ? content : read(version(agreement, agreement.latestVersion).content);
        checkOnSave(body);
        requireUniqueReference(agreement.reference, agreement.id, body);
        Instant now = clock.instant();
        int number = agreement.latestVersion + 1;
        AgreementVersion draft = newVersion(agreement, number, body, now);
        agreement.latestVersion = number;
        agreement.openVersion = number;
        history(agreement, draft, "VARIATION_STARTED", null, AgreementState.DRAFT, reason, now);
        Map<String, Object> payload = payload(agreement, draft);
        payload.put("reason", reason);
        events.agreement(EventTypes.VARIED, agreement.id, payload, now, caller.name());
        touch(agreement, now);
        agreements.flush();
        return view(agreement, draft);
    }

    @Transactional
    public AgreementView review(UUID id, long expected, String note) {
        Agreement agreement = lock(id);
        if (!agreement.state.inForce()) {
            throw ProblemException.conflict(
                            "agreement-not-in-force",
                            "The agreement is " + agreement.state + "; only an agreement in force is reviewed")
                    .with("state", agreement.state);
        }
        ETags.requireCurrent(expected, agreement.rowVersion);
        AgreementVersion version = version(agreement, agreement.effectiveVersion);
        Instant now = clock.instant();
        agreement.nextReviewOn =
                AgreementDates.day(now).plusMonths(read(version.content).reviewCycleMonths());
        agreement.reviewNotifiedFor = null;
        history(agreement, version, "REVIEWED", version.state, version.state, note, now);
        Map<String, Object> payload = payload(agreement, version);
        payload.put("nextReviewOn", agreement.nextReviewOn.toString());
        events.agreement(EventTypes.REVIEWED, agreement.id, payload, now, caller.name());
        touch(agreement, now);
        agreements.flush();
        return view(agreement, version);
    }

    // ---- internals

    private void activateVersion(
            Agreement agreement,
            AgreementVersion version,
            Instant now,
            String actor,
            String actorOrg,
            LinkedNotices notices) {
        AgreementContent content = read(version.content);
        checkForActivation(content, notices);
        if (agreement.effectiveVersion != null && agreement.effectiveVersion != version.number) {
            AgreementVersion previous = version(agreement, agreement.effectiveVersion);
            AgreementState from = previous.state;
            previous.state = AgreementState.SUPERSEDED;
            previous.endedAt = now;
            previous.updatedAt = now;
            previous.updatedBy = actor;
            history(
                    agreement,
                    previous,
                    "SUPERSEDED",
                    from,
                    AgreementState.SUPERSEDED,
                    "superseded by version " + version.number,
                    now,
                    actor,
                    actorOrg);
            agreements.flush();
        }
        version.state = AgreementState.ACTIVE;
        version.activatedAt = now;
        version.effectiveFrom = AgreementDates.effectiveFrom(content.startDate(), now);
        version.updatedAt = now;
        version.updatedBy = actor;
        agreement.state = AgreementState.ACTIVE;
        agreement.effectiveVersion = version.number;
        agreement.openVersion = null;
        Instant accessEnds = null;
        if (content.accessLimit() != null) {
            if (content.accessLimit().startsOn() != null) {
                agreement.accessStartedAt =
                        AgreementDates.startOf(content.accessLimit().startsOn());
            } else if (agreement.accessStartedAt == null) {
                // a variation does not restart the clock: access runs from when it first began
                agreement.accessStartedAt = version.effectiveFrom;
            }
            accessEnds = AgreementDates.accessEnd(
                    agreement.accessStartedAt, content.accessLimit().months());
        }
        if (!Objects.equals(accessEnds, agreement.accessEndsAt)) {
            agreement.accessEndsAt = accessEnds;
            agreement.accessEndingNotifiedAt = null;
            agreement.accessEndedNotifiedAt = null;
        }
        agreement.nextReviewOn = AgreementDates.day(version.effectiveFrom).plusMonths(content.reviewCycleMonths());
        agreement.reviewNotifiedFor = null;
        history(
                agreement,
                version,
                "ACTIVATED",
                AgreementState.PENDING_SIGNATURE,
                AgreementState.ACTIVE,
                null,
                now,
                actor,
                actorOrg);
        Map<String, Object> payload = payload(agreement, version);
        payload.put("effectiveFrom", version.effectiveFrom.toString());
        if (agreement.accessEndsAt != null) {
            payload.put("accessEndsAt", agreement.accessEndsAt.toString());
        }
        events.agreement(EventTypes.ACTIVATED, agreement.id, payload, now, actor);
        touch(agreement, now, actor);
    }

    /** Ends the version in force and any open version; returns the version to show. */
    private AgreementVersion end(
            Agreement agreement, AgreementState to, String action, String reason, Instant now, String actor) {
        AgreementVersion shown = null;
        for (Integer number : new Integer[] {agreement.effectiveVersion, agreement.openVersion}) {
            if (number == null) {
                continue;
            }
            AgreementVersion v = version(agreement, number);
            if (v.state.ended() || v.state == AgreementState.SUPERSEDED) {
                continue;
            }
            AgreementState from = v.state;
            v.state = to;
            v.endedAt = now;
            v.updatedAt = now;
            v.updatedBy = actor;
            history(
                    agreement,
                    v,
                    action,
                    from,
                    to,
                    reason,
                    now,
                    actor,
                    Caller.SYSTEM.equals(actor) ? null : caller.org().orElse(null));
            if (shown == null) {
                shown = v;
            }
        }
        agreement.state = to;
        agreement.openVersion = null;
        return shown != null ? shown : version(agreement, agreement.currentVersion());
    }

    private List<String> missingSignatures(AgreementVersion version) {
        Set<String> signed = agreements.signatures(version.id).stream()
                .map(s -> s.organisation)
                .collect(Collectors.toSet());
        return agreements.parties(version.id).stream()
                .map(p -> p.organisation)
                .filter(o -> !signed.contains(o))
                .toList();
    }

    private void checkOnSave(AgreementContent content) {
        Set<String> known = organisations
                .bySlug(content.parties().stream()
                        .map(AgreementContent.Party::organisation)
                        .toList())
                .keySet();
        Violations.require(rules.onSave(content, known), "content.");
    }

    /** The linked notices of a version as notice-service publishes them, asked for before any lock is taken. */
    record LinkedNotices(Set<NoticeLink> asked, Map<NoticeLink, PublishedNotice> published) {}

    /**
     * Reads which notices the version links (a short read), then asks notice-service for each, outside this
     * service's own transaction (503 when it cannot answer). Unknown agreements and versions are left to the
     * locked step that follows, which reports them.
     */
    private LinkedNotices linkedNotices(
            UUID id, Scope scope, Function<Agreement, Optional<AgreementVersion>> whichVersion) {
        List<NoticeLink> links = QuarkusTransaction.joiningExisting().call(() -> {
            try {
                Agreement agreement = agreements.findVisible(id, scope).orElse(null);
                if (agreement == null) {
                    return List.<NoticeLink>of();
                }
                return whichVersion
                        .apply(agreement)
                        .map(v -> read(v.content).linkedNotices())
                        .orElse(List.of());
            } catch (ProblemException e) {
                return List.<NoticeLink>of();
            }
        });
        Map<NoticeLink, PublishedNotice> published = new LinkedHashMap<>();
        for (NoticeLink link : links) {
            notices.version(link.slug(), link.version()).ifPresent(n -> published.put(link, n));
        }
        return new LinkedNotices(Set.copyOf(links), published);
    }

    /** The legal rules and the linked notices, as asked of notice-service just before. */
    private void checkForActivation(AgreementContent content, LinkedNotices notices) {
        checkOnSave(content);
        if (!notices.asked().containsAll(content.linkedNotices())) {
            throw ProblemException.conflict(
                    "agreement-changed",
                    "The agreement changed while its notices were being " + "checked; read it again and retry");
        }
        Violations.require(
                rules.forActivation(content, notices.published(), AgreementDates.day(clock.instant())), "content.");
    }

    private void requireUniqueReference(String reference, UUID except, AgreementContent content) {
        for (AgreementVersion other : agreements.latestVersionsWithReference(reference, except)) {
            if (overlaps(content.startDate(), content.endDate(), other.startDate, other.endDate)) {
                throw ProblemException.conflict(
                                "duplicate-reference",
                                "Another agreement with reference '" + reference
                                        + "' runs from " + other.startDate
                                        + (other.endDate == null ? " without an end date" : " to " + other.endDate)
                                        + ", overlapping these dates; references are unique among overlapping agreements")
                        .with("conflictingAgreement", other.agreementId.toString());
            }
        }
    }

    static boolean overlaps(LocalDate startA, LocalDate endA, LocalDate startB, LocalDate endB) {
        return (endB == null || !startA.isAfter(endB)) && (endA == null || !startB.isAfter(endA));
    }

    private AgreementVersion newVersion(Agreement agreement, int number, AgreementContent content, Instant now) {
        AgreementVersion version = new AgreementVersion();
        version.id = UUID.randomUUID();
        version.agreementId = agreement.id;
        version.number = number;
        version.state = AgreementState.DRAFT;
        version.title = content.title();
        version.content = write(content);
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

    private void history(
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

    private void history(
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

    private Map<String, Object> payload(Agreement agreement, AgreementVersion version) {
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

    private void touch(Agreement agreement, Instant now) {
        touch(agreement, now, caller.name());
    }

    private static void touch(Agreement agreement, Instant now, String actor) {
        agreement.updatedAt = now;
        agreement.updatedBy = actor;
    }

    private Agreement visible(UUID id) {
        return agreements
                .findVisible(id, scopes.current())
                .orElseThrow(() -> ProblemException.notFound("Agreement", id));
    }

    private Agreement lock(UUID id) {
        return agreements
                .lockVisible(id, scopes.current())
                .orElseThrow(() -> ProblemException.notFound("Agreement", id));
    }

    private AgreementVersion version(Agreement agreement, int number) {
        return agreements
                .version(agreement.id, number)
                .orElseThrow(() -> ProblemException.notFound("Version " + number + " of agreement", agreement.id));
    }

    private AgreementVersion open(Agreement agreement) {
        if (agreement.openVersion == null) {
            throw ProblemException.conflict("no-draft", "The agreement has no draft; start a variation to change it")
                    .with("state", agreement.state);
        }
        return version(agreement, agreement.openVersion);
    }

    // ---- views

    private static AgreementSummaryView summary(Agreement a, AgreementVersion v, List<AgreementParty> parties) {
        return new AgreementSummaryView(
                a.id,
                a.reference,
                v.title,
                a.state,
                a.effectiveVersion,
                a.openVersion,
                a.latestVersion,
                parties.stream().map(p -> p.organisation).toList(),
                v.startDate,
                v.endDate,
                a.nextReviewOn);
    }

    AgreementView view(Agreement a, AgreementVersion v) {
        AgreementContent content = read(v.content);
        List<AgreementParty> parties = agreements.parties(v.id);
        Map<String, AgreementSignature> signatures =
                agreements.signatures(v.id).stream().collect(Collectors.toMap(s -> s.organisation, s -> s));
        Map<String, Organisation> orgs =
                organisations.bySlug(parties.stream().map(p -> p.organisation).toList());
        List<PartyView> partyViews = parties.stream()
                .map(p -> {
                    AgreementSignature s = signatures.get(p.organisation);
                    Organisation o = orgs.get(p.organisation);
                    return new PartyView(
                            p.organisation,
                            o == null ? null : o.name,
                            o == null ? null : o.type,
                            p.role,
                            s != null,
                            s == null ? null : s.signedBy,
                            s == null ? null : s.signedAt);
                })
                .toList();
        List<String> awaiting = v.state == AgreementState.PENDING_SIGNATURE
                ? parties.stream()
                        .map(p -> p.organisation)
                        .filter(o -> !signatures.containsKey(o))
                        .toList()
                : null;
        AccessWindowView window = a.accessEndsAt == null || content.accessLimit() == null
                ? null
                : new AccessWindowView(
                        content.accessLimit().recipients(),
                        a.accessStartedAt,
                        a.accessEndsAt,
                        content.accessLimit().after());
        List<VersionSummaryView> versions = agreements.versions(a.id).stream()
                .map(x -> new VersionSummaryView(
                        x.number,
                        x.state,
                        x.title,
                        x.contentHash,
                        x.startDate,
                        x.endDate,
                        x.effectiveFrom,
                        x.activatedAt,
                        x.endedAt))
                .toList();
        return new AgreementView(
                a.id,
                a.reference,
                a.state,
                v.number,
                v.state,
                v.title,
                content,
                v.contentHash,
                v.effectiveFrom,
                v.activatedAt,
                v.endedAt,
                partyViews,
                awaiting,
                a.effectiveVersion,
                a.openVersion,
                a.latestVersion,
                window,
                a.nextReviewOn,
                versions,
                a.createdAt,
                a.createdBy,
                a.updatedAt,
                a.updatedBy,
                a.rowVersion);
    }

    AgreementContent read(String json) {
        try {
            return mapper.readValue(json, AgreementContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored agreement content is unreadable", e);
        }
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    private String write(AgreementContent content) {
        try {
            return mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("agreement content cannot be serialised", e);
        }
    }
}
