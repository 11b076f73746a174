-- What the Sync area shows (issue 16): when a bundle was last written for
-- each installation, and who made an edit a merge set aside (the audit
-- rows received, found by their record).

ALTER TABLE sync_peer ADD COLUMN last_sent_at TEXT;

CREATE INDEX audit_received_entity ON audit_received (origin, entity_id);
CREATE INDEX audit_log_entity_id ON audit_log (entity_id);
