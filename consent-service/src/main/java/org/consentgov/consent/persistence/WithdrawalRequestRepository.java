package org.consentgov.consent.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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

    /** How many requests are in one status, and when the oldest of them was received. */
    public record StatusCount(WithdrawalRequest.Status status, long requests, Instant oldestReceivedAt) {}

    /** Every request counted by status in one GROUP BY statement. */
    public List<StatusCount> countsByStatus() {
        return getEntityManager()
                .createQuery(
                        "select w.status, count(w), min(w.receivedAt) from WithdrawalRequest w group by w.status",
                        Object[].class)
                .getResultList()
                .stream()
                .map(row -> new StatusCount(
                        (WithdrawalRequest.Status) row[0], ((Number) row[1]).longValue(), (Instant) row[2]))
                .toList();
    }
}
