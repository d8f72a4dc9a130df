package org.oasm.substrate.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fresh, identical world for one run of one case: {@code ROOT/work} (the working directory, with
 * the same seeded files every time), {@code ROOT/home} ($HOME) and {@code ROOT/bin} (on PATH), all
 * files dated the same instant. Output naming ROOT is normalised to {@code <ROOT>} so the bash and
 * substrate worlds can be compared.
 */
public final class Sandbox {

    /** Seeded files are dated 2024-03-05 10:20 UTC: older than six months, so ls -l shows the year. */
    static final Instant SEED_TIME = Instant.parse("2024-03-05T10:20:00Z");

    private final Path root;

    public Sandbox(Path root) {
        this.root = root.toAbsolutePath();
        try {
            seed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Path work() {
        return root.resolve("work");
    }

    /** The environment both shells start with. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", root.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", root.resolve("home").toString());
        env.put("USER", System.getProperty("user.name"));
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.put("TZ", "UTC");
        env.put("TERM", "dumb");
        env.put("GREETING", "hello   world");
        env.put("EMPTY", "");
        env.put("PATTERN", "*.txt");
        return env;
    }

    /** Replaces the sandbox's absolute path by {@code <ROOT>}. */
    public String normalise(String text) {
        return text.replace(root.toString(), "<ROOT>");
    }

    private void seed() throws IOException {
        Path w = Files.createDirectories(work());
        Path home = Files.createDirectories(root.resolve("home"));
        Path bin = Files.createDirectories(root.resolve("bin"));
        write(w.resolve("a.txt"), "alpha\n");
        write(w.resolve("b.txt"), "bravo\nbeta\nbanana\n");
        write(w.resolve("c.log"), "charlie\n");
        write(w.resolve("Upper.TXT"), "UPPER\n");
        write(w.resolve("with space.txt"), "spaced\n");
        write(w.resolve(".hidden"), "secret\n");
        write(w.resolve("numbers"), "3\n1\n2\n10\n");
        write(w.resolve("empty.txt"), "");
        Path sub = Files.createDirectories(w.resolve("sub"));
        write(sub.resolve("x.txt"), "ex\n");
        write(sub.resolve("y.md"), "why\n");
        Path deep = Files.createDirectories(sub.resolve("deep"));
        write(deep.resolve("z.txt"), "zed\n");
        Files.createDirectories(w.resolve("emptydir"));
        write(w.resolve("run.sh"), "#!/bin/sh\necho \"run.sh got $# args: $*\"\nexit 3\n");
        Files.setPosixFilePermissions(w.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        write(w.resolve("plain.sh"), "echo \"plain.sh in bash: ${BASH_VERSION:+yes}\" \"$1\"\n");
        write(w.resolve("noexec"), "#!/bin/sh\necho never\n");
        write(w.resolve("vars.oasm"), "echo \"vars.oasm: $1 $2 ($#)\"\nMARK=set-by-source\n");
        write(w.resolve("lines.txt"), "one\ntwo\nthree\nfour\nfive\n");
        write(home.resolve("notes.txt"), "at home\n");
        write(bin.resolve("greet"), "#!/bin/sh\necho \"hello, ${1:-world}\"\n");
        Files.setPosixFilePermissions(bin.resolve("greet"), PosixFilePermissions.fromString("rwxr-xr-x"));
        write(bin.resolve("fail-with"), "#!/bin/sh\necho \"failing with $1\" >&2\nexit \"$1\"\n");
        Files.setPosixFilePermissions(bin.resolve("fail-with"), PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.setLastModifiedTime(p, FileTime.from(SEED_TIME));
            }
        }
    }

    private static void write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** The work folder after a run: every path with its type and content (or size), sorted. */
    public List<String> snapshot() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(work())) {
            for (Path p : all.sorted().toList()) {
                String rel = work().relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.add(rel + " -> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(rel + "/");
                } else {
                    long size = Files.size(p);
                    out.add(rel + (size <= 4096 ? ": " + normalise(Files.readString(p, StandardCharsets.ISO_8859_1))
                            : " (" + size + " bytes)"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
