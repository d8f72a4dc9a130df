"""pattern_lab: groups diagnostics and failed command executions into clusters of the same
underlying problem, and suggests a project rule (YAML, for templates/rules/project/) for each
cluster, with the matches that motivated it.

Inputs (one or more files, recognised by content):
  * a diagnostic index, as `oasm scan --format json` writes it (schema diagnostic_index);
  * diagnostics as text, one per line: `file:line:col severity rule message` (the scan's text
    format) or `file:line:col: severity: message` (compilers and linters);
  * execution records, JSON Lines (logs/execution/{run_id}.log): the Failed ones are used.

Clustering is log-template mining: items with the same rule (or program and exit status) and
the same number of message tokens are merged when at least `threshold` of their tokens agree;
the tokens that differ become wildcards. A rule's regular expression is built from the source
lines the diagnostics point at (when they can be read) or from the command lines that failed:
the tokens every member shares, with the narrowest character class for what lies between them.
"""

import json
import os
import re

import _oasm

TEXT_LINE = re.compile(
    r"^(?P<file>[^:\s][^:]*):(?P<line>[0-9]+):(?:(?P<col>[0-9]+):?)?\s*"
    r"(?P<sev>error|warning|info|hint|note)(?P<colon>:)?\s+(?P<rest>.*)$")
MESSAGE_TOKEN = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`|\S+")
NUMBER = re.compile(r"(0x[0-9a-fA-F]+|[0-9]+([.:][0-9]+)*)[,.;:)]*\Z")
WILD = "<*>"
SEVERITIES = ["error", "warning", "info", "hint"]


# --- reading ---------------------------------------------------------------------------------

def load(path):
    """(diagnostics, records, base) read from one input file."""
    text = _oasm.read_text(path)
    name = os.path.basename(path)
    stripped = text.strip()
    if not stripped:
        return [], [], None
    if stripped[0] in "[{":
        try:
            doc = json.loads(stripped)
        except ValueError:
            doc = None
        if isinstance(doc, dict) and isinstance(doc.get("diagnostics"), list):
            return [diagnostic(d, name) for d in doc["diagnostics"]], [], doc.get("path")
        if isinstance(doc, list):
            return [diagnostic(d, name) for d in doc], [], None
        if isinstance(doc, dict) and "status" in doc:
            return [], failed_records([doc]), None
        if doc is None and stripped[0] == "{":
            rows = []
            for n, line in enumerate(stripped.splitlines(), 1):
                if line.strip():
                    try:
                        rows.append(json.loads(line))
                    except ValueError:
                        raise ValueError("%s: line %d: not JSON" % (name, n))
            if rows and all("status" in r for r in rows):
                return [], failed_records(rows), None
            if rows and all("rule_id" in r for r in rows):
                return [diagnostic(r, name) for r in rows], [], None
        raise ValueError(name + ": JSON that is neither a diagnostic index nor execution records")
    diags = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        m = TEXT_LINE.match(line)
        if not m:
            raise ValueError("%s: line %d: expected 'file:line:col severity rule message'" % (name, n))
        rest = m.group("rest")
        if m.group("colon"):
            rule, message = "external", rest
        else:
            rule, _, message = rest.partition(" ")
        sev = m.group("sev")
        diags.append({
            "rule": rule, "severity": "info" if sev == "note" else sev, "file": m.group("file"),
            "line": int(m.group("line")), "column": int(m.group("col")) if m.group("col") else None,
            "message": message.strip(),
        })
    return diags, [], None


def diagnostic(d, name):
    if not isinstance(d, dict) or "message" not in d or "file" not in d:
        raise ValueError(name + ": a diagnostic needs at least file and message")
    return {
        "rule": str(d.get("rule_id", d.get("rule", "external"))), "severity": str(d.get("severity", "warning")),
        "file": str(d["file"]), "line": int(d.get("line", 1)), "column": d.get("column"),
        "message": str(d["message"]),
    }


def failed_records(rows):
    failed = [r for r in rows if r.get("status") == "Failed" and r.get("scope") in ("Stage", "Command")
              and r.get("command")]
    parents = {(r.get("run_id"), r.get("parent_seq")) for r in failed if r.get("scope") == "Stage"}
    out = []
    for r in failed:
        if r.get("scope") == "Command" and (r.get("run_id"), r.get("start_seq")) in parents:
            continue  # its failing stages speak for it
        out.append({
            "command": r["command"], "exit_status": r.get("exit_status"), "cwd": r.get("cwd", ""),
            "run_id": r.get("run_id", ""), "seq": r.get("seq", 0), "scope": r.get("scope"),
        })
    return out


class Sources:
    """The source lines diagnostics point at, where the sandbox lets us read them."""

    def __init__(self, root):
        self.root = root
        self.files = {}

    def lines(self, file):
        if file not in self.files:
            path = file if os.path.isabs(file) or not self.root else os.path.join(self.root, file)
            try:
                text = _oasm.read_text(path)
                self.files[file] = (text, text.splitlines())
            except OSError:
                self.files[file] = ("", None)
        return self.files[file][1]

    def text(self, file):
        self.lines(file)
        return self.files[file][0]

    def line(self, file, number):
        lines = self.lines(file)
        if lines is None or not 1 <= number <= len(lines):
            return None
        return lines[number - 1]


# --- clustering ------------------------------------------------------------------------------

def message_tokens(message):
    out = []
    for t in MESSAGE_TOKEN.findall(message):
        if NUMBER.match(t):
            out.append("<NUM>")
        elif "/" in t and len(t) > 1 and t[0] not in "'\"`":
            out.append("<PATH>")
        else:
            out.append(t)
    return out


