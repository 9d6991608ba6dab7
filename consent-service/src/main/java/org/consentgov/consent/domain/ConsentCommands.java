package org.consentgov.consent.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What callers ask the domain to do, built by the web layer from its request bodies (already Bean-Validated). */
public final class ConsentCommands {

    private ConsentCommands() {}

    /** An external identifier of a subject, e.g. {@code nhs-number} {@code 9434765919}. */
    public record Identifier(String system, String value) {}

    /** A subject named by identifiers and date of birth (no names). */
    public record SubjectDetails(List<Identifier> identifiers, LocalDate dateOfBirth) {}

    /** The published notice version shown to the family. */
    public record NoticePin(String slug, int version, String contentHash) {}

    /** One party's own decision. */
    public record PartyDecision(
            String role,
            String relationship,
            Decision decision,
            Capacity capacity,
            LocalDate assessedOn,
            LocalDate decidedOn) {}

    /** A consent form to record: a new or known subject (exactly one of {@code subject} and {@code subjectId}). */
    public record RecordConsent(
            SubjectDetails subject,
            UUID subjectId,
            NoticePin notice,
            List<String> purposes,
            List<String> dataCategories,
            List<PartyDecision> parties,
            String collectionMethod,
            LocalDate formIssuedOn,
            LocalDate formReceivedOn,
            String evidenceReference,
            LocalDate givenOn) {

        /** The day the form was signed: as given, or the day it was received. */
        public LocalDate signedOn() {
            return givenOn != null ? givenOn : formReceivedOn;
        }
    }

    /** A party's wish to withdraw, asked for on {@code requestedOn} (null: today in London). */
    public record Withdraw(String requestedBy, String channel, String reason, LocalDate requestedOn) {}

    /** The DPO's answer to a late withdrawal. */
    public enum LateWithdrawalResolution {
        ACCEPT,
        DECLINE
    }
}
