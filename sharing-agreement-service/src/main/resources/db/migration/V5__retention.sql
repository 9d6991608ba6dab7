-- Retention (platform/RETENTION.md; persistence/AgreementRetentionRules): what the scheduled purge deletes from this
-- service's own tables, and the indexes that keep its queries off a sequential scan.

CREATE INDEX processed_notice_event_processed ON processed_notice_event (processed_at);
CREATE INDEX subject_access_log_at ON subject_access_log (at);

-- Who read whose decisions and disclosures is evidence for its period: still append-only, but the retention purge
-- (which sets platform.retention_purge for its own transaction) deletes rows past it. Every other table stays under
-- append_only(): decisions, disclosures, signatures, history and events are never purged.
CREATE FUNCTION subject_access_log_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('platform.retention_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'subject_access_log is append-only (only the retention purge deletes rows past their period)';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER subject_access_log_append_only ON subject_access_log;
CREATE TRIGGER subject_access_log_append_only BEFORE UPDATE OR DELETE ON subject_access_log
    FOR EACH ROW EXECUTE FUNCTION subject_access_log_append_only();
