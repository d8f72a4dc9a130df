package org.oasm.cockpit.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.oasm.cockpit.selftest.CheckResult;
import org.oasm.cockpit.selftest.ProgressView;
import org.oasm.cockpit.selftest.ReportFiles;
import org.oasm.cockpit.selftest.SelfTest;
import org.oasm.cockpit.selftest.Suite;

/**
 * {@code oasm test --suite quick|full --output DIR}: the self-test of the installation
 * ({@link SelfTest}), with a JUnit XML report and a JSON summary in DIR. Exit status 0 when no
 * check failed (skipped ones do not count), 1 otherwise, 2 for a bad command line.
 */
final class TestCommand extends OasmCommand {

    TestCommand() {
        super("test", "Self-test", "the cockpit's self-test, with a JUnit XML report and a JSON summary", "--output DIR", 0, 0,
                List.of(OptionSpec.value("suite", "SUITE", "quick (the default: a few seconds) or full (every block and module)"),
                        OptionSpec.value("output", 'o', "DIR", "folder for TEST-oasm.selftest.SUITE.xml and oasm-selftest-SUITE.json"),
                        OptionSpec.flag("keep", "keep the scratch root even when every check passed")));
    }

    @Override
    protected int run(Invocation inv) throws Exception {
        String name = inv.option("suite").orElse("quick");
        Suite suite = Suite.parse(name);
        if (suite == null) {
            throw new UsageError("oasm test: --suite: expected quick or full, found " + name);
        }
        String given = inv.option("output").orElseThrow(() -> new UsageError("oasm test: --output DIR is required (where the report goes)"));
        Path dir = inv.path(given);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new CommandFailure(given + ": not a folder");
        }
        Files.createDirectories(dir);
        ProgressView view = new ProgressView(inv.out(), inv.io().outIsTerminal(), inv.shell().terminalColumns());
        SelfTest.Report report = new SelfTest(inv.services().root(), inv.services().store(), suite, inv.services().debug(),
                inv.flag("keep")).run(view);
        List<Path> files = ReportFiles.write(report, dir);
        view.summary(report, files.stream().map(p -> relative(inv, p)).toList());
        inv.notes().put("suite", suite.label()).put("report", files.get(0).toString()).put("summary", files.get(1).toString())
                .put("tests", String.valueOf(report.results().size()))
                .put("failures", String.valueOf(report.count(CheckResult.Status.FAILED) + report.count(CheckResult.Status.ERROR)))
                .put("skipped", String.valueOf(report.count(CheckResult.Status.SKIPPED)))
                .put("duration_ms", String.valueOf(report.millis()));
        if (report.scratch() != null) {
            inv.notes().put("scratch_root", report.scratch().resolve("root").toString());
        }
        return report.passed() ? 0 : 1;
    }

    private static Path relative(Invocation inv, Path p) {
        return p.startsWith(inv.cwd()) ? inv.cwd().relativize(p) : p;
    }
}
