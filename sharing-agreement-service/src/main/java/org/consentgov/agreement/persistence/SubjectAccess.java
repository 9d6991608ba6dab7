package org.consentgov.agreement.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A read of personal data: who, when, what about whom (or, for a bulk export, with which filter). */
@Entity
@Table(name = "subject_access_log")
public class SubjectAccess {

    @Id
    public UUID id;

    @Column(name = "subject_system", length = 30)
    public String subjectSystem;

    @Column(name = "subject_value", length = 64)
    public String subjectValue;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_org", length = 80)
    public String actorOrg;

    @Column(nullable = false, length = 40)
    public String action;

    @Column(length = 500)
    public String detail;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "request_id", length = 128)
    public String requestId;
}
