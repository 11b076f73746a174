-- Search across scripts.  hmr_search_keys() and hmr_name_key() are SQL
-- functions that Hamroh registers on every connection it opens (see
-- hmr-name-key.c): they fold Tajik Cyrillic and Latin passport spellings to
-- one key, so that "Rakhimov" finds "Раҳимов".  Change beneficiaries through
-- Hamroh only: a plain sqlite3 shell does not know these functions.

-- The words to search, folded; contentless, so it costs little space
CREATE VIRTUAL TABLE beneficiary_search USING fts5 (
  keys,
  content = '',
  tokenize = 'unicode61'
);

-- The folded family and given name, for the duplicate check
ALTER TABLE beneficiary ADD COLUMN name_key TEXT;
CREATE INDEX beneficiary_name_key ON beneficiary (name_key);

CREATE TRIGGER beneficiary_search_insert AFTER INSERT ON beneficiary BEGIN
  INSERT INTO beneficiary_search (rowid, keys)
  VALUES (new.rowid, hmr_search_keys (new.family_name, new.given_name, new.patronymic,
                                      new.family_name_latin, new.given_name_latin, new.patronymic_latin,
                                      new.case_number, new.phone, new.phone_alt, new.village));
  UPDATE beneficiary SET name_key = hmr_name_key (new.family_name || ' ' || new.given_name)
  WHERE rowid = new.rowid;
END;

CREATE TRIGGER beneficiary_search_update
AFTER UPDATE OF family_name, given_name, patronymic, family_name_latin, given_name_latin,
                patronymic_latin, case_number, phone, phone_alt, village ON beneficiary BEGIN
  INSERT INTO beneficiary_search (beneficiary_search, rowid, keys)
  VALUES ('delete', old.rowid, hmr_search_keys (old.family_name, old.given_name, old.patronymic,
                                                old.family_name_latin, old.given_name_latin, old.patronymic_latin,
                                                old.case_number, old.phone, old.phone_alt, old.village));
  INSERT INTO beneficiary_search (rowid, keys)
  VALUES (new.rowid, hmr_search_keys (new.family_name, new.given_name, new.patronymic,
                                      new.family_name_latin, new.given_name_latin, new.patronymic_latin,
                                      new.case_number, new.phone, new.phone_alt, new.village));
  UPDATE beneficiary SET name_key = hmr_name_key (new.family_name || ' ' || new.given_name)
  WHERE rowid = new.rowid;
END;

INSERT INTO beneficiary_search (rowid, keys)
SELECT rowid, hmr_search_keys (family_name, given_name, patronymic, family_name_latin,
                               given_name_latin, patronymic_latin, case_number, phone,
                               phone_alt, village)
FROM beneficiary;
UPDATE beneficiary SET name_key = hmr_name_key (family_name || ' ' || given_name);
