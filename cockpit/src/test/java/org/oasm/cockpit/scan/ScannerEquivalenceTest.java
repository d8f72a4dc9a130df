package org.oasm.cockpit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.Samples;
import org.oasm.cockpit.rules.ResolvedRule;
import org.oasm.cockpit.rules.RuleHierarchy;
import org.oasm.cockpit.rules.Rules;
import org.oasm.cockpit.rules.Window;
import org.oasm.formats.root.OasmRoot;

/**
 * The scan's findings are exactly those of the plain way of running the rules: for every file and
 * rule, {@code Matcher.find()} over the whole text, match after match, windows searched with a
 * fresh matcher. The reference here is written from the rule files alone, independently of
 * {@link CompiledRule}, and both run over the sample sources and over a few hundred files made
 * of the rules' own words in random order, with every kind of line end, tabs, trailing blanks,
 * non-ASCII text, mixed case and missing final newlines.
 */
class ScannerEquivalenceTest {

    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$(\\d)|\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

    private static final String[] COMMON = {" ", " ", "  ", "\t", "\n", "\n", "\n", "\n", "\r\n", "\r", "\u2028", "\u0085",
        "é", "ü ", "日本", "😀", "e\u0301", "os\u0301", "\u0301x", "TODO", "FIXME", "TODO(#12)", "todo", "x", "foo", "bar_1", "=", "==", "!=", " = ", "None", "(", ")",
        "{", "}", ":", ";", ",", "<<<<<<<", "=======", ">>>>>>>", "<<<<<<< HEAD", "\"", "'", "$", "|", "%", "?", "#",
        "x".repeat(130), "// comment", "    ", "\t\t", "  \n", "\t\n", " \r\n"};
    private static final Map<String, String[]> WORDS = Map.of(
            "rs", new String[] {"unsafe", "unsafe {", "unsafe fn f()", "unsafe impl", "// SAFETY: ok", "// AUDIT", "#[audited]",
                "let ", "let mut x = 1;", "let y: u8 = 2;", "x", "y", ".unwrap()", "mem::forget(", "transmute::<&", "transmute(",
                "*const u8", "*mut T", "static mut X", "fn f(s: &'static str)", "fn g<T>(a: &'static str)", "Box::leak(",
                "Rc<RefCell<", "Rc< RefCell<", "try!(", "mem::uninitialized"},
            "py", new String[] {"import os", "import sys\n", "from typing import List", "from typing import Dict, Set\n",
                "from x import *", "from imp import y", "import imp\n", "def f(a):", "def g(a: int) -> int:", "def h(self, b=1):",
                "except:", "    except :", "    y = 3\n", "\ty = 4\n", "typing.List", "typing.Tuple", "ctypes.memmove(",
                "== None", "!= None", "os", "sys", "List"},
            "java", new String[] {"int unused = 1;", "    int unused = 1;\n", "    final String s = \"\";\n", "new ArrayList()",
                "new HashMap<>()", "new  TreeSet (", "sun.misc.Unsafe", "List<String> x = ", "    var v = 2;\n", "unused", "s"},
            "ps1", new String[] {"gci", "ls ", "| % {", "| ? {", "Write-Host", "WRITE-HOST", "iex", "IEX ", "Invoke-Expression",
                "$password = 'x'", "$apiToken = \"t\"", "-ExecutionPolicy Bypass", "-executionpolicy unrestricted",
                "function Do-Thing", "function Get-Thing", "Function New-Item", "ConvertTo-SecureString x -AsPlainText",
                ".DownloadString(", "Invoke-WebRequest x | iex", "; cat ", "(select "},
            "ts", new String[] {": any", ":any;", "let a: any = 1", "any"},
            "stl", new String[] {"solid x", "  facet normal 0 0 0", "facet normal 0.0 -0 0e1", "vertex nan 1 2",
                "VERTEX 1 INF 2", "vertex 1 2 3", "endsolid", "endsolid x"},
            "step", new String[] {"ISO-10303-21;", "FILE_SCHEMA(('AUTOMOTIVE_DESIGN'));", "FILE_SCHEMA (( 'CONFIG_CONTROL'));",
                "DATA;", "MANIFOLD_SOLID_BREP", "END-ISO-10303-21;"},
            "yaml", new String[] {"units: mm", "name: x", "  - a", "key: value"});
    private static final String[] NAMES = {"a.rs", "tests/b_test.rs", "target/c.rs", "d.py", "__init__.py", "test_e.py",
        "f.java", "g.ps1", "h.psm1", "i.ts", "j.js", "k.stl", "l.step", "m.part.yaml", "n.yaml", "o.c", "p.go", "q.sh", "r.toml"};

    @TempDir
    Path dir;

    @Test
    void theScanFindsWhatPlainMatchingFindsOnTheSamples() throws IOException {
        Path samples = dir.resolve("samples");
        for (String s : List.of("rust_crate", "python_pkg", "java_app", "node_app", "powershell", "cad")) {
            Samples.copy(s, samples);
        }
        assertSameFindings(samples, 20);
    }

    @Test
    void theScanFindsWhatPlainMatchingFindsOnRandomFilesOfTheRulesWords() throws IOException {
        Path tree = dir.resolve("random");
        Random random = new Random(20261201);
        for (int i = 0; i < 400; i++) {
            String name = NAMES[i % NAMES.length];
            Path file = tree.resolve(String.format("d%02d/%s", i / NAMES.length, name));
            Files.createDirectories(file.getParent());
            Files.writeString(file, randomText(random, extension(name)), StandardCharsets.UTF_8);
        }
        assertSameFindings(tree, 500);
    }

