-- Reassigning a case to another caseworker and transferring it to another
-- office (issue 12).  The case keeps its number and its file travels with
-- it; each reassignment and transfer is a row here (who, when, from, to,
-- why), appended and never changed, as the histories of section 5 are.
CREATE TABLE case_assignment (
  id           TEXT PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES case_file (id),
  kind         TEXT NOT NULL CHECK (kind IN ('reassign', 'transfer')),
  at           TEXT NOT NULL,
  by_user      TEXT REFERENCES app_user (id),
  from_office  TEXT REFERENCES office (id),
  to_office    TEXT REFERENCES office (id),
  from_owner   TEXT REFERENCES app_user (id),
  to_owner     TEXT REFERENCES app_user (id),
  comment      TEXT
);
CREATE INDEX case_assignment_case ON case_assignment (case_id);
