"""Helpers shared by the analysis modules: reading inputs, writing outputs, YAML text, token
templates. Standard library only; runs the same under GraalPy (in the sandbox) and CPython."""

import json
import os
import re

TOKEN = re.compile(r"[A-Za-z0-9_]+|\s+|[^A-Za-z0-9_\s]")
WORD = re.compile(r"[A-Za-z0-9_]+\Z")
LANGUAGES = {
    ".py": "python", ".pyi": "python", ".rs": "rust", ".ps1": "powershell", ".psm1": "powershell",
    ".oasm": "oasm", ".sh": "shell", ".bash": "shell", ".java": "java", ".js": "javascript",
    ".ts": "typescript", ".c": "c", ".h": "c", ".cpp": "cpp", ".go": "go", ".yaml": "yaml", ".yml": "yaml",
}


def read_text(path):
    """The file's text as UTF-8 (undecodable bytes replaced), line ends as they are. Decoded in
    one piece: the same text as a text-mode read, without the incremental decoder's Python-level
    machinery, which is slow on GraalPy's interpreter."""
    with open(path, "rb") as f:
        return f.read().decode("utf-8", "replace")


_LANGUAGE_OF = {}


def language_of(path):
    lang = _LANGUAGE_OF.get(path)
    if lang is None:
        lang = _LANGUAGE_OF[path] = LANGUAGES.get(os.path.splitext(path)[1].lower(), "generic")
    return lang


def tokens(text):
    return TOKEN.findall(text)


class Output:
    """Where a module writes: the bridge's staging folder, or nowhere (then text goes to stdout)."""

    def __init__(self, output_dir):
        self.dir = output_dir
        self.written = []
        self.stdout = []

    def write(self, relative, text):
        if ".." in relative.split("/") or relative.startswith("/"):
            raise ValueError("output name must stay inside the output folder: " + relative)
        if self.dir is None:
            self.stdout.append(text)
            return
        path = os.path.join(self.dir, *relative.split("/"))
        parent = os.path.dirname(path)
        if not os.path.isdir(parent):
            os.makedirs(parent)
        with open(path, "wb") as f:  # UTF-8, new lines as they are: no text-mode encoder needed
            f.write(text.encode("utf-8"))
        self.written.append(relative)

    def result(self, module, summary, data):
        return {
            "module": module,
            "summary": summary,
            "outputs": sorted(self.written),
            "stdout": "".join(self.stdout),
            "data": data,
        }


# --- YAML ------------------------------------------------------------------------------------

