-- Organisations that take part in information-sharing agreements. The slug is the id every other part of
-- the suite uses for an organisation (the token's org claim, a notice recipient's organisationId).
CREATE TABLE organisation (
    id                      uuid          PRIMARY KEY,
    slug                    varchar(80)   NOT NULL UNIQUE,
    name                    varchar(200)  NOT NULL,
    type                    varchar(60)   NOT NULL,
    ico_registration_number varchar(8),
    school_urn              varchar(6),
    ods_code                varchar(6),
    signatories             jsonb         NOT NULL,
    created_at              timestamptz   NOT NULL,
    created_by              varchar(255)  NOT NULL,
    updated_at              timestamptz   NOT NULL,
    updated_by              varchar(255)  NOT NULL,
    row_version             bigint        NOT NULL,
    CHECK (ico_registration_number ~ '^Z[A-Z0-9][0-9]{6}$'),
    CHECK (school_urn ~ '^[1-9][0-9]{5}$'),
    CHECK (ods_code ~ '^[A-Z0-9]{3,6}$')
);

-- An agreement: the stable reference its versions hang from, and its state as a whole (the state of the
-- version in force, or of the latest version while none has been in force).
CREATE TABLE agreement (
    id                        uuid          PRIMARY KEY,
    reference                 varchar(80)   NOT NULL,
    state                     varchar(20)   NOT NULL CHECK (state IN ('DRAFT', 'PENDING_SIGNATURE', 'ACTIVE', 'SUSPENDED', 'EXPIRED', 'TERMINATED')),
    effective_version         integer,
    open_version              integer,
    latest_version            integer       NOT NULL,
    access_started_at         timestamptz,
    access_ends_at            timestamptz,
    access_ending_notified_at timestamptz,
    access_ended_notified_at  timestamptz,
    next_review_on            date,
    review_notified_for       date,
    created_at                timestamptz   NOT NULL,
    created_by                varchar(255)  NOT NULL,
    updated_at                timestamptz   NOT NULL,
    updated_by                varchar(255)  NOT NULL,
    row_version               bigint        NOT NULL
);

CREATE INDEX agreement_reference ON agreement (lower(reference));
CREATE INDEX agreement_state ON agreement (state);

CREATE TABLE agreement_version (
    id             uuid          PRIMARY KEY,
    agreement_id   uuid          NOT NULL REFERENCES agreement (id),
    number         integer       NOT NULL,
    state          varchar(20)   NOT NULL CHECK (state IN ('DRAFT', 'PENDING_SIGNATURE', 'ACTIVE', 'SUSPENDED', 'EXPIRED', 'TERMINATED', 'SUPERSEDED')),
    title          varchar(200)  NOT NULL,
    content        jsonb         NOT NULL,
    content_hash   char(64),
    start_date     date          NOT NULL,
    end_date       date,
    effective_from timestamptz,
    activated_at   timestamptz,
    ended_at       timestamptz,
    created_at     timestamptz   NOT NULL,
    created_by     varchar(255)  NOT NULL,
    updated_at     timestamptz   NOT NULL,
    updated_by     varchar(255)  NOT NULL,
    row_version    bigint        NOT NULL,
    UNIQUE (agreement_id, number),
    CHECK (end_date IS NULL OR end_date >= start_date),
    -- what was put up for signature is fixed by its hash (a draft abandoned by termination or expiry never was)
    CHECK (state IN ('DRAFT', 'TERMINATED', 'EXPIRED') OR content_hash IS NOT NULL)
);

-- at most one version in force (ACTIVE or SUSPENDED) and at most one open (DRAFT or PENDING_SIGNATURE)
CREATE UNIQUE INDEX agreement_version_one_in_force ON agreement_version (agreement_id) WHERE state IN ('ACTIVE', 'SUSPENDED');
CREATE UNIQUE INDEX agreement_version_one_open ON agreement_version (agreement_id) WHERE state IN ('DRAFT', 'PENDING_SIGNATURE');
CREATE INDEX agreement_version_end ON agreement_version (end_date) WHERE state IN ('ACTIVE', 'SUSPENDED');

