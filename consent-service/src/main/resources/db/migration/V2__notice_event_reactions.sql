-- Events from notice-service that consent-service has acted on, by CloudEvent id: a redelivered event
-- (delivery is at least once, platform/WEBHOOKS.md) is recognised here and changes nothing.
CREATE TABLE processed_notice_event (
    event_id      varchar(200) PRIMARY KEY,
    type          varchar(200) NOT NULL,
    subject       varchar(200),
    processed_at  timestamptz  NOT NULL,
    records_flagged integer    NOT NULL
);

-- Finding the ACTIVE records pinned to older versions of a notice (material change, dry-run counts).
CREATE INDEX consent_record_notice_version_active ON consent_record (notice_slug, notice_version) WHERE state = 'ACTIVE';
