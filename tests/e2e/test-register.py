#!/usr/bin/python3
# test-register.py — a caseworker registers a returnee, end to end
#
# Drives the real `hamroh` binary over AT-SPI, as a screen reader would:
# creates a demo database with hamroh-cli, logs in as its caseworker,
# registers a person with Tajik letters in the name, and finds them again
# with the search field.
#
# Usage: test-register.py HAMROH HAMROH_CLI
#
# Runs inside the session bus of `dbus-run-session` and the X server of
# `xvfb-run` (see `make test`); the accessibility bus is started on demand
# by D-Bus activation of org.a11y.Bus.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile
import time
import warnings

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, Gio, GLib  # noqa: E402

# Seconds for any one step: generous, since a loaded machine (a CI box
# building other things) can take long; a passing run never waits for it
TIMEOUT = float(os.environ.get("HAMROH_E2E_TIMEOUT", "120"))
POLL = 0.1          # seconds between looks at the accessible tree

FAMILY = "Ҷӯраев"
GIVEN = "Ғайрат"
PATRONYMIC = "Қурбонович"
BIRTH_DATE = "21.03.1990"

KEY_TAB = 0xff09
KEY_RETURN = 0xff0d
KEY_DOWN = 0xff54
KEY_UP = 0xff52
KEY_HOME = 0xff50
KEY_ESCAPE = 0xff1b


START = time.monotonic()


def log(message):
    print(f"# {time.monotonic() - START:5.1f}s {message}", flush=True)


class Failure(Exception):
    pass


# ---- the accessible tree ------------------------------------------------


def children(node):
    try:
        n = node.get_child_count()
    except GLib.Error:
        return
    for i in range(n):
        try:
            child = node.get_child_at_index(i)
        except GLib.Error:
            continue
        if child is not None:
            yield child


def walk(node):
    yield node
    for child in children(node):
        yield from walk(child)


def role(node):
    try:
        return node.get_role_name()
    except GLib.Error:
        return None


def name(node):
    try:
        return node.get_name()
    except GLib.Error:
        return None


def has_state(node, state):
    try:
        return node.get_state_set().contains(state)
    except GLib.Error:
        return False


def find(root, want_role=None, want_name=None, match=None):
    for node in walk(root):
        if want_role is not None and role(node) != want_role:
            continue
        if want_name is not None and name(node) != want_name:
            continue
        if match is not None and not match(node):
            continue
        return node
    return None