-- The parties of each version: the join that scopes partners and researchers to their own agreements.
CREATE TABLE agreement_party (
    version_id        uuid         NOT NULL REFERENCES agreement_version (id),
    agreement_id      uuid         NOT NULL REFERENCES agreement (id),
    organisation_slug varchar(80)  NOT NULL REFERENCES organisation (slug),
    role              varchar(20)  NOT NULL CHECK (role IN ('CONTROLLER', 'JOINT_CONTROLLER', 'PROCESSOR', 'RECIPIENT')),
    position          integer      NOT NULL,
    PRIMARY KEY (version_id, organisation_slug)
);

CREATE INDEX agreement_party_organisation ON agreement_party (organisation_slug, agreement_id);
CREATE INDEX agreement_party_agreement ON agreement_party (agreement_id);

-- Evidence: each party's signature of one version, and every change of every version. Append-only.
CREATE TABLE agreement_signature (
    id                uuid          PRIMARY KEY,
    version_id        uuid          NOT NULL REFERENCES agreement_version (id),
    agreement_id      uuid          NOT NULL REFERENCES agreement (id),
    organisation_slug varchar(80)   NOT NULL REFERENCES organisation (slug),
    signed_by         varchar(255)  NOT NULL,
    signed_at         timestamptz   NOT NULL,
    content_hash      char(64)      NOT NULL,
    UNIQUE (version_id, organisation_slug)
);

CREATE TABLE agreement_history (
    id             uuid           PRIMARY KEY,
    seq            bigint         GENERATED ALWAYS AS IDENTITY,
    agreement_id   uuid           NOT NULL REFERENCES agreement (id),
    version_number integer        NOT NULL,
    action         varchar(30)    NOT NULL,
    from_state     varchar(20),
    to_state       varchar(20),
    actor          varchar(255)   NOT NULL,
    actor_org      varchar(80),
    at             timestamptz    NOT NULL,
    reason         varchar(1000),
    content_hash   char(64)
);

CREATE INDEX agreement_history_agreement ON agreement_history (agreement_id, seq);

-- Domain events, written in the same transaction as the change they describe; the integration work
-- delivers them to subscribers. Append-only.
CREATE TABLE agreement_event (
    id             uuid          PRIMARY KEY,
    -- the order events were written in, for delivery in that order
    seq            bigint        GENERATED ALWAYS AS IDENTITY,
    aggregate_type varchar(30)   NOT NULL,
    aggregate_id   uuid          NOT NULL,
    agreement_id   uuid          NOT NULL REFERENCES agreement (id),
    type           varchar(60)   NOT NULL,
    payload        jsonb         NOT NULL,
    occurred_at    timestamptz   NOT NULL,
    actor          varchar(255)  NOT NULL
);

CREATE INDEX agreement_event_agreement ON agreement_event (agreement_id, seq);
CREATE INDEX agreement_event_seq ON agreement_event (seq);

-- Every sharing decision, PERMIT or DENY, with its reasons and what it relied on. Append-only.
CREATE TABLE sharing_decision (
    id                  uuid          PRIMARY KEY,
    decided_at          timestamptz   NOT NULL,
    at                  timestamptz   NOT NULL,
    requested_by        varchar(255)  NOT NULL,
    requester_org       varchar(80),
    recipient           varchar(80)   NOT NULL,
    subject_system      varchar(30)   NOT NULL,
    subject_value       varchar(64)   NOT NULL,
    categories          text[]        NOT NULL,
    purpose             varchar(80)   NOT NULL,
    transfer_method     varchar(40),
    outcome             varchar(10)   NOT NULL CHECK (outcome IN ('PERMIT', 'DENY')),
    reasons             jsonb         NOT NULL,
    obligations         jsonb         NOT NULL,
    agreement_id        uuid          REFERENCES agreement (id),
    agreement_reference varchar(80),
    agreement_version   integer,
    notice_slug         varchar(80),
    notice_version      integer,
    notice_hash         char(64),
    consent_record_id   uuid,
    request_id          varchar(128)
);

CREATE INDEX sharing_decision_subject ON sharing_decision (subject_system, subject_value, decided_at);

