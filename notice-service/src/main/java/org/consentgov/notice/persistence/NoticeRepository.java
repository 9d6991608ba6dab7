package org.consentgov.notice.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<Notice, UUID> {

    public Optional<Notice> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<Notice> page(int page, int size) {
        return findAll(Sort.by("slug")).page(Page.of(page, size)).list();
    }
}
