-- Two times for every record (DESIGN §11): valid time (when it happened in the world: the form was signed,
-- the child asked to withdraw) and recorded time (when the service learnt it: recorded_at, history.at).

-- The day the form was signed; records kept before this column existed were dated by receipt.
ALTER TABLE consent_record ADD COLUMN given_on date;
UPDATE consent_record SET given_on = form_received_on;
ALTER TABLE consent_record ALTER COLUMN given_on SET NOT NULL;

-- The first instant the consent no longer counts because its notice's consentDuration has run out (null: no end).
ALTER TABLE consent_record ADD COLUMN expires_at timestamptz;

-- The day the withdrawal was asked for (valid time), when the record was withdrawn.
ALTER TABLE consent_record ADD COLUMN withdrawal_requested_on date;

-- When the record's history last grew (its newest history entry's at): the check API answers "as known at" a
-- recorded time from the record itself when nothing changed after it, without reading the history.
ALTER TABLE consent_record ADD COLUMN changed_at timestamptz;
UPDATE consent_record r SET changed_at = coalesce(
    (SELECT max(h.at) FROM consent_history h WHERE h.record_id = r.id), r.recorded_at);
ALTER TABLE consent_record ALTER COLUMN changed_at SET NOT NULL;

-- The expiry job's query: ACTIVE records past their end.
CREATE INDEX consent_record_expiry ON consent_record (expires_at) WHERE state = 'ACTIVE' AND expires_at IS NOT NULL;

-- A referred withdrawal's own date, as the child or parent asked (received_at stays the recorded time).
ALTER TABLE withdrawal_request ADD COLUMN requested_on date;
UPDATE withdrawal_request SET requested_on = (received_at AT TIME ZONE 'Europe/London')::date;
ALTER TABLE withdrawal_request ALTER COLUMN requested_on SET NOT NULL;
