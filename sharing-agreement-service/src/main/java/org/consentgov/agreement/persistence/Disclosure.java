package org.consentgov.agreement.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Who received what about whom, when, how, under which agreement version and decision. Append-only. */
@Entity
@Table(name = "disclosure")
public class Disclosure {

    @Id
    public UUID id;

    @Column(name = "decision_id", nullable = false, unique = true)
    public UUID decisionId;

    @Column(name = "agreement_id", nullable = false)
    public UUID agreementId;

    @Column(name = "agreement_reference", nullable = false, length = 80)
    public String agreementReference;

    @Column(name = "agreement_version", nullable = false)
    public int agreementVersion;

    @Column(nullable = false, length = 80)
    public String recipient;

    @Column(name = "subject_system", nullable = false, length = 30)
    public String subjectSystem;

    @Column(name = "subject_value", nullable = false, length = 64)
    public String subjectValue;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> categories;

    @Column(nullable = false, length = 80)
    public String purpose;

    @Column(name = "transfer_method", nullable = false, length = 40)
    public String transferMethod;

    @Column(name = "disclosed_at", nullable = false)
    public Instant disclosedAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorder_org", length = 80)
    public String recorderOrg;
}
