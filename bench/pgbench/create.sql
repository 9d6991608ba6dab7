-- The rows POST /api/consents writes for a new subject, in one transaction: the idempotency and subject
-- look-ups, the subject and its identifier, the record, two parties, the first history entry, the outbox
-- event and the idempotency record with the stored answer.
\set n random(1, 2000000000)
SELECT gen_random_uuid() AS sid, gen_random_uuid() AS rid, 'P' || :client_id || '-' || :n || '-' || (random() * 1000)::int AS cm \gset
BEGIN;
SELECT response_status FROM idempotency_key WHERE caller = 'service-account-eyes-integration' AND idempotency_key = 'bench-' || :cm;
SELECT subject_id FROM subject_identifier WHERE system = 'case-management-id' AND value = :cm;
INSERT INTO subject (id, date_of_birth, created_at, created_by, row_version) VALUES (:sid::uuid, date '2014-03-01', now(), 'service-account-eyes-integration', 0);
INSERT INTO subject_identifier (id, subject_id, system, value) VALUES (gen_random_uuid(), :sid::uuid, 'case-management-id', :cm);
INSERT INTO consent_record (id, subject_id, notice_slug, notice_version, notice_content_hash, purposes, data_categories,
    decision, state, effective, missing_parties, collection_method, form_issued_on, form_received_on, evidence_reference,
    recorded_by, recorded_org, recorded_at, withdrawal_window_ends_on, withdrawal_any_time, reconsent_required,
    effective_from, ended_at, history_length, history_head, row_version, given_on, changed_at)
VALUES (:rid::uuid, :sid::uuid, 'what-it-means-to-me', 1, repeat('a', 64), ARRAY['research-what-it-means-to-me'],
    ARRAY['identity.date-of-birth', 'special.ethnicity'], 'GIVEN', 'ACTIVE', true, '{}', 'PAPER_FORM', NULL, current_date, NULL,
    'service-account-eyes-integration', 'luton-council', now(), current_date + 14, false, false, now(), NULL, 1, repeat('b', 64), 0, current_date, now());
INSERT INTO consent_party (id, record_id, position, role, relationship, decision, capacity, assessed_by, assessed_on, decided_on, recorded_by, recorded_at)
VALUES (gen_random_uuid(), :rid::uuid, 0, 'child', NULL, 'GIVEN', NULL, NULL, NULL, current_date, 'service-account-eyes-integration', now()),
       (gen_random_uuid(), :rid::uuid, 1, 'parent', 'mother', 'GIVEN', NULL, NULL, NULL, current_date, 'service-account-eyes-integration', now());
INSERT INTO consent_history (id, record_id, seq, event, from_state, to_state, actor, at, reason, payload, prev_hash, hash)
VALUES (gen_random_uuid(), :rid::uuid, 1, 'recorded', NULL, 'ACTIVE', 'service-account-eyes-integration', now(), NULL,
    '{"subject":"x","notice":{"slug":"what-it-means-to-me","version":1},"purposes":["research-what-it-means-to-me"],"parties":[{"role":"child","decision":"GIVEN"},{"role":"parent","decision":"GIVEN"}]}',
    repeat('0', 64), repeat('c', 64));
INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, occurred_at, data)
VALUES (gen_random_uuid(), 'consent', :rid, 'org.consentgov.consent.recorded', now(),
    '{"id":"x","subjectId":"x","notice":{"slug":"what-it-means-to-me","version":1},"state":"ACTIVE","effective": true}');
INSERT INTO idempotency_key (caller, idempotency_key, fingerprint, response_status, response_headers, response_body, created_at)
VALUES ('service-account-eyes-integration', 'bench-' || :cm, repeat('d', 64), 201, '{"Location":"/api/consents/x"}',
    repeat('x', 900), now());
COMMIT;
