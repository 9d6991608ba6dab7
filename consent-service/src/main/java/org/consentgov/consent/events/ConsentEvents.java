package org.consentgov.consent.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The events consent-service emits (CloudEvents types) and their payload. The aggregate is the consent record,
 * by id. Payloads name the record, the subject by its internal id and the notice version — never an external
 * identifier (NHS number, UPN, …), a name or a free-text reason, since they leave the service.
 */
public final class ConsentEvents {

    public static final String AGGREGATE = "consent-record";

    /** The record became effective: every party the notice requires has consented (at once, or when one is added). */
    public static final String GIVEN = "org.consentgov.consent.given";
    /** The record was refused (e.g. the child refused), when recorded or when a party's refusal was added. */
    public static final String REFUSED = "org.consentgov.consent.refused";
    /** Withdrawn: inside the window, or late with the DPO's acceptance. New use stops. */
    public static final String WITHDRAWN = "org.consentgov.consent.withdrawn";
    /** A newer record for the same subject and notice replaced this one. */
    public static final String SUPERSEDED = "org.consentgov.consent.superseded";
    /** The DPO invalidated the record (e.g. recorded in error). */
    public static final String INVALIDATED = "org.consentgov.consent.invalidated";
    /** A withdrawal asked for after the window closed was stored and referred to the DPO. */
    public static final String WITHDRAWAL_REFERRED = "org.consentgov.consent.withdrawal-referred";
    /** The DPO accepted or declined a referred withdrawal. */
    public static final String LATE_WITHDRAWAL_RESOLVED = "org.consentgov.consent.late-withdrawal-resolved";

    /**
     * The notice the record is pinned to changed materially in a later published version: the record stays
     * effective (unless the notice says otherwise) but the subject should be asked for consent again.
     */
    public static final String RECONSENT_REQUIRED = "org.consentgov.consent.reconsent-required";

    /** The record passed its end (the notice's consentDuration after the form was signed) and no longer counts. */
    public static final String EXPIRED = "org.consentgov.consent.expired";

    public static final Set<String> TYPES = Set.of(
            EXPIRED,
            GIVEN,
            REFUSED,
            WITHDRAWN,
            SUPERSEDED,
            INVALIDATED,
            WITHDRAWAL_REFERRED,
            LATE_WITHDRAWAL_RESOLVED,
            RECONSENT_REQUIRED);

    private ConsentEvents() {}

    /** The payload of every consent event; the fields that do not apply to a type are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentEventData(
            UUID recordId,
            UUID subjectId,
            String noticeSlug,
            int noticeVersion,
            String noticeContentHash,
            List<String> purposes,
            String state,
            Boolean effective,
            Instant at,
            /** withdrawn, withdrawal-referred: the party role that asked */
            String requestedBy,
            /** superseded: the record that replaced this one */
            UUID supersededBy,
            /** withdrawal-referred, late-withdrawal-resolved */
            UUID withdrawalRequestId,
            /** withdrawal-referred: the last day of the window */
            LocalDate windowEndedOn,
            /** late-withdrawal-resolved: ACCEPTED or DECLINED */
            String resolution,
            /** reconsent-required: true, and the notice version now in force */
            Boolean reconsentRequired,
            Integer currentNoticeVersion,
            /** withdrawn, withdrawal-referred: the day the child or parent asked (Europe/London) */
            LocalDate requestedOn,
            /** expired: the instant the record stopped counting */
            Instant expiresAt) {}
}
