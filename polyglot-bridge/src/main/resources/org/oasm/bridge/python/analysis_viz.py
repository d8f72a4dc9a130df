"""analysis_viz: control-flow and data-flow graphs of Python sources (through `ast`) and of
`.oasm` session files, as Graphviz DOT and Mermaid text.

Python: one control-flow graph per function (and one for the module's top level), blocks of
statements with edges for branches, loops (back edges, break, continue, else), try/except/
finally, with, match, return and raise; the data-flow graph links each assignment of a name to
the statements its value reaches (reaching definitions over that control-flow graph).

.oasm: each pipeline is a node; `;` and new lines go on, `&&` continues on success and `||` on
failure, skipping to the next command that applies. Data flow links variable assignments
(NAME=..., export NAME=...) to the commands that expand them, and files written by redirections
to the commands that read them (< FILE, source FILE).

SVG is rendered by the caller (Graphviz `dot`, on the Java side): Python may not start processes.
"""

import ast
import os
import re

import _oasm


class Graph:
    def __init__(self, name):
        self.name = name
        self.nodes = []      # (id, label, shape, cluster)
        self.edges = []      # (src, dst, label)
        self.edge_set = set()
        self.clusters = []   # (id, label)

    def node(self, label, shape="box", cluster=None):
        nid = "n%d" % (len(self.nodes) + 1)
        self.nodes.append((nid, label, shape, cluster))
        return nid

    def edge(self, src, dst, label=""):
        e = (src, dst, label)
        if e not in self.edge_set:
            self.edge_set.add(e)
            self.edges.append(e)

    def by_cluster(self):
        groups = {}
        for n in self.nodes:
            groups.setdefault(n[3], []).append(n)
        return groups


def dot_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\l") + ('\\l"' if "\n" in s else '"')


def to_dot(g):
    out = ["digraph %s {" % dot_quote(g.name), '  node [fontname="monospace", fontsize=10];',
           '  edge [fontname="monospace", fontsize=9];']

    def emit(nodes, pad):
        for nid, label, shape, _ in nodes:
            out.append("%s%s [label=%s, shape=%s];" % (pad, nid, dot_quote(label), shape))

    groups = g.by_cluster()
    emit(groups.get(None, []), "  ")
    for k, (cid, label) in enumerate(g.clusters):
        out.append("  subgraph cluster_%d {" % k)
        out.append("    label=%s;" % dot_quote(label))
        emit(groups.get(cid, []), "    ")
        out.append("  }")
    for src, dst, label in g.edges:
        out.append("  %s -> %s%s;" % (src, dst, " [label=%s]" % dot_quote(label) if label else ""))
    out.append("}")
    return "\n".join(out) + "\n"


def mermaid_text(s):
    s = s.replace('"', "#quot;").replace("\n", "<br/>")
    return '"' + s + '"'


def to_mermaid(g):
    out = ["flowchart TD"]
    shapes = {"box": ("[", "]"), "ellipse": ("([", "])"), "diamond": ("{", "}"), "oval": ("([", "])"),
              "note": ("[/", "/]")}

    def emit(nodes, pad):
        for nid, label, shape, _ in nodes:
            a, b = shapes.get(shape, ("[", "]"))
            out.append("%s%s%s%s%s" % (pad, nid, a, mermaid_text(label), b))

    groups = g.by_cluster()
    emit(groups.get(None, []), "  ")
    for k, (cid, label) in enumerate(g.clusters):
        out.append("  subgraph c%d[%s]" % (k, mermaid_text(label)))
        emit(groups.get(cid, []), "    ")
        out.append("  end")
    for src, dst, label in g.edges:
        out.append("  %s -->%s %s" % (src, "|" + mermaid_text(label) + "|" if label else "", dst))
    return "\n".join(out) + "\n"


# --- Python ----------------------------------------------------------------------------------

def stmt_text(source_lines, s):
    line = source_lines[s.lineno - 1].strip() if s.lineno <= len(source_lines) else type(s).__name__
    if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.While, ast.For,
                      ast.AsyncFor, ast.With, ast.AsyncWith, ast.Try)) or type(s).__name__ in ("Match", "TryStar"):
        line = line.split("#")[0].rstrip()
    return "%d: %s" % (s.lineno, line[:60])


