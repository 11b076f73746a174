-- Imports of the lists offices already keep (issue 18).
--
-- One row per import: the file (its name and SHA-256, so that the same
-- file is not imported twice), who imported it, and what came of its
-- rows.  import_batch_record lists the beneficiaries it registered, so a
-- supervisor can undo the batch (archive them).  import_mapping remembers
-- the columns a user chose for a set of headers.
CREATE TABLE import_batch (
  id            TEXT PRIMARY KEY,
  office_id     TEXT REFERENCES office (id),
  file_name     TEXT NOT NULL,
  file_sha256   TEXT NOT NULL,
  n_rows        INTEGER NOT NULL DEFAULT 0,
  n_imported    INTEGER NOT NULL DEFAULT 0,
  n_duplicates  INTEGER NOT NULL DEFAULT 0,
  n_errors      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL REFERENCES app_user (id),
  undone_at     TEXT,
  undone_by     TEXT REFERENCES app_user (id)
);
CREATE INDEX import_batch_sha256 ON import_batch (file_sha256);

CREATE TABLE import_batch_record (
  batch_id        TEXT NOT NULL REFERENCES import_batch (id),
  beneficiary_id  TEXT NOT NULL REFERENCES beneficiary (id),
  row_number      INTEGER NOT NULL,
  PRIMARY KEY (batch_id, beneficiary_id)
);

CREATE TABLE import_mapping (
  headers_key  TEXT PRIMARY KEY,
  mapping      TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT REFERENCES app_user (id)
);
