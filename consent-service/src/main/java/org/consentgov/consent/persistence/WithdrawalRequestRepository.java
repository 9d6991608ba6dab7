package org.consentgov.consent.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WithdrawalRequestRepository implements PanacheRepositoryBase<WithdrawalRequest, UUID> {

    public List<WithdrawalRequest> page(WithdrawalRequest.Status status, int page, int size) {
        return (status == null ? findAll(Sort.by("receivedAt")) : find("status", Sort.by("receivedAt"), status))
                .page(Page.of(page, size))
                .list();
    }

    public long count(WithdrawalRequest.Status status) {
        return status == null ? count() : count("status", status);
    }
}
