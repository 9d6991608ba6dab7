-- Who read a subject's decisions and disclosures now says through which OAuth client (the token's azp). A read of
-- many subjects writes one row per subject returned, so every new row names its subject.
ALTER TABLE subject_access_log ADD COLUMN actor_client varchar(255);

-- "Who looked at this child's records?" is answered newest first.
DROP INDEX subject_access_log_subject;
CREATE INDEX subject_access_log_subject ON subject_access_log (subject_system, subject_value, at DESC, id DESC);