    private static String extension(String name) {
        if (name.endsWith(".part.yaml")) {
            return "yaml";
        }
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "psm1" -> "ps1";
            case "js" -> "ts";
            default -> ext;
        };
    }

    private static String randomText(Random random, String ext) {
        String[] own = WORDS.getOrDefault(ext, new String[] {"x"});
        StringBuilder b = new StringBuilder();
        int pieces = random.nextInt(80);
        boolean crlf = random.nextInt(4) == 0;
        for (int k = 0; k < pieces; k++) {
            String w = random.nextInt(3) == 0 ? COMMON[random.nextInt(COMMON.length)] : own[random.nextInt(own.length)];
            if (w.contains("\r") || w.contains("\u2028") || w.contains("\u0085")) {
                if (random.nextInt(6) != 0) {
                    w = "\n"; // odd line ends in a few files only, so that most take the fast way
                }
            }
            b.append(crlf ? w.replace("\n", "\r\n").replace("\r\r\n", "\r\n") : w);
            if (random.nextInt(3) == 0) {
                b.append(crlf ? "\r\n" : "\n");
            } else if (random.nextInt(3) == 0) {
                b.append(' ');
            }
        }
        if (random.nextInt(5) == 0 && !b.isEmpty()) {
            b.setLength(b.offsetByCodePoints(b.length(), -1));
        }
        return b.toString();
    }

    private void assertSameFindings(Path tree, int atLeast) {
        RuleHierarchy h = Rules.load(new OasmRoot(dir.resolve("root")).create(), null).hierarchy();
        List<Diagnostic> actual = new Scanner(h, r -> true).scan(tree, Set.of()).diagnostics();
        List<Diagnostic> expected = reference(h, tree);
        assertTrue(expected.size() >= atLeast, "the corpus has findings: " + expected.size());
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            Diagnostic e = expected.get(i);
            int at = i;
            assertEquals(e, actual.get(i), () -> "finding " + at + " on the line " + lineOf(tree, e));
        }
        assertEquals(expected.size(), actual.size(), "number of findings");
    }

    private static String lineOf(Path tree, Diagnostic d) {
        try {
            TextFile f = new TextFile(d.file(), Files.readString(tree.resolve(d.file())));
            return f.text().substring(f.lineStart(d.line()), f.lineEnd(d.line()))
                    .replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        } catch (IOException ex) {
            return ex.toString();
        }
    }

    /** Every rule over every file the plain way, sorted and fingerprinted as the scan promises. */
    private static List<Diagnostic> reference(RuleHierarchy h, Path tree) {
        Map<String, List<ResolvedRule>> byLanguage = new HashMap<>();
        List<Diagnostic> all = new ArrayList<>();
        Map<Diagnostic, String> lineText = new HashMap<>();
        for (FileWalk.Item item : FileWalk.files(tree, Set.of())) {
            String lang = Languages.of(item.file().getFileName().toString());
            if (lang == null) {
                continue;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(item.file());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            boolean binary = false;
            for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
                binary |= bytes[i] == 0;
            }
            if (binary) {
                continue;
            }
            TextFile f = new TextFile(item.path(), new String(bytes, StandardCharsets.UTF_8));
            List<ResolvedRule> rules = byLanguage.computeIfAbsent(lang, l -> h.resolve(l).stream()
                    .filter(r -> r.enabled() && r.definition().appliesTo(l)).toList());
            for (ResolvedRule r : rules) {
                List<Glob> include = Glob.all(r.definition().include());
                List<Glob> exclude = Glob.all(r.definition().exclude());
                if ((!include.isEmpty() && !Glob.any(include, item.path())) || Glob.any(exclude, item.path())) {
                    continue;
                }
                int flags = Pattern.MULTILINE | (r.definition().ignoreCase() ? Pattern.CASE_INSENSITIVE : 0);
                Matcher m = Pattern.compile(r.regex(), flags).matcher(f.text());
                while (m.find()) {
                    int at = m.pattern().namedGroups().containsKey("at") && m.start("at") >= 0 ? m.start("at") : m.start();
                    int line = f.lineOf(at);
                    if ((r.required() != null && near(f, r.required(), flags, line))
                            || (r.forbidden() != null && !near(f, r.forbidden(), flags, line))) {
                        continue;
                    }
                    Diagnostic d = new Diagnostic(r.id(), r.effectiveSeverity(), f.path(), line, f.columnOf(at),
                            message(r.message(), m), null, null);
                    all.add(d);
                    lineText.put(d, f.line(line));
                    if (m.end() == m.start() && m.end() >= f.text().length()) {
                        break;
                    }
                }
            }
        }
        List<Diagnostic> sorted = new ArrayList<>(all);
        sorted.sort(java.util.Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column).thenComparing(Diagnostic::ruleId));
        Map<String, Integer> seen = new HashMap<>();
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : sorted) {
            String base = hash(d.ruleId() + "\0" + d.file() + "\0" + lineText.get(d).strip());
            int n = seen.merge(base, 1, Integer::sum);
            out.add(d.withFingerprint(n == 1 ? base : base + "-" + n));
        }
        return out;
    }

    private static boolean near(TextFile f, Window w, int flags, int line) {
        Matcher m = Pattern.compile(w.regex(), flags).matcher(f.text());
        if (!w.file()) {
            m.region(f.lineStart(line - w.before()), f.lineEnd(line + w.after()));
        }
        return m.find();
    }

    private static String message(String msg, Matcher m) {
        Matcher r = GROUP_REFERENCE.matcher(msg);
        StringBuilder out = new StringBuilder();
        while (r.find()) {
            String value;
            try {
                value = r.group(1) != null ? m.group(Integer.parseInt(r.group(1))) : m.group(r.group(2));
            } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
                value = r.group();
            }
            r.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        r.appendTail(out);
        return out.toString();
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
