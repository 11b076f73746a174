#!/usr/bin/python3
# test-cli.py — hamroh-cli as a script sees it: commands, --help per
# command, global options before or after the command, exit status
# (0 success, 1 refused with one line on stderr, 2 usage).
#
# Usage: test-cli.py HAMROH_CLI
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import subprocess
import sys
import tempfile

CLI = sys.argv[1] if len(sys.argv) > 1 else None
results = []


def run(*args, **kw):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=300, **kw)


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def main():
    if CLI is None:
        print("usage: test-cli.py HAMROH_CLI", file=sys.stderr)
        return 2
    tmp = tempfile.mkdtemp(prefix="hamroh-cli-test-")
    db = os.path.join(tmp, "demo.sqlite")

    r = run("--help")
    check("/cli/help/lists-every-command",
          r.returncode == 0 and all(c in r.stdout for c in
                                    ["demo", "search QUERY", "export beneficiaries", "export referrals",
                                     "export grants", "export handovers", "today", "referral board",
                                     "referral slip ID", "act handover NUMBER", "act grant-receipt NUMBER",
                                     "audit verify", "check", "schema-version", "--password-file"]),
          r.stdout + r.stderr)

    r = run("export", "grants", "--help")
    check("/cli/help/per-command-shows-its-options-and-the-global-ones",
          r.returncode == 0 and "--district" in r.stdout and "--output" in r.stdout
          and "--user" in r.stdout and "--tranche" not in r.stdout, r.stdout + r.stderr)

    r = run("act", "grant-receipt", "-h")
    check("/cli/help/short-flag-after-a-two-word-command",
          r.returncode == 0 and "--tranche" in r.stdout, r.stdout + r.stderr)

    r = run("export", "--help")
    check("/cli/help/a-group-lists-its-commands",
          r.returncode == 0 and "export handovers" in r.stdout and "search" not in r.stdout,
          r.stdout + r.stderr)

    for name, args in [("no-command", []),
                       ("unknown-command", ["frobnicate"]),
                       ("unknown-global-option", ["--colour", "search", "x"]),
                       ("unknown-command-option", ["--database", db, "search", "x", "--colour"]),
                       ("export-without-kind", ["export"]),
                       ("unknown-export-kind", ["export", "budgets", "-o", "x.xlsx"]),
                       ("missing-argument", ["--database", db, "search"]),
                       ("extra-argument", ["--database", db, "check", "now"]),
                       ("demo-without-count", ["--database", db, "demo"]),
                       ("demo-with-a-word-for-count", ["--database", db, "demo", "--beneficiaries", "many"])]:
        r = run(*args)
        check(f"/cli/usage/{name}-exits-2", r.returncode == 2 and r.stderr.startswith("hamroh-cli: ")
              if args else r.returncode == 2, f"rc={r.returncode} {r.stderr}")
    check("/cli/usage/errors-before-the-database-is-made", not os.path.exists(db))

    for args in (["--password", "secret", "search", "x"], ["search", "x", "--password=secret"]):
        r = run("--database", db, *args)
        check("/cli/usage/password-on-the-command-line-refused",
              r.returncode == 2 and "--password-file" in r.stderr, f"rc={r.returncode} {r.stderr}")

    r = run("--database", db, "demo", "--beneficiaries", "6", "--seed", "3")
    users = {}
    for line in r.stdout.splitlines():
        parts = line.split(" ")
        if len(parts) == 4 and parts[0] == "demo-user":
            users.setdefault(parts[1], (parts[2], parts[3]))
    check("/cli/demo/prints-one-line-per-user",
          r.returncode == 0 and {"admin", "supervisor", "finance", "caseworker"} <= users.keys(),
          r.stdout + r.stderr)
    if r.returncode != 0:
        return report()

    def password_file(role):
        path = os.path.join(tmp, role + ".pw")
        with open(path, "w") as f:
            f.write(users[role][1] + "\n")
        return path

    sup, sup_pw = users["supervisor"][0], password_file("supervisor")
    fin, fin_pw = users["finance"][0], password_file("finance")

    r = run("--database", db, "demo", "--beneficiaries", "1")
    check("/cli/demo/refused-on-a-database-with-data",
          r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1, r.stderr)

    before = run("--database", db, "--user", sup, "--password-file", sup_pw, "search", "a")
    after = run("search", "a", "--database", db, "--user", sup, "--password-file", sup_pw)
    mixed = run("--database=" + db, "search", "--user", sup, "a", "--password-file=" + sup_pw)
    check("/cli/globals/before-or-after-the-command-give-the-same-rows",
          before.returncode == 0 and before.stdout.count("\n") > 0
          and before.stdout == after.stdout == mixed.stdout
          and all(len(line.split("\t")) == 4 for line in before.stdout.splitlines()),
          before.stdout + before.stderr + after.stderr + mixed.stderr)

    r = run("--database", db, "referral", "board", "--open", "--user", sup, "--password-file", sup_pw)
    check("/cli/referral-board/tsv-with-eleven-fields",
          r.returncode == 0 and all(len(line.split("\t")) == 11 for line in r.stdout.splitlines()),
          r.stdout + r.stderr)

    # A provider's name put in with a plain sqlite3 shell (the directory is
    # not guarded): tabs, a line break and a terminal escape in it
    con = sqlite3.connect(db)
    con.execute("UPDATE service_provider SET name = 'Hospital\tNo. 2\nDusti \x1b[2J\x1b]0;pwned\x07'")
    con.commit()
    con.close()
    r = run("--database", db, "referral", "board", "--open", "--user", sup, "--password-file", sup_pw)
    lines = r.stdout.splitlines()
    check("/cli/referral-board/control-characters-in-a-name-stay-in-their-field",
          r.returncode == 0 and len(lines) > 0 and all(len(line.split("\t")) == 11 for line in lines)
          and "\x1b" not in r.stdout and "\x07" not in r.stdout
          and any("Hospital No. 2 Dusti" in line for line in lines),
          r.stdout + r.stderr)

    r = run("--database", db, "search", "a")
    check("/cli/refused/without-a-user-one-line",
          r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1 and "--user" in r.stderr, r.stderr)

    out = os.path.join(tmp, "ledger.xlsx")
    cw, cw_pw = users["caseworker"][0], password_file("caseworker")
    r = run("--database", db, "export", "handovers", "-o", out, "--user", cw, "--password-file", cw_pw)
    check("/cli/refused/handovers-for-a-caseworker-one-line-naming-the-handovers",
          r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1 and "handovers" in r.stderr
          and not os.path.exists(out),
          f"rc={r.returncode} {r.stderr}")

    # supervisors export everything, the ledger and the handovers included
    r = run("--database", db, "export", "grants", "-o", out, "--user", sup, "--password-file", sup_pw)
    check("/cli/export/ledger-for-a-supervisor",
          r.returncode == 0 and os.path.getsize(out) > 0, f"rc={r.returncode} {r.stderr}")
    os.unlink(out)

    r = run("export", "grants", "--output", out, "--district", "Khorugh",
            "--database", db, "--user", fin, "--password-file", fin_pw)
    check("/cli/export/grants-writes-the-workbook",
          r.returncode == 0 and os.path.getsize(out) > 0, f"rc={r.returncode} {r.stderr}")

    r = run("--database", db, "export", "handovers", "--user", fin, "--password-file", fin_pw)
    check("/cli/usage/export-without-output-exits-2", r.returncode == 2, r.stderr)

    r = run("--database", db, "schema-version")
    check("/cli/schema-version/prints-a-number", r.returncode == 0 and r.stdout.strip().isdigit(), r.stdout)

    r = run("--database", db, "check")
    check("/cli/check/intact", r.returncode == 0 and r.stdout.strip() == "The database is intact.", r.stdout)

    # A mistyped path: an error naming it, and nothing made there
    mistyped = os.path.join(tmp, "mistyped", "x.sqlite3")
    for name, args in (("check", ["check"]), ("schema-version", ["schema-version"]),
                       ("search", ["search", "a", "--user", sup, "--password-file", sup_pw]),
                       ("audit-verify", ["audit", "verify", "--user", sup, "--password-file", sup_pw])):
        r = run("--database", mistyped, *args)
        check(f"/cli/{name}/missing-database-is-an-error-and-nothing-is-made",
              r.returncode == 1 and mistyped in r.stderr and len(r.stderr.strip().splitlines()) == 1
              and not os.path.exists(os.path.dirname(mistyped)),
              f"exit {r.returncode}: {r.stderr}")

    # A copy that others can read (from a USB stick, 0644) is made private
    os.chmod(db, 0o644)
    r = run("--database", db, "check")
    mode = os.stat(db).st_mode & 0o777
    check("/cli/database/copied-readable-by-others-is-made-private",
          r.returncode == 0 and mode == 0o600, f"exit {r.returncode}, mode {mode:o}: {r.stderr}")

    return report()


def report():
    print(f"1..{len(results)}")
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} {name}")
        if not ok:
            failed += 1
            for line in detail.splitlines():
                print(f"# {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