UNQUOTED = re.compile(r"[^'\"\\]*\Z")
SHELL_SPACE = re.compile(r"[ \t\r\n]+")


def command_words(command):
    """The words shlex.split finds. Without quotes or backslashes they are the runs between shlex's
    white space, which the regex engine finds much faster than shlex's character loop."""
    if UNQUOTED.match(command):
        return [w for w in SHELL_SPACE.split(command) if w]
    import shlex
    try:
        return shlex.split(command)
    except ValueError:
        return command.split()


def signature(item):
    if "command" in item:
        words = command_words(item["command"]) or [item["command"]]
        return ("failure", words[0], item.get("exit_status"), len(words)), words
    toks = message_tokens(item["message"])
    return ("diagnostic", item["rule"], len(toks)), toks


def cluster(diagnostics=None, records=None, threshold=0.5):
    """Clusters of diagnostics and failed records: [{kind, key, template, members}], largest first."""
    items = sorted(diagnostics or [], key=lambda d: (d["file"], d["line"], d.get("column") or 0, d["rule"]))
    items += sorted(records or [], key=lambda r: (str(r.get("run_id")), r.get("seq") or 0))
    groups = {}
    clusters = []
    for item in items:
        key, toks = signature(item)
        for c in groups.setdefault(key, []):
            same = sum(1 for a, b in zip(c["template"], toks) if a == b)
            if not toks or same / len(toks) >= threshold:
                c["template"] = [a if a == b else WILD for a, b in zip(c["template"], toks)]
                c["members"].append(item)
                break
        else:
            c = {"kind": key[0], "key": list(key[1:-1]), "template": list(toks), "members": [item]}
            groups[key].append(c)
            clusters.append(c)
    clusters.sort(key=lambda c: (-len(c["members"]), c["kind"], " ".join(c["template"])))
    for n, c in enumerate(clusters, 1):
        c["id"] = "c%02d" % n
        c["size"] = len(c["members"])
    return clusters


# --- rule suggestions ------------------------------------------------------------------------

def line_regex(lines):
    """A regex every line matches, from the tokens they share; None when they share no word."""
    stripped = [l.strip() for l in lines]
    constants, gaps = _oasm.template([_oasm.tokens(s) for s in stripped])
    first = next((k for k, t in enumerate(constants) if not t.isspace()), None)
    if first is None:
        return None
    last = max(k for k, t in enumerate(constants) if not t.isspace())
    parts = []
    for k in range(first, last + 1):
        if k > first:
            parts.append(_oasm.gap_pattern(gaps[k]))
        t = constants[k]
        if k == first and _oasm.WORD.match(t):
            parts.append("\\b")
        parts.append("[ \\t]+" if t.isspace() else _oasm.regex_escape(t))
    if not any(_oasm.WORD.match(t) and len(t) > 1 for t in constants[first:last + 1]):
        return None
    return "".join(parts)


def _quote(word):
    import shlex
    return shlex.quote(word)


def failure_regex(template):
    parts = ["(?m)^[ \\t]*"]
    for n, w in enumerate(template):
        if n:
            parts.append("[ \\t]+")
        parts.append("[^ \\t\\n]+" if w == WILD else _oasm.regex_escape(_quote(w) if " " in w else w))
    parts.append("(?=[ \\t;|&]|$)")
    return "".join(parts)


def quoted_constant(template):
    for t in template:
        if len(t) > 3 and t[0] in "'\"`" and t[-1] == t[0]:
            return _oasm.regex_escape(t[1:-1])
    return None


