package org.oasm.cockpit.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of docs/TEMPLATE_GUIDE.md, run as it is written: its shell blocks, in
 * order, in bash, with {@code oasm} the cockpit of this build. Every command must work, and the
 * outcomes the guide describes must come out.
 */
class TemplateGuideTest {

    @TempDir
    Path dir;

    @Test
    void theWorkedExampleRunsAsWritten() throws Exception {
        assumeTrue(ShippedTemplatesTest.onPath("bash") && ShippedTemplatesTest.onPath("jq"), "bash or jq is not installed");
        String guide = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/TEMPLATE_GUIDE.md"));
        String example = guide.substring(guide.indexOf("<!-- worked-example:begin -->"), guide.indexOf("<!-- worked-example:end -->"));
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(example);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertEquals(3, blocks.size(), "the example's shell blocks");
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        String script = "set -euo pipefail\n"
                + "oasm() { '" + java + "' -cp \"$OASM_TEST_CP\" org.oasm.cockpit.Main \"$@\"; }\n"
                + String.join("echo '--- next block'\n", blocks);
        Files.writeString(dir.resolve("example.sh"), script);
        ProcessBuilder pb = new ProcessBuilder("bash", "example.sh").directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("OASM_TEST_CP", System.getProperty("java.class.path"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("defined in " + dir.resolve("demo/.oasm/rules/debug_prints.yaml") + " (project)"), out);
        assertTrue(out.contains("\napp.py:2:1 error debug_print debugging print left in the code\n"
                + "app.py:8:1 error debug_print debugging print left in the code\nscan: 2 file(s), 2 finding(s); index "), out);
        assertTrue(out.contains("\nscan: exit status 1\n"), out);
        assertTrue(out.contains("\nscan: 2 file(s), 0 finding(s); index "), "the last scan finds nothing: " + out);
        assertTrue(out.contains("remove_debug_prints: valid ("), out);
        assertTrue(out.contains("-    print(\"DEBUG prices\", prices)\n"), out);
        assertTrue(out.contains("dry run: nothing was written"), out);
        assertTrue(out.contains("committed 1 file(s) to " + dir.resolve("demo")), out);
        assertTrue(out.contains("restored app.py\n"), out);
        assertTrue(out.strip().endsWith("\n2"), "grep counts the two prints again: " + out);
    }
}