def wait_for(what, look, timeout=TIMEOUT):
    """Polls look() until it returns something, or fails naming what."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = look()
        except GLib.Error:
            found = None
        if found:
            return found
        time.sleep(POLL)
    raise Failure(f"timed out waiting for {what}")


def application(app_name):
    desktop = Atspi.get_desktop(0)
    for app in children(desktop):
        if name(app) == app_name:
            return app
    return None


def window(app, title):
    for frame in children(app):
        if name(frame) == title:
            return frame
    return None


def set_text(node, text):
    try:
        done = Atspi.EditableText.set_text_contents(node, text)
    except (GLib.Error, TypeError):
        done = False
    if not done:
        raise Failure(f"could not type into “{name(node)}”")


def press(node):
    try:
        n = Atspi.Action.get_n_actions(node)
    except (GLib.Error, TypeError):
        n = 0
    if n == 0:
        raise Failure(f"“{name(node)}” cannot be pressed")
    for i in range(n):
        with warnings.catch_warnings():
            # Deprecated in 2.46 for a get_name that the bindings hide
            warnings.simplefilter("ignore", DeprecationWarning)
            action_name = Atspi.Action.get_action_name(node, i)
        if action_name in ("click", "activate", "press"):
            Atspi.Action.do_action(node, i)
            return
    Atspi.Action.do_action(node, 0)


class FocusTracker:
    """Follows focus events, cheaper than walking the tree after each key."""

    def __init__(self):
        self.node = None
        self.listener = Atspi.EventListener.new(self.on_event)
        self.listener.register("object:state-changed:focused")

    def on_event(self, event):
        if event.detail1 == 1:
            self.node = event.source

    def pump(self, seconds):
        context = GLib.MainContext.default()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            while context.pending():
                context.iteration(False)
            time.sleep(0.01)


FOCUS = None


def key(keysym):
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.PRESSRELEASE | Atspi.KeySynthType.SYM)
    FOCUS.pump(POLL)


def focused(root):
    node = FOCUS.node
    if node is not None and has_state(node, Atspi.StateType.FOCUSED):
        return node
    return find(root, match=lambda n: has_state(n, Atspi.StateType.FOCUSED))


def click(node):
    """A left click in the middle of @node, as a mouse user would."""
    extents = Atspi.Component.get_extents(node, Atspi.CoordType.SCREEN)
    Atspi.generate_mouse_event(extents.x + extents.width // 2, extents.y + extents.height // 2, "b1c")
    time.sleep(POLL)


# ---- the journey ----------------------------------------------------------


def make_database(cli, path):
    result = subprocess.run([cli, "--database", path, "demo", "--beneficiaries", "20"],
                            capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise Failure(f"hamroh-cli demo failed: {result.stderr.strip()}")
    for line in result.stdout.splitlines():
        m = re.match(r"^demo-user (\S+) (\S+) (\S+)$", line)
        if m and m.group(1) == "caseworker":
            return m.group(2), m.group(3)
    raise Failure("hamroh-cli demo printed no “demo-user caseworker USER PASSWORD” line")


def share_display_with_activated_services():
    """The session bus was started before the X server: services it starts
    on demand (the accessibility bus, the registry that synthesises key
    presses) need to know the display."""
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    env = {k: os.environ[k] for k in ("DISPLAY", "XAUTHORITY") if k in os.environ}
    bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                  "UpdateActivationEnvironment", GLib.Variant("(a{ss})", (env,)),
                  None, Gio.DBusCallFlags.NONE, -1, None)


def move_pointer_into(frame):
    """Without a window manager the keyboard goes where the pointer is."""
    x, y = 40, 40
    try:
        extents = Atspi.Component.get_extents(frame, Atspi.CoordType.SCREEN)
        x, y = extents.x + extents.width // 2, extents.y + extents.height // 2
    except (GLib.Error, TypeError):
        pass
    Atspi.generate_mouse_event(max(x, 1), max(y, 1), "abs")
    time.sleep(POLL)


def choose(form, combo_name, item):
    """Picks @item in a combo row with the keyboard, as a keyboard user would:
    Tab to the row, open it, walk the list, Enter."""
    def on_combo():
        f = focused(form)
        return f is not None and role(f) == "combo box" and name(f) == combo_name

    for _ in range(60):
        if on_combo():
            break
        key(KEY_TAB)
    else:
        raise Failure(f"Tab never reached “{combo_name}”")

    combo = focused(form)
    log(f"on “{combo_name}”")
    key(KEY_RETURN)                 # opens the list of choices
    key(KEY_HOME)
    for _ in range(40):
        f = wait_for("a focused choice", lambda: focused_anywhere())
        if name(f) == item or find(f, "label", item) is not None:
            key(KEY_RETURN)
            break
        key(KEY_DOWN)
    else:
        raise Failure(f"“{item}” is not among the choices of “{combo_name}”")
    wait_for(f"“{combo_name}” to show “{item}”",
             lambda: find(combo, "label", item))


APP = None


def focused_anywhere():
    for frame in children(APP):
        f = focused(frame)
        if f is not None and role(f) != "frame":
            return f
    return None


def run_journey(argv, script, test_name, journey, prepare=None):
    """The frame every journey shares: a demo database (prepare(path, user)
    may add to it), the real binary with AT-SPI on, journey(user, password)
    and one TAP line; the application's last lines when it fails."""
    if len(argv) != 3:
        print(f"usage: {script} HAMROH HAMROH_CLI", file=sys.stderr)
        return 2
    hamroh, cli = argv[1], argv[2]

    print("1..1", flush=True)
    with tempfile.TemporaryDirectory(prefix="hamroh-e2e-") as tmp:
        log_path = os.path.join(tmp, "hamroh.log")
        proc = None
        try:
            share_display_with_activated_services()
            db = os.path.join(tmp, "e2e.sqlite3")
            user, password = make_database(cli, db)
            if prepare is not None:
                prepare(db, user)
            log(f"demo database ready; caseworker {user}")

            env = dict(os.environ)
            env.pop("NO_AT_BRIDGE", None)       # AT-SPI must be on
            env.pop("GTK_A11Y", None)
            with open(log_path, "w") as app_log:
                proc = subprocess.Popen([hamroh, "--database", db], env=env,
                                        stdout=app_log, stderr=subprocess.STDOUT)
            journey(user, password)
            print(f"ok 1 {test_name}", flush=True)
            return 0
        except Failure as e:
            print(f"not ok 1 {test_name} # {e}", flush=True)
            if os.path.exists(log_path):
                with open(log_path) as f:
                    sys.stdout.write("".join("# " + line for line in f.readlines()[-40:]))
            return 1
        finally:
            if proc is not None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


def journey(user, password):
    global APP, FOCUS

    FOCUS = FocusTracker()
    APP = wait_for("Hamroh on the accessibility bus", lambda: application("hamroh"))

    # Log in
    login = wait_for("the login window", lambda: window(APP, "Log In — Hamroh"))
    set_text(wait_for("the user name field", lambda: find(login, "text", "User name")), user)
    set_text(find(login, "text", "Password"), password)
    press(find(login, "push button", "Log In"))
    log("logging in")

    main_window = wait_for("the main window", lambda: window(APP, "Hamroh"), timeout=2 * TIMEOUT)
    # A caseworker starts on Today: click Beneficiaries in the sidebar
    area = wait_for("the Beneficiaries area", lambda: find(main_window, "label", "Beneficiaries"))
    click(area)
    register = wait_for("the Register button", lambda: find(main_window, "push button", "Register"))

    # Register
    press(register)
    form = wait_for("the registration form", lambda: window(APP, "Register Beneficiary"))
    move_pointer_into(form)
    set_text(wait_for("Family name", lambda: find(form, "text", "Family name")), FAMILY)
    set_text(find(form, "text", "Given name"), GIVEN)
    set_text(find(form, "text", "Patronymic"), PATRONYMIC)
    set_text(find(form, "text", "Date of birth"), BIRTH_DATE)
    log("typed")
    choose(form, "Sex", "Male")
    choose(form, "Category", "Returned migrant")
    log("form filled")

    press(find(form, "push button", "Save"))
    wait_for("the form to close", lambda: window(APP, "Register Beneficiary") is None or None)
    log("saved")

    # Find them again
    search = wait_for("the search field", lambda: find(main_window, "entry", "Search beneficiaries"))
    set_text(search, FAMILY)
    full_name = f"{FAMILY} {GIVEN} {PATRONYMIC}"
    row = wait_for(f"“{full_name}” in the list",
                   lambda: find(main_window, "label", full_name))
    count = wait_for("the count of matches", lambda: find(main_window, "label", "1 match"))
    log(f"found “{full_name}”; {name(count)}")


if __name__ == "__main__":
    sys.exit(run_journey(sys.argv, "test-register.py", "/e2e/register/caseworker-registers-and-finds", journey))
