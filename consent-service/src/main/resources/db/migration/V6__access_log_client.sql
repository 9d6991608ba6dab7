-- Who read a subject's records now says through which OAuth client (the token's azp), and in what context a read
-- of many subjects was made (the filter of a listing or export; each subject returned has its own row).
ALTER TABLE subject_access_log ADD COLUMN actor_client varchar(255);
ALTER TABLE subject_access_log ADD COLUMN detail varchar(500);

-- "Who looked at this child's records?" is answered newest first.
DROP INDEX subject_access_log_subject;
CREATE INDEX subject_access_log_subject ON subject_access_log (subject_id, at DESC, id DESC);
