package org.consentgov.consent.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "subject_identifier")
public class SubjectIdentifier {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subject_id", nullable = false)
    public Subject subject;

    /** The identifier system's code, e.g. nhs-number. */
    @Column(nullable = false, length = 40)
    public String system;

    /** Normalised value. */
    @Column(nullable = false, length = 64)
    public String value;
}