def suggest(c, sources):
    """The rule suggested for one cluster, or None, with how well it fits."""
    if c["kind"] == "failure":
        regex = failure_regex(c["template"])
        words = " ".join(w for w in c["template"] if w != WILD)
        return {
            "id": "project." + _oasm.slug(words),
            "languages": ["oasm", "shell"],
            "severity": "warning",
            "message": "`%s` failed %s with exit status %s" % (
                " ".join(c["template"]), "once" if c["size"] == 1 else "%d times" % c["size"], c["key"][1]),
            "regex": regex,
            "matches": c["size"],
            "evidence": ["%s  (run %s, seq %s, exit %s)" % (m["command"], m["run_id"][:8], m["seq"], m["exit_status"])
                         for m in c["members"]],
        }
    lines = [sources.line(m["file"], m["line"]) for m in c["members"]]
    known = [l for l in lines if l is not None and l.strip()]
    regex = line_regex(known) if len(known) == len(lines) and known else None
    if regex is None:
        regex = quoted_constant(c["template"])
    if regex is None:
        return None
    compiled = re.compile(regex)
    hits = sum(1 for l in known if compiled.search(l))
    member_lines = {(m["file"], m["line"]) for m in c["members"]}
    other = 0
    for f in sorted({m["file"] for m in c["members"]}):
        text = sources.text(f)
        line, pos, seen = 1, 0, set()
        for m in compiled.finditer(text):  # one pass over the file; lines counted between matches
            line += text.count("\n", pos, m.start())
            pos = m.start()
            seen.add(line)
        other += sum(1 for n in seen if (f, n) not in member_lines)
    severities = [m["severity"] for m in c["members"]]
    severity = max(set(severities), key=lambda s: (severities.count(s), -SEVERITIES.index(s) if s in SEVERITIES else 0))
    languages = sorted({_oasm.language_of(m["file"]) for m in c["members"]})
    literal = re.sub(r"\\[A-Za-z]|\[[^\]]*\][*+?]*", " ", regex)
    words = [t for t in _oasm.tokens(literal) if _oasm.WORD.match(t) and len(t) > 1][:4]
    return {
        "id": "project." + _oasm.slug(c["key"][0] + "_" + "_".join(words)),
        "languages": languages,
        "severity": severity,
        "message": " ".join(t for t in c["template"]).replace("<NUM>", "N").replace("<PATH>", "...").replace(WILD, "..."),
        "regex": regex,
        "matches": hits,
        "other_matches": other,
        "evidence": ["%s:%d:%s  %s" % (m["file"], m["line"], m.get("column") or 1, (l or "").strip())
                     for m, l in zip(c["members"], lines)],
    }


def rule_yaml(s, c):
    head = [
        "Suggested by pattern_lab from cluster %s: %d %s." % (
            c["id"], c["size"], "failed commands" if c["kind"] == "failure" else "diagnostics of rule " + c["key"][0]),
        "It matches %d of them%s." % (s["matches"], "" if "other_matches" not in s
                                      else " and %d other lines of the same files" % s["other_matches"]),
        "Matches that motivated it:",
    ] + ["  " + e for e in s["evidence"]]
    body = {"id": s["id"], "languages": s["languages"], "severity": s["severity"], "message": s["message"],
            "match": {"regex": s["regex"]}}
    return _oasm.comment(head) + _oasm.yaml_dump(body)


def suggest_rules(clusters, source_root=None, min_members=2):
    """Rule suggestions for clusters (as cluster() returns them) with at least min_members."""
    sources = Sources(source_root)
    out = []
    used = set()
    for c in clusters:
        s = suggest(c, sources) if c["size"] >= min_members else None
        if s is None:
            continue
        base, n = s["id"], 2
        while s["id"] in used:
            s["id"] = "%s_%d" % (base, n)
            n += 1
        used.add(s["id"])
        s["cluster"] = c["id"]
        s["yaml"] = rule_yaml(s, c)
        out.append(s)
    return out


def main(files, output_dir=None, options=None):
    options = options or {}
    threshold = float(options.get("threshold", 0.5))
    min_members = int(options.get("min_members", 2))
    diagnostics, records, base = [], [], None
    for f in files:
        d, r, b = load(f)
        diagnostics += d
        records += r
        base = base or b
    root = options.get("source_root")
    if root is None and base and os.path.isabs(base):
        root = base if os.path.isdir(base) else os.path.dirname(base)
    if not diagnostics and not records:
        raise ValueError("no diagnostics and no failed execution records in " + ", ".join(os.path.basename(f) for f in files))
    clusters = cluster(diagnostics, records, threshold)
    rules = suggest_rules(clusters, root, min_members)
    by_cluster = {s["cluster"]: s for s in rules}
    out = _oasm.Output(output_dir)
    if output_dir:
        for s in rules:
            out.write("rules/" + s["id"] + ".yaml", s["yaml"])
    else:
        out.write("rules.yaml", "---\n".join(s["yaml"] for s in rules))
    report = {
        "inputs": [os.path.basename(f) for f in files],
        "diagnostics": len(diagnostics),
        "failed_records": len(records),
        "clusters": [{
            "id": c["id"], "kind": c["kind"], "key": c["key"], "size": c["size"], "template": " ".join(c["template"]),
            "rule": by_cluster[c["id"]]["id"] if c["id"] in by_cluster else None,
            "members": c["members"],
        } for c in clusters],
        "rules": [{k: v for k, v in s.items() if k != "yaml"} for s in rules],
    }
    if output_dir:
        out.write("clusters.json", _oasm.json_text(report))
    summary = ["%d diagnostics and %d failed commands in %d clusters; %d rules suggested" % (
        len(diagnostics), len(records), len(clusters), len(rules))]
    for c in clusters:
        s = by_cluster.get(c["id"])
        summary.append("%s  %3d  %-10s %s%s" % (c["id"], c["size"], c["kind"], " ".join(c["template"])[:70],
                                                "  -> " + s["id"] if s else ""))
    return out.result("pattern_lab", summary, {"clusters": len(clusters), "rules": [s["id"] for s in rules]})
