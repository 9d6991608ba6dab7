-- Domain events (transactional outbox), webhook subscriptions and their delivery log; shared by every
-- service (platform module, JDBC only). Arrives after the services' own V1: they run Flyway out of order.

-- One row per domain event, inserted in the transaction of the change it reports, so an event exists if
-- and only if its change committed. seq is the order of writing; position is the order of commit as the
-- dispatcher sees it, assigned once under an advisory lock, and is the change-feed cursor (a bigserial
-- alone would let a reader skip a row whose transaction commits after a later row's).
CREATE TABLE outbox_event (
    id             uuid         PRIMARY KEY,
    seq            bigserial    NOT NULL UNIQUE,
    position       bigint       UNIQUE,
    aggregate_type varchar(64)  NOT NULL,
    aggregate_id   varchar(255) NOT NULL,
    type           varchar(255) NOT NULL,
    occurred_at    timestamptz  NOT NULL,
    data           jsonb        NOT NULL,
    sequenced_at   timestamptz
);

CREATE SEQUENCE outbox_event_position_seq AS bigint;

-- the dispatcher's fan-out claim: events not yet sequenced, in writing order
CREATE INDEX outbox_event_unsequenced ON outbox_event (seq) WHERE position IS NULL;

-- Events are evidence of what happened: never changed after sequencing, never deleted.
CREATE FUNCTION outbox_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'outbox_event is append-only';
    END IF;
    IF OLD.position IS NOT NULL OR NEW.id <> OLD.id OR NEW.seq <> OLD.seq OR NEW.type <> OLD.type
            OR NEW.aggregate_type <> OLD.aggregate_type OR NEW.aggregate_id <> OLD.aggregate_id
            OR NEW.occurred_at <> OLD.occurred_at OR NEW.data <> OLD.data THEN
        RAISE EXCEPTION 'outbox_event is append-only: only its position is set, once';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER outbox_event_append_only BEFORE UPDATE OR DELETE ON outbox_event
    FOR EACH ROW EXECUTE FUNCTION outbox_event_append_only();

-- A receiver of events. Configuration, not evidence: deactivated rather than deleted, so that its
-- delivery log stays readable. The secret signs deliveries and is never returned by the API.
CREATE TABLE webhook_subscription (
    id             uuid          PRIMARY KEY,
    target_url     varchar(2000) NOT NULL,
    event_types    text[]        NOT NULL CHECK (cardinality(event_types) > 0),
    secret         varchar(256)  NOT NULL,
    description    varchar(500),
    created_by     varchar(255)  NOT NULL,
    created_at     timestamptz   NOT NULL,
    active         boolean       NOT NULL DEFAULT true,
    deactivated_by varchar(255),
    deactivated_at timestamptz,
    row_version    bigint        NOT NULL DEFAULT 0
);

CREATE INDEX webhook_subscription_active ON webhook_subscription (created_at) WHERE active;

-- One event for one subscription. PENDING until a 2xx answer (DELIVERED) or max attempts (PARKED).
-- claim_token names the dispatcher holding the lease (next_attempt_at in the future while it sends).
CREATE TABLE webhook_delivery (
    id              uuid          PRIMARY KEY,
    subscription_id uuid          NOT NULL REFERENCES webhook_subscription (id),
    event_id        uuid          NOT NULL REFERENCES outbox_event (id),
    event_position  bigint        NOT NULL,
    aggregate_type  varchar(64)   NOT NULL,
    aggregate_id    varchar(255)  NOT NULL,
    status          varchar(16)   NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'PARKED')),
    attempts        integer       NOT NULL DEFAULT 0,
    next_attempt_at timestamptz   NOT NULL,
    claim_token     uuid,
    last_attempt_at timestamptz,
    last_status     integer,
    last_error      varchar(500),
    delivered_at    timestamptz,
    redelivered_by  varchar(255),
    redelivered_at  timestamptz,
    created_at      timestamptz   NOT NULL,
    UNIQUE (subscription_id, event_id)
);

-- the delivery claim: due PENDING deliveries
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
-- the ordering check: an earlier undelivered event of the same aggregate for the same subscription
CREATE INDEX webhook_delivery_undelivered ON webhook_delivery (subscription_id, aggregate_type, aggregate_id, event_position)
    WHERE status <> 'DELIVERED';
-- the delivery log of one subscription, newest first
CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, event_position DESC);
