-- Guards: what the role table protects cannot be changed behind Hamroh's
-- back.  Every connection Hamroh opens registers the SQL function
-- hmr_write_allowed() (hmr-store.c); a plain sqlite3 shell does not have
-- it, so any write below fails there with "no such function:
-- hmr_write_allowed" and nothing is changed.  The records themselves, the
-- users (their role, office, lockout and password) and the audit log are
-- written through the store only, which checks the role and writes the
-- audit row.  What this does and does not protect against: see README,
-- "What the database file protects".

CREATE TRIGGER guard_beneficiary_insert BEFORE INSERT ON beneficiary
WHEN hmr_write_allowed () IS NOT 1 BEGIN
  SELECT RAISE (ABORT, 'beneficiary is changed through Hamroh only');
END;

CREATE TRIGGER guard_beneficiary_update BEFORE UPDATE ON beneficiary
WHEN hmr_write_allowed () IS NOT 1 BEGIN
  SELECT RAISE (ABORT, 'beneficiary is changed through Hamroh only');
END;

CREATE TRIGGER guard_beneficiary_delete BEFORE DELETE ON beneficiary
WHEN hmr_write_allowed () IS NOT 1 BEGIN
  SELECT RAISE (ABORT, 'beneficiary is changed through Hamroh only');
END;

CREATE TRIGGER guard_case_file_insert BEFORE INSERT ON case_file
WHEN hmr_write_allowed () IS NOT 1 BEGIN
  SELECT RAISE (ABORT, 'case_file is changed through Hamroh only');
END;

CREATE TRIGGER guard_case_file_update BEFORE UPDATE ON case_file
WHEN hmr_write_allowed () IS NOT 1 BEGIN
  SELECT RAISE (ABORT, 'case_file is changed through Hamroh only');
END;

CREATE TRIGGER guard_case_file_delete BEFORE DELETE ON case_file
WHEN hmr_write_allowed () IS NOT 1 BEGIN
  SELECT RAISE (ABORT, 'case_file is changed through Hamroh only');
END;

CREATE TRIGGER guard_app_user_insert BEFORE INSERT ON app_user
WHEN hmr_write_allowed () IS NOT 1 BEGIN
  SELECT RAISE (ABORT, 'app_user is changed through Hamroh only');
END;

CREATE TRIGGER guard_app_user_update BEFORE UPDATE ON app_user
WHEN hmr_write_allowed () IS NOT 1 BEGIN
  SELECT RAISE (ABORT, 'app_user is changed through Hamroh only');
END;

CREATE TRIGGER guard_app_user_delete BEFORE DELETE ON app_user
WHEN hmr_write_allowed () IS NOT 1 BEGIN
  SELECT RAISE (ABORT, 'app_user is changed through Hamroh only');
END;

CREATE TRIGGER guard_audit_log_insert BEFORE INSERT ON audit_log
WHEN hmr_write_allowed () IS NOT 1 BEGIN
  SELECT RAISE (ABORT, 'audit_log is changed through Hamroh only');
END;

CREATE TRIGGER guard_audit_log_update BEFORE UPDATE ON audit_log
WHEN hmr_write_allowed () IS NOT 1 BEGIN
  SELECT RAISE (ABORT, 'audit_log is changed through Hamroh only');
END;

CREATE TRIGGER guard_audit_log_delete BEFORE DELETE ON audit_log
WHEN hmr_write_allowed () IS NOT 1 BEGIN
  SELECT RAISE (ABORT, 'audit_log is changed through Hamroh only');
END;
