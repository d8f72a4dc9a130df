package org.oasm.substrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.substrate.builtin.Builtins;
import org.oasm.substrate.exec.CommandResolver;
import org.oasm.substrate.exec.Endpoint;
import org.oasm.substrate.exec.IoContext;
import org.oasm.substrate.exec.ShellExit;
import org.oasm.substrate.exec.ShellState;
import org.oasm.substrate.exec.TerminalInfo;

/**
 * What the differential suite cannot show by comparing with bash: the execution listener's events,
 * the contract's script rules, and that programs in a pipeline share real OS pipes.
 */
class ShellTest {

    @TempDir
    Path dir;
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private Shell shell;

    record Result(int status, String out, String err) { }

    @BeforeEach
    void setUp() {
        ShellState state = ShellState.startup(dir, Map.of("PATH", System.getenv("PATH"), "HOME", dir.toString()));
        ExecutionListener listener = new ExecutionListener() {
            @Override
            public void started(CommandEvent e) {
                events.add("start " + e.level() + " " + e.text() + (e.parentId() == 0 ? "" : " (in line " + e.parentId() + ")"));
            }

            @Override
            public void finished(CommandEvent e, CommandOutcome o) {
                assertTrue(o.durationNanos() >= 0);
                events.add("end " + e.level() + " " + e.text() + " -> " + o.status() + (o.pid() > 0 ? " pid" : ""));
            }
        };
        shell = new Shell(state, Builtins.standard(), listener, TerminalInfo.NONE);
    }

    private Result run(String line) throws IOException {
        Path out = Files.createTempFile(dir, "out", "");
        Path err = Files.createTempFile(dir, "err", "");
        int status;
        try {
            status = shell.run(line, "-c", new IoContext(new Endpoint.Null(), new Endpoint.FileEndpoint(out, false),
                    new Endpoint.FileEndpoint(err, false)));
        } catch (ShellExit e) {
            status = e.status();
        }
        return new Result(status, Files.readString(out), Files.readString(err));
    }

    @Test
    void theListenerHearsEveryLineAndEveryCommand() throws IOException {
        run("echo a | tr a b; false");
        assertEquals(List.of(
                "start LINE echo a | tr a b; false",
                "start STAGE tr a b (in line 1)",
                "start STAGE echo a (in line 1)",
                "end STAGE echo a -> 0",
                "end STAGE tr a b -> 0 pid",
                "start STAGE false (in line 1)",
                "end STAGE false -> 1 pid",
                "end LINE echo a | tr a b; false -> 1"), events);
    }

    @Test
    void aShellScriptRunsThroughBashEvenWhenNotExecutable() throws IOException {
        assumeTrue(CommandResolver.searchPath("bash", shell.state()).isPresent(), "bash is not installed");
        Files.writeString(dir.resolve("s.sh"), "echo \"bash ${BASH_VERSION:+yes}: $1\"\n");
        assertEquals(new Result(0, "bash yes: x\n", ""), run("./s.sh x"));
    }

    @Test
    void aPowerShellScriptNeedsPwsh() throws IOException {
        assumeTrue(CommandResolver.searchPath("pwsh", shell.state()).isEmpty(), "pwsh is installed here");
        Files.writeString(dir.resolve("s.ps1"), "Write-Output hi\n");
        assertEquals(new Result(127, "", "oasm: line 1: ./s.ps1: cannot run a .ps1 script: pwsh (PowerShell) is not installed\n"),
                run("./s.ps1"));
    }

    @Test
    void aSessionFileRunsInTheShellWithItsOwnVariables() throws IOException {
        Files.writeString(dir.resolve("s.oasm"), "INNER=1\necho \"$0 $1 $# ${OUTER}\"\nexit 3\n");
        Result r = run("OUTER=o; ./s.oasm a b; echo \"status $? inner=${INNER}\"");
        assertEquals(new Result(0, "./s.oasm a 2 o\nstatus 3 inner=\n", ""), r);
        Result sourced = run("source ./s.oasm z; echo never");
        assertEquals(3, sourced.status());
        assertEquals("1", shell.state().variable("INNER"));
    }

    @Test
    void programsInAPipelineShareOneOsPipe() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "no /proc here");
        Result r = run("sh -c 'readlink /proc/$$/fd/1' | sh -c 'cat; readlink /proc/$$/fd/0'");
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length, r.toString());
        assertTrue(lines[0].startsWith("pipe:"), r.toString());
        assertEquals(lines[0], lines[1], "the writer's stdout is the reader's stdin");
    }

    @Test
    void builtinsTakePartInPipesAndRedirections() throws IOException {
        Files.writeString(dir.resolve("f"), "one\ntwo\n", StandardCharsets.UTF_8);
        assertEquals(new Result(0, "f\n", ""), run("ls | grep -v -e ^out -e ^err"));
        assertEquals(new Result(0, "TWO\n", ""), run("cat f | tail -n 1 | tr a-z A-Z"));
        assertEquals(new Result(0, "x\n", ""), run("echo x > g; cat < g"));
    }

    @Test
    void aBuiltinRunningWhenTheShellIsTerminatedEndsWithTheStopsStatus() throws Exception {
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        shell.builtins().register("wait_for_stop", (name, args, io, ctx) -> {
            running.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                io.err().println("wait_for_stop: interrupted");  // what a cancelled command says on its way out
            }
            return 1;
        });
        Thread line = Thread.currentThread();
        Thread.ofPlatform().start(() -> {
            try {
                running.await();
            } catch (InterruptedException e) {
                return;
            }
            shell.terminate(130);
            line.interrupt();
        });
        Result r = run("wait_for_stop; echo not reached");
        assertEquals(130, r.status(), "the stop's status, not the 1 it returned");
        assertEquals("", r.out());
        assertTrue(events.contains("end STAGE wait_for_stop -> 130"), events.toString());
        Thread.interrupted();
    }

    @Test
    void aCommandKnowsWhetherItsOutputAndErrorAreTheUsersTerminal() throws IOException {
        List<String> seen = new ArrayList<>();
        TerminalInfo bothTerminals = new TerminalInfo() {
            @Override
            public boolean isTerminal(int fd) {
                return true;
            }
        };
        Builtins builtins = Builtins.standard();
        builtins.register("probe", (name, args, io, ctx) -> {
            seen.add("out " + io.outIsTerminal() + " err " + io.errIsTerminal());
            return 0;
        });
        Shell onTerminal = new Shell(ShellState.startup(dir, Map.of("PATH", System.getenv("PATH"))), builtins,
                new ExecutionListener() { }, bothTerminals);
        IoContext inherited = new IoContext(new Endpoint.Null(), new Endpoint.Inherit(1), new Endpoint.Inherit(2));
        onTerminal.run("probe; probe > f; probe 2> f; probe | cat", "-c", inherited);
        assertEquals(List.of("out true err true", "out false err true", "out true err false", "out false err true"), seen);
    }
}