class PyCFG:
    """The control-flow graph of one body: blocks of statement lines, edges between them."""

    def __init__(self, graph, cluster, lines, title):
        self.g, self.cluster, self.lines = graph, cluster, lines
        self.entry = graph.node(title, "ellipse", cluster)
        self.exit = graph.node("exit", "ellipse", cluster)
        self.loops = []          # (header, after) of enclosing loops
        self.blocks = {}         # node id -> statements
        self.order = []

    def block(self, stmts):
        nid = self.g.node("\n".join(stmt_text(self.lines, s) for s in stmts), "box", self.cluster)
        self.blocks[nid] = list(stmts)
        self.order.append(nid)
        return nid

    def link(self, preds, dst):
        for p, label in preds:
            self.g.edge(p, dst, label)

    def body(self, stmts, preds):
        """Adds stmts after preds [(node, label)]; returns the exits that fall through."""
        run = []
        for s in stmts:
            simple = not isinstance(s, (ast.If, ast.While, ast.For, ast.AsyncFor, ast.Try, ast.With, ast.AsyncWith,
                                        ast.Return, ast.Raise, ast.Break, ast.Continue)) \
                and type(s).__name__ not in ("Match", "TryStar")
            if simple:
                run.append(s)
                continue
            if run:
                b = self.block(run)
                self.link(preds, b)
                preds = [(b, "")]
                run = []
            preds = self.compound(s, preds)
        if run:
            b = self.block(run)
            self.link(preds, b)
            preds = [(b, "")]
        return preds

    def compound(self, s, preds):
        if isinstance(s, (ast.Return, ast.Raise)):
            b = self.block([s])
            self.link(preds, b)
            self.g.edge(b, self.exit, "return" if isinstance(s, ast.Return) else "raise")
            return []
        if isinstance(s, (ast.Break, ast.Continue)):
            b = self.block([s])
            self.link(preds, b)
            if self.loops:
                header, after = self.loops[-1]
                if isinstance(s, ast.Continue):
                    self.g.edge(b, header, "continue")
                else:
                    after.append((b, "break"))
            return []
        if isinstance(s, ast.If):
            test = self.block([s])
            self.link(preds, test)
            out = self.body(s.body, [(test, "true")])
            out += self.body(s.orelse, [(test, "false")]) if s.orelse else [(test, "false")]
            return out
        if isinstance(s, (ast.While, ast.For, ast.AsyncFor)):
            header = self.block([s])
            self.link(preds, header)
            after = []
            self.loops.append((header, after))
            back = self.body(s.body, [(header, "loop")])
            self.loops.pop()
            self.link([(p, lbl or "next") for p, lbl in back], header)
            done = [(header, "done")]
            if s.orelse:
                done = self.body(s.orelse, done)
            return done + after
        if isinstance(s, (ast.With, ast.AsyncWith)):
            head = self.block([s])
            self.link(preds, head)
            return self.body(s.body, [(head, "")])
        if isinstance(s, ast.Try) or type(s).__name__ == "TryStar":
            head = self.block([s])
            self.link(preds, head)
            first = len(self.order)
            out = self.body(s.body, [(head, "try")])
            raisers = [head] + self.order[first:]
            for h in s.handlers:
                label = "except " + (ast.unparse(h.type) if h.type is not None else "")
                hb = self.g.node("%d: %s" % (h.lineno, label.strip()), "diamond", self.cluster)
                self.order.append(hb)
                self.blocks[hb] = []
                for r in raisers:
                    self.g.edge(r, hb, "raise")
                out += self.body(h.body, [(hb, "")])
            if s.orelse:
                out = self.body(s.orelse, [o for o in out if o[0] in self.order[first:]] or out) + \
                    [o for o in out if o[0] not in self.order[first:]]
            if s.finalbody:
                out = self.body(s.finalbody, out)
            return out
        # match
        subject = self.block([s])
        self.link(preds, subject)
        out = []
        for case in s.cases:
            out += self.body(case.body, [(subject, "case " + ast.unparse(case.pattern))])
        return out + [(subject, "no match")]


def names(node, ctx):
    return sorted({n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ctx)})


