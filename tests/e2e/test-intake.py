#!/usr/bin/python3
# test-intake.py — a caseworker records a returnee's intake, end to end:
# registers the person, refers them to legal aid on their re-entry ban,
# records the court's ban (ending in six weeks, linked to that referral)
# and a migration episode, and finds the person on Today under the bans
# that end within 90 days.
#
# Drives the real `hamroh` binary over AT-SPI, as test-register.py does
# (and with its helpers): only the window is used, nothing is written to
# the database behind its back.
#
# Usage: test-intake.py HAMROH HAMROH_CLI
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("journeys", os.path.join(HERE, "test-register.py"))
J = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(J)

FAMILY = "Қодиров"
GIVEN = "Ҷамшед"
PATRONYMIC = "Ғафурович"
BIRTH_DATE = "02.05.1988"
COURT_NUMBER = "2-1187/2025"


def dmy(day):
    return day.strftime("%d.%m.%Y")


def button(root, label):
    """A push button by its label; GTK 4.8 names some buttons with their
    mnemonic and label both ("_Save Save"), which this also accepts."""
    def matches(node):
        text = (J.name(node) or "").replace("_", "")
        return text == label or text.startswith(label + " ")
    return J.find(root, "push button", match=matches)


def other_window(app, known):
    for frame in J.children(app):
        if J.name(frame) not in known:
            return frame
    return None


def choose_second(form, combo_name, first):
    """Picks the choice after @first (as "None yet") in a combo row, with
    the keyboard: the one choice whose label the test cannot know."""
    def on_combo():
        f = J.focused(form)
        return f is not None and J.role(f) == "combo box" and J.name(f) == combo_name

    for _ in range(60):
        if on_combo():
            break
        J.key(J.KEY_TAB)
    else:
        raise J.Failure(f"Tab never reached “{combo_name}”")
    combo = J.focused(form)
    J.key(J.KEY_RETURN)
    J.key(J.KEY_HOME)
    J.key(J.KEY_DOWN)
    J.key(J.KEY_RETURN)
    J.wait_for(f"“{combo_name}” to show something else than “{first}”",
               lambda: J.find(combo, "label", first) is None or None)


def register(main_window):
    J.click(J.wait_for("the Beneficiaries area", lambda: J.find(main_window, "label", "Beneficiaries")))
    J.press(J.wait_for("the Register button", lambda: button(main_window, "Register")))
    form = J.wait_for("the registration form", lambda: J.window(J.APP, "Register Beneficiary"))
    J.move_pointer_into(form)
    J.set_text(J.wait_for("Family name", lambda: J.find(form, "text", "Family name")), FAMILY)
    J.set_text(J.find(form, "text", "Given name"), GIVEN)
    J.set_text(J.find(form, "text", "Patronymic"), PATRONYMIC)
    J.set_text(J.find(form, "text", "Date of birth"), BIRTH_DATE)
    J.choose(form, "Sex", "Male")
    J.choose(form, "Category", "Returned migrant")
    J.press(button(form, "Save"))
    J.wait_for("the form to close", lambda: J.window(J.APP, "Register Beneficiary") is None or None)
    J.log("registered")


