-- Synthetic consents for subjects :lo .. :hi (psql variables), in consent-service's own schema (its Flyway
-- migrations made the tables and indexes). Realistic skew: many subjects, few notices, some with several
-- versions. Subject k: case-management id B<k>; 70% have one record, 20% two (a SUPERSEDED version 1 and an
-- ACTIVE version 2 of the same notice), 10% three (the same two, plus one for a second notice). Its first
-- notice follows (k / 10) % 10: 0-5 what-it-means-to-me, 6-8 children-families-education, 9 one of three
-- bench notices. Of single records, 1 in 20 is REFUSED and 1 in 20 WITHDRAWN. lua/check.lua and
-- pgbench/check.sql derive the same notice from k. History rows are not generated: the check never reads them.
SET session_replication_role = replica;  -- no foreign-key triggers while loading (the rows are consistent)

INSERT INTO subject (id, date_of_birth, created_at, created_by, row_version)
SELECT md5('bench-s' || k)::uuid, date '2008-09-01' + (k % 5800)::int, now() - interval '400 days', 'bench', 0
FROM generate_series(:lo::bigint, :hi::bigint) k;

INSERT INTO subject_identifier (id, subject_id, system, value)
SELECT md5('bench-i' || k)::uuid, md5('bench-s' || k)::uuid, 'case-management-id', 'B' || k
FROM generate_series(:lo::bigint, :hi::bigint) k;

INSERT INTO consent_record (id, subject_id, notice_slug, notice_version, notice_content_hash, purposes,
    data_categories, decision, state, effective, missing_parties, collection_method, form_issued_on,
    form_received_on, evidence_reference, recorded_by, recorded_org, recorded_at, withdrawal_window_ends_on,
    withdrawal_any_time, reconsent_required, effective_from, ended_at, history_length, history_head, row_version,
    given_on, changed_at)
SELECT md5('bench-r' || k || '-' || j)::uuid, md5('bench-s' || k)::uuid, x.slug, x.version, md5(x.slug || x.version) || md5(x.slug),
       ARRAY[x.purpose], ARRAY['identity.date-of-birth', 'education.attendance'],
       CASE WHEN x.state = 'REFUSED' THEN 'REFUSED' ELSE 'GIVEN' END, x.state,
       x.state IN ('ACTIVE', 'WITHDRAWN', 'SUPERSEDED'), '{}', 'PAPER_FORM', NULL,
       (x.at - interval '2 days')::date, NULL, 'bench', 'luton-council', x.at, (x.at + interval '14 days')::date,
       false, false,
       CASE WHEN x.state = 'REFUSED' THEN NULL ELSE x.at END,
       CASE WHEN x.state IN ('WITHDRAWN', 'SUPERSEDED') THEN x.at + interval '30 days' END,
       1, md5('bench-h' || k || '-' || j) || md5('bench-h2' || k || '-' || j), 0,
       (x.at - interval '2 days')::date,
       CASE WHEN x.state IN ('WITHDRAWN', 'SUPERSEDED') THEN x.at + interval '30 days' ELSE x.at END
FROM generate_series(:lo::bigint, :hi::bigint) k
CROSS JOIN LATERAL generate_series(1, CASE WHEN k % 10 < 7 THEN 1 WHEN k % 10 < 9 THEN 2 ELSE 3 END) j
CROSS JOIN LATERAL (
    SELECT CASE WHEN (k / 10) % 10 < 6 THEN 'what-it-means-to-me'
                WHEN (k / 10) % 10 < 9 THEN 'children-families-education'
                ELSE 'bench-notice-' || (k % 3 + 1) END AS first_slug) f
CROSS JOIN LATERAL (
    SELECT CASE WHEN j < 3 THEN f.first_slug
                WHEN f.first_slug = 'what-it-means-to-me' THEN 'children-families-education'
                ELSE 'what-it-means-to-me' END AS slug) s
CROSS JOIN LATERAL (
    SELECT s.slug,
           CASE WHEN j = 2 THEN 2 ELSE 1 END AS version,
           CASE WHEN s.slug = 'what-it-means-to-me' THEN 'research-what-it-means-to-me'
                WHEN s.slug = 'children-families-education' THEN 'early-years-education'
                ELSE s.slug || '-purpose' END AS purpose,
           CASE WHEN j = 1 AND k % 10 >= 7 THEN 'SUPERSEDED'
                WHEN j = 1 AND k % 20 = 0 THEN 'REFUSED'
                WHEN j = 1 AND k % 20 = 1 THEN 'WITHDRAWN'
                ELSE 'ACTIVE' END AS state,
           timestamptz '2025-01-01 09:00:00+00' + (k % 500) * interval '1 day' + j * interval '40 days'
             + (k % 86400) * interval '1 second' AS at) x;

SET session_replication_role = origin;