def stores_and_loads(node):
    """names(node, ast.Store) and names(node, ast.Load), from one walk of the tree."""
    stores, loads = set(), set()
    for n in ast.walk(node):
        if isinstance(n, ast.Name):
            if isinstance(n.ctx, ast.Store):
                stores.add(n.id)
            elif isinstance(n.ctx, ast.Load):
                loads.add(n.id)
    return sorted(stores), sorted(loads)


_DEFS_USES = {}


def defs_uses(s):
    """Names a statement assigns and reads (cached per statement node)."""
    key = id(s)
    hit = _DEFS_USES.get(key)
    if hit is None or hit[0] is not s:
        hit = _DEFS_USES[key] = (s, _defs_uses(s))
    return hit[1]


def _defs_uses(s):
    """Names a statement assigns and reads, not looking into nested functions or classes."""
    if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [s.name], sorted({n.id for d in getattr(s, "decorator_list", []) for n in ast.walk(d)
                                 if isinstance(n, ast.Name)})
    if isinstance(s, (ast.Import, ast.ImportFrom)):
        return sorted({(a.asname or a.name).split(".")[0] for a in s.names}), []
    heads = {ast.If: "test", ast.While: "test", ast.For: "iter", ast.AsyncFor: "iter"}
    for t, field in heads.items():
        if isinstance(s, t):
            target = names(s.target, ast.Store) if hasattr(s, "target") else []
            return target, names(getattr(s, field), ast.Load)
    if isinstance(s, (ast.With, ast.AsyncWith)):
        d, u = [], []
        for item in s.items:
            u += names(item.context_expr, ast.Load)
            if item.optional_vars is not None:
                d += names(item.optional_vars, ast.Store)
        return sorted(set(d)), sorted(set(u))
    if isinstance(s, ast.Try) or type(s).__name__ in ("TryStar", "Match"):
        return [], names(s.subject, ast.Load) if hasattr(s, "subject") else []
    d, u = stores_and_loads(s)
    if isinstance(s, ast.AugAssign) and isinstance(s.target, ast.Name):
        u = sorted(set(u) | {s.target.id})
    return d, u


def reaching(cfg, params):
    """Def-use pairs (def line, use line, name) by reaching definitions over the blocks."""
    preds = {}
    for src, dst, _ in cfg.g.edges:
        preds.setdefault(dst, []).append(src)
    start = {(p, "param") for p in params}
    ins = {b: set() for b in cfg.order}
    outs = {b: set() for b in cfg.order}
    # each block as one transfer: the names it assigns kill what reaches it, and the last
    # assignment of each name in it is what it adds (the same as going statement by statement)
    kill, gen = {}, {}
    for b in cfg.order:
        last = {}
        for s in cfg.blocks[b]:
            for n in defs_uses(s)[0]:
                last[n] = s.lineno
        kill[b] = set(last)
        gen[b] = set(last.items())
    changed = True
    while changed:
        changed = False
        for b in cfg.order:
            cur = set(start) if cfg.entry in preds.get(b, []) else set()
            for p in preds.get(b, []):
                cur |= outs.get(p, set())
            ins[b] = cur
            k = kill[b]
            cur = {x for x in cur if x[0] not in k} | gen[b] if k else cur
            if cur != outs[b]:
                outs[b] = cur
                changed = True
    pairs = []
    for b in cfg.order:
        cur = set(ins[b])
        for s in cfg.blocks[b]:
            d, u = defs_uses(s)
            if u:
                used = set(u)
                pairs += [(line, s.lineno, n) for n, line in cur if n in used]
            if d:
                cur = {x for x in cur if x[0] not in d} | {(n, s.lineno) for n in d}
    return sorted(set(pairs), key=lambda p: (str(p[0]), p[1], p[2]))


