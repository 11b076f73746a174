-- Case plans and psychosocial follow-up (issue 6): closure requests,
-- the WHO-5 flags a supervisor acknowledges, and the indexes behind the
-- Today page.

-- A caseworker asks to close a case; a supervisor approves (the case goes
-- to "closed") or declines.  At most one request per case is open.
CREATE TABLE case_closure_request (
  id                TEXT PRIMARY KEY,
  office_id         TEXT NOT NULL REFERENCES office (id),
  case_id           TEXT NOT NULL REFERENCES case_file (id),
  status            TEXT NOT NULL DEFAULT 'requested'
                    CHECK (status IN ('requested', 'approved', 'declined', 'withdrawn')),
  reason            TEXT NOT NULL,
  requested_by      TEXT REFERENCES app_user (id),
  requested_at      TEXT NOT NULL,
  decided_by        TEXT REFERENCES app_user (id),
  decided_at        TEXT,
  decision_comment  TEXT,
  created_at        TEXT NOT NULL,
  created_by        TEXT,
  updated_at        TEXT NOT NULL,
  updated_by        TEXT,
  deleted_at        TEXT,
  version           INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX case_closure_request_open ON case_closure_request (case_id)
  WHERE status = 'requested';
CREATE INDEX case_closure_request_case ON case_closure_request (case_id);

-- WHO-5: the person's previous score and why this one was flagged
-- (bits: 1 below 28, 2 fell by 10 or more; 0 not flagged; NULL no score),
-- and the supervisor's acknowledgement of a flag.
ALTER TABLE follow_up ADD COLUMN who5_previous INTEGER
  CHECK (who5_previous IS NULL OR who5_previous BETWEEN 0 AND 100);
ALTER TABLE follow_up ADD COLUMN who5_flags INTEGER
  CHECK (who5_flags IS NULL OR who5_flags BETWEEN 0 AND 3);
ALTER TABLE follow_up ADD COLUMN who5_ack_at TEXT;
ALTER TABLE follow_up ADD COLUMN who5_ack_by TEXT REFERENCES app_user (id);

-- Scores already recorded: flag them as hmr_who5_flags() would have
WITH scored AS (
  SELECT id, who5_score,
         lag (who5_score) OVER (PARTITION BY beneficiary_id ORDER BY done_on, rowid) AS previous
  FROM follow_up
  WHERE status = 'done' AND who5_score IS NOT NULL AND deleted_at IS NULL
)
UPDATE follow_up
SET who5_previous = scored.previous,
    who5_flags = (CASE WHEN scored.who5_score < 28 THEN 1 ELSE 0 END)
               | (CASE WHEN scored.previous - scored.who5_score >= 10 THEN 2 ELSE 0 END)
FROM scored
WHERE follow_up.id = scored.id;

-- Rows written in bulk, not through the store (demo data, imports): the
-- store computes the flags itself and so never leaves who5_flags NULL.
-- Keep the thresholds in step with hmr-who5.h (test-follow-up checks).
CREATE TRIGGER follow_up_who5_flags
AFTER INSERT ON follow_up
WHEN new.status = 'done' AND new.who5_score IS NOT NULL AND new.who5_flags IS NULL
BEGIN
  UPDATE follow_up
  SET who5_previous = (SELECT p.who5_score FROM follow_up p
                       WHERE p.beneficiary_id = new.beneficiary_id AND p.id <> new.id
                         AND p.status = 'done' AND p.who5_score IS NOT NULL
                         AND p.deleted_at IS NULL AND p.done_on <= new.done_on
                       ORDER BY p.done_on DESC, p.rowid DESC LIMIT 1)
  WHERE id = new.id;
  UPDATE follow_up
  SET who5_flags = (CASE WHEN who5_score < 28 THEN 1 ELSE 0 END)
                 | (CASE WHEN who5_previous - who5_score >= 10 THEN 2 ELSE 0 END)
  WHERE id = new.id;
END;

-- Today: due follow-ups by office and by person, unacknowledged flags
CREATE INDEX follow_up_office_planned ON follow_up (office_id, due_on)
  WHERE status = 'planned' AND deleted_at IS NULL;
CREATE INDEX follow_up_assigned_planned ON follow_up (assigned_to, due_on)
  WHERE status = 'planned' AND deleted_at IS NULL;
CREATE INDEX follow_up_who5_unacknowledged ON follow_up (done_on)
  WHERE who5_flags > 0 AND who5_ack_at IS NULL;
CREATE INDEX follow_up_beneficiary_scores ON follow_up (beneficiary_id, done_on)
  WHERE status = 'done' AND who5_score IS NOT NULL;
CREATE INDEX follow_up_case ON follow_up (case_id);
CREATE INDEX follow_up_history_follow_up ON follow_up_history (follow_up_id);

-- Plans and assessments by case, plans by status
CREATE INDEX assessment_case ON assessment (case_id);
CREATE INDEX reintegration_plan_case ON reintegration_plan (case_id);
CREATE INDEX reintegration_plan_status ON reintegration_plan (status);
CREATE INDEX plan_action_plan ON plan_action (plan_id);
CREATE INDEX plan_history_plan ON plan_history (plan_id);

-- Referrals of a case, bans ending soon
CREATE INDEX referral_case ON referral (case_id);
CREATE INDEX reentry_ban_end ON reentry_ban (end_date);
