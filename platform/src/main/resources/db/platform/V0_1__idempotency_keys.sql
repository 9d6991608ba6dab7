-- Shared by every service (platform module). Platform migrations use versions below 1 so that they
-- never collide with a service's own; a later one (V0_2, ...) arrives after services have applied their
-- V1, so every service sets quarkus.flyway.out-of-order=true.
CREATE TABLE idempotency_key (
    caller           varchar(255) NOT NULL,
    idempotency_key  varchar(255) NOT NULL,
    fingerprint      char(64)     NOT NULL,
    response_status  integer,
    response_headers jsonb,
    response_body    text,
    created_at       timestamptz  NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);

CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
