package org.consentgov.agreement.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.consentgov.platform.persistence.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An organisation that can be party to agreements. Its slug is the id the whole suite uses for it. */
@Entity
@Table(name = "organisation")
public class Organisation extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, length = 80)
    public String slug;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 60)
    public String type;

    @Column(name = "ico_registration_number", length = 8)
    public String icoRegistrationNumber;

    @Column(name = "school_urn", length = 6)
    public String schoolUrn;

    @Column(name = "ods_code", length = 6)
    public String odsCode;

    /** The signatory contacts as a JSON array. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String signatories;
}
