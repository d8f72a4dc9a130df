"""semi_fixers: generalises concrete edits that look alike into one parameterised command block.

Input: unified diffs, as the working copies' commits keep them (artifacts/diffs/{copy_id}/
change.diff, with the replaced files under before/), given as diff files or as folders holding
them. Each run of removed and added lines is one edit. Edits are grouped into families that one
regular-expression replacement explains: the tokens every edit of a family shares stay literal,
what differs becomes a capture group with the narrowest class that covers it, and the added
text is rewritten in terms of those groups. A family of one is kept as a literal replacement.

The block has one edit step per family (Java regex syntax: $1 in the replacement; the same
pattern reads the same in Python's re). Words that an edit removes or adds become parameters
whose defaults are the observed values. The block is checked before it is suggested: each edit
is replayed, and where the original files are at hand (before/) the whole block is applied to
them and must give exactly the files after the change.
"""

import json
import os
import re

import _oasm

EDIT_TOKEN = re.compile(r"[A-Za-z0-9_]+|\n|[ \t]+|.", re.S)
HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


# --- reading diffs ---------------------------------------------------------------------------

def parse_diff(text, name):
    """[{path, hunks: [{old_start, lines: [(op, text)]}]}] of one unified diff."""
    files = []
    current = None
    hunk = None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for n, line in enumerate(lines, 1):
        if line.startswith("--- ") and n < len(lines) and lines[n].startswith("+++ "):
            current = None
            continue
        if line.startswith("+++ "):
            path = line[4:].split("\t")[0]
            path = path[2:] if path.startswith(("a/", "b/")) else path
            current = {"path": path, "hunks": []}
            files.append(current)
            hunk = None
            continue
        m = HUNK.match(line)
        if m:
            if current is None:
                raise ValueError("%s: line %d: hunk before a file header" % (name, n))
            hunk = {"old_start": int(m.group(1)), "lines": []}
            current["hunks"].append(hunk)
            continue
        if line.startswith("\\"):
            if hunk and hunk["lines"]:
                op, t = hunk["lines"][-1]
                hunk["lines"][-1] = (op, t[:-1] if t.endswith("\n") else t)
            continue
        if hunk is not None and line[:1] in (" ", "-", "+"):
            hunk["lines"].append((line[0], line[1:] + "\n"))
        elif line.startswith(("diff ", "index ", "Binary files", "new file", "deleted file", "similarity")):
            hunk = None
        elif hunk is not None and line == "":
            hunk["lines"].append((" ", "\n"))
    if not files:
        raise ValueError(name + ": no unified diff in it")
    return files


def edits_of(section, source):
    """The edits of one file's hunks: {old, new, path, line, source}."""
    out = []
    for h in section["hunks"]:
        lines = h["lines"]
        pos = h["old_start"]
        i = 0
        while i < len(lines):
            if lines[i][0] == " ":
                pos += 1
                i += 1
                continue
            j = i
            old, new = [], []
            while j < len(lines) and lines[j][0] != " ":
                (old if lines[j][0] == "-" else new).append(lines[j][1])
                j += 1
            start = pos
            if not old:  # a pure insertion: anchor it on a neighbouring context line
                if i > 0:
                    before = lines[i - 1][1]
                    old, new = [before], [before] + new
                    start = pos - 1
                elif j < len(lines):
                    after = lines[j][1]
                    old, new = [after], new + [after]
                else:
                    i = j
                    continue
            if len(old) == len(new):  # line by line: each changed line is an edit of its own
                out += [{"old": o, "new": n, "path": section["path"], "line": start + k, "source": source}
                        for k, (o, n) in enumerate(zip(old, new)) if o != n]
            else:
                out.append({"old": "".join(old), "new": "".join(new), "path": section["path"], "line": start,
                            "source": source})
            pos += sum(1 for op, _ in lines[i:j] if op == "-")
            i = j
    return out


def apply_hunks(before, section):
    """The file after its hunks, checking that context and removed lines match."""
    src = before.splitlines(True)
    out = []
    at = 0
    for h in section["hunks"]:
        start = max(h["old_start"] - 1, 0) if any(op != "+" for op, _ in h["lines"]) else h["old_start"]
        out.extend(src[at:start])
        at = start
        for op, text in h["lines"]:
            if op in (" ", "-"):
                if at >= len(src) or src[at] != text:
                    return None
                at += 1
            if op in (" ", "+"):
                out.append(text)
    out.extend(src[at:])
    return "".join(out)


