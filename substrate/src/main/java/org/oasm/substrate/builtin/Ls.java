package org.oasm.substrate.builtin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.oasm.substrate.exec.CommandIO;
import org.oasm.substrate.expand.Glob;

/**
 * {@code ls [-1aAdlhrt] [FILE...]}: GNU-like listing. One name per line when stdout is not a
 * terminal (what scripts and pipes read), columns on a terminal, long format with -l. Names sort in
 * byte order, as GNU ls does in the C locale.
 */
final class Ls implements Builtin {

    /** The options given. */
    record Options(boolean all, boolean almostAll, boolean longFormat, boolean one, boolean directory,
            boolean human, boolean reverse, boolean byTime) { }

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext ctx) throws IOException {
        boolean all = false, almostAll = false, lng = false, one = false, dir = false, human = false,
                rev = false, time = false;
        List<String> operands = new ArrayList<>();
        boolean endOfOptions = false;
        for (String a : args) {
            if (!endOfOptions && a.equals("--")) {
                endOfOptions = true;
            } else if (!endOfOptions && a.startsWith("-") && a.length() > 1) {
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'a' -> all = true;
                        case 'A' -> almostAll = true;
                        case 'l' -> lng = true;
                        case '1' -> one = true;
                        case 'd' -> dir = true;
                        case 'h' -> human = true;
                        case 'r' -> rev = true;
                        case 't' -> time = true;
                        default -> {
                            io.err().println("ls: invalid option -- '" + c + "'");
                            io.err().println("Try 'ls --help' for more information.");
                            return 2;
                        }
                    }
                }
            } else {
                operands.add(a);
            }
        }
        Options opt = new Options(all, almostAll, lng, one || !io.outIsTerminal(), dir, human, rev, time);
        boolean implicit = operands.isEmpty();
        if (implicit) {
            operands.add(".");
        }
        Path cwd = ctx.state().cwd();
        int status = 0;
        List<Entry> files = new ArrayList<>();
        List<Entry> dirs = new ArrayList<>();
        for (String op : operands) {
            Path p = cwd.resolve(op);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                io.err().println("ls: cannot access '" + op + "': No such file or directory");
                status = 2;
                continue;
            }
            Entry e = new Entry(op, p);
            if (!opt.directory() && Files.isDirectory(p)) {
                dirs.add(e);
            } else {
                files.add(e);
            }
        }
        sort(files, opt);
        sort(dirs, opt);
        PrintStream out = io.out();
        boolean printed = false;
        if (!files.isEmpty()) {
            LsFormat.print(files, opt, out, ctx.terminalColumns(), false);
            printed = true;
        }
        boolean headers = dirs.size() + files.size() > 1 || status != 0;
        for (Entry d : dirs) {
            if (printed) {
                out.println();
            }
            if (headers) {
                out.println(d.name() + ":");
            }
            List<Entry> children = new ArrayList<>();
            if (opt.all()) {
                children.add(new Entry(".", d.path()));
                children.add(new Entry("..", d.path().resolve("..")));
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(d.path())) {
                for (Path c : ds) {
                    String n = c.getFileName().toString();
                    if (n.startsWith(".") && !opt.all() && !opt.almostAll()) {
                        continue;
                    }
                    children.add(new Entry(n, c));
                }
            } catch (IOException e) {
                io.err().println("ls: cannot open directory '" + d.name() + "': Permission denied");
                status = 2;
                continue;
            }
            sort(children, opt);
            LsFormat.print(children, opt, out, ctx.terminalColumns(), true);
            printed = true;
        }
        return status;
    }

    private static void sort(List<Entry> entries, Options opt) {
        Comparator<Entry> byName = (a, b) -> Glob.compareBytes(a.name(), b.name());
        Comparator<Entry> cmp = opt.byTime()
                ? Comparator.comparing((Entry e) -> e.modified()).reversed().thenComparing(byName)
                : byName;
        entries.sort(opt.reverse() ? cmp.reversed() : cmp);
    }

    /** One name to list and the path it stands for. */
    record Entry(String name, Path path) {
        long modified() {
            try {
                return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis();
            } catch (IOException e) {
                return 0;
            }
        }
    }
}
