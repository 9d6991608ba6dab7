package org.consentgov.agreement.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.consentgov.agreement.domain.PartyRole;

/** A party of one version; the join that scopes partners and researchers to the agreements they are party to. */
@Entity
@Table(name = "agreement_party")
@IdClass(AgreementParty.Key.class)
public class AgreementParty {

    @Id
    @Column(name = "version_id")
    public UUID versionId;

    @Id
    @Column(name = "organisation_slug", length = 80)
    public String organisation;

    @Column(name = "agreement_id", nullable = false)
    public UUID agreementId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public PartyRole role;

    @Column(nullable = false)
    public int position;

    public static class Key implements Serializable {
        public UUID versionId;
        public String organisation;

        public Key() {}

        public Key(UUID versionId, String organisation) {
            this.versionId = versionId;
            this.organisation = organisation;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(versionId, k.versionId)
                    && Objects.equals(organisation, k.organisation);
        }

        @Override
        public int hashCode() {
            return Objects.hash(versionId, organisation);
        }
    }
}