def collect(files):
    """(sections with their before-folders, edits) from diff files and folders of them."""
    diffs = []
    for f in files:
        if os.path.isdir(f):
            for dirpath, dirnames, filenames in os.walk(f):
                dirnames[:] = sorted(d for d in dirnames if d != "before")
                diffs += [os.path.join(dirpath, n) for n in sorted(filenames) if n.endswith((".diff", ".patch"))]
        else:
            diffs.append(f)
    if not diffs:
        raise ValueError("no .diff files in " + ", ".join(files))
    sections, edits = [], []
    for d in diffs:
        before_dir = os.path.join(os.path.dirname(d), "before")
        label = os.path.basename(os.path.dirname(d)) + "/" + os.path.basename(d)
        for s in parse_diff(_oasm.read_text(d), os.path.basename(d)):
            s["before_dir"] = before_dir if os.path.isdir(before_dir) else None
            s["diff"] = label
            sections.append(s)
            edits += edits_of(s, label)
    return sections, edits


# --- generalising ----------------------------------------------------------------------------

_TOKS = {}


def toks(text):
    t = _TOKS.get(text)
    if t is None:
        t = _TOKS[text] = EDIT_TOKEN.findall(text)
    return t


def render_find(parts, params=None):
    """The pattern text: raw regex, escaped literals, and ${name} or the default for parameters."""
    out = []
    for kind, value in parts:
        if kind == "raw":
            out.append(value)
        elif kind == "lit":
            out.append(_oasm.regex_escape(value))
        else:
            out.append(_oasm.regex_escape(params[value]["default"]) if params else "${" + value + "}")
    return "".join(out)


def render_replace(items, params=None):
    """The replacement in Java's syntax: $1 for a group, \\$ and \\\\ for literal $ and \\."""
    out = []
    for kind, value in items:
        if kind == "group":
            out.append("$%d" % value)
            continue
        if kind == "param" and not params:
            out.append("${" + value + "}")
            continue
        text = params[value]["default"] if kind == "param" else value
        for c in text:
            if c in "\\$":
                out.append("\\" + c)
            elif c.isdigit() and out and re.fullmatch(r"\$[0-9]+", out[-1]):
                out.append("\\" + c)
            else:
                out.append(c)
    return "".join(out)


def python_replacement(java):
    """Java's replacement syntax ($1, \\$) as a Python re.sub template."""
    out = []
    i = 0
    while i < len(java):
        c = java[i]
        if c == "\\" and i + 1 < len(java):
            out.append("\\\\" if java[i + 1] == "\\" else java[i + 1])
            i += 2
        elif c == "$":
            m = re.match(r"\$([0-9]+)", java[i:])
            out.append("\\g<%s>" % m.group(1))
            i += len(m.group(0))
        else:
            out.append(c)
            i += 1
    return "".join(out)


