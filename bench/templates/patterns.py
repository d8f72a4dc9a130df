#!/usr/bin/env python3
"""Prints, one per line, the bundled rules' match patterns that POSIX extended regular
expressions (grep -E) can express, converted: (?:...) and (?<name>...) become plain groups;
a pattern with a look-around, a back-reference or \\A/\\z has no ERE form and is left out (grep
then does less work than the scan). Writes to stderr how many of how many were kept."""
import glob
import os
import re
import sys

import yaml

here = os.path.dirname(os.path.abspath(__file__))
kept = total = 0
for path in sorted(glob.glob(os.path.join(here, "..", "..", "templates", "rules", "**", "*.yaml"), recursive=True)):
    for rule in (yaml.safe_load(open(path)) or {}).get("rules") or []:
        total += 1
        rx = rule["match"]["regex"]
        for k, v in (rule.get("options") or {}).items():
            rx = rx.replace("${%s}" % k, str(v))
        if re.search(r"\(\?[=!]|\(\?<[=!]|\\k<|\\[Az]|\\[0-9]", rx):
            continue
        rx = re.sub(r"\(\?<\w+>", "(", rx).replace("(?:", "(")
        rx = rx.replace("\\d", "[0-9]").replace("\\t", "\t")
        rx = rx.replace("[^\\n]", ".").replace("\\n]", "]")  # grep reads lines: no newline to exclude
        print(rx)
        kept += 1
print("patterns: %d of %d rules have an ERE form" % (kept, total), file=sys.stderr)
