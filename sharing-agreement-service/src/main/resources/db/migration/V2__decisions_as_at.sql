-- Sharing decisions as at any time, and their replay (DESIGN §11). Every agreement state change already has its
-- agreement_history row (who, when, from which state to which), so the agreement versions in force at a time, as
-- the records stood at another, are read from there. What a decision did not keep yet is the consent-service
-- side of "what was relied on": how long the consent record's history was when consent-service answered, so that
-- a replay can show that it was answered from the same record as it stood then.
ALTER TABLE sharing_decision ADD COLUMN consent_history_length integer CHECK (consent_history_length >= 0);

-- The versions of an agreement whose state at a time is asked for: the latest history row of each version.
CREATE INDEX agreement_history_version ON agreement_history (agreement_id, version_number, seq);
