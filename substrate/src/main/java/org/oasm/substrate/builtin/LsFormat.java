package org.oasm.substrate.builtin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The layouts of {@link Ls}, as GNU ls writes them: one per line, vertical columns ({@code -C},
 * the default on a terminal) and rows ({@code -x}), both padded with tabs where a tab stop is
 * crossed, and the long format, whose times follow the shell's {@code TZ}.
 */
final class LsFormat {

    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ENGLISH);
    private static final long SIX_MONTHS_SECONDS = 15_778_476L;

    private LsFormat() {
    }

    static void print(List<Ls.Entry> entries, Ls.Options opt, PrintStream out, int width, boolean isDir,
            Map<String, String> env) {
        switch (opt.layout()) {
            case LONG -> printLong(entries, opt, out, isDir, zone(env));
            case ONE_PER_LINE -> entries.forEach(e -> out.println(e.name() + indicator(e, opt)));
            case COLUMNS -> printColumns(entries, opt, out, width, true);
            case ACROSS -> printColumns(entries, opt, out, width, false);
        }
    }

    /** The {@code -F} / {@code -p} mark after a name. */
    static String indicator(Ls.Entry e, Ls.Options opt) {
        if (!opt.classify() && !opt.slash()) {
            return "";
        }
        Path p = e.path();
        if (Files.isSymbolicLink(p)) {
            return opt.classify() ? "@" : "";
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "/";
        }
        if (!opt.classify()) {
            return "";
        }
        int type = mode(p) & 0170000;
        if (type == 0010000) {
            return "|";
        }
        if (type == 0140000) {
            return "=";
        }
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && (mode(p) & 0111) != 0 ? "*" : "";
    }

    private static int mode(Path p) {
        try {
            return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** GNU's columns: the most columns whose line stays shorter than the width. */
    static void printColumns(List<Ls.Entry> entries, Ls.Options opt, PrintStream out, int width, boolean vertical) {
        int n = entries.size();
        if (n == 0) {
            return;
        }
        String[] names = new String[n];
        int[] len = new int[n];
        for (int i = 0; i < n; i++) {
            names[i] = entries.get(i).name() + indicator(entries.get(i), opt);
            len[i] = names[i].codePointCount(0, names[i].length());
        }
        int maxCols = Math.max(1, Math.min(n, width / 3));
        int cols = 1;
        int[] colWidths = null;
        for (int c = maxCols; c >= 1; c--) {
            int[] w = widths(len, c, vertical);
            int line = 0;
            for (int x : w) {
                line += x;
            }
            if (line < width || c == 1) {
                cols = c;
                colWidths = w;
                break;
            }
        }
        int rows = (n + cols - 1) / cols;
        for (int r = 0; r < rows; r++) {
            StringBuilder sb = new StringBuilder();
            int pos = 0;
            for (int c = 0; c < cols; c++) {
                int k = vertical ? c * rows + r : r * cols + c;
                if (k >= n) {
                    break;
                }
                sb.append(names[k]);
                int next = vertical ? (c + 1) * rows + r : r * cols + c + 1;
                boolean last = c == cols - 1 || next >= n || (!vertical && next >= (r + 1) * cols);
                if (last) {
                    break;
                }
                pad(sb, pos + len[k], pos + colWidths[c]);
                pos += colWidths[c];
            }
            out.println(sb);
        }
    }

    /** Widths of the columns for {@code cols} columns: the longest name plus two, the last without. */
    private static int[] widths(int[] len, int cols, boolean vertical) {
        int n = len.length;
        int rows = (n + cols - 1) / cols;
        int[] w = new int[cols];
        for (int i = 0; i < n; i++) {
            int idx = vertical ? i / rows : i % cols;
            int real = len[i] + (idx == cols - 1 ? 0 : 2);
            w[idx] = Math.max(w[idx], real);
        }
        return w;
    }

    /** GNU's indent: spaces, or a tab wherever one reaches the next tab stop (every 8 columns). */
    private static void pad(StringBuilder sb, int from, int to) {
        while (from < to) {
            if (to / 8 > (from + 1) / 8) {
                sb.append('\t');
                from += 8 - from % 8;
            } else {
                sb.append(' ');
                from++;
            }
        }
    }

    private static void printLong(List<Ls.Entry> entries, Ls.Options opt, PrintStream out, boolean isDir, ZoneId zone) {
        List<String[]> rows = new ArrayList<>();
        long blocks = 0;   // of 512 bytes, as st_blocks counts
        Instant now = Instant.now();
        for (Ls.Entry e : entries) {
            try {
                PosixFileAttributes a = Files.readAttributes(e.path(), PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                int mode = (Integer) Files.getAttribute(e.path(), "unix:mode", LinkOption.NOFOLLOW_LINKS);
                Object links = Files.getAttribute(e.path(), "unix:nlink", LinkOption.NOFOLLOW_LINKS);
                blocks += blocks(e.path(), a);
                String name = e.name();
                if (a.isSymbolicLink()) {
                    Path target = Files.readSymbolicLink(e.path());
                    name += " -> " + target;
                    if (opt.classify() || opt.slash()) {
                        Path resolved = e.path().resolveSibling(target);
                        name += Files.isDirectory(resolved) ? "/"
                                : opt.classify() && Files.isRegularFile(resolved) && Files.isExecutable(resolved) ? "*" : "";
                    }
                } else {
                    name += indicator(e, opt);
                }
                String owner = opt.numeric() ? String.valueOf(Files.getAttribute(e.path(), "unix:uid", LinkOption.NOFOLLOW_LINKS))
                        : a.owner().getName();
                String group = opt.numeric() ? String.valueOf(Files.getAttribute(e.path(), "unix:gid", LinkOption.NOFOLLOW_LINKS))
                        : a.group().getName();
                String size;
                int type = mode & 0170000;
                if (type == 0020000 || type == 0060000) {
                    long rdev = ((Number) Files.getAttribute(e.path(), "unix:rdev", LinkOption.NOFOLLOW_LINKS)).longValue();
                    size = "\0" + ((rdev >> 8) & 0xfff) + "," + ((rdev & 0xff) | ((rdev >> 12) & 0xfff00));
                } else {
                    size = opt.human() ? human(a.size()) : String.valueOf(a.size());
                }
                rows.add(new String[] {typeChar(type) + perms(mode), String.valueOf(links), owner, group, size,
                    date(a.lastModifiedTime().toInstant(), now, zone), name});
            } catch (IOException | UnsupportedOperationException | ClassCastException ex) {
                rows.add(new String[] {"??????????", "?", "?", "?", "?", "           ?", e.name()});
            }
        }
        if (isDir) {
            // GNU ls: the sum rounded up to 1 KiB blocks, or (-h) the bytes the blocks hold
            out.println("total " + (opt.human() ? human(blocks * 512) : String.valueOf((blocks + 1) / 2)));
        }
        int[] w = new int[5];
        int major = 0;
        int minor = 0;
        for (String[] r : rows) {
            for (int i = 1; i < 4; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
            if (r[4].startsWith("\0")) {
                String[] mm = r[4].substring(1).split(",");
                major = Math.max(major, mm[0].length());
                minor = Math.max(minor, mm[1].length());
            } else {
                w[4] = Math.max(w[4], r[4].length());
            }
        }
        // a device's "major, minor" has a column of its own for each number, as in GNU ls
        if (major > 0) {
            w[4] = Math.max(w[4], major + 2 + minor);
            for (String[] r : rows) {
                if (r[4].startsWith("\0")) {
                    String[] mm = r[4].substring(1).split(",");
                    r[4] = pad(mm[0], w[4] - 2 - minor, true) + ", " + pad(mm[1], minor, true);
                }
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(r[0]).append(' ').append(pad(r[1], w[1], true));
            if (opt.showOwner()) {
                line.append(' ').append(pad(r[2], w[2], false));
            }
            if (opt.showGroup()) {
                line.append(' ').append(pad(r[3], w[3], false));
            }
            line.append(' ').append(pad(r[4], w[4], true)).append(' ').append(r[5]).append(' ').append(r[6]);
            out.println(line);
        }
    }

    /** Filesystem types that give folders no blocks of their own (memory-backed ones). */
    private static final java.util.Set<String> MEMORY_FILESYSTEMS = java.util.Set.of("tmpfs", "devtmpfs", "ramfs",
            "proc", "sysfs");
    private static final Map<Object, Boolean> MEMORY_BY_DEVICE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The 512-byte blocks a file takes, for the "total" line: its st_blocks ({@link FileBlocks}),
     * else reckoned as the kernel allocates for ordinary files (whole 4 KiB pages of the size;
     * none for a symlink, nor for a folder on a memory filesystem such as tmpfs, whose size is
     * only a count).
     */
    private static long blocks(Path p, PosixFileAttributes a) {
        long exact = FileBlocks.of(p);
        return exact >= 0 ? exact : estimatedKilobytes(p, a) * 2;
    }

    private static long estimatedKilobytes(Path p, PosixFileAttributes a) {
        if (a.isSymbolicLink() || a.isOther()) {
            return 0;
        }
        if (a.isDirectory()) {
            try {
                Object dev = Files.getAttribute(p, "unix:dev", LinkOption.NOFOLLOW_LINKS);
                boolean memory = MEMORY_BY_DEVICE.computeIfAbsent(dev, d -> {
                    try {
                        return MEMORY_FILESYSTEMS.contains(Files.getFileStore(p).type());
                    } catch (IOException e) {
                        return false;
                    }
                });
                if (memory) {
                    return 0;
                }
            } catch (IOException | RuntimeException e) {
                // unknown: counted like a folder on disk
            }
        }
        return (a.size() + 4095) / 4096 * 4;
    }

    private static String pad(String s, int w, boolean right) {
        String fill = " ".repeat(Math.max(0, w - s.length()));
        return right ? fill + s : s + fill;
    }

    private static char typeChar(int type) {
        return switch (type) {
            case 0040000 -> 'd';
            case 0120000 -> 'l';
            case 0010000 -> 'p';
            case 0140000 -> 's';
            case 0020000 -> 'c';
            case 0060000 -> 'b';
            default -> '-';
        };
    }

    /** rwx for owner, group and others, with setuid, setgid and sticky as s/S and t/T. */
    static String perms(int mode) {
        char[] c = new char[9];
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            c[i] = (mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-';
        }
        if ((mode & 04000) != 0) {
            c[2] = c[2] == 'x' ? 's' : 'S';
        }
        if ((mode & 02000) != 0) {
            c[5] = c[5] == 'x' ? 's' : 'S';
        }
        if ((mode & 01000) != 0) {
            c[8] = c[8] == 'x' ? 't' : 'T';
        }
        return new String(c);
    }

    /** The shell's $TZ when Java knows the zone, else the system's. */
    static ZoneId zone(Map<String, String> env) {
        String tz = env.get("TZ");
        if (tz != null && !tz.isBlank()) {
            try {
                return ZoneId.of(tz.startsWith(":") ? tz.substring(1) : tz);
            } catch (RuntimeException e) {
                // a POSIX rule string Java cannot read: the system zone
            }
        }
        return ZoneId.systemDefault();
    }

    private static String date(Instant t, Instant now, ZoneId zone) {
        boolean recent = t.isAfter(now.minusSeconds(SIX_MONTHS_SECONDS)) && !t.isAfter(now);
        return (recent ? RECENT : OLD).format(t.atZone(zone));
    }

    static String human(long size) {
        if (size < 1024) {
            return Long.toString(size);
        }
        String units = "KMGTPE";
        double v = size;
        int u = -1;
        while (v >= 1024 && u < units.length() - 1) {
            v /= 1024;
            u++;
        }
        return (v < 10 ? String.format(Locale.ROOT, "%.1f", Math.ceil(v * 10) / 10) : String.valueOf((long) Math.ceil(v)))
                + units.charAt(u);
    }
}
