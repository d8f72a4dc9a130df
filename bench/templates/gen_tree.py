#!/usr/bin/env python3
"""Writes the benchmark trees of bench/templates/run.sh.

  gen_tree.py mixed DIR LINES   a mixed tree (Rust, Python, Java, PowerShell, JavaScript) of about
                                LINES lines, with the kinds of findings the bundled rules look for
  gen_tree.py unsafe DIR FILES  FILES Rust files, each with two undocumented unsafe blocks
"""
import os
import random
import sys

RUST = '''use std::collections::HashMap;

/// Buffer {n}.
pub struct Buf{n} {{
    data: Vec<u8>,
}}

impl Buf{n} {{
    pub fn get(&self, i: usize) -> u8 {{
        unsafe {{ *self.data.get_unchecked(i) }}
    }}

    pub fn parse(text: &str) -> usize {{
        let unused = 3;
        text.trim().parse::<usize>().unwrap()
    }}

    pub fn count(&self) -> HashMap<u8, usize> {{
        let mut m = HashMap::new();
        for b in &self.data {{
            *m.entry(*b).or_insert(0) += 1;
        }}
        m
    }}
}}
'''
PYTHON = '''import os
import sys
from typing import List


def area_{n}(radius):
    return 3.14159 * radius ** 2


def total_{n}(values: List[float]) -> float:
    count = len(values)
    result = 0.0
    for v in values:
        result += v
    return result


def load_{n}(path: str) -> str:
    try:
        with open(path) as f:
            return f.read()
    except:
        return ""


def missing_{n}(value) -> bool:
    return value == None
'''
JAVA = '''package bench;

import java.util.List;
import java.util.ArrayList;

/** Class {n}. */
public class C{n} {{
    public List<String> names() {{
        List<String> out = new ArrayList();
        int unused = out.size();
        out.add("c{n}");
        return out;
    }}

    public void read() {{
        try {{
            Thread.sleep(1);
        }} catch (InterruptedException e) {{}}
    }}
}}
'''
POWERSHELL = '''function Publish-Thing{n} {{
    param([string]$Path)
    $password = "secret{n}"
    gci $Path | % {{ Copy-Item $_.FullName -Destination ./out }}
    Write-Host "done {n}"
}}
Invoke-Expression "Publish-Thing{n} ."
'''
JS = ''''use strict';

// TODO: check the units
function convert{n}(mm) {{
  return mm / 25.4;
}}

module.exports = {{ convert{n} }};
'''
KINDS = [("rs", RUST), ("py", PYTHON), ("java", JAVA), ("ps1", POWERSHELL), ("js", JS)]


def mixed(root, lines):
    random.seed(7)
    written = n = 0
    while written < lines:
        ext, text = KINDS[n % len(KINDS)]
        body = text.format(n=n)
        if n % 17 == 0:
            body = body.replace("\n", "   \n", 1)
        path = os.path.join(root, "m%02d" % (n % 40), "f%05d.%s" % (n, ext))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(body)
        written += body.count("\n")
        n += 1
    print("%d files, %d lines under %s" % (n, written, root))


def unsafe(root, files):
    for n in range(files):
        path = os.path.join(root, "m%02d" % (n % 20), "f%04d.rs" % n)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(RUST.format(n=n).replace("    pub fn parse", "    pub fn raw(&self) -> u8 {\n        unsafe { *self.data.as_ptr() }\n    }\n\n    pub fn parse"))
    print("%d files under %s" % (files, root))


if __name__ == "__main__":
    {"mixed": mixed, "unsafe": unsafe}[sys.argv[1]](sys.argv[2], int(sys.argv[3]))
