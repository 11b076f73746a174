-- WHO-5 as the guidance reads it (issue 12): a score of 28 or below (not
-- only below 28) flags likely depression.  Keep the thresholds in step
-- with hmr-who5.h (test-follow-up checks).  A score of 50 or below that
-- suggests screening is not stored: hmr_who5_flags() derives it from the
-- score, and the column keeps the two flags a supervisor acknowledges.
UPDATE follow_up SET who5_flags = who5_flags | 1
WHERE who5_score IS NOT NULL AND who5_score <= 28 AND who5_flags IS NOT NULL;

DROP TRIGGER follow_up_who5_flags;
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
  SET who5_flags = (CASE WHEN who5_score <= 28 THEN 1 ELSE 0 END)
                 | (CASE WHEN who5_previous - who5_score >= 10 THEN 2 ELSE 0 END)
  WHERE id = new.id;
END;
