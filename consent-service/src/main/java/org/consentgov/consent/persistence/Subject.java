package org.consentgov.consent.persistence;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A person consents are about: an internal id, a date of birth and external identifiers. No names. */
@Entity
@Table(name = "subject")
public class Subject {

    @Id
    public UUID id;

    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    @OneToMany(mappedBy = "subject", cascade = CascadeType.PERSIST)
    public List<SubjectIdentifier> identifiers = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;
}