def open_case_file(main_window):
    J.set_text(J.wait_for("the search field", lambda: J.find(main_window, "entry", "Search beneficiaries")),
               FAMILY)
    full_name = f"{FAMILY} {GIVEN} {PATRONYMIC}"
    cell = J.wait_for(f"“{full_name}” in the list",
                      lambda: J.find(main_window, "label",
                                     match=lambda n: (J.name(n) or "").startswith(full_name)))
    extents = J.Atspi.Component.get_extents(cell, J.Atspi.CoordType.SCREEN)
    J.Atspi.generate_mouse_event(extents.x + extents.width // 2, extents.y + extents.height // 2, "b1d")
    J.wait_for("the case file", lambda: J.find(main_window, "heading", f"{FAMILY} {GIVEN} {PATRONYMIC}"))
    J.log("case file open")


def refer_to_legal_aid(main_window):
    J.press(J.wait_for("Refer…", lambda: button(main_window, "Refer…")))
    dialog = J.wait_for("the referral dialog", lambda: other_window(J.APP, ("Hamroh",)))
    J.move_pointer_into(dialog)
    J.wait_for("the service “Legal aid on the re-entry ban”",
               lambda: J.find(dialog, "label", "Legal aid on the re-entry ban"))
    J.set_text(J.wait_for("Reason", lambda: J.find(dialog, "text", "Reason")),
               "Суд барои 5 сол манъи вуруд гузоштааст; шикоят то мӯҳлат")
    consent = J.wait_for("the consent switch",
                         lambda: J.find(dialog, "check box",
                                        match=lambda n: (J.name(n) or "").startswith("The beneficiary consented")))
    J.press(consent)
    J.wait_for("consent switched on", lambda: J.has_state(consent, J.Atspi.StateType.CHECKED) or None)
    J.press(J.wait_for("Send", lambda: button(dialog, "Send")))
    J.wait_for("the referral sent", lambda: J.find(dialog, "label", "Sent"))
    J.press(button(dialog, "Close"))
    J.wait_for("the referral dialog to close", lambda: other_window(J.APP, ("Hamroh",)) is None or None)
    J.log("referred to legal aid")


def record_ban(main_window, today):
    J.press(J.wait_for("Re-entry Ban", lambda: button(main_window, "Re-entry Ban")))
    dialog = J.wait_for("the ban dialog", lambda: J.window(J.APP, "Re-entry Ban"))
    J.move_pointer_into(dialog)
    J.wait_for("“Has a re-entry ban”", lambda: J.find(dialog, "label", "Has a re-entry ban"))
    J.choose(dialog, "Imposed by", "Court decision")
    J.set_text(J.wait_for("the court decision number",
                          lambda: J.find(dialog, "text", "Court decision number")), COURT_NUMBER)
    J.set_text(J.find(dialog, "text", "Date of the court decision (day.month.year)"),
               dmy(today - datetime.timedelta(days=1800)))
    J.set_text(J.find(dialog, "text", "Start of the ban (day.month.year)"),
               dmy(today - datetime.timedelta(days=1780)))
    J.set_text(J.find(dialog, "text", "End of the ban (day.month.year)"),
               dmy(today + datetime.timedelta(days=42)))
    choose_second(dialog, "Legal-aid referral", "None yet")
    J.press(button(dialog, "Save"))
    J.wait_for("the ban dialog to close", lambda: J.window(J.APP, "Re-entry Ban") is None or None)
    J.wait_for("“Linked to the ban” on the case file", lambda: J.find(main_window, "label", "Linked to the ban"))
    J.log("ban recorded")


def add_episode(main_window, today):
    J.press(J.wait_for("Add Episode", lambda: button(main_window, "Add Episode")))
    dialog = J.wait_for("the migration dialog", lambda: J.window(J.APP, "Add Migration Episode"))
    J.move_pointer_into(dialog)
    J.choose(dialog, "Country", "Russia")
    J.set_text(J.wait_for("Departure", lambda: J.find(dialog, "text", "Departure (day.month.year)")),
               dmy(today - datetime.timedelta(days=3000)))
    J.set_text(J.find(dialog, "text", "Return (day.month.year)"), dmy(today - datetime.timedelta(days=1850)))
    J.choose(dialog, "Sector", "Construction")
    J.press(button(dialog, "Save"))
    J.wait_for("the migration dialog to close",
               lambda: J.window(J.APP, "Add Migration Episode") is None or None)
    J.wait_for("Russia on the case file",
               lambda: J.find(main_window, "label", match=lambda n: "Russia" in (J.name(n) or "")))
    J.log("migration episode added")


def find_on_today(main_window):
    J.click(J.wait_for("the Today area", lambda: J.find(main_window, "label", "Today")))
    heading = J.wait_for("the heading “Re-entry bans ending within 90 days”",
                         lambda: J.find(main_window, "label",
                                        match=lambda n: (J.name(n) or "").startswith(
                                            "Re-entry bans ending within 90 days")))
    J.wait_for(f"{FAMILY} {GIVEN} on Today",
               lambda: J.find(main_window, "label",
                              match=lambda n: f"{FAMILY} {GIVEN}" in (J.name(n) or "")))
    J.log(f"Today: “{J.name(heading)}” lists {FAMILY} {GIVEN}")


def journey(user, password):
    today = datetime.date.today()

    J.FOCUS = J.FocusTracker()
    J.APP = app = J.wait_for("Hamroh on the accessibility bus", lambda: J.application("hamroh"))
    login = J.wait_for("the login window", lambda: J.window(app, "Log In — Hamroh"))
    J.set_text(J.wait_for("the user name field", lambda: J.find(login, "text", "User name")), user)
    J.set_text(J.find(login, "text", "Password"), password)
    J.press(J.find(login, "push button", "Log In"))
    J.log("logging in")
    main_window = J.wait_for("the main window", lambda: J.window(app, "Hamroh"), timeout=2 * J.TIMEOUT)

    register(main_window)
    open_case_file(main_window)
    refer_to_legal_aid(main_window)
    record_ban(main_window, today)
    add_episode(main_window, today)
    find_on_today(main_window)


if __name__ == "__main__":
    sys.exit(J.run_journey(sys.argv, "test-intake.py", "/e2e/intake/ban-referred-and-ending-soon-on-today", journey))
