-- Grant and handover act numbers like case numbers (issue 14): the
-- office's code, G for a grant or A for an act, the year and a sequence
-- per office, kind and year: DST-G-2026-0042, DST-A-2026-0042.
--
-- Records made before this have no number of their own (a signed act may
-- not be changed, not even to number it): they keep the number they were
-- printed with, the first eight digits of their id in capitals, which the
-- store reads as coalesce (number, upper (substr (id, 1, 8))).
--
-- The counter lives in this database only, like the case number's.  When
-- a grant or an act arrives from another laptop of the same office, the
-- triggers below move the counter past its number, so that numbering
-- goes on from there.  Two laptops of one office that both number a grant
-- before either has received the other's can still give the same number
-- (README, "Offices and HQ"); the id tells the two apart.

ALTER TABLE reintegration_grant ADD COLUMN number TEXT;
ALTER TABLE handover ADD COLUMN number TEXT;
CREATE INDEX reintegration_grant_number ON reintegration_grant (number);
CREATE INDEX handover_number ON handover (number);

CREATE TABLE record_sequence (
  office_id  TEXT NOT NULL REFERENCES office (id),
  kind       TEXT NOT NULL CHECK (kind IN ('G', 'A')),
  year       INTEGER NOT NULL,
  last       INTEGER NOT NULL,
  PRIMARY KEY (office_id, kind, year)
);

CREATE TRIGGER reintegration_grant_number_counted AFTER INSERT ON reintegration_grant
WHEN NEW.number GLOB (SELECT code FROM office WHERE id = NEW.office_id) || '-G-[0-9][0-9][0-9][0-9]-[0-9]*'
BEGIN
  INSERT INTO record_sequence (office_id, kind, year, last)
  SELECT NEW.office_id, 'G', CAST (substr (NEW.number, length (code) + 4, 4) AS INTEGER),
         CAST (substr (NEW.number, length (code) + 9) AS INTEGER)
  FROM office WHERE id = NEW.office_id
  ON CONFLICT (office_id, kind, year) DO UPDATE SET last = max (last, excluded.last);
END;

CREATE TRIGGER handover_number_counted AFTER INSERT ON handover
WHEN NEW.number GLOB (SELECT code FROM office WHERE id = NEW.office_id) || '-A-[0-9][0-9][0-9][0-9]-[0-9]*'
BEGIN
  INSERT INTO record_sequence (office_id, kind, year, last)
  SELECT NEW.office_id, 'A', CAST (substr (NEW.number, length (code) + 4, 4) AS INTEGER),
         CAST (substr (NEW.number, length (code) + 9) AS INTEGER)
  FROM office WHERE id = NEW.office_id
  ON CONFLICT (office_id, kind, year) DO UPDATE SET last = max (last, excluded.last);
END;
