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
import java.util.Optional;
import org.oasm.substrate.exec.CommandIO;
import org.oasm.substrate.exec.CommandResolver;
import org.oasm.substrate.expand.Glob;

/**
 * {@code ls}: GNU-like listing. One name per line when stdout is not a terminal (what scripts and
 * pipes read), columns on a terminal or with {@code -C}/{@code -x}, the long format with
 * {@code -l} (and {@code -n -g -o -G}); {@code -a -A -d -h -r -t -S -R -F -p -1} and their long
 * names. Names sort in byte order, as GNU ls does in the C locale. An option it does not know is
 * handed, with all the arguments, to GNU ls itself when it is installed, so nothing is refused
 * that the user's ls would take.
 */
final class Ls implements Builtin {

    /** How to sort. */
    enum Sort { NAME, TIME, SIZE }

    /** How to lay names out. */
    enum Layout { ONE_PER_LINE, COLUMNS, ACROSS, LONG }

    /** The options given. */
    record Options(boolean all, boolean almostAll, Layout layout, boolean directory, boolean human, boolean reverse,
            Sort sort, boolean recursive, boolean classify, boolean slash, boolean numeric, boolean showOwner,
            boolean showGroup) {
        boolean longFormat() {
            return layout == Layout.LONG;
        }
    }

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext ctx) throws IOException {
        Parsed p = parse(args, io.outIsTerminal());
        if (p.unknown != null) {
            Optional<Path> gnu = CommandResolver.searchPath("ls", ctx.state());
            if (gnu.isPresent()) {
                List<String> argv = new ArrayList<>();
                argv.add(CommandResolver.programWord("ls", gnu.get()));
                argv.addAll(args);
                io.out().flush();
                try {
                    return ctx.launch(argv, ctx.state().environment());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 130;
                }
            }
            io.err().println(p.unknown.startsWith("--") ? "ls: unrecognized option '" + p.unknown + "'"
                    : "ls: invalid option -- '" + p.unknown.charAt(1) + "'");
            io.err().println("Try 'ls --help' for more information.");
            return 2;
        }
        return new Listing(p.options, io, ctx, Glob::compareBytes).list(p.operands);
    }

    /** The options and operands of a command line, or the first option this ls does not know. */
    private record Parsed(Options options, List<String> operands, String unknown) { }

    private static Parsed parse(List<String> args, boolean terminal) {
        boolean all = false, almostAll = false, dir = false, human = false, rev = false, recursive = false,
                classify = false, slash = false, numeric = false, owner = true, group = true, endOfOptions = false;
        Layout layout = terminal ? Layout.COLUMNS : Layout.ONE_PER_LINE;
        Sort sort = Sort.NAME;
        List<String> operands = new ArrayList<>();
        for (String a : args) {
            if (endOfOptions || !a.startsWith("-") || a.equals("-")) {
                operands.add(a);
                continue;
            }
            if (a.equals("--")) {
                endOfOptions = true;
                continue;
            }
            if (a.startsWith("--")) {
                switch (a) {
                    case "--all" -> all = true;
                    case "--almost-all" -> almostAll = true;
                    case "--directory" -> dir = true;
                    case "--human-readable" -> human = true;
                    case "--reverse" -> rev = true;
                    case "--recursive" -> recursive = true;
                    case "--classify" -> classify = true;
                    case "--numeric-uid-gid" -> {
                        numeric = true;
                        layout = Layout.LONG;
                    }
                    case "--no-group" -> group = false;
                    case "--color", "--color=auto", "--color=never", "--color=none", "--color=no", "--colour",
                            "--colour=auto", "--colour=never" -> {
                        // colours only on a terminal; the builtin never colours
                    }
                    default -> {
                        return new Parsed(null, operands, a);
                    }
                }
                continue;
            }
            for (char c : a.substring(1).toCharArray()) {
                switch (c) {
                    case 'a' -> all = true;
                    case 'A' -> almostAll = true;
                    case 'l' -> layout = Layout.LONG;
                    case 'n' -> {
                        numeric = true;
                        layout = Layout.LONG;
                    }
                    case 'g' -> {
                        owner = false;
                        layout = Layout.LONG;
                    }
                    case 'o' -> {
                        group = false;
                        layout = Layout.LONG;
                    }
                    case 'G' -> group = false;
                    case '1' -> layout = Layout.ONE_PER_LINE;
                    case 'C' -> layout = Layout.COLUMNS;
                    case 'x' -> layout = Layout.ACROSS;
                    case 'd' -> dir = true;
                    case 'h' -> human = true;
                    case 'r' -> rev = true;
                    case 't' -> sort = Sort.TIME;
                    case 'S' -> sort = Sort.SIZE;
                    case 'R' -> recursive = true;
                    case 'F' -> classify = true;
                    case 'p' -> slash = true;
                    default -> {
                        return new Parsed(null, operands, "-" + c);
                    }
                }
            }
        }
        return new Parsed(new Options(all, almostAll, layout, dir, human, rev, sort, recursive, classify, slash,
                numeric, owner, group), operands, null);
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

        long size() {
            try {
                return Files.size(path);
            } catch (IOException e) {
                return 0;
            }
        }

        boolean isSymlink() {
            return Files.isSymbolicLink(path);
        }
    }

    /** One run of ls: its options, streams, and the sort order. */
    private static final class Listing {
        private final Options opt;
        private final CommandIO io;
        private final BuiltinContext ctx;
        private final Comparator<Entry> order;
        private int status;
        private boolean printed;

        Listing(Options opt, CommandIO io, BuiltinContext ctx, Comparator<String> names) {
            this.opt = opt;
            this.io = io;
            this.ctx = ctx;
            Comparator<Entry> byName = (a, b) -> names.compare(a.name(), b.name());
            Comparator<Entry> cmp = switch (opt.sort()) {
                case NAME -> byName;
                case TIME -> Comparator.comparingLong(Entry::modified).reversed().thenComparing(byName);
                case SIZE -> Comparator.comparingLong(Entry::size).reversed().thenComparing(byName);
            };
            this.order = opt.reverse() ? cmp.reversed() : cmp;
        }

        int list(List<String> operands) {
            boolean implicit = operands.isEmpty();
            List<String> names = implicit ? List.of(".") : operands;
            Path cwd = ctx.state().cwd();
            List<Entry> files = new ArrayList<>();
            List<Entry> dirs = new ArrayList<>();
            for (String op : names) {
                Path p = cwd.resolve(op);
                if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    io.err().println("ls: cannot access '" + op + "': No such file or directory");
                    status = 2;
                    continue;
                }
                // GNU follows a symlink to a folder named on the command line, except for -d, -l and -F
                boolean follow = !(opt.longFormat() || opt.classify());
                boolean isDir = follow ? Files.isDirectory(p) : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                if (!opt.directory() && isDir) {
                    dirs.add(new Entry(op, p));
                } else {
                    files.add(new Entry(op, p));
                }
            }
            files.sort(order);
            dirs.sort(order);
            PrintStream out = io.out();
            if (!files.isEmpty()) {
                LsFormat.print(files, opt, out, width(), false, ctx.state().environment());
                printed = true;
            }
            boolean headers = dirs.size() + files.size() > 1 || status != 0 || opt.recursive();
            for (Entry d : dirs) {
                listDirectory(d.name(), d.path(), headers);
            }
            return status;
        }

        private void listDirectory(String shown, Path dir, boolean header) {
            PrintStream out = io.out();
            List<Entry> children = new ArrayList<>();
            if (opt.all()) {
                children.add(new Entry(".", dir));
                children.add(new Entry("..", dir.resolve("..")));
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path c : ds) {
                    String n = c.getFileName().toString();
                    if (n.startsWith(".") && !opt.all() && !opt.almostAll()) {
                        continue;
                    }
                    children.add(new Entry(n, c));
                }
            } catch (IOException e) {
                io.err().println("ls: cannot open directory '" + shown + "': Permission denied");
                status = 2;
                return;
            }
            if (printed) {
                out.println();
            }
            if (header) {
                out.println(shown + ":");
            }
            children.sort(order);
            LsFormat.print(children, opt, out, width(), true, ctx.state().environment());
            printed = true;
            if (opt.recursive()) {
                for (Entry c : children) {
                    if (!c.name().equals(".") && !c.name().equals("..")
                            && Files.isDirectory(c.path(), LinkOption.NOFOLLOW_LINKS)) {
                        listDirectory(shown.endsWith("/") ? shown + c.name() : shown + "/" + c.name(), c.path(), true);
                    }
                }
            }
        }

        /** The line width for columns: the terminal's, else $COLUMNS, else 80, as GNU ls takes it. */
        private int width() {
            if (io.outIsTerminal()) {
                return ctx.terminalColumns();
            }
            String columns = ctx.state().variable("COLUMNS");
            try {
                return columns == null ? 80 : Math.max(1, Integer.parseInt(columns.strip()));
            } catch (NumberFormatException e) {
                return 80;
            }
        }
    }
}
