package org.consentgov.consent.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.consentgov.consent.ConsentErrors;
import org.consentgov.consent.domain.ConsentCommands.PartyDecision;
import org.consentgov.consent.domain.ConsentCommands.RecordConsent;
import org.consentgov.consent.notices.PublishedNotice;
import org.consentgov.platform.problem.FieldError;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.vocabulary.Vocabulary;

/**
 * The checks a consent form passes before anything is stored, in the order the API reports them. Pure: the
 * caller passes the vocabulary, the published notice and today's London date.
 */
public final class ConsentFormChecks {

    static final String CHILD = "child";

    private ConsentFormChecks() {}

    /** Exactly one of subject and subjectId, and every party well formed (all party errors at once). */
    public static void shape(RecordConsent command, Vocabulary vocabulary) {
        if ((command.subject() == null) == (command.subjectId() == null)) {
            throw ConsentErrors.SUBJECT_REQUIRED.problem(
                    "Give either subject or subjectId, not both and not neither", "subject");
        }
        List<FieldError> errors = new ArrayList<>();
        boolean child = false;
        for (int i = 0; i < command.parties().size(); i++) {
            try {
                party(command.parties().get(i), "parties[" + i + "].", child, vocabulary);
            } catch (ProblemException e) {
                errors.addAll(e.errors());
            }
            child |= CHILD.equals(command.parties().get(i).role());
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    ConsentErrors.INVALID_PARTY.kind(),
                    ConsentErrors.INVALID_PARTY.code(),
                    errors.get(0).message(),
                    errors);
        }
    }

    /** A known role, one child, a capacity only for the child and dated when assessed. */
    public static void party(PartyDecision p, String prefix, boolean childAlready, Vocabulary vocabulary) {
        if (vocabulary.partyRole(p.role()).isEmpty()) {
            throw ConsentErrors.UNKNOWN_PARTY_ROLE.problem(
                    "'" + p.role() + "' is not a party role: child, parent, carer, guardian or local-authority",
                    prefix + "role");
        }
        if (CHILD.equals(p.role()) && childAlready) {
            throw ConsentErrors.DUPLICATE_CHILD.problem("A record has one child party", prefix + "role");
        }
        if (p.capacity() != null && !CHILD.equals(p.role())) {
            throw ConsentErrors.CAPACITY_ONLY_FOR_CHILD.problem(
                    "A capacity assessment is recorded for the child only", prefix + "capacity");
        }
        if (p.capacity() != null && p.capacity() != Capacity.NOT_ASSESSED && p.assessedOn() == null) {
            throw ConsentErrors.ASSESSMENT_DATE_REQUIRED.problem(
                    "Say when the capacity was assessed", prefix + "assessedOn");
        }
    }

    /** The notice's hash is the one shown to the family, and the notice asks for consent. */
    public static PublishedNotice pinned(PublishedNotice notice, String contentHash) {
        if (!notice.contentHash().equals(contentHash)) {
            throw ConsentErrors.NOTICE_HASH_MISMATCH
                    .problem(
                            "The content hash does not match version " + notice.version() + " of '" + notice.slug()
                                    + "': the family may have been shown other words than those published",
                            "notice.contentHash")
                    .with("publishedContentHash", notice.contentHash());
        }
        if (notice.content().consent() == null) {
            throw ConsentErrors.NOTICE_ASKS_NO_CONSENT.problem(
                    "Notice '" + notice.slug() + "' version " + notice.version() + " does not ask for consent",
                    "notice");
        }
        return notice;
    }

    /**
     * The form was signed while the pinned version was in force (DESIGN §11): a version not retired, whose in-force
     * interval meets the London day {@code givenOn} — on a changeover day either version is accepted. A version
     * superseded since is fine: the family signed what was in force then. {@code inForceThatDay} names the version
     * that was in force, for the problem.
     */
    public static void inForce(
            PublishedNotice notice, LocalDate givenOn, java.util.function.Supplier<Integer> inForceThatDay) {
        if (!notice.retired() && notice.inForceOn(givenOn, WithdrawalPolicy.LONDON)) {
            return;
        }
        Integer inForce = inForceThatDay.get();
        String why = notice.retired()
                ? "version " + notice.version() + " of '" + notice.slug() + "' is retired: nothing may be pinned to it"
                : "version " + notice.version() + " of '" + notice.slug() + "' was not in force on " + givenOn
                        + ", the day the form was signed";
        ProblemException problem = ConsentErrors.NOTICE_VERSION_NOT_IN_FORCE
                .problem(
                        why
                                + (inForce == null
                                        ? "; no version of the notice was in force that day"
                                        : "; version " + inForce + " was in force that day"),
                        "notice.version")
                .with("givenOn", givenOn.toString())
                .with("pinnedVersionState", notice.state());
        throw inForce == null ? problem : problem.with("versionInForce", inForce);
    }

    /** A window counted from the form's issue needs the day it was issued. */
    public static void windowStart(RecordConsent command, PublishedNotice notice) {
        if (notice.content().consent().windowFromIssue() && command.formIssuedOn() == null) {
            throw ConsentErrors.FORM_ISSUED_ON_REQUIRED.problem(
                    "The notice's withdrawal window counts from the day the form was issued: give formIssuedOn",
                    "formIssuedOn");
        }
    }

    /** The purposes and categories are the notice's; the categories the record covers (all when none given). */
    public static List<String> scope(RecordConsent command, PublishedNotice notice) {
        List<String> noticePurposes = notice.purposeCodes();
        for (int i = 0; i < command.purposes().size(); i++) {
            if (!noticePurposes.contains(command.purposes().get(i))) {
                throw ConsentErrors.PURPOSE_NOT_IN_NOTICE.problem(
                        "Purpose '" + command.purposes().get(i) + "' is not a purpose of this notice version",
                        "purposes[" + i + "]");
            }
        }
        List<String> noticeCategories = notice.content().dataCategories() == null
                ? List.of()
                : notice.content().dataCategories();
        if (command.dataCategories() == null || command.dataCategories().isEmpty()) {
            return List.copyOf(noticeCategories);
        }
        for (int i = 0; i < command.dataCategories().size(); i++) {
            if (!noticeCategories.contains(command.dataCategories().get(i))) {
                throw ConsentErrors.CATEGORY_NOT_IN_NOTICE.problem(
                        "Data category '" + command.dataCategories().get(i) + "' is not listed in this notice version",
                        "dataCategories[" + i + "]");
            }
        }
        return List.copyOf(command.dataCategories());
    }

    /** No date in the future, received after issued and after the subject's birth, signed between issue and receipt. */
    public static void dates(RecordConsent command, LocalDate dateOfBirth, LocalDate today) {
        if (command.formReceivedOn().isAfter(today)) {
            throw ConsentErrors.DATE_IN_FUTURE.problem(
                    "The form cannot have been received in the future", "formReceivedOn");
        }
        if (command.formIssuedOn() != null && command.formIssuedOn().isAfter(today)) {
            throw ConsentErrors.DATE_IN_FUTURE.problem(
                    "The form cannot have been issued in the future", "formIssuedOn");
        }
        if (command.formIssuedOn() != null && command.formReceivedOn().isBefore(command.formIssuedOn())) {
            throw ConsentErrors.RECEIVED_BEFORE_ISSUED.problem(
                    "The form was received before it was issued", "formReceivedOn");
        }
        if (command.givenOn() != null && command.givenOn().isAfter(today)) {
            throw ConsentErrors.DATE_IN_FUTURE.problem("The form cannot have been signed in the future", "givenOn");
        }
        if (command.givenOn() != null && command.givenOn().isAfter(command.formReceivedOn())) {
            throw ConsentErrors.GIVEN_AFTER_RECEIVED.problem(
                    "The form cannot have been signed after it was received", "givenOn");
        }
        if (command.givenOn() != null
                && command.formIssuedOn() != null
                && command.givenOn().isBefore(command.formIssuedOn())) {
            throw ConsentErrors.GIVEN_BEFORE_ISSUED.problem(
                    "The form cannot have been signed before it was issued", "givenOn");
        }
        if (command.formReceivedOn().isBefore(dateOfBirth)) {
            throw ConsentErrors.RECEIVED_BEFORE_BIRTH.problem(
                    "The form was received before the subject was born", "formReceivedOn");
        }
        for (int i = 0; i < command.parties().size(); i++) {
            PartyDecision p = command.parties().get(i);
            if (p.decidedOn().isAfter(today)) {
                throw ConsentErrors.DATE_IN_FUTURE.problem(
                        "A decision cannot be dated in the future", "parties[" + i + "].decidedOn");
            }
            if (p.assessedOn() != null && p.assessedOn().isAfter(today)) {
                throw ConsentErrors.DATE_IN_FUTURE.problem(
                        "An assessment cannot be dated in the future", "parties[" + i + "].assessedOn");
            }
        }
    }
}
