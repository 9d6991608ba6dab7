package org.consentgov.agreement.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** The disclosure log. Every query takes the caller's scope: a partner sees only what its organisation received. */
@ApplicationScoped
public class DisclosureRepository implements PanacheRepositoryBase<Disclosure, UUID> {

    public Optional<Disclosure> findVisible(UUID id, Scope scope) {
        return find(
                        "id = ?1 and (?2 = true or recipient = ?3)",
                        id,
                        scope.all(),
                        scope.all() ? "" : scope.organisation())
                .firstResultOptional();
    }

    public Optional<Disclosure> forDecision(UUID decisionId) {
        return find("decisionId", decisionId).firstResultOptional();
    }

    public List<Disclosure> page(DisclosureFilter filter, Scope scope, int page, int size) {
        return query(filter, scope).page(Page.of(page, size)).list();
    }

    public long count(DisclosureFilter filter, Scope scope) {
        return query(filter, scope).count();
    }

    public Stream<Disclosure> stream(DisclosureFilter filter, Scope scope) {
        return query(filter, scope).withHint("org.hibernate.fetchSize", 200).stream();
    }

    private PanacheQuery<Disclosure> query(DisclosureFilter f, Scope scope) {
        StringBuilder where = new StringBuilder("(:all = true or recipient = :org)");
        Parameters params = Parameters.with("all", scope.all()).and("org", scope.all() ? "" : scope.organisation());
        if (f.subjectValue() != null) {
            where.append(" and subjectSystem = :system and subjectValue = :value");
            params.and("system", f.subjectSystem()).and("value", f.subjectValue());
        }
        if (f.agreementId() != null) {
            where.append(" and agreementId = :agreement");
            params.and("agreement", f.agreementId());
        }
        if (f.recipient() != null) {
            where.append(" and recipient = :recipient");
            params.and("recipient", f.recipient());
        }
        if (f.from() != null) {
            where.append(" and disclosedAt >= :from");
            params.and("from", f.from());
        }
        if (f.to() != null) {
            where.append(" and disclosedAt < :to");
            params.and("to", f.to());
        }
        return find(where.toString(), Sort.by("disclosedAt").and("id"), params);
    }
}
