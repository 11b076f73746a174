-- The organisation on acts, receipts and referral slips (issue 14): its
-- name, and for each office the name and address printed under it, each
-- in Tajik, Russian and English.  The administrator fills them in
-- Preferences; HQ sends them to the offices with the other reference data.
--
-- One row per text: organisation.name.LANG, office.OFFICE_ID.name.LANG,
-- office.OFFICE_ID.address.LANG (LANG: tg, ru, en).  A text left empty has
-- no row.

CREATE TABLE setting (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT
);
