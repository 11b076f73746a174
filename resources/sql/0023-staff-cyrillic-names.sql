-- Staff are named in Cyrillic on Tajik and Russian screens (issue 19): the
-- account keeps the Latin spelling it always had (full_name) and, where an
-- administrator has written it, the Cyrillic one.  NULL: none written yet;
-- the screens then show the Latin name.
ALTER TABLE app_user ADD COLUMN full_name_cyrillic TEXT
  CHECK (full_name_cyrillic IS NULL OR length (full_name_cyrillic) BETWEEN 1 AND 200);
