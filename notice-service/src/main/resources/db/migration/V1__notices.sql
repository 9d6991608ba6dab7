CREATE TABLE notice (
    id          uuid         PRIMARY KEY,
    slug        varchar(80)  NOT NULL UNIQUE,
    created_at  timestamptz  NOT NULL,
    created_by  varchar(255) NOT NULL,
    row_version bigint       NOT NULL
);

CREATE TABLE notice_version (
    id               uuid         PRIMARY KEY,
    notice_id        uuid         NOT NULL REFERENCES notice (id),
    number           integer      NOT NULL,
    state            varchar(20)  NOT NULL CHECK (state IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED', 'RETIRED')),
    title            varchar(200) NOT NULL,
    content          jsonb        NOT NULL,
    content_hash     char(64),
    effective_from   timestamptz,
    published_at     timestamptz,
    published_by     varchar(255),
    material_change  boolean,
    material_reasons text[],
    retired_at       timestamptz,
    retired_by       varchar(255),
    retired_reason   varchar(1000),
    created_at       timestamptz  NOT NULL,
    created_by       varchar(255) NOT NULL,
    updated_at       timestamptz  NOT NULL,
    updated_by       varchar(255) NOT NULL,
    row_version      bigint       NOT NULL,
    UNIQUE (notice_id, number),
    -- a published version carries the hash of what it says
    CHECK (state = 'DRAFT' OR (content_hash IS NOT NULL AND published_at IS NOT NULL))
);

-- at most one draft and at most one published version per notice
CREATE UNIQUE INDEX notice_version_one_draft ON notice_version (notice_id) WHERE state = 'DRAFT';
CREATE UNIQUE INDEX notice_version_one_published ON notice_version (notice_id) WHERE state = 'PUBLISHED';

-- Append-only evidence of every state change of a version: who, when, why.
CREATE TABLE notice_version_transition (
    id          uuid          PRIMARY KEY,
    version_id  uuid          NOT NULL REFERENCES notice_version (id),
    from_state  varchar(20),
    to_state    varchar(20)   NOT NULL,
    actor       varchar(255)  NOT NULL,
    at          timestamptz   NOT NULL,
    reason      varchar(1000),
    content_hash char(64)
);

CREATE INDEX notice_version_transition_version ON notice_version_transition (version_id, at);

-- Published versions never change: the database refuses it too, not only the service.
CREATE FUNCTION notice_version_immutable() RETURNS trigger AS $$
BEGIN
    IF OLD.state <> 'DRAFT' AND (NEW.content IS DISTINCT FROM OLD.content
            OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
            OR NEW.title IS DISTINCT FROM OLD.title
            OR NEW.number IS DISTINCT FROM OLD.number) THEN
        RAISE EXCEPTION 'notice version % is % and immutable', OLD.id, OLD.state;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER notice_version_immutable BEFORE UPDATE ON notice_version
    FOR EACH ROW EXECUTE FUNCTION notice_version_immutable();

CREATE FUNCTION notice_version_transition_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'notice_version_transition is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER notice_version_transition_append_only BEFORE UPDATE OR DELETE ON notice_version_transition
    FOR EACH ROW EXECUTE FUNCTION notice_version_transition_append_only();
