-- The order the Beneficiaries list opens in: newest registration first.
--
-- The list shows its first screen from a query with a LIMIT before it reads
-- the rest.  Without an index on the registration time SQLite had to sort
-- every beneficiary to find the newest hundred (about 0.1 s at 100,000,
-- over a second at a million, before the window could show anything); with
-- one it reads them off the end of the index.  The case number follows, as
-- in the list's ORDER BY, so that the index gives the whole order.
CREATE INDEX beneficiary_created ON beneficiary (created_at, case_number);

-- The same for a caseworker, who sees the beneficiaries of one office.  The
-- office's index of 0001 is the first column of this one: it is no longer
-- needed.
CREATE INDEX beneficiary_office_created ON beneficiary (office_id, created_at, case_number);
DROP INDEX beneficiary_office;
