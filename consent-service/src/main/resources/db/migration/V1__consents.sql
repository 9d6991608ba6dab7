-- Subjects: an internal id, a date of birth and external identifiers. No names.
CREATE TABLE subject (
    id            uuid         PRIMARY KEY,
    date_of_birth date         NOT NULL,
    created_at    timestamptz  NOT NULL,
    created_by    varchar(255) NOT NULL,
    row_version   bigint       NOT NULL
);

CREATE TABLE subject_identifier (
    id         uuid         PRIMARY KEY,
    subject_id uuid         NOT NULL REFERENCES subject (id),
    system     varchar(40)  NOT NULL CHECK (system IN ('nhs-number', 'upn', 'ni-number', 'case-management-id')),
    value      varchar(64)  NOT NULL,
    UNIQUE (system, value)
);

CREATE INDEX subject_identifier_subject ON subject_identifier (subject_id);

-- A consent record, pinned to the exact notice version (slug, number, content hash) it was given under.
CREATE TABLE consent_record (
    id                        uuid          PRIMARY KEY,
    subject_id                uuid          NOT NULL REFERENCES subject (id),
    notice_slug               varchar(80)   NOT NULL,
    notice_version            integer       NOT NULL,
    notice_content_hash       char(64)      NOT NULL,
    purposes                  text[]        NOT NULL,
    data_categories           text[]        NOT NULL,
    decision                  varchar(10)   NOT NULL CHECK (decision IN ('GIVEN', 'REFUSED')),
    state                     varchar(20)   NOT NULL CHECK (state IN ('ACTIVE', 'REFUSED', 'WITHDRAWN', 'EXPIRED', 'SUPERSEDED', 'INVALIDATED')),
    effective                 boolean       NOT NULL,
    missing_parties           text[]        NOT NULL,
    collection_method         varchar(40)   NOT NULL,
    form_issued_on            date,
    form_received_on          date          NOT NULL,
    evidence_reference        varchar(200),
    recorded_by               varchar(255)  NOT NULL,
    recorded_org              varchar(80),
    recorded_at               timestamptz   NOT NULL,
    withdrawal_window_ends_on date,
    withdrawal_any_time       boolean       NOT NULL,
    reconsent_required        boolean       NOT NULL DEFAULT false,
    effective_from            timestamptz,
    ended_at                  timestamptz,
    history_length            integer       NOT NULL,
    history_head              char(64)      NOT NULL,
    row_version               bigint        NOT NULL
);

-- The check API's one query: by subject and notice, newest first.
CREATE INDEX consent_record_subject_notice ON consent_record (subject_id, notice_slug, recorded_at DESC);
CREATE INDEX consent_record_recorded_at ON consent_record (recorded_at);
CREATE INDEX consent_record_notice_state ON consent_record (notice_slug, state);

CREATE TABLE consent_party (
    id            uuid          PRIMARY KEY,
    record_id     uuid          NOT NULL REFERENCES consent_record (id),
    position      integer       NOT NULL,
    role          varchar(20)   NOT NULL,
    relationship  varchar(100),
    decision      varchar(10)   NOT NULL CHECK (decision IN ('GIVEN', 'REFUSED')),
    capacity      varchar(20),
    assessed_by   varchar(255),
    assessed_on   date,
    decided_on    date          NOT NULL,
    recorded_by   varchar(255)  NOT NULL,
    recorded_at   timestamptz   NOT NULL,
    UNIQUE (record_id, position)
);

-- Append-only, hash-chained history of every record: each entry's hash covers the previous one.
CREATE TABLE consent_history (
    id          uuid          PRIMARY KEY,
    record_id   uuid          NOT NULL REFERENCES consent_record (id),
    seq         integer       NOT NULL,
    event       varchar(40)   NOT NULL,
    from_state  varchar(20),
    to_state    varchar(20)   NOT NULL,
    actor       varchar(255)  NOT NULL,
    at          timestamptz   NOT NULL,
    reason      varchar(1000),
    payload     jsonb         NOT NULL,
    prev_hash   char(64)      NOT NULL,
    hash        char(64)      NOT NULL,
    UNIQUE (record_id, seq)
);

CREATE FUNCTION consent_history_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'consent_history is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER consent_history_append_only BEFORE UPDATE OR DELETE ON consent_history
    FOR EACH ROW EXECUTE FUNCTION consent_history_append_only();

-- A withdrawal asked for outside the window: never dropped, referred to the DPO.
CREATE TABLE withdrawal_request (
    id               uuid          PRIMARY KEY,
    record_id        uuid          NOT NULL REFERENCES consent_record (id),
    requested_by     varchar(20)   NOT NULL,
    channel          varchar(100),
    reason           varchar(1000),
    received_at      timestamptz   NOT NULL,
    window_ended_on  date          NOT NULL,
    status           varchar(20)   NOT NULL CHECK (status IN ('REFERRED', 'ACCEPTED', 'DECLINED')),
    recorded_by      varchar(255)  NOT NULL,
    resolved_by      varchar(255),
    resolved_at      timestamptz,
    resolution_note  varchar(1000),
    row_version      bigint        NOT NULL
);

CREATE INDEX withdrawal_request_status ON withdrawal_request (status, received_at);

-- Who read whose records, and when: reads of personal data are logged too.
CREATE TABLE subject_access_log (
    id          uuid          PRIMARY KEY,
    subject_id  uuid          NOT NULL,
    actor       varchar(255)  NOT NULL,
    actor_org   varchar(80),
    action      varchar(40)   NOT NULL,
    at          timestamptz   NOT NULL,
    request_id  varchar(128)
);

CREATE INDEX subject_access_log_subject ON subject_access_log (subject_id, at);
