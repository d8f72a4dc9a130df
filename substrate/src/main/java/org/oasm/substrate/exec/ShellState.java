package org.oasm.substrate.exec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oasm.substrate.expand.ExpansionContext;

/**
 * Everything a shell session remembers between commands: working directory, variables (and which
 * are exported), aliases, positional parameters, the last exit status. A pipeline stage that runs
 * a builtin gets a {@linkplain #copy() copy}, as bash runs it in a subshell.
 */
public final class ShellState implements ExpansionContext {

    private Path cwd;
    private final Map<String, String> vars;
    private final Map<String, Boolean> exported;
    private final Map<String, String> aliases;
    private String scriptName;
    private List<String> positional;
    private int lastStatus;
    private String errorPrefix = "oasm: ";
    private int lineNumber;
    private boolean interactive;
    private boolean commandString;

    /** A state seeded from the given environment, all of it exported. */
    public ShellState(Path cwd, Map<String, String> environment) {
        this.cwd = cwd.toAbsolutePath().normalize();
        this.vars = new LinkedHashMap<>(environment);
        this.exported = new LinkedHashMap<>();
        environment.keySet().forEach(k -> exported.put(k, true));
        this.aliases = new LinkedHashMap<>();
        this.scriptName = "oasm";
        this.positional = List.of();
        vars.put("PWD", this.cwd.toString());
        exported.put("PWD", true);
    }

    /**
     * The state a shell starts with, as bash sets it up: the inherited environment, all exported;
     * {@code PWD} kept when it names the working directory (a logical path through symlinks),
     * else the physical path; {@code OLDPWD} kept only when it is a directory; {@code SHLVL}
     * one more than inherited; {@code PPID}, {@code UID} and {@code EUID} set, not exported.
     */
    public static ShellState startup(Path cwd, Map<String, String> environment) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        Path dir = cwd.toAbsolutePath().normalize();
        String pwd = env.get("PWD");
        env.remove("PWD");
        ShellState s = new ShellState(dir, env);
        if (pwd != null && pwd.startsWith("/") && !pwd.equals(dir.toString())) {
            try {
                Path logical = Path.of(pwd).normalize();
                if (java.nio.file.Files.isSameFile(logical, dir)) {
                    s.cwd = logical;
                    s.vars.put("PWD", logical.toString());
                }
            } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
                // not the same folder: the physical path stands
            }
        }
        String old = env.get("OLDPWD");
        if (old != null && !java.nio.file.Files.isDirectory(Path.of(old))) {
            s.vars.remove("OLDPWD");
        }
        s.exported.put("OLDPWD", true);
        int level;
        try {
            level = Integer.parseInt(env.getOrDefault("SHLVL", "0").strip()) + 1;
        } catch (NumberFormatException e) {
            level = 1;
        }
        s.vars.put("SHLVL", Integer.toString(Math.max(level, 1)));
        s.exported.put("SHLVL", true);
        // bash's own, not exported: the parent's process id and the user's ids
        ProcessHandle.current().parent().ifPresent(p -> s.vars.put("PPID", Long.toString(p.pid())));
        try {
            Object uid = java.nio.file.Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            s.vars.put("UID", uid.toString());
            s.vars.put("EUID", uid.toString());
        } catch (java.io.IOException | RuntimeException e) {
            // no /proc: the ids stay unset
        }
        return s;
    }

    private ShellState(ShellState o) {
        this.cwd = o.cwd;
        this.vars = new LinkedHashMap<>(o.vars);
        this.exported = new LinkedHashMap<>(o.exported);
        this.aliases = new LinkedHashMap<>(o.aliases);
        this.scriptName = o.scriptName;
        this.positional = o.positional;
        this.lastStatus = o.lastStatus;
        this.errorPrefix = o.errorPrefix;
        this.lineNumber = o.lineNumber;
        this.interactive = o.interactive;
        this.commandString = o.commandString;
    }

    /** A subshell's state: changes to it do not reach this one. */
    public ShellState copy() {
        return new ShellState(this);
    }

    @Override
    public Path cwd() {
        return cwd;
    }

    /** Changes directory; updates PWD and OLDPWD like cd does. */
    public void changeDirectory(Path dir) {
        vars.put("OLDPWD", cwd.toString());
        exported.putIfAbsent("OLDPWD", true);
        cwd = dir.toAbsolutePath().normalize();
        vars.put("PWD", cwd.toString());
    }

    @Override
    public String variable(String name) {
        return vars.get(name);
    }

    @Override
    public void assign(String name, String value) {
        vars.put(name, value);
    }

    public void export(String name) {
        exported.put(name, true);
    }

    public void unexport(String name) {
        exported.remove(name);
    }

    public void unset(String name) {
        vars.remove(name);
        exported.remove(name);
    }

    public boolean isExported(String name) {
        return exported.getOrDefault(name, false);
    }

    /** Exported variables with values, as a child process's environment, sorted by name. */
    public Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>();
        exported.forEach((k, on) -> {
            String v = vars.get(k);
            if (on && v != null) {
                env.put(k, v);
            }
        });
        return env;
    }

    /** Names of exported variables, with or without a value. */
    public List<String> exportedNames() {
        return new ArrayList<>(exported.keySet()).stream().filter(exported::get).sorted().toList();
    }

    public Map<String, String> aliases() {
        return aliases;
    }

    @Override
    public String scriptName() {
        return scriptName;
    }

    @Override
    public List<String> positional() {
        return positional;
    }

    public void setArguments(String name, List<String> args) {
        this.scriptName = name;
        this.positional = List.copyOf(args);
    }

    @Override
    public int lastStatus() {
        return lastStatus;
    }

    public void setLastStatus(int status) {
        this.lastStatus = status;
    }

    @Override
    public long shellPid() {
        return ProcessHandle.current().pid();
    }

    @Override
    public String home(String user) {
        if (user.isEmpty()) {
            String h = vars.get("HOME");
            return h != null ? h : System.getProperty("user.home");
        }
        if (user.equals(System.getProperty("user.name"))) {
            return System.getProperty("user.home");
        }
        return null;
    }

    /** Prefix of error messages: {@code oasm: } interactively, {@code oasm: line 3: } in scripts. */
    public String errorPrefix() {
        return lineNumber > 0 && !interactive ? errorPrefix + "line " + lineNumber + ": " : errorPrefix;
    }

    public void setErrorPrefix(String prefix) {
        this.errorPrefix = prefix;
    }

    public void setLineNumber(int line) {
        this.lineNumber = line;
    }

    public int lineNumber() {
        return lineNumber;
    }

    public boolean interactive() {
        return interactive;
    }

    public void setInteractive(boolean interactive) {
        this.interactive = interactive;
    }

    /** Whether the shell runs a {@code -c} string (some statuses differ from scripts, as in bash). */
    public boolean commandString() {
        return commandString;
    }

    public void setCommandString(boolean commandString) {
        this.commandString = commandString;
    }
}
