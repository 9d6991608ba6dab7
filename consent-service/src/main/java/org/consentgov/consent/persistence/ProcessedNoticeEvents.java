package org.consentgov.consent.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** The notice-service events already acted on, by event id, so that a redelivered event changes nothing. */
@ApplicationScoped
public class ProcessedNoticeEvents {

    private final EntityManager em;

    public ProcessedNoticeEvents(EntityManager em) {
        this.em = em;
    }

    /**
     * Claims the event id in the caller's transaction; false when it was already processed (or a replica
     * receiving the same event at once claimed it first).
     */
    public boolean claim(String eventId, String type, String subject, Instant at) {
        return em.createNativeQuery("""
                        INSERT INTO processed_notice_event (event_id, type, subject, processed_at, records_flagged)
                        VALUES (:id, :type, :subject, :at, 0) ON CONFLICT (event_id) DO NOTHING""")
                        .setParameter("id", eventId)
                        .setParameter("type", type)
                        .setParameter("subject", subject)
                        .setParameter("at", at)
                        .executeUpdate()
                > 0;
    }

    /** Notes how many records the event flagged. */
    public void recordsFlagged(String eventId, int count) {
        em.createNativeQuery("UPDATE processed_notice_event SET records_flagged = :n WHERE event_id = :id")
                .setParameter("n", count)
                .setParameter("id", eventId)
                .executeUpdate();
    }
}
