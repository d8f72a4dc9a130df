"""Writes the bridge benchmark's inputs into a folder (deterministic, standard library only).

  small/   one short Python file (the fresh-process start-up case)
  scan/    a project of 60 Python files and a diagnostic index of 1,200 findings in 3 rules,
           plus an execution log with 600 failed commands (pattern_lab)
  diffs/   30 working-copy commits with 20 edits each and their before/ files (semi_fixers)
  viz/     one Python file of about 3,000 lines and a .oasm session of 500 lines (analysis_viz)
"""
import json
import os
import random
import sys

out = sys.argv[1]
rnd = random.Random(7)


def write(path, text):
    path = os.path.join(out, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def function(n, style, py2=True):
    v = "v%d" % n
    body = [
        "def f%d(%s, limit=%d):" % (n, v, n % 7 + 1),
        "    total = 0",
        "    for i in range(limit):",
        "        if i %% %d == 0:" % (n % 3 + 2),
        "            continue",
        "        total += i * %s" % v,
        "    try:",
        "        value = eval(str(total))" if style == 0 else "        value = old_sum(total, %d)" % n,
        "    except ValueError as e:",
        "        value = -1",
        "    os.system('echo %d')" % n if style == 1 else ("    print %s" if py2 else "    print(%s)") % v,
        "    while total > 100:",
        "        total //= 2",
        "    return value",
        "",
    ]
    return body


write("small/sample.py", "\n".join(["import os", ""] + function(1, 0, False) + function(2, 1, False)) + "\n")

# pattern_lab
diagnostics = []
for fno in range(60):
    lines = ["import os", ""]
    for k in range(16):
        lines += function(fno * 16 + k, (fno + k) % 3)
    name = "mod%02d.py" % fno
    write("scan/src/" + name, "\n".join(lines) + "\n")
    for ln, text in enumerate(lines, 1):
        if "eval(" in text:
            diagnostics.append({"rule_id": "python.no_eval", "severity": "warning", "file": name, "line": ln,
                                "column": text.index("eval") + 1,
                                "message": "call to eval() on '%s' is unsafe" % text.split("(", 1)[1][:-1]})
        if "os.system" in text:
            diagnostics.append({"rule_id": "python.shell", "severity": "error", "file": name, "line": ln,
                                "column": 5, "message": "os.system runs a shell with %s" % text.split("(", 1)[1][:-1]})
        if text.strip().startswith("print "):
            diagnostics.append({"rule_id": "python.print2", "severity": "info", "file": name, "line": ln,
                                "column": 5, "message": "print statement of %s (Python 2 syntax)" % text.split()[-1]})
while len(diagnostics) > 1200:
    diagnostics.pop()
write("scan/scan.json", json.dumps({
    "generated": "2026-01-01T00:00:00Z", "path": "src", "baseline": None, "files_scanned": 60,
    "diagnostics": diagnostics,
    "summary": {"errors": sum(d["severity"] == "error" for d in diagnostics),
                "warnings": sum(d["severity"] == "warning" for d in diagnostics),
                "infos": sum(d["severity"] == "info" for d in diagnostics)}}, indent=1) + "\n")
records = []
commands = ["cargo build --release", "ls /data/run%d", "pytest -q tests/test_%d.py", "make -C build%d", "nosuchtool --x %d"]
for i in range(600):
    c = commands[i % len(commands)]
    cmd = c % (i % 17) if "%d" in c else c
    records.append(json.dumps({"timestamp": "2026-01-01T00:00:%02d.000Z" % (i % 60), "run_id": "00000000-0000-4000-8000-%012d" % (i // 50),
                               "seq": i + 1, "actor": {"type": "Human", "username": "dev"}, "log_level": "Error",
                               "phase": "Execute", "status": "Failed", "duration_ms": 3, "scope": "Stage",
                               "start_seq": i, "parent_seq": 1, "exit_status": [101, 2, 1, 2, 127][i % 5],
                               "cwd": "/work/p", "command": cmd}))
write("scan/failures.log", "\n".join(records) + "\n")

# semi_fixers: 30 commits, each one file with 20 edits
for c in range(30):
    before, after = ["import os", ""], ["import os", ""]
    for k in range(10):
        n = c * 10 + k
        before += ["def g%d(x%d):" % (n, k), "    print x%d" % k, "    y = old_sum(x%d, %d)" % (k, n), "    return y", ""]
        after += ["def g%d(x%d):" % (n, k), "    print(x%d)" % k, "    y = new_sum(x%d, %d)" % (k, n), "    return y", ""]
    name = "lib%02d.py" % c
    write("diffs/wc_%02d/before/%s" % (c, name), "\n".join(before) + "\n")
    diff = ["--- a/" + name, "+++ b/" + name]
    for k in range(10):
        start = 3 + k * 5
        diff += ["@@ -%d,5 +%d,5 @@" % (start, start), " " + before[start - 1],
                 "-" + before[start], "-" + before[start + 1], "+" + after[start], "+" + after[start + 1],
                 " " + before[start + 2], " " + before[start + 3]]
    write("diffs/wc_%02d/change.diff" % c, "\n".join(diff) + "\n")

# analysis_viz
lines = ["import os", ""]
for n in range(215):
    lines += function(n, n % 3, py2=False)
write("viz/big.py", "\n".join(lines) + "\n")
session = []
for n in range(125):
    session += ["OUT%d=out%d.txt" % (n, n), "ls -l /tmp > $OUT%d && grep oasm < $OUT%d | sort > s%d.txt || echo none" % (n, n, n),
                "export MODE%d=fast" % n, "cat s%d.txt; echo $MODE%d" % (n, n)]
write("viz/session.oasm", "\n".join(session) + "\n")
