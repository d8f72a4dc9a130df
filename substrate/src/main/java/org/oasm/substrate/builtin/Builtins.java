package org.oasm.substrate.builtin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of commands that run inside the cockpit. {@link #standard()} holds the contract's
 * builtins; the cockpit adds {@code oasm}.
 */
public final class Builtins {

    private final Map<String, Builtin> byName = new LinkedHashMap<>();

    /**
     * cd, pwd, ls, echo, env, export, unset, alias, source (and .), which, history, exit; with
     * unalias beside alias, and {@code :}, which is no program anywhere and which scripts use for
     * {@code : ${X:=default}}.
     */
    public static Builtins standard() {
        Builtins b = new Builtins();
        b.register("cd", new Cd());
        b.register("pwd", new Pwd());
        b.register("ls", new Ls());
        b.register("echo", new Echo());
        b.register("env", new Env());
        b.register("export", new Export());
        b.register("unset", new Unset());
        b.register("alias", new Alias());
        b.register("unalias", new Unalias());
        Builtin source = new Source();
        b.register("source", source);
        b.register(".", source);
        b.register("which", new Which());
        b.register("history", new History());
        b.register("exit", new Exit());
        b.register(":", (name, args, io, ctx) -> 0);
        return b;
    }

    public void register(String name, Builtin builtin) {
        byName.put(name, builtin);
    }

    public Optional<Builtin> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }
}
