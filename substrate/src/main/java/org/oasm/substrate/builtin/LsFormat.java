package org.oasm.substrate.builtin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The three output layouts of {@link Ls}: one per line, columns, and the long format. */
final class LsFormat {

    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ENGLISH);

    private LsFormat() {
    }

    static void print(List<Ls.Entry> entries, Ls.Options opt, PrintStream out, int width, boolean isDir) {
        if (opt.longFormat()) {
            printLong(entries, opt, out, isDir);
        } else if (opt.one()) {
            entries.forEach(e -> out.println(e.name()));
        } else {
            printColumns(entries, out, width);
        }
    }

    /** GNU's vertical columns: the fewest rows whose columns fit the terminal width. */
    static void printColumns(List<Ls.Entry> entries, PrintStream out, int width) {
        int n = entries.size();
        if (n == 0) {
            return;
        }
        int[] len = entries.stream().mapToInt(e -> e.name().codePointCount(0, e.name().length())).toArray();
        int rows = n;
        int[] colWidths = {0};
        for (int r = 1; r <= n; r++) {
            int cols = (n + r - 1) / r;
            int[] w = new int[cols];
            int total = 0;
            for (int c = 0; c < cols; c++) {
                for (int k = c * r; k < Math.min(n, (c + 1) * r); k++) {
                    w[c] = Math.max(w[c], len[k]);
                }
                total += w[c] + (c < cols - 1 ? 2 : 0);
            }
            if (total <= width || r == n) {
                rows = r;
                colWidths = w;
                break;
            }
        }
        for (int r = 0; r < rows; r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < colWidths.length; c++) {
                int k = c * rows + r;
                if (k >= n) {
                    break;
                }
                line.append(entries.get(k).name());
                boolean lastInRow = (c + 1) * rows + r >= n;
                if (!lastInRow) {
                    line.append(" ".repeat(colWidths[c] - len[k] + 2));
                }
            }
            out.println(line);
        }
    }

    private static void printLong(List<Ls.Entry> entries, Ls.Options opt, PrintStream out, boolean isDir) {
        List<String[]> rows = new ArrayList<>();
        long blocks = 0;
        for (Ls.Entry e : entries) {
            try {
                PosixFileAttributes a = Files.readAttributes(e.path(), PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                Object links = Files.getAttribute(e.path(), "unix:nlink", LinkOption.NOFOLLOW_LINKS);
                blocks += (a.size() + 4095) / 4096 * 4;
                String name = e.name();
                if (a.isSymbolicLink()) {
                    name += " -> " + Files.readSymbolicLink(e.path());
                }
                rows.add(new String[] {type(a) + perms(a.permissions()), String.valueOf(links), a.owner().getName(),
                    a.group().getName(), opt.human() ? human(a.size()) : String.valueOf(a.size()),
                    date(a.lastModifiedTime().toInstant()), name});
            } catch (IOException | UnsupportedOperationException ex) {
                rows.add(new String[] {"??????????", "?", "?", "?", "?", "?", e.name()});
            }
        }
        if (isDir) {
            out.println("total " + (opt.human() ? human(blocks * 1024) : String.valueOf(blocks)));
        }
        int[] w = new int[6];
        for (String[] r : rows) {
            for (int i = 1; i < 5; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            out.println(r[0] + " " + pad(r[1], w[1], true) + " " + pad(r[2], w[2], false) + " "
                    + pad(r[3], w[3], false) + " " + pad(r[4], w[4], true) + " " + r[5] + " " + r[6]);
        }
    }

    private static String pad(String s, int w, boolean right) {
        String fill = " ".repeat(Math.max(0, w - s.length()));
        return right ? fill + s : s + fill;
    }

    private static String type(PosixFileAttributes a) {
        if (a.isDirectory()) {
            return "d";
        }
        if (a.isSymbolicLink()) {
            return "l";
        }
        return a.isOther() ? "p" : "-";
    }

    private static String perms(Set<PosixFilePermission> p) {
        return (p.contains(PosixFilePermission.OWNER_READ) ? "r" : "-")
                + (p.contains(PosixFilePermission.OWNER_WRITE) ? "w" : "-")
                + (p.contains(PosixFilePermission.OWNER_EXECUTE) ? "x" : "-")
                + (p.contains(PosixFilePermission.GROUP_READ) ? "r" : "-")
                + (p.contains(PosixFilePermission.GROUP_WRITE) ? "w" : "-")
                + (p.contains(PosixFilePermission.GROUP_EXECUTE) ? "x" : "-")
                + (p.contains(PosixFilePermission.OTHERS_READ) ? "r" : "-")
                + (p.contains(PosixFilePermission.OTHERS_WRITE) ? "w" : "-")
                + (p.contains(PosixFilePermission.OTHERS_EXECUTE) ? "x" : "-");
    }

    private static String date(Instant t) {
        var z = t.atZone(ZoneId.systemDefault());
        boolean recent = t.isAfter(Instant.now().minusSeconds(15552000L)) && t.isBefore(Instant.now().plusSeconds(3600));
        return (recent ? RECENT : OLD).format(z);
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
