-- Search by the variant keys too (hmr-name-key.c): Чураев, Джураев and
-- Ҷӯраев, Насыров and Насиров, Jo'rayev and Juraev find each other.  The
-- index gets a second column, "variants"; the exact keys stay in "keys" so
-- that the exact spelling can be ranked first.  The duplicate check
-- compares the variant key of the family and given name.  The keys are
-- rebuilt, since the exact ones changed too (Uzbek oʻ is Tajik ӯ).

DROP TRIGGER beneficiary_search_insert;
DROP TRIGGER beneficiary_search_update;
DROP TABLE beneficiary_search;

CREATE VIRTUAL TABLE beneficiary_search USING fts5 (
  keys,
  variants,
  content = '',
  tokenize = 'unicode61'
);

ALTER TABLE beneficiary ADD COLUMN name_variant_key TEXT;
CREATE INDEX beneficiary_name_variant_key ON beneficiary (name_variant_key);

CREATE TRIGGER beneficiary_search_insert AFTER INSERT ON beneficiary BEGIN
  INSERT INTO beneficiary_search (rowid, keys, variants)
  VALUES (new.rowid,
          hmr_search_keys (new.family_name, new.given_name, new.patronymic,
                           new.family_name_latin, new.given_name_latin, new.patronymic_latin,
                           new.case_number, new.phone, new.phone_alt, new.village),
          hmr_search_variants (new.family_name, new.given_name, new.patronymic,
                               new.family_name_latin, new.given_name_latin, new.patronymic_latin,
                               new.case_number, new.phone, new.phone_alt, new.village));
  UPDATE beneficiary SET name_key = hmr_name_key (new.family_name || ' ' || new.given_name),
                         name_variant_key = hmr_name_variant_key (new.family_name || ' ' || new.given_name)
  WHERE rowid = new.rowid;
END;

CREATE TRIGGER beneficiary_search_update
AFTER UPDATE OF family_name, given_name, patronymic, family_name_latin, given_name_latin,
                patronymic_latin, case_number, phone, phone_alt, village ON beneficiary BEGIN
  INSERT INTO beneficiary_search (beneficiary_search, rowid, keys, variants)
  VALUES ('delete', old.rowid,
          hmr_search_keys (old.family_name, old.given_name, old.patronymic,
                           old.family_name_latin, old.given_name_latin, old.patronymic_latin,
                           old.case_number, old.phone, old.phone_alt, old.village),
          hmr_search_variants (old.family_name, old.given_name, old.patronymic,
                               old.family_name_latin, old.given_name_latin, old.patronymic_latin,
                               old.case_number, old.phone, old.phone_alt, old.village));
  INSERT INTO beneficiary_search (rowid, keys, variants)
  VALUES (new.rowid,
          hmr_search_keys (new.family_name, new.given_name, new.patronymic,
                           new.family_name_latin, new.given_name_latin, new.patronymic_latin,
                           new.case_number, new.phone, new.phone_alt, new.village),
          hmr_search_variants (new.family_name, new.given_name, new.patronymic,
                               new.family_name_latin, new.given_name_latin, new.patronymic_latin,
                               new.case_number, new.phone, new.phone_alt, new.village));
  UPDATE beneficiary SET name_key = hmr_name_key (new.family_name || ' ' || new.given_name),
                         name_variant_key = hmr_name_variant_key (new.family_name || ' ' || new.given_name)
  WHERE rowid = new.rowid;
END;

INSERT INTO beneficiary_search (rowid, keys, variants)
SELECT rowid,
       hmr_search_keys (family_name, given_name, patronymic, family_name_latin,
                        given_name_latin, patronymic_latin, case_number, phone,
                        phone_alt, village),
       hmr_search_variants (family_name, given_name, patronymic, family_name_latin,
                            given_name_latin, patronymic_latin, case_number, phone,
                            phone_alt, village)
FROM beneficiary;
UPDATE beneficiary SET name_key = hmr_name_key (family_name || ' ' || given_name),
                       name_variant_key = hmr_name_variant_key (family_name || ' ' || given_name);
