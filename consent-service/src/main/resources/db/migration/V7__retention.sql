-- Retention (platform/RETENTION.md; persistence/ConsentRetentionRules): what the scheduled purge deletes from this
-- service's own tables, and the indexes that keep its queries off a sequential scan.

CREATE INDEX processed_notice_event_processed ON processed_notice_event (processed_at);
CREATE INDEX subject_access_log_at ON subject_access_log (at);
CREATE INDEX consent_import_finished ON consent_import (finished_at) WHERE state <> 'RUNNING';

-- Who read whose records is evidence for its period: append-only, and deleted only by the retention purge (which
-- sets platform.retention_purge for its own transaction), never by the service or anyone else.
CREATE FUNCTION subject_access_log_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('platform.retention_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'subject_access_log is append-only (only the retention purge deletes rows past their period)';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER subject_access_log_append_only BEFORE UPDATE OR DELETE ON subject_access_log
    FOR EACH ROW EXECUTE FUNCTION subject_access_log_append_only();