def python_graphs(path, source=None):
    """(cfg, dfg) Graphs of one Python file."""
    text = source if source is not None else _oasm.read_text(path)
    name = os.path.basename(path)
    try:
        tree = ast.parse(text, filename=name)
    except SyntaxError as e:
        raise ValueError("%s: line %s: %s" % (name, e.lineno, e.msg))
    lines = text.splitlines()
    cfg_g, dfg_g = Graph(name + " control flow"), Graph(name + " data flow")
    scopes = [("<module>", tree.body, [])]
    for n in ast.walk(tree):
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
            a = n.args
            params = [x.arg for x in a.posonlyargs + a.args + a.kwonlyargs] + \
                [x.arg for x in (a.vararg, a.kwarg) if x is not None]
            scopes.append(("%s (line %d)" % (n.name, n.lineno), n.body, params))
    _DEFS_USES.clear()
    for title, body, params in scopes:
        cid = "f%d" % len(cfg_g.clusters)
        cfg_g.clusters.append((cid, title))
        cfg = PyCFG(cfg_g, cid, lines, "entry" if not params else "entry(" + ", ".join(params) + ")")
        ends = cfg.body(body, [(cfg.entry, "")])
        cfg.link(ends, cfg.exit)
        dcid = "d%d" % len(dfg_g.clusters)
        dfg_g.clusters.append((dcid, title))
        ids = {}

        def dnode(line, ids=ids, dcid=dcid):
            if line not in ids:
                label = "param" if line == "param" else "%d: %s" % (line, lines[line - 1].strip()[:60])
                ids[line] = dfg_g.node(label, "ellipse" if line == "param" else "box", dcid)
            return ids[line]

        for d, u, var in reaching(cfg, params):
            dfg_g.edge(dnode(d), dnode(u), var)
    return cfg_g, dfg_g


# --- .oasm -----------------------------------------------------------------------------------

OPS = ("&&", "||", ";", "|", "\n")
ASSIGN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")
EXPAND = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*|[0-9?])")
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def oasm_commands(text):
    """[(line, words, op_after)] of a session file: words keep their quoting; op is && || ; | or a new line."""
    out = []
    words, word, quote, line, start = [], "", None, 1, 1
    i = 0

    def finish(op):
        nonlocal words, word, start
        if word:
            words.append(word)
            word = ""
        if words:
            out.append((start, words, op))
        elif op in ("&&", "||", "|") and out:
            out[-1] = (out[-1][0], out[-1][1], op)
        words = []

    while i < len(text):
        c = text[i]
        if quote:
            word += c
            if c == quote:
                quote = None
            elif c == "\\" and quote == '"' and i + 1 < len(text):
                word += text[i + 1]
                i += 1
            if c == "\n":
                line += 1
        elif c in "'\"":
            quote = c
            word += c
        elif c == "\\" and i + 1 < len(text):
            if text[i + 1] == "\n":
                line += 1
            else:
                word += c + text[i + 1]
            i += 1
        elif c == "#" and not word:
            while i < len(text) and text[i] != "\n":
                i += 1
            continue
        elif text.startswith("&&", i) or text.startswith("||", i):
            finish(text[i:i + 2])
            i += 2
            continue
        elif c in ";|\n":
            if c == "|" and word.endswith(">"):
                word += c
            else:
                finish(c)
            if c == "\n":
                line += 1
        elif c in " \t":
            if word:
                words.append(word)
                word = ""
        else:
            if not words and not word:
                start = line
            word += c
        i += 1
    finish("\n")
    return out