def generalise_family(edits):
    """{find, replace} parts explaining every edit, or None when no one replacement does."""
    old_lists = [toks(e["old"]) for e in edits]
    constants, gaps = _oasm.template(old_lists)
    parts = [("raw", "(?m)^")]
    groups = []  # values per edit, one list per capture group
    for k in range(len(constants) + 1):
        values = gaps[k]
        if any(values):
            groups.append(values)
            parts.append(("raw", "(" + _oasm.gap_pattern(values, lazy=k < len(constants)) + ")"))
        if k < len(constants):
            parts.append(("lit", constants[k]))
    if len(edits) > 1 and not any(_oasm.WORD.match(t) for t in constants):
        return None
    # the new text of each edit as literal tokens and references to the groups; the first of
    # those readings that, as the replacement, gives every edit's new text is the one
    candidates = []
    for n, e in enumerate(edits):
        values = sorted(((g + 1, vals[n]) for g, vals in enumerate(groups) if vals[n]), key=lambda gv: -len(gv[1]))
        items, p, new = [], 0, e["new"]
        while p < len(new):
            for g, v in values:
                end = p + len(v)
                if new.startswith(v, p) and not (end < len(new) and _oasm.WORD.match(v[-1] + new[end])):
                    items.append(("group", g))
                    p = end
                    break
            else:
                t = EDIT_TOKEN.match(new, p).group(0)
                items.append(("lit", t))
                p += len(t)
        candidates.append(items)
    candidates.sort(key=lambda items: -sum(1 for k, _ in items if k == "group"))
    find = render_find(parts)
    shared = None
    for items in candidates:
        # first without a regex (cheap): the reading, filled with each edit's captures, is its new text
        if not all("".join(groups[v - 1][n] if k == "group" else v for k, v in items) == e["new"]
                   for n, e in enumerate(edits)):
            continue
        rx = re.compile(find)
        template = python_replacement(render_replace(items))
        if all(rx.sub(template, e["old"]) == e["new"] for e in edits):
            shared = items
            break
    if shared is None:
        return None
    replace = render_replace(shared)
    removed = [t for kind, t in parts if kind == "lit" and _oasm.WORD.match(t) and not t.isdigit()]
    added = [t for kind, t in shared if kind == "lit" and _oasm.WORD.match(t) and not t.isdigit()]
    return {"parts": parts, "items": shared, "find": find, "replace": replace,
            "removed": [t for t in removed if t not in added], "added": [t for t in added if t not in removed]}


def explains(rule, edit):
    if "compiled" not in rule:
        rule["compiled"] = (re.compile(rule["find"]), python_replacement(rule["replace"]))
    rx, template = rule["compiled"]
    return rx.sub(template, edit["old"]) == edit["new"]


def families(edits):
    """Greedy grouping: each edit joins the first family it generalises with."""
    out = []
    for e in edits:
        for fam in out:
            r = fam["rule"]
            if len(fam["edits"]) > 1 and explains(r, e):
                fam["edits"].append(e)  # the family's replacement already gives this edit
                break
            if len(fam["edits"]) > 2 and generalise_family(fam["edits"][:2] + [e]) is None:
                continue  # not even two of the family's edits and this one share a replacement
            g = generalise_family(fam["edits"] + [e])
            if g is not None:
                fam["edits"].append(e)
                fam["rule"] = g
                break
        else:
            out.append({"edits": [e], "rule": generalise_family([e])})
    return out


def parameterise(fams):
    """Words a step removes or adds become parameters old_S_N / new_S_N, defaulting to the observed word."""
    params = {}
    for f, fam in enumerate(fams, 1):
        r = fam["rule"]
        names = {}
        for kind, words in (("old", r["removed"]), ("new", r["added"])):
            for n, w in enumerate(dict.fromkeys(words), 1):
                name = "%s_%d_%d" % (kind, f, n)
                names[(kind, w)] = name
                params[name] = {"type": "string", "default": w, "description": "%s word of edit step %d" % (
                    "the replaced" if kind == "old" else "the inserted", f)}
        fam["parts"] = [("param", names[("old", v)]) if k == "lit" and ("old", v) in names else (k, v)
                        for k, v in r["parts"]]
        fam["items"] = [("param", names[("new", v)]) if k == "lit" and ("new", v) in names else (k, v)
                        for k, v in r["items"]]
        fam["find_param"], fam["replace_param"] = render_find(fam["parts"]), render_replace(fam["items"])
    return params


def verify(sections, fams, params):
    """Applies every step to each original file where before/ has it; [{path, result}]."""
    steps = [(re.compile(render_find(f["parts"], params)), python_replacement(render_replace(f["items"], params)))
             for f in fams]
    out = []
    for s in sections:
        if not s["before_dir"]:
            continue
        try:
            before = _oasm.read_text(os.path.join(s["before_dir"], *s["path"].split("/")))
        except OSError:
            continue
        after = apply_hunks(before, s)
        if after is None:
            out.append({"file": s["diff"] + ":" + s["path"], "result": "diff does not apply"})
            continue
        text = before
        for rx, rep in steps:
            text = rx.sub(rep, text)
        out.append({"file": s["diff"] + ":" + s["path"], "result": "reproduced" if text == after else "differs"})
    return out


