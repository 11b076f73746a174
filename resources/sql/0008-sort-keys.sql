-- Sort keys of the Beneficiaries list.
--
-- Sorting by stage, by caseworker or by last contact asked SQLite to work
-- out, for every beneficiary, a value from other tables (the newest case
-- file, its owner, the latest follow-up done) and then to sort all of them:
-- three to four seconds at a million beneficiaries.  Here those values are
-- kept ready, one row per beneficiary, and indexed together with the case
-- number (the list's tie-break), so that the sorted list is read straight
-- from an index.  The triggers below keep the rows right whatever writes
-- the tables: the store, the demo generator, an import.
--
-- A table of its own rather than columns on beneficiary: the triggers never
-- touch a beneficiary row, so its version, its updated_at, what its audit
-- rows record and what exports read stay exactly as they were.
--
-- beneficiary_rowid is the beneficiary's rowid, as in beneficiary_search:
-- the list model holds rowids.  Whether the person is archived is kept here
-- too, so that the whole list in one of these orders (what a supervisor
-- sees on clicking a column) comes from the index alone, without looking
-- up each person's row.

-- A person's case files in the order they were opened, so that finding the
-- newest is one step in the index instead of a sort each time a trigger
-- runs (the demo generator writes a case file for every person).  Same name
-- and same first column as before: every query that used it still can.
DROP INDEX case_file_beneficiary;
CREATE INDEX case_file_beneficiary ON case_file (beneficiary_id, opened_on);

-- What each key is, in one place: the backfill and every trigger read it.
-- The newest case file is the one opened last (the last one written when
-- two were opened the same day).  The caseworker is the owner of the newest
-- case file that has one, as the list always showed it.  Stages sort in the
-- order a case moves through them.
CREATE VIEW beneficiary_sort_source AS
SELECT b.rowid AS beneficiary_rowid,
       b.case_number AS case_number,
       b.deleted_at IS NOT NULL AS archived,
       (SELECT CASE c.stage WHEN 'new' THEN 0 WHEN 'assessment' THEN 1 WHEN 'case_plan' THEN 2
                            WHEN 'services' THEN 3 WHEN 'reopened' THEN 4 WHEN 'closed' THEN 5
                            ELSE 6 END
        FROM case_file c
        WHERE c.beneficiary_id = b.id AND c.deleted_at IS NULL
        ORDER BY c.opened_on DESC, c.rowid DESC LIMIT 1) AS stage_rank,
       (SELECT u.full_name
        FROM case_file c JOIN app_user u ON u.id = c.owner_id
        WHERE c.beneficiary_id = b.id AND c.deleted_at IS NULL
        ORDER BY c.opened_on DESC, c.rowid DESC LIMIT 1) AS caseworker,
       -- "+": found through the beneficiary's follow-ups, not by walking
       -- every follow-up done in the database (see bench/README.md)
       (SELECT max (f.done_on)
        FROM follow_up f
        WHERE f.beneficiary_id = b.id AND +f.status = 'done' AND f.deleted_at IS NULL) AS last_contact
FROM beneficiary b;

CREATE TABLE beneficiary_sort (
  beneficiary_rowid  INTEGER PRIMARY KEY,
  case_number        TEXT NOT NULL,
  archived           INTEGER NOT NULL,     -- 1: beneficiary.deleted_at is set
  stage_rank         INTEGER,              -- NULL: no case file
  caseworker         TEXT COLLATE NOCASE,  -- NULL: no case file with an owner
  last_contact       TEXT                  -- NULL: no follow-up done
);

INSERT INTO beneficiary_sort (beneficiary_rowid, case_number, archived, stage_rank, caseworker,
                              last_contact)
SELECT beneficiary_rowid, case_number, archived, stage_rank, caseworker, last_contact
FROM beneficiary_sort_source;

-- Built after the backfill: one sort each instead of a million inserts.
-- The case number is unique, so it settles every tie; "archived" is there
-- to be read, not to order.
CREATE INDEX beneficiary_sort_stage ON beneficiary_sort (stage_rank, case_number, archived);
CREATE INDEX beneficiary_sort_caseworker ON beneficiary_sort (caseworker, case_number, archived);
CREATE INDEX beneficiary_sort_last_contact ON beneficiary_sort (last_contact, case_number, archived);

-- Beneficiaries: a row from the start.  Its keys are looked up rather than
-- left empty, for a bulk load that writes case files before their person.
CREATE TRIGGER beneficiary_sort_insert AFTER INSERT ON beneficiary BEGIN
  INSERT OR REPLACE INTO beneficiary_sort (beneficiary_rowid, case_number, archived, stage_rank,
                                           caseworker, last_contact)
  SELECT beneficiary_rowid, case_number, archived, stage_rank, caseworker, last_contact
  FROM beneficiary_sort_source WHERE beneficiary_rowid = new.rowid;
END;

-- Archiving, restoring; a new id or case number (Hamroh changes neither)
CREATE TRIGGER beneficiary_sort_update AFTER UPDATE OF id, case_number, deleted_at ON beneficiary BEGIN
  INSERT OR REPLACE INTO beneficiary_sort (beneficiary_rowid, case_number, archived, stage_rank,
                                           caseworker, last_contact)
  SELECT beneficiary_rowid, case_number, archived, stage_rank, caseworker, last_contact
  FROM beneficiary_sort_source WHERE beneficiary_rowid = new.rowid;
END;

-- Beneficiaries are archived, not removed; a removed one takes its row
-- along, so that its rowid can be used again.
CREATE TRIGGER beneficiary_sort_delete AFTER DELETE ON beneficiary BEGIN
  DELETE FROM beneficiary_sort WHERE beneficiary_rowid = old.rowid;
END;

-- Case files: the stage and the caseworker of the person (or persons, when
-- a case file moves) whose newest case file this may be or have been.
CREATE TRIGGER beneficiary_sort_case_insert AFTER INSERT ON case_file BEGIN
  UPDATE beneficiary_sort
  SET (stage_rank, caseworker) = (SELECT v.stage_rank, v.caseworker FROM beneficiary_sort_source v
                                  WHERE v.beneficiary_rowid = beneficiary_sort.beneficiary_rowid)
  WHERE beneficiary_rowid = (SELECT rowid FROM beneficiary WHERE id = new.beneficiary_id);
END;

CREATE TRIGGER beneficiary_sort_case_update
AFTER UPDATE OF beneficiary_id, stage, owner_id, opened_on, deleted_at ON case_file BEGIN
  UPDATE beneficiary_sort
  SET (stage_rank, caseworker) = (SELECT v.stage_rank, v.caseworker FROM beneficiary_sort_source v
                                  WHERE v.beneficiary_rowid = beneficiary_sort.beneficiary_rowid)
  WHERE beneficiary_rowid IN (SELECT rowid FROM beneficiary
                              WHERE id IN (old.beneficiary_id, new.beneficiary_id));
END;

CREATE TRIGGER beneficiary_sort_case_delete AFTER DELETE ON case_file BEGIN
  UPDATE beneficiary_sort
  SET (stage_rank, caseworker) = (SELECT v.stage_rank, v.caseworker FROM beneficiary_sort_source v
                                  WHERE v.beneficiary_rowid = beneficiary_sort.beneficiary_rowid)
  WHERE beneficiary_rowid = (SELECT rowid FROM beneficiary WHERE id = old.beneficiary_id);
END;

-- Caseworkers: a new name moves all their people in the caseworker order.
-- Only a changed name does: editing a role or an office leaves them be.
CREATE TRIGGER beneficiary_sort_user_rename AFTER UPDATE OF full_name ON app_user
WHEN new.full_name IS NOT old.full_name BEGIN
  UPDATE beneficiary_sort
  SET caseworker = (SELECT v.caseworker FROM beneficiary_sort_source v
                    WHERE v.beneficiary_rowid = beneficiary_sort.beneficiary_rowid)
  WHERE beneficiary_rowid IN (SELECT b.rowid FROM case_file c JOIN beneficiary b ON b.id = c.beneficiary_id
                              WHERE c.owner_id = new.id);
END;

-- Follow-ups: only one that is done and not archived counts.  A new one can
-- only move the last contact later, which needs no look at the others (the
-- demo generator and imports write hundreds of thousands); a change or a
-- removal may move it earlier, so the latest is looked up again.
CREATE TRIGGER beneficiary_sort_follow_up_insert AFTER INSERT ON follow_up
WHEN new.status = 'done' AND new.deleted_at IS NULL AND new.done_on IS NOT NULL BEGIN
  UPDATE beneficiary_sort SET last_contact = new.done_on
  WHERE beneficiary_rowid = (SELECT rowid FROM beneficiary WHERE id = new.beneficiary_id)
    AND (last_contact IS NULL OR last_contact < new.done_on);
END;

CREATE TRIGGER beneficiary_sort_follow_up_update
AFTER UPDATE OF beneficiary_id, status, done_on, deleted_at ON follow_up
WHEN (old.status = 'done' AND old.deleted_at IS NULL)
  OR (new.status = 'done' AND new.deleted_at IS NULL) BEGIN
  UPDATE beneficiary_sort
  SET last_contact = (SELECT v.last_contact FROM beneficiary_sort_source v
                      WHERE v.beneficiary_rowid = beneficiary_sort.beneficiary_rowid)
  WHERE beneficiary_rowid IN (SELECT rowid FROM beneficiary
                              WHERE id IN (old.beneficiary_id, new.beneficiary_id));
END;

CREATE TRIGGER beneficiary_sort_follow_up_delete AFTER DELETE ON follow_up
WHEN old.status = 'done' AND old.deleted_at IS NULL BEGIN
  UPDATE beneficiary_sort
  SET last_contact = (SELECT v.last_contact FROM beneficiary_sort_source v
                      WHERE v.beneficiary_rowid = beneficiary_sort.beneficiary_rowid)
  WHERE beneficiary_rowid = (SELECT rowid FROM beneficiary WHERE id = old.beneficiary_id);
END;
