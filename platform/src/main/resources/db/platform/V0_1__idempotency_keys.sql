-- Shared by every service (platform module). Platform migrations use versions below 1 so that they
-- run before the service's own V1; a later platform table takes the next 0_x version only while no
-- service has passed it, otherwise it goes into each service's own migrations.
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