_PLAIN = re.compile(r"[A-Za-z_/][A-Za-z0-9_./-]*\Z")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def yaml_scalar(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    s = str(value)
    if any(ord(c) < 32 or ord(c) == 127 for c in s):
        return json.dumps(s, ensure_ascii=False)
    if _PLAIN.match(s) and s.lower() not in _RESERVED:
        return s
    return "'" + s.replace("'", "''") + "'"


def yaml_dump(value, indent=0):
    """Block-style YAML for dicts, lists and scalars (key order kept)."""
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return pad + "{}\n"
        out = []
        for k, v in value.items():
            key = yaml_scalar(k)
            if isinstance(v, (dict, list)) and v:
                out.append(pad + key + ":\n" + yaml_dump(v, indent + 1))
            elif isinstance(v, (dict, list)):
                out.append(pad + key + ": " + ("{}" if isinstance(v, dict) else "[]") + "\n")
            else:
                out.append(pad + key + ": " + yaml_scalar(v) + "\n")
        return "".join(out)
    if isinstance(value, list):
        if not value:
            return pad + "[]\n"
        out = []
        for v in value:
            if isinstance(v, dict) and v:
                body = yaml_dump(v, indent + 1)
                out.append(pad + "- " + body[len(pad) + 2:])
            elif isinstance(v, list) and v:
                out.append(pad + "-\n" + yaml_dump(v, indent + 1))
            else:
                out.append(pad + "- " + yaml_scalar(v) + "\n")
        return "".join(out)
    return pad + yaml_scalar(value) + "\n"


def json_text(doc):
    """JSON with one line per top-level key and per item of a top-level list: readable in a diff,
    and written by the fast encoder (json.dumps without indent) item by item."""
    parts = []
    for k in sorted(doc):
        v = doc[k]
        if isinstance(v, list) and v:
            items = ",\n    ".join(json.dumps(x, sort_keys=True) for x in v)
            parts.append("  %s: [\n    %s\n  ]" % (json.dumps(k), items))
        else:
            parts.append("  %s: %s" % (json.dumps(k), json.dumps(v, sort_keys=True)))
    return "{\n" + ",\n".join(parts) + "\n}\n"


def comment(lines):
    return "".join("# " + line.rstrip() + "\n" if line else "#\n" for line in lines)


def slug(text, limit=40):
    s = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return (s[:limit].rstrip("_") or "pattern")


# --- token templates -------------------------------------------------------------------------

def is_subsequence(a, b):
    """Whether a's items appear in b in order (then a is their longest common subsequence)."""
    it = iter(b)
    return all(any(x == y for y in it) for x in a)


def lcs(a, b):
    """Longest common subsequence of two token lists, as index pairs.

    The common prefix and suffix are paired directly and the table is built for what lies
    between them only (edits that look alike share most of their tokens): that gives the same
    subsequence of tokens as the whole table would, at a fraction of the cost."""
    n, m = len(a), len(b)
    head = 0
    while head < n and head < m and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and tail < m - head and a[n - 1 - tail] == b[m - 1 - tail]:
        tail += 1
    pairs = [(k, k) for k in range(head)]
    if head or tail:
        pairs += [(i + head, j + head) for i, j in _lcs(a[head:n - tail], b[head:m - tail])]
        return pairs + [(n - tail + k, m - tail + k) for k in range(tail)]
    return _lcs(a, b)


def _lcs(a, b):
    """The dynamic-programming table's longest common subsequence, as index pairs."""
    n, m = len(a), len(b)
    if n == 0 or m == 0:
        return []
    prev = [0] * (m + 1)
    rows = [prev]
    for i in range(n):
        cur = [0] * (m + 1)
        ai = a[i]
        for j in range(m):
            cur[j + 1] = prev[j] + 1 if ai == b[j] else (prev[j + 1] if prev[j + 1] >= cur[j] else cur[j])
        rows.append(cur)
        prev = cur
    pairs = []
    i, j = n, m
    while i > 0 and j > 0:
        if a[i - 1] == b[j - 1] and rows[i][j] == rows[i - 1][j - 1] + 1:
            pairs.append((i - 1, j - 1))
            i -= 1
            j -= 1
        elif rows[i - 1][j] >= rows[i][j - 1]:
            i -= 1
        else:
            j -= 1
    pairs.reverse()
    return pairs


def template(token_lists, join=True):
    """The tokens common to every list, in order, and for each list the text of the gaps.

    Returns (constants, gaps) where constants is a list of tokens and gaps[k] is a list (one per
    input) of the text between constant k-1 and constant k (gap 0 before the first constant, the
    last gap after the last one): len(gaps) == len(constants) + 1."""
    constants = list(token_lists[0])
    for other in token_lists[1:]:
        if not is_subsequence(constants, other):
            constants = [constants[i] for i, _ in lcs(constants, other)]
    gaps = [[] for _ in range(len(constants) + 1)]
    for toks in token_lists:
        k = 0
        start = 0
        cuts = []
        for pos, t in enumerate(toks):
            if k < len(constants) and t == constants[k]:
                cuts.append((start, pos))
                start = pos + 1
                k += 1
        if k < len(constants):
            raise ValueError("template does not fit")  # cannot happen: constants is a subsequence
        cuts.append((start, len(toks)))
        for g, (s, e) in enumerate(cuts):
            gaps[g].append("".join(toks[s:e]) if join else list(toks[s:e]))
    return constants, gaps


def regex_escape(text):
    """Escapes text for a regular expression that Java and Python read the same way."""
    out = []
    for c in text:
        if c in ".^$|?*+()[]{}\\":
            out.append("\\" + c)
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        else:
            out.append(c)
    return "".join(out)


_GAP_CLASSES = [
    (re.compile(r"[ \t]*"), "[ \\t]"),
    (re.compile(r"[0-9]*"), "[0-9]"),
    (re.compile(r"[A-Za-z0-9_]*"), "[A-Za-z0-9_]"),
    (re.compile(r"[A-Za-z0-9_.]*"), "[A-Za-z0-9_.]"),
]


_GAP_JOINED = [(re.compile("(?:%s\0)*%s" % (cls + "*", cls + "*")), cls) for _, cls in _GAP_CLASSES]


def gap_pattern(values, lazy=True):
    """The narrowest class that covers every value of one gap (Java and Python agree on each)."""
    if not any(values):
        return ""
    star = "*" if "" in values else "+"
    distinct = set(values)
    joined = "\0".join(distinct)
    if len(distinct) > 1 and joined.count("\0") == len(distinct) - 1:
        # one match over the values joined by NUL (which no class holds) instead of one per value
        for rx, cls in _GAP_JOINED:
            if rx.fullmatch(joined):
                return cls + star
    else:
        for rx, cls in _GAP_CLASSES:
            if all(rx.fullmatch(v) for v in distinct):
                return cls + star
    return "[^\\n]" + star + ("?" if lazy else "")
