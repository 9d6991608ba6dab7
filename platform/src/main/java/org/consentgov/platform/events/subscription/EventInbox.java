package org.consentgov.platform.events.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * The receiving end of another service's events: each event id is acted on once. Delivery is at least once
 * (platform/WEBHOOKS.md), so the id is claimed in the service's own table of processed events in the same
 * transaction as the reaction: a redelivered event, or two replicas receiving the same one at once, changes
 * nothing the second time.
 */
@ApplicationScoped
public class EventInbox {

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** What {@link #accept} did: whether the event was new, and how many records the reaction changed. */
    public record Outcome(String eventId, String type, boolean duplicate, int recordsChanged) {}

    private final EntityManager em;
    private final Clock clock;

    public EventInbox(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Checks the event (id and type required, then the reaction's own check), claims its id and runs the
     * reaction, all in one transaction.
     */
    @Transactional
    public Outcome accept(ReceivedEvent event, EventReaction reaction) {
        if (event.id() == null || event.type() == null) {
            throw reaction.invalidEvent().problem("A CloudEvent with an id and a type is required", "id");
        }
        reaction.check(event);
        String table = table(reaction);
        boolean claimed = em.createNativeQuery("INSERT INTO " + table
                                + " (event_id, type, subject, processed_at, records_flagged)"
                                + " VALUES (:id, :type, :subject, :at, 0) ON CONFLICT (event_id) DO NOTHING")
                        .setParameter("id", event.id())
                        .setParameter("type", event.type())
                        .setParameter("subject", event.subject())
                        .setParameter("at", clock.instant())
                        .executeUpdate()
                > 0;
        if (!claimed) {
            return new Outcome(event.id(), event.type(), true, 0);
        }
        int changed = reaction.apply(event);
        em.createNativeQuery("UPDATE " + table + " SET records_flagged = :n WHERE event_id = :id")
                .setParameter("n", changed)
                .setParameter("id", event.id())
                .executeUpdate();
        return new Outcome(event.id(), event.type(), false, changed);
    }

    private static String table(EventReaction reaction) {
        String table = reaction.processedEventsTable();
        if (table == null || !TABLE.matcher(table).matches()) {
            throw new IllegalStateException("not a table name: " + table);
        }
        return table;
    }
}
