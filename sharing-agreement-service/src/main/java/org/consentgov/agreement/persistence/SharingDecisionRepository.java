package org.consentgov.agreement.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SharingDecisionRepository implements PanacheRepositoryBase<SharingDecision, UUID> {

    /** A decision the caller may see: a partner or researcher only those about its own organisation receiving. */
    public Optional<SharingDecision> findVisible(UUID id, Scope scope) {
        return find(
                        "id = ?1 and (?2 = true or recipient = ?3)",
                        id,
                        scope.all(),
                        scope.all() ? "" : scope.organisation())
                .firstResultOptional();
    }
}
