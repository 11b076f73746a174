-- Group sessions and outcome surveys, as people use them (issue 17).
--
-- A session is planned in a district, jamoat and venue, on a module or
-- topic, with a facilitator and a partner organisation; it takes up to 15
-- people.  Attendance is a registered beneficiary or a walk-in with a name,
-- sex, age group and phone, who can be registered later: the row then
-- points at the new beneficiary and keeps the walk-in's details.
ALTER TABLE group_session ADD COLUMN jamoat TEXT;
ALTER TABLE group_session ADD COLUMN venue TEXT;
ALTER TABLE group_session ADD COLUMN facilitator_name TEXT;
ALTER TABLE group_session ADD COLUMN partner TEXT;
CREATE INDEX group_session_held ON group_session (held_on);
CREATE INDEX group_session_office_held ON group_session (office_id, held_on);

ALTER TABLE attendance ADD COLUMN office_id TEXT REFERENCES office (id);
ALTER TABLE attendance ADD COLUMN walk_in_name TEXT;
ALTER TABLE attendance ADD COLUMN walk_in_phone TEXT;
ALTER TABLE attendance ADD COLUMN walk_in_age_group TEXT
  CHECK (walk_in_age_group IS NULL OR walk_in_age_group IN
         ('under_18', '18_24', '25_34', '35_44', '45_54', '55_plus'));
ALTER TABLE attendance ADD COLUMN registered_at TEXT;
ALTER TABLE attendance ADD COLUMN created_at TEXT;
ALTER TABLE attendance ADD COLUMN created_by TEXT;
ALTER TABLE attendance ADD COLUMN deleted_at TEXT;
UPDATE attendance SET office_id = (SELECT s.office_id FROM group_session s WHERE s.id = attendance.session_id);

-- A survey round: who it is about (everyone who attended a session, or
-- everyone registered, in a period and optionally a district), how sure
-- and how precise it should be, and the seed that makes its sample
-- reproducible.
ALTER TABLE survey_round ADD COLUMN population_kind TEXT NOT NULL DEFAULT 'attended'
  CHECK (population_kind IN ('attended', 'registered'));
ALTER TABLE survey_round ADD COLUMN period_from TEXT;
ALTER TABLE survey_round ADD COLUMN period_to TEXT;
ALTER TABLE survey_round ADD COLUMN district TEXT;
ALTER TABLE survey_round ADD COLUMN confidence REAL NOT NULL DEFAULT 0.95;
ALTER TABLE survey_round ADD COLUMN margin REAL NOT NULL DEFAULT 0.05;
ALTER TABLE survey_round ADD COLUMN seed INTEGER;
ALTER TABLE survey_round ADD COLUMN stratified INTEGER NOT NULL DEFAULT 0 CHECK (stratified IN (0, 1));
ALTER TABLE survey_round ADD COLUMN sampled_at TEXT;

-- The people drawn for a round, each on a caseworker's call list
CREATE TABLE survey_sample (
  id              TEXT PRIMARY KEY,
  round_id        TEXT NOT NULL REFERENCES survey_round (id),
  office_id       TEXT NOT NULL REFERENCES office (id),
  beneficiary_id  TEXT NOT NULL REFERENCES beneficiary (id),
  position        INTEGER NOT NULL,
  stratum         TEXT,
  assigned_to     TEXT REFERENCES app_user (id),
  created_at      TEXT NOT NULL,
  created_by      TEXT,
  UNIQUE (round_id, beneficiary_id)
);
CREATE INDEX survey_sample_assigned ON survey_sample (round_id, assigned_to, position);

-- A call that did not reach the person is a response too, with the reason
ALTER TABLE survey_response ADD COLUMN reached INTEGER NOT NULL DEFAULT 1 CHECK (reached IN (0, 1));
ALTER TABLE survey_response ADD COLUMN not_reached_reason TEXT;
CREATE INDEX survey_response_round ON survey_response (round_id, beneficiary_id);
