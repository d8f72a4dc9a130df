package org.oasm.substrate.exec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oasm.substrate.builtin.Builtins;

/**
 * Finds what runs for a command name: a builtin, a script by its extension ({@code .oasm} in the
 * cockpit, {@code .sh} through bash unless it is an executable with a {@code #!} line, which the
 * kernel runs as bash would, {@code .ps1} through pwsh), or a program on PATH.
 */
public final class CommandResolver {

    private final Builtins builtins;

    public CommandResolver(Builtins builtins) {
        this.builtins = builtins;
    }

    public Resolved resolve(List<String> argv, ShellState state) {
        return resolve(argv, state, state.variable("PATH"));
    }

    /** Like {@link #resolve(List, ShellState)} with the PATH of a {@code PATH=... cmd} prefix. */
    public Resolved resolve(List<String> argv, ShellState state, String pathVariable) {
        String name = argv.getFirst();
        List<String> args = argv.subList(1, argv.size());
        if (!name.contains("/")) {
            var b = builtins.get(name);
            if (b.isPresent()) {
                return new Resolved.BuiltinCommand(name, b.get());
            }
        }
        Path file;
        if (name.contains("/")) {
            file = state.cwd().resolve(name);
            if (!Files.exists(file)) {
                return new Resolved.Failure(name + ": No such file or directory", 127);
            }
        } else {
            Optional<Path> found = searchPath(name, pathVariable, state.cwd());
            if (found.isEmpty()) {
                Optional<Path> script = scriptOnPath(name, pathVariable, state.cwd());
                if (script.isEmpty()) {
                    // with no PATH bash looks in the working folder only, and says so differently
                    boolean noPath = pathVariable == null || pathVariable.isEmpty();
                    return new Resolved.Failure(name + (noPath ? ": No such file or directory" : ": command not found"), 127);
                }
                file = script.get();
            } else {
                file = found.get();
            }
        }
        if (Files.isDirectory(file)) {
            return new Resolved.Failure(name + ": Is a directory", 126);
        }
        String lower = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".oasm")) {
            return new Resolved.OasmScript(file, name.contains("/") ? name : file.toString(), List.copyOf(args));
        }
        if (lower.endsWith(".sh") && !(Files.isExecutable(file) && hasShebang(file))) {
            return interpreted("bash", file, args, state);
        }
        if (lower.endsWith(".ps1")) {
            if (searchPath("pwsh", state).isEmpty()) {
                return new Resolved.Failure(name + ": cannot run a .ps1 script: pwsh (PowerShell) is not installed", 127);
            }
            return interpreted("pwsh", file, args, state);
        }
        if (!Files.isExecutable(file)) {
            return new Resolved.Failure(name + ": Permission denied", 126);
        }
        List<String> full = new ArrayList<>(argv.size());
        full.add(programWord(name, file));
        full.addAll(args);
        return new Resolved.External(full, file.toAbsolutePath(), name);
    }

    private static final String JVM_PATH = System.getenv("PATH");

    /**
     * What to hand to the process launcher for a program ({@code name} as typed, {@code file} what
     * it resolved to). A name found on PATH is passed bare when
     * the JVM's own PATH finds the same file (the launcher searches that one), so the program's
     * argv[0] is the name as typed and its messages read {@code cat: ...}, as under bash, not
     * {@code /usr/bin/cat: ...}. Otherwise the full path.
     */
    public static String programWord(String name, Path file) {
        if (name.contains("/")) {
            return name.startsWith("/") ? name : file.toString();
        }
        Optional<Path> jvm = searchPath(name, JVM_PATH, Path.of("/"));
        return jvm.isPresent() && jvm.get().equals(file) ? name : file.toString();
    }

    /** Whether a file starts with {@code #!}, so the kernel can run it itself. */
    private static boolean hasShebang(Path file) {
        try (var in = Files.newInputStream(file)) {
            return in.read() == '#' && in.read() == '!';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private Resolved interpreted(String interpreter, Path file, List<String> args, ShellState state) {
        Optional<Path> exe = searchPath(interpreter, state);
        if (exe.isEmpty()) {
            return new Resolved.Failure(interpreter + ": command not found", 127);
        }
        List<String> argv = new ArrayList<>();
        argv.add(exe.get().toString());
        if (interpreter.equals("pwsh")) {
            argv.add("-NoLogo");
            argv.add("-File");
        }
        argv.add(file.toString());
        argv.addAll(args);
        return new Resolved.External(argv, exe.get().toAbsolutePath(), interpreter);
    }

    /** The first executable regular file called {@code name} on PATH, like {@code which}. */
    public static Optional<Path> searchPath(String name, ShellState state) {
        return searchPath(name, state.variable("PATH"), state.cwd());
    }

    /** The first executable regular file called {@code name} on the given PATH value. */
    public static Optional<Path> searchPath(String name, String path, Path cwd) {
        if (path == null) {
            path = "";
        }
        for (String dir : path.split(":", -1)) {
            Path d = dir.isEmpty() ? cwd : cwd.resolve(dir);
            Path candidate = d.resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> scriptOnPath(String name, String path, Path cwd) {
        String lower = name.toLowerCase();
        if (!(lower.endsWith(".oasm") || lower.endsWith(".sh") || lower.endsWith(".ps1"))) {
            return Optional.empty();
        }
        for (String dir : (path == null ? "" : path).split(":")) {
            Path candidate = cwd.resolve(dir.isEmpty() ? "." : dir).resolve(name);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
