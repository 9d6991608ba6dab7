-- A bulk import of consent forms (POST /api/consents/imports): who sent it, how far it got and the first
-- errors with their line numbers. Updated in small transactions of its own while the file streams in, so
-- that its progress can be read while the import runs.
CREATE TABLE consent_import (
    id              uuid          PRIMARY KEY,
    created_by      varchar(255)  NOT NULL,
    created_org     varchar(80),
    idempotency_key varchar(255),
    request_id      varchar(128),
    state           varchar(20)   NOT NULL CHECK (state IN ('RUNNING', 'COMPLETED', 'FAILED')),
    lines_read      bigint        NOT NULL DEFAULT 0,
    created         bigint        NOT NULL DEFAULT 0,
    replayed        bigint        NOT NULL DEFAULT 0,
    rejected        bigint        NOT NULL DEFAULT 0,
    errors          jsonb         NOT NULL DEFAULT '[]',
    failure         varchar(1000),
    started_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    finished_at     timestamptz
);

CREATE INDEX consent_import_started ON consent_import (started_at DESC, id);