def generalise(edits, block_id=None):
    """Plain-data entry for Java callers: {block, yaml, families: [{find, replace, edits}]} for
    edits [{old, new, path, line?}] (each old/new a run of whole lines ending in a new line)."""
    edits = [{"old": e["old"], "new": e["new"], "path": e["path"], "line": e.get("line", 1),
              "source": e.get("source", "")} for e in edits]
    block, fams, _ = build_block(edits, block_id)
    return {"block": block, "yaml": _oasm.yaml_dump(block),
            "families": [{"find": f["rule"]["find"], "replace": f["rule"]["replace"], "size": len(f["edits"])}
                         for f in fams]}


def build_block(edits, block_id=None):
    """A command block (as a dict) for edits [{old, new, path}], with its families and parameters."""
    fams = families(edits)
    params = parameterise(fams)
    paths = sorted({e["path"] for e in edits})
    exts = sorted({os.path.splitext(p)[1] for p in paths})
    globs = ["**/*" + x for x in exts if x] or paths
    languages = sorted({_oasm.language_of(p) for p in paths})
    words = list(dict.fromkeys(w for f in fams for w in (f["rule"]["removed"] + f["rule"]["added"])))[:3] or \
        [t for k, t in fams[0]["rule"]["parts"] if k == "lit" and _oasm.WORD.match(t) and not t.isdigit()][:2] or ["edit"]
    block = {
        "id": block_id or "semi_fixers." + _oasm.slug("_".join(words)),
        "version": "1.0",
        "description": "Replays %d similar edit%s in %d file%s as %d regular-expression replacement%s." % (
            len(edits), "s" if len(edits) != 1 else "", len(paths), "s" if len(paths) != 1 else "",
            len(fams), "s" if len(fams) != 1 else ""),
        "kind": "repair",
        "domain": languages[0] if len(languages) == 1 else "generic",
        "languages": languages,
    }
    if params:
        block["parameters"] = params
    block["targets"] = globs
    steps = []
    for n, f in enumerate(fams, 1):
        files = "**/*" + os.path.splitext(f["edits"][0]["path"])[1] if len(globs) > 1 else globs[0]
        steps.append({"name": "edit %d (%d edit%s)" % (n, len(f["edits"]), "s" if len(f["edits"]) != 1 else ""),
                      "edit": {"files": files, "find": f["find_param"], "replace": f["replace_param"], "regex": True}})
    block["steps"] = steps
    return block, fams, params


def main(files, output_dir=None, options=None):
    options = options or {}
    _TOKS.clear()
    sections, edits = collect(files)
    if not edits:
        raise ValueError("the diffs hold no edits")
    block, fams, params = build_block(edits, options.get("id"))
    checks = verify(sections, fams, params)
    reproduced = sum(1 for c in checks if c["result"] == "reproduced")
    head = ["Generalised by semi_fixers from %d edits in %d diff files (%d families)." % (
        len(edits), len({s["diff"] for s in sections}), len(fams))]
    if checks:
        head.append("Applied to the original files it reproduces %d of %d exactly." % (reproduced, len(checks)))
    else:
        head.append("Checked on the diffs' hunks; the original files were not at hand.")
    for n, f in enumerate(fams, 1):
        head.append("Step %d explains:" % n)
        head += ["  %s:%d  %s" % (e["path"], e["line"], e["old"].strip().splitlines()[0][:70] if e["old"].strip() else "")
                 for e in f["edits"]]
    text = _oasm.comment(head) + _oasm.yaml_dump(block)
    out = _oasm.Output(output_dir)
    out.write(block["id"] + ".yaml", text)
    if output_dir:
        report = {"block": block, "checks": checks, "families": [
            {"find": f["rule"]["find"], "replace": f["rule"]["replace"],
             "edits": [{k: e[k] for k in ("source", "path", "line", "old", "new")} for e in f["edits"]]}
            for f in fams]}
        out.write("semi_fixers.json", _oasm.json_text(report))
    summary = [head[0]] + head[1:2] + ["step %d: %s -> %s" % (n, f["find_param"], f["replace_param"].replace("\n", "\\n"))
                                       for n, f in enumerate(fams, 1)]
    failed = [c for c in checks if c["result"] != "reproduced"]
    summary += ["not reproduced: %s (%s)" % (c["file"], c["result"]) for c in failed]
    return out.result("semi_fixers", summary, {"block": block["id"], "families": len(fams),
                                               "reproduced": reproduced, "checked": len(checks)})