def oasm_graphs(path, source=None):
    """(cfg, dfg) Graphs of one .oasm session file."""
    text = source if source is not None else _oasm.read_text(path)
    name = os.path.basename(path)
    cmds = oasm_commands(text)
    # pipelines: commands joined by |
    pipes = []
    for line, words, op in cmds:
        if pipes and pipes[-1]["op"] == "|":
            pipes[-1]["stages"].append(words)
            pipes[-1]["op"] = op
        else:
            pipes.append({"line": line, "stages": [words], "op": op})
    cfg_g, dfg_g = Graph(name + " control flow"), Graph(name + " data flow")
    start = cfg_g.node("start", "ellipse")
    end = cfg_g.node("end", "ellipse")
    labels = ["%d: %s" % (p["line"], " | ".join(" ".join(w) for w in p["stages"])[:70]) for p in pipes]
    ids = [cfg_g.node(label) for label in labels]
    cfg_g.edge(start, ids[0] if ids else end)
    for i, p in enumerate(pipes):
        targets = {}
        for outcome in ("ok", "fail"):
            j = i + 1  # skip the commands whose operator does not fire on this outcome
            while j < len(pipes) and pipes[j - 1]["op"] in ("&&", "||") and \
                    (pipes[j - 1]["op"] == "&&") != (outcome == "ok"):
                j += 1
            targets[outcome] = ids[j] if j < len(pipes) else end
        if targets["ok"] == targets["fail"]:
            cfg_g.edge(ids[i], targets["ok"])
        else:
            for outcome, dst in targets.items():
                cfg_g.edge(ids[i], dst, outcome)
    # data flow
    dids = {}

    def dnode(i):
        if i not in dids:
            dids[i] = dfg_g.node(labels[i])
        return dids[i]

    var_def, file_def = {}, {}
    for i, p in enumerate(pipes):
        uses, reads, defs, writes = set(), set(), set(), set()
        for words in p["stages"]:
            body = list(words)
            if body and body[0] == "export":
                body = body[1:]
                defs |= {w.split("=")[0] for w in body if ASSIGN.match(w) or NAME.match(w)}
            for k, w in enumerate(body):
                uses |= set(EXPAND.findall(w))
                if ASSIGN.match(w) and all(ASSIGN.match(x) for x in body[:k + 1]):
                    defs.add(w.split("=")[0])
                target = body[k + 1] if k + 1 < len(body) else None
                if w in (">", ">>", "&>", "2>", ">|") and target:
                    writes.add(target.strip("'\""))
                elif w in ("<",) and target:
                    reads.add(target.strip("'\""))
                elif w.startswith((">>", "&>", "2>")) and len(w) > 2 and w[2:] and w[2] != "&":
                    writes.add(w[2:].strip("'\""))
                elif w.startswith(">") and len(w) > 1 and w[1] not in ">&|":
                    writes.add(w[1:].strip("'\""))
                elif w.startswith("<") and len(w) > 1:
                    reads.add(w[1:].strip("'\""))
            if body and body[0] in ("source", ".") and len(body) > 1:
                reads.add(body[1].strip("'\""))
        for v in sorted(uses):
            if v in var_def:
                dfg_g.edge(dnode(var_def[v]), dnode(i), "$" + v)
        for f in sorted(reads):
            if f in file_def:
                dfg_g.edge(dnode(file_def[f]), dnode(i), f)
        for v in defs:
            var_def[v] = i
        for f in writes:
            file_def[f] = i
    return cfg_g, dfg_g


def graphs(path):
    if path.endswith(".py"):
        return python_graphs(path)
    if path.endswith(".oasm"):
        return oasm_graphs(path)
    raise ValueError(os.path.basename(path) + ": expected a .py or .oasm file")


def render(path, source=None):
    """Plain-data entry for Java callers: the DOT and Mermaid text of one file's graphs; source,
    when given, is the file's text (then path only names it and picks .py or .oasm)."""
    if path.endswith(".py"):
        cfg, dfg = python_graphs(path, source)
    elif path.endswith(".oasm"):
        cfg, dfg = oasm_graphs(path, source)
    else:
        raise ValueError(os.path.basename(path) + ": expected a .py or .oasm file")
    return {kind: {"dot": to_dot(g), "mermaid": to_mermaid(g), "nodes": len(g.nodes), "edges": len(g.edges)}
            for kind, g in (("cfg", cfg), ("dfg", dfg))}


def main(files, output_dir=None, options=None):
    paths = []
    for f in files:
        if os.path.isdir(f):
            for dirpath, dirnames, filenames in os.walk(f):
                dirnames.sort()
                paths += [os.path.join(dirpath, n) for n in sorted(filenames) if n.endswith((".py", ".oasm"))]
        else:
            paths.append(f)
    if not paths:
        raise ValueError("no .py or .oasm files in " + ", ".join(files))
    out = _oasm.Output(output_dir)
    summary = []
    base = files[0] if len(files) == 1 and os.path.isdir(files[0]) else None
    for p in paths:
        cfg, dfg = graphs(p)
        stem = os.path.relpath(p, base) if base else os.path.basename(p)
        stem = stem.replace(os.sep, "/")
        for kind, g in (("cfg", cfg), ("dfg", dfg)):
            out.write("%s.%s.dot" % (stem, kind), to_dot(g))
            if output_dir:
                out.write("%s.%s.mmd" % (stem, kind), to_mermaid(g))
        summary.append("%s: control flow %d nodes, %d edges; data flow %d nodes, %d edges" % (
            stem, len(cfg.nodes), len(cfg.edges), len(dfg.nodes), len(dfg.edges)))
    return out.result("analysis_viz", summary, {"files": len(paths)})
