#!/usr/bin/python3
# test-today-lists.py — a caseworker opens a long Today list in full, end
# to end
#
# Drives the real `hamroh` binary over AT-SPI, as test-register.py does
# (and with its helpers): a demo database in which the caseworker has more
# follow-ups due than Today lays out, a log-in, the "And N more" row under
# the list and "Show All" by its heading, which opens the whole list in its
# own window, counted in its title.
#
# Usage: test-today-lists.py HAMROH HAMROH_CLI
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import importlib.util
import os
import re
import sqlite3
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("journeys", os.path.join(HERE, "test-register.py"))
J = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(J)

EXTRA = 30          # follow-ups added, due today: more than the 25 Today lays out


def add_due_follow_ups(path, username):
    """Planned phone calls due today for the caseworker's own people, as
    the follow-up dialog would have written them."""
    today = datetime.date.today().isoformat()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000000Z")
    db = sqlite3.connect(path)
    try:
        user_id, office_id = db.execute("SELECT id, office_id FROM app_user WHERE username = ?",
                                        (username,)).fetchone()
        cases = db.execute("SELECT c.id, c.beneficiary_id FROM case_file c "
                           "JOIN beneficiary b ON b.id = c.beneficiary_id "
                           "WHERE c.office_id = ? AND c.deleted_at IS NULL AND b.deleted_at IS NULL",
                           (office_id,)).fetchall()
        if not cases:
            raise J.Failure("the demo caseworker's office has no cases")
        for i in range(EXTRA):
            case_id, beneficiary_id = cases[i % len(cases)]
            db.execute("INSERT INTO follow_up (id, office_id, beneficiary_id, case_id, kind, status, "
                       "assigned_to, due_on, created_at, created_by, updated_at, updated_by) "
                       "VALUES (?, ?, ?, ?, 'phone', 'planned', ?, ?, ?, ?, ?, ?)",
                       (str(uuid.uuid4()), office_id, beneficiary_id, case_id, user_id, today,
                        now, user_id, now, user_id))
        db.commit()
    finally:
        db.close()


def journey(user, password):
    J.FOCUS = J.FocusTracker()
    J.APP = app = J.wait_for("Hamroh on the accessibility bus", lambda: J.application("hamroh"))

    login = J.wait_for("the login window", lambda: J.window(app, "Log In — Hamroh"))
    J.set_text(J.wait_for("the user name field", lambda: J.find(login, "text", "User name")), user)
    J.set_text(J.find(login, "text", "Password"), password)
    J.press(J.find(login, "push button", "Log In"))
    J.log("logging in")

    main_window = J.wait_for("the main window", lambda: J.window(app, "Hamroh"), timeout=60)
    pattern = re.compile(r"^Follow-ups due \((\d+)\)$")
    label = J.wait_for("the heading “Follow-ups due (N)”",
                       lambda: J.find(main_window, "label", match=lambda n: pattern.match(J.name(n) or "")),
                       timeout=60)
    heading = J.name(label)
    total = int(pattern.match(heading).group(1))
    if total < EXTRA:
        raise J.Failure(f"“{heading}”: the {EXTRA} follow-ups added are not all there")
    more_text = f"And {total - 25} more"
    more = J.wait_for(f"the row “{more_text}”", lambda: J.find(main_window, "label", more_text))
    J.log(f"Today shows “{heading}” and “{more_text}”")
    # GTK 4.8 puts the button's own text after its accessible label
    show_all = J.wait_for("the list's “Show All” button",
                          lambda: J.find(main_window, "push button",
                                         match=lambda n: (J.name(n) or "").startswith(
                                             "Show the whole list: Follow-ups due")))
    J.press(show_all)

    whole = J.wait_for("the whole list's window", lambda: J.window(app, "Follow-ups due"))
    rows = f"{total} rows"
    J.wait_for(f"“{rows}” in its title", lambda: J.find(whole, "label", rows))
    J.log(f"the whole list: {rows}")


if __name__ == "__main__":
    sys.exit(J.run_journey(sys.argv, "test-today-lists.py", "/e2e/today/and-more-opens-the-whole-list", journey, prepare=add_due_follow_ups))
