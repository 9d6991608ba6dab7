package org.consentgov.consent.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.domain.ConsentCommands.PartyDecision;
import org.consentgov.consent.domain.ConsentCommands.RecordConsent;
import org.consentgov.consent.events.ConsentEvents;
import org.consentgov.consent.events.ConsentEvents.ConsentEventData;
import org.consentgov.consent.notices.NoticeDirectory;
import org.consentgov.consent.notices.PublishedNotice;
import org.consentgov.consent.persistence.ConsentParty;
import org.consentgov.consent.persistence.ConsentRecord;
import org.consentgov.consent.persistence.HistoryEntry;
import org.consentgov.platform.security.Caller;
import org.consentgov.platform.vocabulary.Vocabulary;

/**
 * Turns a consent form into a record: checks it, pins it to the published notice version, builds the record with
 * its parties and decision, its first history entry and its event data. The single create ({@link
 * ConsentRecording}) and the bulk import ({@link ConsentBulkWriter}) both build records here, so a form gets the
 * same checks and the same rows whichever way it arrives.
 */
@ApplicationScoped
public class ConsentRecordFactory {

    /**
     * The row version of a record just recorded: Hibernate inserts it once, already chained to its first history
     * entry, and never updates it in the same flush. The bulk import writes the same value.
     */
    public static final long NEW_RECORD_VERSION = 0;

    /**
     * A form that passed the checks that need no subject: its notice version and the categories it covers; once its
     * dates are checked too, whether a later version changed the notice materially since (re-consent).
     */
    public record CheckedForm(
            RecordConsent command, PublishedNotice notice, List<String> dataCategories, boolean reconsentRequired) {}

    private final NoticeDirectory notices;
    private final Vocabulary vocabulary;
    private final Caller caller;
    private final ConsentHistory history;
    private final ConsentTime time;

    public ConsentRecordFactory(
            NoticeDirectory notices, Vocabulary vocabulary, Caller caller, ConsentHistory history, ConsentTime time) {
        this.notices = notices;
        this.vocabulary = vocabulary;
        this.caller = caller;
        this.history = history;
        this.time = time;
    }

    /** The form's shape, its notice version (asked of notice-service) and its scope, in that order. */
    public CheckedForm check(RecordConsent command) {
        ConsentFormChecks.shape(command, vocabulary);
        PublishedNotice notice = ConsentFormChecks.pinned(
                notices.published(command.notice().slug(), command.notice().version()),
                command.notice().contentHash());
        ConsentFormChecks.windowStart(command, notice);
        return new CheckedForm(command, notice, ConsentFormChecks.scope(command, notice), false);
    }

    /**
     * The form's dates, once the subject's date of birth is known, then the pin in valid time: the version must have
     * been in force on the day the form was signed (asked of notice-service again while its interval is open). The
     * form comes back knowing whether a later version changed the notice materially since.
     */
    public CheckedForm checkDates(CheckedForm form, LocalDate dateOfBirth) {
        return checkDates(form, dateOfBirth, new HashMap<>());
    }

    /**
     * As {@link #checkDates(CheckedForm, LocalDate)}, reading each pinned version's interval once per {@code
     * readThisTransaction} (the bulk import's batch: one transaction, so as fresh as a single create's read).
     */
    public CheckedForm checkDates(
            CheckedForm form, LocalDate dateOfBirth, Map<String, PublishedNotice> readThisTransaction) {
        RecordConsent command = form.command();
        ConsentFormChecks.dates(command, dateOfBirth, time.today());
        PublishedNotice pinned = readThisTransaction.computeIfAbsent(
                form.notice().slug() + "@" + form.notice().version(),
                k -> notices.pinnable(form.notice().slug(), form.notice().version()));
        LocalDate givenOn = command.signedOn();
        ConsentFormChecks.inForce(
                pinned,
                givenOn,
                () -> notices.inForceAt(
                                pinned.slug(),
                                WithdrawalPolicy.startOf(givenOn.plusDays(1)).minusNanos(1))
                        .map(PublishedNotice::version)
                        .orElse(null));
        return new CheckedForm(command, form.notice(), form.dataCategories(), materiallyChangedSince(pinned));
    }

    /**
     * Whether a version published after the pinned one changed the notice materially, as notice-service's
     * material-change event would have flagged a record pinned to it ({@code NoticeEventReactions}).
     */
    private boolean materiallyChangedSince(PublishedNotice pinned) {
        if (pinned.inForceUntil() == null) {
            return false;
        }
        for (int n = pinned.version() + 1; ; n++) {
            var later = notices.ifPublished(pinned.slug(), n);
            if (later.isEmpty()) {
                return false;
            }
            if (Boolean.TRUE.equals(later.get().materialChange())) {
                return true;
            }
        }
    }

    /** A party's decision added later: well formed, not a second child, not dated in the future. */
    public void checkAddedParty(ConsentRecord record, PartyDecision party) {
        ConsentFormChecks.party(
                party, "", record.parties.stream().anyMatch(p -> ConsentFormChecks.CHILD.equals(p.role)), vocabulary);
        if (party.decidedOn().isAfter(time.today())) {
            throw ConsentErrors.DATE_IN_FUTURE.problem("decidedOn is in the future", "decidedOn");
        }
    }

