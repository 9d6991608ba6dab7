package org.consentgov.consent.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A read of a subject's personal data: who, when, what. */
@Entity
@Table(name = "subject_access_log")
public class SubjectAccess {

    @Id
    public UUID id;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_org", length = 80)
    public String actorOrg;

    @Column(nullable = false, length = 40)
    public String action;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "request_id", length = 128)
    public String requestId;
}
