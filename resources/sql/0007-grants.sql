-- Grants, tranches and equipment handovers (issue 7).
--
-- Indexes for the finance workspace, the grant ledger and the handover acts,
-- and the rules that money and signed acts keep even when someone edits the
-- file outside Hamroh: the tranches of a grant never add up to more than its
-- approved amount, the approved amount is never above the requested one, and
-- a signed handover act, its items and witnesses can be neither changed nor
-- removed (a correction is a new act that points to the old one).
-- Hamroh's store checks all of this first and explains the refusal; these
-- triggers are the last line.

CREATE INDEX IF NOT EXISTS reintegration_grant_status ON reintegration_grant (status);
CREATE INDEX IF NOT EXISTS reintegration_grant_office ON reintegration_grant (office_id);
CREATE INDEX IF NOT EXISTS grant_history_grant ON grant_history (grant_id, to_state, at);
CREATE INDEX IF NOT EXISTS grant_item_grant ON grant_item (grant_id);
CREATE INDEX IF NOT EXISTS disbursement_paid_on ON disbursement (paid_on, grant_id, tranche);
-- what was paid on a grant, from the index alone
CREATE INDEX IF NOT EXISTS disbursement_grant_paid ON disbursement (grant_id, tranche, deleted_at, amount);
CREATE INDEX IF NOT EXISTS handover_grant ON handover (grant_id);
CREATE INDEX IF NOT EXISTS handover_beneficiary ON handover (beneficiary_id);
CREATE INDEX IF NOT EXISTS handover_corrects ON handover (corrects_id);
CREATE INDEX IF NOT EXISTS handover_item_handover ON handover_item (handover_id);
CREATE INDEX IF NOT EXISTS handover_witness_handover ON handover_witness (handover_id);
CREATE INDEX IF NOT EXISTS handover_history_handover ON handover_history (handover_id);

-- Money: never more paid than approved, never more approved than requested

CREATE TRIGGER disbursement_within_approved
BEFORE INSERT ON disbursement
WHEN NEW.deleted_at IS NULL
 AND NEW.amount + (SELECT coalesce (sum (amount), 0) FROM disbursement
                   WHERE grant_id = NEW.grant_id AND deleted_at IS NULL)
     > coalesce ((SELECT amount_approved FROM reintegration_grant WHERE id = NEW.grant_id), 0)
BEGIN
  SELECT RAISE (ABORT, 'the tranches of a grant may not add up to more than its approved amount');
END;

CREATE TRIGGER disbursement_change_within_approved
BEFORE UPDATE OF amount, grant_id, deleted_at ON disbursement
WHEN NEW.deleted_at IS NULL
 AND NEW.amount + (SELECT coalesce (sum (amount), 0) FROM disbursement
                   WHERE grant_id = NEW.grant_id AND deleted_at IS NULL AND id <> OLD.id)
     > coalesce ((SELECT amount_approved FROM reintegration_grant WHERE id = NEW.grant_id), 0)
BEGIN
  SELECT RAISE (ABORT, 'the tranches of a grant may not add up to more than its approved amount');
END;

CREATE TRIGGER grant_approved_within_requested
BEFORE INSERT ON reintegration_grant
WHEN NEW.amount_approved IS NOT NULL AND NEW.amount_approved > NEW.amount_requested
BEGIN
  SELECT RAISE (ABORT, 'the approved amount of a grant may not be above the requested amount');
END;

CREATE TRIGGER grant_approved_change_within_requested
BEFORE UPDATE OF amount_approved, amount_requested ON reintegration_grant
WHEN NEW.amount_approved IS NOT NULL
 AND (NEW.amount_approved > NEW.amount_requested
      OR NEW.amount_approved < (SELECT coalesce (sum (amount), 0) FROM disbursement
                                WHERE grant_id = NEW.id AND deleted_at IS NULL))
BEGIN
  SELECT RAISE (ABORT, 'the approved amount of a grant may not be above the requested amount or below what was paid');
END;

-- Signed acts are locked

CREATE TRIGGER handover_signed_locked
BEFORE UPDATE ON handover
WHEN OLD.status = 'signed'
BEGIN
  SELECT RAISE (ABORT, 'a signed handover act is locked; record a correction instead');
END;

CREATE TRIGGER handover_signed_not_removed
BEFORE DELETE ON handover
WHEN OLD.status = 'signed'
BEGIN
  SELECT RAISE (ABORT, 'a signed handover act is locked; record a correction instead');
END;

CREATE TRIGGER handover_item_signed_locked
BEFORE UPDATE ON handover_item
WHEN (SELECT status FROM handover WHERE id = OLD.handover_id) = 'signed'
BEGIN
  SELECT RAISE (ABORT, 'a signed handover act is locked; record a correction instead');
END;

CREATE TRIGGER handover_item_signed_not_removed
BEFORE DELETE ON handover_item
WHEN (SELECT status FROM handover WHERE id = OLD.handover_id) = 'signed'
BEGIN
  SELECT RAISE (ABORT, 'a signed handover act is locked; record a correction instead');
END;

CREATE TRIGGER handover_witness_signed_locked
BEFORE UPDATE ON handover_witness
WHEN (SELECT status FROM handover WHERE id = OLD.handover_id) = 'signed'
BEGIN
  SELECT RAISE (ABORT, 'a signed handover act is locked; record a correction instead');
END;

CREATE TRIGGER handover_witness_signed_not_removed
BEFORE DELETE ON handover_witness
WHEN (SELECT status FROM handover WHERE id = OLD.handover_id) = 'signed'
BEGIN
  SELECT RAISE (ABORT, 'a signed handover act is locked; record a correction instead');
END;

CREATE TRIGGER handover_attachment_signed_locked
BEFORE UPDATE ON attachment
WHEN OLD.entity = 'handover'
 AND (SELECT status FROM handover WHERE id = OLD.entity_id) = 'signed'
BEGIN
  SELECT RAISE (ABORT, 'a signed handover act is locked; record a correction instead');
END;

CREATE TRIGGER handover_attachment_signed_not_removed
BEFORE DELETE ON attachment
WHEN OLD.entity = 'handover'
 AND (SELECT status FROM handover WHERE id = OLD.entity_id) = 'signed'
BEGIN
  SELECT RAISE (ABORT, 'a signed handover act is locked; record a correction instead');
END;
