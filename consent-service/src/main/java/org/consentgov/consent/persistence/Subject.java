package org.consentgov.consent.persistence;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.consentgov.platform.persistence.CreatedEntity;

/** A person consents are about: an internal id, a date of birth and external identifiers. No names. */
@Entity
@Table(name = "subject")
public class Subject extends CreatedEntity {

    @Id
    public UUID id;

    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    @OneToMany(mappedBy = "subject", cascade = CascadeType.PERSIST)
    public List<SubjectIdentifier> identifiers = new ArrayList<>();
}
