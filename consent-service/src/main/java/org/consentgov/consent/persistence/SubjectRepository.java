package org.consentgov.consent.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubjectRepository implements PanacheRepositoryBase<Subject, UUID> {

    public Optional<Subject> findByIdentifier(String system, String value) {
        return getEntityManager()
                .createQuery(
                        "select i.subject from SubjectIdentifier i where i.system = :system and i.value = :value",
                        Subject.class)
                .setParameter("system", system)
                .setParameter("value", value)
                .getResultStream()
                .findFirst();
    }

    public List<SubjectIdentifier> identifiers(UUID subjectId) {
        return getEntityManager()
                .createQuery(
                        "from SubjectIdentifier i where i.subject.id = :id order by i.system, i.value",
                        SubjectIdentifier.class)
                .setParameter("id", subjectId)
                .getResultList();
    }

    public void persistIdentifier(SubjectIdentifier identifier) {
        getEntityManager().persist(identifier);
    }
}
