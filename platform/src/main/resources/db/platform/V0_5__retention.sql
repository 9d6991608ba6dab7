-- Retention (platform/RETENTION.md): the purge (platform retention.RetentionPurge) deletes operational rows in
-- batches, each batch one transaction that sets platform.retention_purge for itself.

-- Events stay append-only: never changed after sequencing, and deleted only by the purge, once sequenced (the
-- purge also waits until no delivery of the event is left). A delete by anyone else is still refused.
CREATE OR REPLACE FUNCTION outbox_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.position IS NOT NULL AND current_setting('platform.retention_purge', true) = 'on' THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'outbox_event is append-only (only the retention purge deletes sequenced events)';
    END IF;
    IF OLD.position IS NOT NULL OR NEW.id <> OLD.id OR NEW.seq <> OLD.seq OR NEW.type <> OLD.type
            OR NEW.aggregate_type <> OLD.aggregate_type OR NEW.aggregate_id <> OLD.aggregate_id
            OR NEW.occurred_at <> OLD.occurred_at OR NEW.data <> OLD.data THEN
        RAISE EXCEPTION 'outbox_event is append-only: only its position is set, once';
    END IF;
    RETURN NEW;
END $$;

-- The purge's queries, each off a sequential scan:
-- delivered deliveries by age
CREATE INDEX webhook_delivery_delivered ON webhook_delivery (delivered_at) WHERE status = 'DELIVERED';
-- "no delivery of this event is left", and the foreign-key check of every deleted event
CREATE INDEX webhook_delivery_event ON webhook_delivery (event_id);
-- sequenced events by age
CREATE INDEX outbox_event_occurred ON outbox_event (occurred_at) WHERE position IS NOT NULL;
