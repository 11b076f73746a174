-- Referrals and service providers (issue 5).
--
-- How long a provider has to answer a referral, and how long an accepted
-- referral may take until the service is completed, per service type.  The
-- answer time sets referral.due_on when the referral is sent; the completion
-- time replaces it when the provider accepts.  Administrators change them in
-- the application (audited).  The defaults follow what the programme's
-- partners commit to:
--
--   service type         answer  completion  why
--   legal_aid              14       90       a lawyer studies the ban decision; appeals take months
--   employment             10       30       a job centre answers within two weeks, places within a month
--   vocational_training    21      120       courses start monthly and run three to four months
--   business_loan          30       60       credit committees meet monthly; disbursement follows
--   health                  7       30       a clinic gives an appointment within a week
--   migration_service      10       30       documents and ban checks by the migration service
--   psychosocial            7       60       a first session within a week; a course of sessions
CREATE TABLE service_deadline (
  service_type     TEXT PRIMARY KEY CHECK (service_type IN ('legal_aid', 'employment', 'vocational_training',
                                                            'business_loan', 'health', 'migration_service',
                                                            'psychosocial')),
  answer_days      INTEGER NOT NULL CHECK (answer_days BETWEEN 1 AND 365),
  completion_days  INTEGER NOT NULL CHECK (completion_days BETWEEN 1 AND 730),
  updated_at       TEXT,
  updated_by       TEXT,
  version          INTEGER NOT NULL DEFAULT 1
);

INSERT INTO service_deadline (service_type, answer_days, completion_days) VALUES
  ('legal_aid', 14, 90),
  ('employment', 10, 30),
  ('vocational_training', 21, 120),
  ('business_loan', 30, 60),
  ('health', 7, 30),
  ('migration_service', 10, 30),
  ('psychosocial', 7, 60);

-- The districts a provider serves besides its own: comma-separated district
-- names as in the office table, or '*' for every district (a national
-- service).  NULL: its own district only.
ALTER TABLE service_provider ADD COLUMN districts_served TEXT;

CREATE INDEX service_provider_district ON service_provider (district);

-- The supervisors' board: filters by office, provider and status
CREATE INDEX referral_office_status ON referral (office_id, status, due_on);
CREATE INDEX referral_provider ON referral (provider_id);
