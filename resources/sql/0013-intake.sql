-- The intake written in the window: the date of a re-entry ban's appeal
-- (filed, lifted, upheld, amnesty), and the reason for a person's risk
-- level, which the caseworker gives with it.  (Bans ending soon are read
-- off reentry_ban_end of 0006.)
ALTER TABLE reentry_ban ADD COLUMN appeal_date TEXT;
ALTER TABLE beneficiary ADD COLUMN risk_reason TEXT;
