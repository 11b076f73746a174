-- Hamroh schema v1: the data model of DESIGN section 4 and the histories of
-- section 5.  Every record carries id (random UUID text), office_id,
-- created_at/by, updated_at/by, deleted_at (archived, never removed) and a
-- row version.  Money is an integer count of dirams with a currency code.
-- Dates are ISO 8601 text.  Never edit this file once released: add
-- 0002-*.sql instead.

CREATE TABLE office (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  district    TEXT NOT NULL,
  region      TEXT NOT NULL CHECK (region IN ('khatlon', 'gbao', 'sughd', 'dushanbe', 'rrs')),
  created_at  TEXT NOT NULL,
  created_by  TEXT,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT,
  deleted_at  TEXT,
  version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE app_user (
  id                    TEXT PRIMARY KEY,
  office_id             TEXT REFERENCES office (id),
  username              TEXT NOT NULL UNIQUE COLLATE NOCASE,
  full_name             TEXT NOT NULL,
  role                  TEXT NOT NULL CHECK (role IN ('caseworker', 'supervisor', 'finance', 'admin')),
  password_hash         TEXT,
  active                INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  must_change_password  INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  failed_logins         INTEGER NOT NULL DEFAULT 0,
  locked_until          TEXT,
  last_login_at         TEXT,
  created_at            TEXT NOT NULL,
  created_by            TEXT,
  updated_at            TEXT NOT NULL,
  updated_by            TEXT,
  deleted_at            TEXT,
  version               INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE service_provider (
  id              TEXT PRIMARY KEY,
  office_id       TEXT REFERENCES office (id),
  name            TEXT NOT NULL,
  service_types   TEXT NOT NULL,          -- comma-separated service types
  district        TEXT NOT NULL,
  address         TEXT,
  phone           TEXT,
  contact_person  TEXT,
  languages       TEXT,
  created_at      TEXT NOT NULL,
  created_by      TEXT,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT,
  deleted_at      TEXT,
  version         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE case_sequence (
  office_id  TEXT NOT NULL REFERENCES office (id),
  year       INTEGER NOT NULL,
  last       INTEGER NOT NULL,
  PRIMARY KEY (office_id, year)
);

CREATE TABLE beneficiary (
  id                     TEXT PRIMARY KEY,
  office_id              TEXT NOT NULL REFERENCES office (id),
  case_number            TEXT NOT NULL UNIQUE,
  family_name            TEXT NOT NULL,
  given_name             TEXT NOT NULL,
  patronymic             TEXT,
  family_name_latin      TEXT,
  given_name_latin       TEXT,
  patronymic_latin       TEXT,
  sex                    TEXT NOT NULL CHECK (sex IN ('female', 'male')),
  birth_date             TEXT,
  birth_year_estimated   INTEGER,
  phone                  TEXT,
  phone_alt              TEXT,
  district               TEXT NOT NULL,
  jamoat                 TEXT,
  village                TEXT,
  household_size         INTEGER CHECK (household_size IS NULL OR household_size BETWEEN 1 AND 60),
  category               TEXT NOT NULL CHECK (category IN ('returned_migrant', 'trafficking_victim', 'both', 'family_member')),
  disability             INTEGER NOT NULL DEFAULT 0 CHECK (disability IN (0, 1)),
  disability_registered  INTEGER NOT NULL DEFAULT 0 CHECK (disability_registered IN (0, 1)),
  health_problems        TEXT,
  distress_screening     TEXT CHECK (distress_screening IS NULL OR distress_screening IN ('none', 'some', 'great')),
  vulnerability_flags    TEXT,
  risk_level             TEXT NOT NULL DEFAULT 'low' CHECK (risk_level IN ('low', 'medium', 'high')),
  consent_date           TEXT,
  consent_services       INTEGER NOT NULL DEFAULT 0 CHECK (consent_services IN (0, 1)),
  consent_sharing        INTEGER NOT NULL DEFAULT 0 CHECK (consent_sharing IN (0, 1)),
  consent_reporting      INTEGER NOT NULL DEFAULT 0 CHECK (consent_reporting IN (0, 1)),
  duplicate_of           TEXT REFERENCES beneficiary (id),
  created_at             TEXT NOT NULL,
  created_by             TEXT,
  updated_at             TEXT NOT NULL,
  updated_by             TEXT,
  deleted_at             TEXT,
  version                INTEGER NOT NULL DEFAULT 1,
  CHECK (birth_date IS NOT NULL OR birth_year_estimated IS NOT NULL)
);
CREATE INDEX beneficiary_office ON beneficiary (office_id);
CREATE INDEX beneficiary_family_name ON beneficiary (family_name COLLATE NOCASE, given_name COLLATE NOCASE);
CREATE INDEX beneficiary_district ON beneficiary (district);

CREATE TABLE migration_episode (
  id              TEXT PRIMARY KEY,
  office_id       TEXT NOT NULL REFERENCES office (id),
  beneficiary_id  TEXT NOT NULL REFERENCES beneficiary (id),
  country         TEXT NOT NULL,
  city            TEXT,
  departure_date  TEXT,
  return_date     TEXT,
  months_abroad   INTEGER,
  duration_group  TEXT CHECK (duration_group IN ('under_12_months', '1_to_3_years', '3_years_or_more', 'seasonal')),
  sector          TEXT,
  return_type     TEXT CHECK (return_type IN ('voluntary', 'deported', 'expelled')),
  created_at      TEXT NOT NULL,
  created_by      TEXT,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT,
  deleted_at      TEXT,
  version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX migration_episode_beneficiary ON migration_episode (beneficiary_id);

CREATE TABLE reentry_ban (
  id                     TEXT PRIMARY KEY,
  office_id              TEXT NOT NULL REFERENCES office (id),
  beneficiary_id         TEXT NOT NULL REFERENCES beneficiary (id),
  has_ban                TEXT NOT NULL CHECK (has_ban IN ('yes', 'no', 'unknown')),
  imposed_by             TEXT CHECK (imposed_by IN ('administrative', 'court')),
  court_decision_number  TEXT,
  court_decision_date    TEXT,
  start_date             TEXT,
  duration_months        INTEGER,
  end_date               TEXT,
  appeal_status          TEXT NOT NULL DEFAULT 'none' CHECK (appeal_status IN ('none', 'filed', 'lifted', 'upheld', 'amnesty')),
  legal_referral_id      TEXT,
  created_at             TEXT NOT NULL,
  created_by             TEXT,
  updated_at             TEXT NOT NULL,
  updated_by             TEXT,
  deleted_at             TEXT,
  version                INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX reentry_ban_beneficiary ON reentry_ban (beneficiary_id);

CREATE TABLE trafficking_profile (
  id                   TEXT PRIMARY KEY,
  office_id            TEXT NOT NULL REFERENCES office (id),
  beneficiary_id       TEXT NOT NULL UNIQUE REFERENCES beneficiary (id),
  status               TEXT NOT NULL CHECK (status IN ('possible', 'actual', 'not_victim')),
  exploitation_type    TEXT CHECK (exploitation_type IN ('forced_labour', 'sexual_exploitation', 'forced_begging', 'domestic_servitude', 'other')),
  identified_by        TEXT,
  recognised_by        TEXT,
  recognised_on        TEXT,
  recognition_document TEXT,
  country              TEXT,
  duration_months      INTEGER,
  created_at           TEXT NOT NULL,
  created_by           TEXT,
  updated_at           TEXT NOT NULL,
  updated_by           TEXT,
  deleted_at           TEXT,
  version              INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE case_file (
  id              TEXT PRIMARY KEY,
  office_id       TEXT NOT NULL REFERENCES office (id),
  beneficiary_id  TEXT NOT NULL REFERENCES beneficiary (id),
  owner_id        TEXT REFERENCES app_user (id),
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'transferred', 'duplicate')),
  stage           TEXT NOT NULL DEFAULT 'new' CHECK (stage IN ('new', 'assessment', 'case_plan', 'services', 'closed', 'reopened')),
  risk_level      TEXT NOT NULL DEFAULT 'low' CHECK (risk_level IN ('low', 'medium', 'high')),
  opened_on       TEXT NOT NULL,
  closed_on       TEXT,
  closure_reason  TEXT,
  created_at      TEXT NOT NULL,
  created_by      TEXT,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT,
  deleted_at      TEXT,
  version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX case_file_beneficiary ON case_file (beneficiary_id);
CREATE INDEX case_file_owner ON case_file (owner_id);

CREATE TABLE case_history (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES case_file (id),
  at          TEXT NOT NULL,
  by_user     TEXT,
  from_state  TEXT,
  to_state    TEXT NOT NULL,
  comment     TEXT
);
CREATE INDEX case_history_case ON case_history (case_id);

CREATE TABLE assessment (
  id              TEXT PRIMARY KEY,
  office_id       TEXT NOT NULL REFERENCES office (id),
  case_id         TEXT NOT NULL REFERENCES case_file (id),
  assessed_on     TEXT NOT NULL,
  summary         TEXT,
  created_at      TEXT NOT NULL,
  created_by      TEXT,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT,
  deleted_at      TEXT,
  version         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE assessment_need (
  id             TEXT PRIMARY KEY,
  assessment_id  TEXT NOT NULL REFERENCES assessment (id),
  need           TEXT NOT NULL CHECK (need IN ('legal', 'employment', 'health', 'psychosocial', 'housing', 'documents')),
  priority       TEXT NOT NULL CHECK (priority IN ('none', 'low', 'medium', 'high')),
  note           TEXT,
  UNIQUE (assessment_id, need)
);

CREATE TABLE reintegration_plan (
  id            TEXT PRIMARY KEY,
  office_id     TEXT NOT NULL REFERENCES office (id),
  case_id       TEXT NOT NULL REFERENCES case_file (id),
  status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
  objectives    TEXT,
  approved_by   TEXT REFERENCES app_user (id),
  approved_at   TEXT,
  created_at    TEXT NOT NULL,
  created_by    TEXT,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT,
  deleted_at    TEXT,
  version       INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE plan_action (
  id            TEXT PRIMARY KEY,
  plan_id       TEXT NOT NULL REFERENCES reintegration_plan (id),
  need          TEXT NOT NULL,
  service       TEXT NOT NULL,
  target_date   TEXT,
  responsible   TEXT
);

CREATE TABLE plan_history (
  id          TEXT PRIMARY KEY,
  plan_id     TEXT NOT NULL REFERENCES reintegration_plan (id),
  at          TEXT NOT NULL,
  by_user     TEXT,
  from_state  TEXT,
  to_state    TEXT NOT NULL,
  comment     TEXT
);

CREATE TABLE referral (
  id               TEXT PRIMARY KEY,
  office_id        TEXT NOT NULL REFERENCES office (id),
  beneficiary_id   TEXT NOT NULL REFERENCES beneficiary (id),
  case_id          TEXT REFERENCES case_file (id),
  provider_id      TEXT REFERENCES service_provider (id),
  service_type     TEXT NOT NULL CHECK (service_type IN ('legal_aid', 'employment', 'vocational_training', 'business_loan', 'health', 'migration_service', 'psychosocial')),
  reason           TEXT,
  consent_given    INTEGER NOT NULL DEFAULT 0 CHECK (consent_given IN (0, 1)),
  status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'accepted', 'rejected', 'no_response', 'completed', 'revoked')),
  sent_on          TEXT,
  due_on           TEXT,
  answered_on      TEXT,
  completed_on     TEXT,
  provider_answer  TEXT,
  outcome          TEXT,
  created_at       TEXT NOT NULL,
  created_by       TEXT,
  updated_at       TEXT NOT NULL,
  updated_by       TEXT,
  deleted_at       TEXT,
  version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX referral_beneficiary ON referral (beneficiary_id);
CREATE INDEX referral_status ON referral (status, due_on);

CREATE TABLE referral_history (
  id           TEXT PRIMARY KEY,
  referral_id  TEXT NOT NULL REFERENCES referral (id),
  at           TEXT NOT NULL,
  by_user      TEXT,
  from_state   TEXT,
  to_state     TEXT NOT NULL,
  comment      TEXT
);
CREATE INDEX referral_history_referral ON referral_history (referral_id);

CREATE TABLE follow_up (
  id                 TEXT PRIMARY KEY,
  office_id          TEXT NOT NULL REFERENCES office (id),
  beneficiary_id     TEXT NOT NULL REFERENCES beneficiary (id),
  case_id            TEXT REFERENCES case_file (id),
  kind               TEXT NOT NULL CHECK (kind IN ('psychosocial_session', 'phone', 'home_visit', 'office')),
  status             TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'missed', 'cancelled')),
  assigned_to        TEXT REFERENCES app_user (id),
  due_on             TEXT NOT NULL,
  done_on            TEXT,
  duration_minutes   INTEGER,
  who5_items         TEXT,               -- five digits 0..5, e.g. '34232'
  who5_score         INTEGER CHECK (who5_score IS NULL OR who5_score BETWEEN 0 AND 100),
  wants_professional INTEGER CHECK (wants_professional IS NULL OR wants_professional IN (0, 1)),
  notes              TEXT,               -- confidential
  next_on            TEXT,
  created_at         TEXT NOT NULL,
  created_by         TEXT,
  updated_at         TEXT NOT NULL,
  updated_by         TEXT,
  deleted_at         TEXT,
  version            INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX follow_up_beneficiary ON follow_up (beneficiary_id);
CREATE INDEX follow_up_due ON follow_up (status, due_on);

CREATE TABLE follow_up_history (
  id            TEXT PRIMARY KEY,
  follow_up_id  TEXT NOT NULL REFERENCES follow_up (id),
  at            TEXT NOT NULL,
  by_user       TEXT,
  from_state    TEXT,
  to_state      TEXT NOT NULL,
  comment       TEXT
);

CREATE TABLE reintegration_grant (
  id                 TEXT PRIMARY KEY,
  office_id          TEXT NOT NULL REFERENCES office (id),
  case_id            TEXT REFERENCES case_file (id),
  purpose            TEXT NOT NULL,
  business_plan      TEXT,
  currency           TEXT NOT NULL DEFAULT 'TJS',
  amount_requested   INTEGER NOT NULL CHECK (amount_requested >= 0),
  amount_approved    INTEGER CHECK (amount_approved IS NULL OR amount_approved >= 0),
  status             TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'disbursing', 'disbursed', 'verified', 'cancelled')),
  created_at         TEXT NOT NULL,
  created_by         TEXT,
  updated_at         TEXT NOT NULL,
  updated_by         TEXT,
  deleted_at         TEXT,
  version            INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE grant_beneficiary (
  grant_id        TEXT NOT NULL REFERENCES reintegration_grant (id),
  beneficiary_id  TEXT NOT NULL REFERENCES beneficiary (id),
  PRIMARY KEY (grant_id, beneficiary_id)
);
CREATE INDEX grant_beneficiary_beneficiary ON grant_beneficiary (beneficiary_id);

CREATE TABLE grant_history (
  id          TEXT PRIMARY KEY,
  grant_id    TEXT NOT NULL REFERENCES reintegration_grant (id),
  at          TEXT NOT NULL,
  by_user     TEXT,
  from_state  TEXT,
  to_state    TEXT NOT NULL,
  comment     TEXT
);

CREATE TABLE grant_item (
  id          TEXT PRIMARY KEY,
  grant_id    TEXT NOT NULL REFERENCES reintegration_grant (id),
  name        TEXT NOT NULL,
  quantity    REAL NOT NULL CHECK (quantity > 0),
  unit        TEXT,
  unit_cost   INTEGER NOT NULL CHECK (unit_cost >= 0)
);

CREATE TABLE disbursement (
  id          TEXT PRIMARY KEY,
  office_id   TEXT NOT NULL REFERENCES office (id),
  grant_id    TEXT NOT NULL REFERENCES reintegration_grant (id),
  tranche     INTEGER NOT NULL,
  paid_on     TEXT NOT NULL,
  amount      INTEGER NOT NULL CHECK (amount > 0),
  currency    TEXT NOT NULL DEFAULT 'TJS',
  method      TEXT NOT NULL CHECK (method IN ('cash', 'bank_transfer', 'supplier_payment')),
  reference   TEXT,
  created_at  TEXT NOT NULL,
  created_by  TEXT,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT,
  deleted_at  TEXT,
  version     INTEGER NOT NULL DEFAULT 1,
  UNIQUE (grant_id, tranche)
);

CREATE TABLE handover (
  id              TEXT PRIMARY KEY,
  office_id       TEXT NOT NULL REFERENCES office (id),
  grant_id        TEXT REFERENCES reintegration_grant (id),
  beneficiary_id  TEXT NOT NULL REFERENCES beneficiary (id),
  handed_on       TEXT NOT NULL,
  place           TEXT NOT NULL,
  received_by     TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
  corrects_id     TEXT REFERENCES handover (id),
  signed_at       TEXT,
  created_at      TEXT NOT NULL,
  created_by      TEXT,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT,
  deleted_at      TEXT,
  version         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE handover_item (
  id           TEXT PRIMARY KEY,
  handover_id  TEXT NOT NULL REFERENCES handover (id),
  name         TEXT NOT NULL,
  quantity     REAL NOT NULL CHECK (quantity > 0),
  unit_value   INTEGER NOT NULL CHECK (unit_value >= 0),
  serial       TEXT
);

CREATE TABLE handover_witness (
  id           TEXT PRIMARY KEY,
  handover_id  TEXT NOT NULL REFERENCES handover (id),
  name         TEXT NOT NULL,
  role         TEXT NOT NULL
);

CREATE TABLE handover_history (
  id           TEXT PRIMARY KEY,
  handover_id  TEXT NOT NULL REFERENCES handover (id),
  at           TEXT NOT NULL,
  by_user      TEXT,
  from_state   TEXT,
  to_state     TEXT NOT NULL,
  comment      TEXT
);

CREATE TABLE group_session (
  id              TEXT PRIMARY KEY,
  office_id       TEXT NOT NULL REFERENCES office (id),
  district        TEXT NOT NULL,
  held_on         TEXT NOT NULL,
  facilitator_id  TEXT REFERENCES app_user (id),
  module          TEXT NOT NULL,
  capacity        INTEGER NOT NULL DEFAULT 15 CHECK (capacity BETWEEN 1 AND 15),
  created_at      TEXT NOT NULL,
  created_by      TEXT,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT,
  deleted_at      TEXT,
  version         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE attendance (
  id              TEXT PRIMARY KEY,
  session_id      TEXT NOT NULL REFERENCES group_session (id),
  beneficiary_id  TEXT REFERENCES beneficiary (id),
  walk_in_sex     TEXT CHECK (walk_in_sex IS NULL OR walk_in_sex IN ('female', 'male')),
  walk_in_age     INTEGER,
  CHECK (beneficiary_id IS NOT NULL OR walk_in_sex IS NOT NULL)
);
CREATE INDEX attendance_session ON attendance (session_id);
CREATE INDEX attendance_beneficiary ON attendance (beneficiary_id);

CREATE TABLE survey_round (
  id            TEXT PRIMARY KEY,
  office_id     TEXT REFERENCES office (id),
  name          TEXT NOT NULL,
  started_on    TEXT NOT NULL,
  population    INTEGER,
  sample_size   INTEGER,
  created_at    TEXT NOT NULL,
  created_by    TEXT,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT,
  deleted_at    TEXT,
  version       INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE survey_response (
  id                      TEXT PRIMARY KEY,
  office_id               TEXT NOT NULL REFERENCES office (id),
  round_id                TEXT NOT NULL REFERENCES survey_round (id),
  beneficiary_id          TEXT NOT NULL REFERENCES beneficiary (id),
  answered_on             TEXT NOT NULL,
  knows_job_agencies      INTEGER CHECK (knows_job_agencies IN (0, 1)),
  has_health_contacts     INTEGER CHECK (has_health_contacts IN (0, 1)),
  knows_legal_options     INTEGER CHECK (knows_legal_options IN (0, 1)),
  challenged_ban          INTEGER CHECK (challenged_ban IN (0, 1)),
  sought_loan_or_training INTEGER CHECK (sought_loan_or_training IN (0, 1)),
  reached_job_contacts    INTEGER CHECK (reached_job_contacts IN (0, 1)),
  visited_migration_service INTEGER CHECK (visited_migration_service IN (0, 1)),
  visited_medical_centre  INTEGER CHECK (visited_medical_centre IN (0, 1)),
  other_action            TEXT,
  relationships_better    INTEGER CHECK (relationships_better IN (0, 1)),
  more_confident          INTEGER CHECK (more_confident IN (0, 1)),
  has_concrete_plans      INTEGER CHECK (has_concrete_plans IN (0, 1)),
  created_at              TEXT NOT NULL,
  created_by              TEXT,
  updated_at              TEXT NOT NULL,
  updated_by              TEXT,
  deleted_at              TEXT,
  version                 INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE attachment (
  id           TEXT PRIMARY KEY,
  office_id    TEXT NOT NULL REFERENCES office (id),
  entity       TEXT NOT NULL,
  entity_id    TEXT NOT NULL,
  kind         TEXT NOT NULL,
  filename     TEXT NOT NULL,
  mime_type    TEXT,
  sha256       TEXT NOT NULL,
  size         INTEGER NOT NULL,
  content      BLOB NOT NULL,
  created_at   TEXT NOT NULL,
  created_by   TEXT,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT,
  deleted_at   TEXT,
  version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX attachment_entity ON attachment (entity, entity_id);

-- The audit trail: one row per write, login and sensitive read.  Each row's
-- hash covers its content and the previous row's hash.
CREATE TABLE audit_log (
  seq        INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  user_id    TEXT,
  username   TEXT NOT NULL,
  action     TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  TEXT,
  changes    TEXT,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
