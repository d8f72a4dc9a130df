package org.oasm.substrate.exec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oasm.substrate.builtin.Builtins;

/**
 * Finds what runs for a command name: a builtin, a script by its extension ({@code .oasm} in the
 * cockpit, {@code .sh} through bash, {@code .ps1} through pwsh), or a program on PATH.
 */
public final class CommandResolver {

    private final Builtins builtins;

    public CommandResolver(Builtins builtins) {
        this.builtins = builtins;
    }

    public Resolved resolve(List<String> argv, ShellState state) {
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
            Optional<Path> found = searchPath(name, state);
            if (found.isEmpty()) {
                Optional<Path> script = scriptOnPath(name, state);
                if (script.isEmpty()) {
                    return new Resolved.Failure(name + ": command not found", 127);
                }
                file = script.get();
            } else {
                file = found.get();
            }
        }
        if (Files.isDirectory(file)) {
            return new Resolved.Failure(name + ": Is a directory", 126);
        }
        String lower = file.getFileName().toString().toLowerCase();
        if (lower.endsWith(".oasm")) {
            return new Resolved.OasmScript(file, List.copyOf(args));
        }
        if (lower.endsWith(".sh")) {
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
        full.add(name.contains("/") ? name : file.toString());
        full.addAll(args);
        if (name.contains("/") && !name.startsWith("/")) {
            full.set(0, file.toString());
        }
        return new Resolved.External(full);
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
        return new Resolved.External(argv);
    }

    /** The first executable regular file called {@code name} on PATH, like {@code which}. */
    public static Optional<Path> searchPath(String name, ShellState state) {
        String path = state.variable("PATH");
        if (path == null) {
            path = "/usr/local/bin:/usr/bin:/bin";
        }
        for (String dir : path.split(":", -1)) {
            Path d = dir.isEmpty() ? state.cwd() : state.cwd().resolve(dir);
            Path candidate = d.resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> scriptOnPath(String name, ShellState state) {
        String lower = name.toLowerCase();
        if (!(lower.endsWith(".oasm") || lower.endsWith(".sh") || lower.endsWith(".ps1"))) {
            return Optional.empty();
        }
        String path = state.variable("PATH");
        for (String dir : (path == null ? "" : path).split(":")) {
            Path candidate = state.cwd().resolve(dir.isEmpty() ? "." : dir).resolve(name);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
