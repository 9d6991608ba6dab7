package org.consentgov.agreement.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, UUID> {

    /**
     * Whether an organisation is registered under the slug, without loading it. Asked on every sharing decision:
     * a plain query of one row, since Panache's count is a query Hibernate derives and translates anew on each
     * call (8% of the service's CPU under decisions, bench/RESULTS.md).
     */
    public boolean registered(String slug) {
        return !getEntityManager()
                .createQuery("select o.id from Organisation o where o.slug = ?1", UUID.class)
                .setParameter(1, slug)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    public Optional<Organisation> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The organisations among the slugs, by slug, in one statement. */
    public Map<String, Organisation> bySlug(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return Map.of();
        }
        return list("slug in ?1", Set.copyOf(slugs)).stream()
                .collect(Collectors.toMap(o -> o.slug, Function.identity()));
    }

    public List<Organisation> page(String type, int page, int size) {
        return query(type).page(Page.of(page, size)).list();
    }

    public long count(String type) {
        return query(type).count();
    }

    private PanacheQuery<Organisation> query(String type) {
        return type == null ? findAll(Sort.by("slug")) : find("type", Sort.by("slug"), type);
    }
}