-- Who received what about whom, under which agreement version and decision. Append-only.
CREATE TABLE disclosure (
    id                  uuid          PRIMARY KEY,
    decision_id         uuid          NOT NULL UNIQUE REFERENCES sharing_decision (id),
    agreement_id        uuid          NOT NULL REFERENCES agreement (id),
    agreement_reference varchar(80)   NOT NULL,
    agreement_version   integer       NOT NULL,
    recipient           varchar(80)   NOT NULL,
    subject_system      varchar(30)   NOT NULL,
    subject_value       varchar(64)   NOT NULL,
    categories          text[]        NOT NULL,
    purpose             varchar(80)   NOT NULL,
    transfer_method     varchar(40)   NOT NULL,
    disclosed_at        timestamptz   NOT NULL,
    recorded_at         timestamptz   NOT NULL,
    recorded_by         varchar(255)  NOT NULL,
    recorder_org        varchar(80)
);

CREATE INDEX disclosure_subject ON disclosure (subject_system, subject_value, disclosed_at);
CREATE INDEX disclosure_agreement ON disclosure (agreement_id, disclosed_at);
CREATE INDEX disclosure_recipient ON disclosure (recipient, disclosed_at);
CREATE INDEX disclosure_disclosed_at ON disclosure (disclosed_at);

-- Reads of personal data: who looked at which subject's decisions and disclosures, when, why (DESIGN §3).
-- A bulk export names no one subject: it is logged with its filter instead.
CREATE TABLE subject_access_log (
    id             uuid          PRIMARY KEY,
    subject_system varchar(30),
    subject_value  varchar(64),
    actor          varchar(255)  NOT NULL,
    actor_org      varchar(80),
    action         varchar(40)   NOT NULL,
    detail         varchar(500),
    at             timestamptz   NOT NULL,
    request_id     varchar(128),
    CHECK (subject_value IS NOT NULL OR detail IS NOT NULL)
);

CREATE INDEX subject_access_log_subject ON subject_access_log (subject_system, subject_value, at);

-- A version put up for signature never changes: the database refuses it too, not only the service.
CREATE FUNCTION agreement_version_immutable() RETURNS trigger AS $$
BEGIN
    IF OLD.state <> 'DRAFT' AND (NEW.content IS DISTINCT FROM OLD.content
            OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
            OR NEW.title IS DISTINCT FROM OLD.title
            OR NEW.start_date IS DISTINCT FROM OLD.start_date
            OR NEW.end_date IS DISTINCT FROM OLD.end_date
            OR NEW.number IS DISTINCT FROM OLD.number) THEN
        RAISE EXCEPTION 'agreement version % is % and immutable', OLD.id, OLD.state;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER agreement_version_immutable BEFORE UPDATE ON agreement_version
    FOR EACH ROW EXECUTE FUNCTION agreement_version_immutable();

-- Parties change only while their version is a draft.
CREATE FUNCTION agreement_party_draft_only() RETURNS trigger AS $$
DECLARE
    version_state varchar(20);
BEGIN
    SELECT state INTO version_state FROM agreement_version WHERE id = COALESCE(OLD.version_id, NEW.version_id);
    IF version_state IS DISTINCT FROM 'DRAFT' THEN
        RAISE EXCEPTION 'parties of a % agreement version are immutable', version_state;
    END IF;
    RETURN COALESCE(NEW, OLD);
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER agreement_party_draft_only BEFORE UPDATE OR DELETE ON agreement_party
    FOR EACH ROW EXECUTE FUNCTION agreement_party_draft_only();

CREATE FUNCTION append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER agreement_signature_append_only BEFORE UPDATE OR DELETE ON agreement_signature
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER agreement_history_append_only BEFORE UPDATE OR DELETE ON agreement_history
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER agreement_event_append_only BEFORE UPDATE OR DELETE ON agreement_event
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER sharing_decision_append_only BEFORE UPDATE OR DELETE ON sharing_decision
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER disclosure_append_only BEFORE UPDATE OR DELETE ON disclosure
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER subject_access_log_append_only BEFORE UPDATE OR DELETE ON subject_access_log
    FOR EACH ROW EXECUTE FUNCTION append_only();
