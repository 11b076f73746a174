#!/usr/bin/python3
# test-layers.py — the layers of DESIGN §3 hold, and only the product ships
#
# Usage: test-layers.py SOURCE_ROOT HAMROH_CLI
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys

root, cli = sys.argv[1], sys.argv[2]
results = []


def check(name, problems):
    results.append((name, problems))


def sources(folder, exts=(".c", ".h")):
    for base, _dirs, files in os.walk(os.path.join(root, folder)):
        for f in sorted(files):
            if f.endswith(exts):
                path = os.path.join(base, f)
                with open(path, encoding="utf-8") as fh:
                    yield os.path.relpath(path, root), fh.read()


# The core never includes GTK or libadwaita
check("/layers/core-never-includes-gtk",
      [p for p, text in sources("src/core")
       if re.search(r'#include\s*<(gtk|adwaita|gdk)', text)])

# Views learn of changes from the store, not from the window: only the
# window itself and the application include its header
allowed = re.compile(r'src/gui/(hmr-window[^/]*\.[ch]|hmr-application\.c|main\.c)$')
check("/layers/only-window-and-application-include-the-window",
      [p for p, text in sources("src/gui")
       if '#include "hmr-window.h"' in text and not allowed.search(p)])

# Only the store speaks SQL
sql = re.compile(r'"(SELECT|INSERT|UPDATE|DELETE) ')
check("/layers/only-the-store-speaks-sql",
      [p for folder in ("src/gui", "src/cli") for p, text in sources(folder) if sql.search(text)])

# No GUI file opens a database of its own: threads get their connection
# from the window's store (hmr_store_open_sibling, the context, a worker)
check("/layers/gui-opens-no-store-but-the-application",
      [p for p, text in sources("src/gui")
       if "hmr_store_open (" in text and not p.endswith("hmr-application.c")])

# The installed hamroh-cli has no benchmark command
helptext = subprocess.run([cli, "--help"], capture_output=True, text=True)
problems = []
if "bench" in (helptext.stdout + helptext.stderr):
    problems.append("hamroh-cli --help names a benchmark command")
for command in ("bench-fill-ledger", "bench-export-ledger"):
    run = subprocess.run([cli, "--database", "/nonexistent/x.sqlite3", command],
                         capture_output=True, text=True)
    if run.returncode != 2:
        problems.append(f"hamroh-cli {command} exits {run.returncode}, not 2 (unknown command)")
check("/layers/installed-cli-has-no-benchmark-command", problems)

print(f"1..{len(results)}")
failed = 0
for i, (name, problems) in enumerate(results, 1):
    if problems:
        failed += 1
        print(f"not ok {i} {name}")
        for p in problems:
            print(f"# {p}")
    else:
        print(f"ok {i} {name}")
sys.exit(1 if failed else 0)
