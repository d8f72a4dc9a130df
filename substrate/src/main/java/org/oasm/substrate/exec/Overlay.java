package org.oasm.substrate.exec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.oasm.substrate.expand.ExpansionContext;

/**
 * What {@code A=1 B=$A cmd} expands {@code B}'s value in: the shell's variables with the
 * command's earlier prefix assignments in front of them, as bash does.
 */
record Overlay(ShellState state, Map<String, String> assigned) implements ExpansionContext {
    @Override
    public String variable(String name) {
        return assigned.containsKey(name) ? assigned.get(name) : state.variable(name);
    }

    @Override
    public void assign(String name, String value) {
        state.assign(name, value);
    }

    @Override
    public String scriptName() {
        return state.scriptName();
    }

    @Override
    public List<String> positional() {
        return state.positional();
    }

    @Override
    public int lastStatus() {
        return state.lastStatus();
    }

    @Override
    public long shellPid() {
        return state.shellPid();
    }

    @Override
    public Path cwd() {
        return state.cwd();
    }

    @Override
    public String home(String user) {
        return state.home(user);
    }
}
