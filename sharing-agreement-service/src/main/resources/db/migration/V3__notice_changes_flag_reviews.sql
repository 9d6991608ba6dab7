-- A material change of a notice an agreement in force links flags the agreement for the DPO's review
-- (domain/LinkedNoticeChanges); the next review clears the flag. The changes are kept on the agreement until then,
-- and for ever in agreement_history (REVIEW_REQUIRED) and agreement_event (agreement.review-required).
ALTER TABLE agreement
    ADD COLUMN review_required       boolean NOT NULL DEFAULT false,
    ADD COLUMN review_notice_changes jsonb   NOT NULL DEFAULT '[]'::jsonb;

CREATE INDEX agreement_review_required ON agreement (reference) WHERE review_required;

-- Events from notice-service this service has acted on, by CloudEvent id (platform EventInbox): a redelivered
-- event (delivery is at least once, platform/WEBHOOKS.md) changes nothing.
CREATE TABLE processed_notice_event (
    event_id        varchar(200) PRIMARY KEY,
    type            varchar(200) NOT NULL,
    subject         varchar(200),
    processed_at    timestamptz  NOT NULL,
    records_flagged integer      NOT NULL
);
