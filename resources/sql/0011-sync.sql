-- Offices and HQ in step (issue 15, DESIGN §5a).
--
-- This installation's identity (one row at most; none in a database that
-- was never made the HQ hub or enrolled), the installations it exchanges
-- bundles with, the changes it has to send (the outbox), the stamp of the
-- last edit of each field (which of two edits of one field is kept), the
-- conflicts a supervisor reviews, and the audit rows received from the
-- offices with the chain heads they reported.  Private keys are not here:
-- they live in a file of their own next to the database, readable by its
-- owner only.

CREATE TABLE sync_installation (
  id          TEXT PRIMARY KEY,
  role        TEXT NOT NULL CHECK (role IN ('hq', 'office')),
  office_id   TEXT REFERENCES office (id),        -- NULL at HQ
  sign_pk     BLOB NOT NULL,                      -- Ed25519
  box_pk      BLOB NOT NULL,                      -- X25519
  created_at  TEXT NOT NULL
);

CREATE TABLE sync_peer (
  id                    TEXT PRIMARY KEY,
  role                  TEXT NOT NULL CHECK (role IN ('hq', 'office')),
  office_id             TEXT REFERENCES office (id),
  sign_pk               BLOB,                     -- NULL until its first bundle
  box_pk                BLOB,
  enrol_secret          BLOB,                     -- proves its first bundle
  enrolled_at           TEXT NOT NULL,
  last_bundle_sent      INTEGER NOT NULL DEFAULT 0,
  acked_seq             INTEGER NOT NULL DEFAULT 0,  -- our outbox, applied there
  applied_seq           INTEGER NOT NULL DEFAULT 0,  -- its outbox, applied here
  ack_told              INTEGER NOT NULL DEFAULT -1, -- applied_seq we last told it
  last_bundle_received  INTEGER NOT NULL DEFAULT 0,
  audit_acked           INTEGER NOT NULL DEFAULT 0,  -- our audit rows it holds
  audit_received        INTEGER NOT NULL DEFAULT 0,  -- its audit rows held here
  audit_ack_told        INTEGER NOT NULL DEFAULT 0,  -- audit_received we last told it
  audit_head_seq        INTEGER,                     -- its chain head, as reported
  audit_head_hash       TEXT,
  last_received_at      TEXT
);

-- One row per changed record: the origin installation, the stamp that
-- orders edits of one field, the office the record belongs to (NULL:
-- reference data, for everyone) and the columns as a GVariant
-- a(smvmv): name, value before, value after.
CREATE TABLE sync_outbox (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  origin  TEXT NOT NULL,
  stamp   TEXT NOT NULL,
  route   TEXT,
  tbl     TEXT NOT NULL,
  pk      TEXT NOT NULL,
  op      INTEGER NOT NULL,
  cols    BLOB NOT NULL
);

CREATE TABLE sync_field (
  tbl    TEXT NOT NULL,
  pk     TEXT NOT NULL,
  col    TEXT NOT NULL,
  stamp  TEXT NOT NULL,
  PRIMARY KEY (tbl, pk, col)
) WITHOUT ROWID;

-- Two edits of one field: the value kept and the one a supervisor may
-- restore.  Values keep their SQL type (no declared type).
CREATE TABLE sync_conflict (
  id           TEXT PRIMARY KEY,
  tbl          TEXT NOT NULL,
  pk           TEXT NOT NULL,
  col          TEXT NOT NULL,
  kept_value,
  lost_value,
  kept_stamp   TEXT,
  lost_stamp   TEXT,
  lost_origin  TEXT,
  rule         TEXT NOT NULL CHECK (rule IN ('later-edit', 'workflow', 'archive-vs-edit', 'refused')),
  detected_at  TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept', 'restored')),
  resolved_by  TEXT,
  resolved_at  TEXT
);
CREATE INDEX sync_conflict_status ON sync_conflict (status, detected_at);

-- The audit rows of other installations, each origin its own chain
CREATE TABLE audit_received (
  origin     TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  at         TEXT NOT NULL,
  user_id    TEXT,
  username   TEXT NOT NULL,
  action     TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  TEXT,
  changes    TEXT,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL,
  PRIMARY KEY (origin, seq)
) WITHOUT ROWID;
