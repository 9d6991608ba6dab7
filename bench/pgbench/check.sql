-- The check API's SQL, as consent-service runs it in one transaction: the columns the answer needs of the
-- records of subject B<k> for the notice, newest first (through subject_identifier, by the index
-- consent_record_subject_notice), then the subject access log row it writes for every check that found records.
\set k random(1, :subjects)
BEGIN;
SELECT r.id, r.subject_id, r.notice_version, r.notice_content_hash, r.state, r.effective, r.purposes,
       r.missing_parties, r.recorded_at, r.given_on, r.effective_from, r.ended_at, r.expires_at,
       r.reconsent_required, r.history_length, r.changed_at
  FROM consent_record r
 WHERE r.notice_slug = (CASE WHEN (:k::bigint / 10) % 10 < 6 THEN 'what-it-means-to-me'
                            WHEN (:k::bigint / 10) % 10 < 9 THEN 'children-families-education'
                            ELSE 'bench-notice-' || (:k::bigint % 3 + 1) END)
   AND r.subject_id = (SELECT i.subject_id FROM subject_identifier i
                        WHERE i.system = 'case-management-id' AND i.value = 'B' || :k::bigint)
 ORDER BY r.recorded_at DESC;
INSERT INTO subject_access_log (id, subject_id, actor, actor_client, actor_org, action, at, request_id)
SELECT gen_random_uuid(), i.subject_id, 'service-account-eyes-integration', 'eyes-integration', 'luton-council', 'check',
       now(), 'pgbench'
  FROM subject_identifier i WHERE i.system = 'case-management-id' AND i.value = 'B' || :k::bigint;
COMMIT;
