package org.consentgov.platform.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Period;
import java.util.List;

/**
 * The retention of the platform's tables in every service's database (platform/RETENTION.md). Deliveries go
 * before the events they reference; an event stays while any delivery of it stays (a parked delivery keeps its
 * event until it is redelivered or its subscription has been deactivated for the period). Subscriptions are
 * configuration and are never purged.
 */
@ApplicationScoped
public class PlatformRetentionRules implements RetentionRules {

    /** Delivered webhook deliveries, by when they were delivered. */
    public static final RetentionRule DELIVERED_DELIVERIES = RetentionRule.olderThan(
            "webhook-delivery", "webhook_delivery", "delivered_at", "t.status = 'DELIVERED'", Period.ofDays(30));

    /**
     * Every delivery (pending and parked too) of a subscription deactivated longer ago than the period: nothing
     * will send or redeliver it any more.
     */
    public static final RetentionRule DEACTIVATED_DELIVERIES = new RetentionRule(
            "webhook-delivery-deactivated",
            "webhook_delivery",
            "t.subscription_id IN (SELECT s.id FROM webhook_subscription s WHERE NOT s.active AND s.deactivated_at < ?)",
            """
            SELECT s.deactivated_at FROM webhook_subscription s
            WHERE NOT s.active AND s.deactivated_at IS NOT NULL
              AND EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.subscription_id = s.id)
            ORDER BY s.deactivated_at LIMIT 1""",
            Period.ofDays(30));

    /**
     * Sequenced events none of whose deliveries is left, by when they happened: the change feed answers for
     * the period; the evidence of what happened is each service's own history tables.
     */
    public static final RetentionRule EVENTS = RetentionRule.olderThan(
            "outbox-event",
            "outbox_event",
            "occurred_at",
            "t.position IS NOT NULL AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = t.id)",
            Period.ofDays(30));

    /** Idempotency keys and their stored responses: a retry with the same key is recognised for the period. */
    public static final RetentionRule IDEMPOTENCY_KEYS =
            RetentionRule.olderThan("idempotency-key", "idempotency_key", "created_at", null, Period.ofDays(7));

    /**
     * For a service that reacts to another's events (platform {@code EventInbox}): the ids of events already acted
     * on, 30 days after; a redelivery within the period is still recognised and changes nothing. The service lists
     * it among its own rules, since the table is in its own migrations.
     */
    public static final RetentionRule PROCESSED_NOTICE_EVENTS = RetentionRule.olderThan(
            "processed-notice-event", "processed_notice_event", "processed_at", null, Period.ofDays(30));

    /**
     * For a service that logs reads of personal data (platform {@code SubjectAccessLog}): who read whose records,
     * kept for the records-management period (six years: RETENTION.md says why). Listed by the service, like
     * {@link #PROCESSED_NOTICE_EVENTS}.
     */
    public static final RetentionRule ACCESS_LOG =
            RetentionRule.olderThan("subject-access-log", "subject_access_log", "at", null, Period.ofYears(6));

    @Override
    public List<RetentionRule> rules() {
        return List.of(DELIVERED_DELIVERIES, DEACTIVATED_DELIVERIES, EVENTS, IDEMPOTENCY_KEYS);
    }
}