    /**
     * A new record for a checked form (not yet persisted): its parties, the evaluated decision and state, and an
     * empty history.
     */
    public ConsentRecord newRecord(CheckedForm form, UUID subjectId, LocalDate dateOfBirth, Instant now) {
        RecordConsent command = form.command();
        PublishedNotice notice = form.notice();
        PublishedNotice.ConsentTerms terms = notice.content().consent();
        ConsentRecord record = new ConsentRecord();
        record.id = UUID.randomUUID();
        record.subjectId = subjectId;
        record.noticeSlug = notice.slug();
        record.noticeVersion = notice.version();
        record.noticeContentHash = notice.contentHash();
        record.purposes = List.copyOf(command.purposes());
        record.dataCategories = form.dataCategories();
        record.collectionMethod = command.collectionMethod();
        record.formIssuedOn = command.formIssuedOn();
        record.formReceivedOn = command.formReceivedOn();
        record.givenOn = command.signedOn();
        record.evidenceReference = command.evidenceReference();
        record.recordedBy = caller.name();
        record.recordedOrg = caller.org().orElse(null);
        record.recordedAt = now;
        record.changedAt = now;
        record.reconsentRequired = form.reconsentRequired();
        WithdrawalPolicy withdrawal = WithdrawalPolicy.of(
                terms.windowFromIssue() ? record.formIssuedOn : record.formReceivedOn,
                consentBasis(notice),
                terms.withdrawalWindowDays());
        record.withdrawalAnyTime = withdrawal.anyTime();
        record.withdrawalWindowEndsOn = withdrawal.lastDay();
        record.expiresAt = ConsentExpiry.expiresAt(record.givenOn, terms.consentDuration());
        int position = 0;
        for (PartyDecision p : command.parties()) {
            record.parties.add(party(record, position++, p, now));
        }
        reevaluate(record, dateOfBirth, terms, WithdrawalPolicy.startOf(record.givenOn));
        record.historyHead = HistoryChain.GENESIS;
        record.historyLength = 0;
        return record;
    }

    /** A party of the record (not yet persisted). */
    public ConsentParty party(ConsentRecord record, int position, PartyDecision p, Instant now) {
        ConsentParty party = new ConsentParty();
        party.id = UUID.randomUUID();
        party.record = record;
        party.position = position;
        party.role = p.role();
        party.relationship = p.relationship();
        party.decision = p.decision();
        party.capacity = p.capacity();
        party.assessedOn = p.assessedOn();
        party.assessedBy = p.capacity() == null ? null : caller.name();
        party.decidedOn = p.decidedOn();
        party.recordedBy = caller.name();
        party.recordedAt = now;
        return party;
    }

    /** The new record's {@code recorded} entry (not persisted). */
    public HistoryEntry recordedEntry(ConsentRecord record, Instant now) {
        return history.entry(record, "recorded", null, record.state, null, history.recordedPayload(record), now);
    }

    /** Ends the record a newer one replaces and returns its {@code superseded} entry (not persisted). */
    public HistoryEntry supersede(ConsentRecord old, UUID newer, Instant now) {
        ConsentState from = old.state;
        old.state = ConsentState.SUPERSEDED;
        old.endedAt = now;
        return history.entry(
                old,
                "superseded",
                from,
                ConsentState.SUPERSEDED,
                "superseded by record " + newer,
                history.payload().put("supersededBy", newer.toString()),
                now);
    }

    /** The event a newly recorded record raises, if any: given when effective, refused when refused. */
    public static String recordedEventType(ConsentRecord record) {
        if (record.effective) {
            return ConsentEvents.GIVEN;
        }
        return record.state == ConsentState.REFUSED ? ConsentEvents.REFUSED : null;
    }

    /** The data of a given, refused or superseded event. */
    public static ConsentEventData eventData(ConsentRecord record, Instant at, UUID supersededBy) {
        return ConsentEventPublisher.recordedEventData(record, at, supersededBy);
    }

    /**
     * Decides the record's decision, state and effectiveness from its parties and the notice's terms; a record that
     * becomes effective counts from {@code validFrom} (valid time: the start of the day the form, or the missing
     * party's decision, was signed).
     */
    public static void reevaluate(
            ConsentRecord record, LocalDate dateOfBirth, PublishedNotice.ConsentTerms terms, Instant validFrom) {
        ConsentEvaluator.Outcome outcome = ConsentEvaluator.evaluate(
                new ConsentEvaluator.Terms(
                        terms.requiredParties(), terms.parentOrCarer(), terms.parentOrCarerUnderAge()),
                dateOfBirth,
                record.formReceivedOn,
                record.parties.stream()
                        .map(p -> new ConsentEvaluator.Party(p.role, p.decision, p.capacity))
                        .toList());
        record.decision = outcome.decision();
        record.state = outcome.state();
        record.missingParties = outcome.missingParties();
        boolean becameEffective = outcome.effective() && !record.effective;
        record.effective = outcome.effective();
        if (becameEffective) {
            record.effectiveFrom = validFrom;
        }
    }

    private boolean consentBasis(PublishedNotice notice) {
        return notice.content().lawfulBases() != null
                && notice.content().lawfulBases().stream()
                        .anyMatch(b -> vocabulary
                                .lawfulBasis(b.basis())
                                .map(l -> l.consent())
                                .orElse(false));
    }
}
