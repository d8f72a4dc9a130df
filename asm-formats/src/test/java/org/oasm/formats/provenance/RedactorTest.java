package org.oasm.formats.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** One case per rule of docs/LOGGING_GUIDE.md, and the things that must stay. */
class RedactorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "export GITHUB_TOKEN=ghx123 | export GITHUB_TOKEN=[REDACTED]",
        "DB_PASSWORD='a b c' ./run | DB_PASSWORD=[REDACTED] ./run",
        "AWS_SECRET_ACCESS_KEY=\"x\\\"y\" aws s3 ls | AWS_SECRET_ACCESS_KEY=[REDACTED] aws s3 ls",
        "tool --password=hunter2 -v | tool --password=[REDACTED] -v",
        "tool --api-token hunter2 -v | tool --api-token [REDACTED] -v",
        "ssh-add --key-file ~/.ssh/id | ssh-add --key-file ~/.ssh/id",
        "git clone https://ada:s3cr3t@example.com/r.git | git clone https://ada:[REDACTED]@example.com/r.git",
        "curl -H 'Authorization: Bearer abc.def-1' x | curl -H 'Authorization: Bearer [REDACTED]' x",
        "curl -H 'Authorization: Basic QWxhZGRpbjpvcGVu' x | curl -H 'Authorization: Basic [REDACTED]' x",
        "curl -u ada:hunter2 https://x | curl -u ada:[REDACTED] https://x",
        "mysql -u root -phunter2 db | mysql -u root -p[REDACTED] db",
        "mysql -u root -p db | mysql -u root -p db",
        "sshpass -p hunter2 ssh host | sshpass -p [REDACTED] ssh host",
        "ssh -p 2222 host | ssh -p 2222 host",
        "echo AKIAIOSFODNN7EXAMPLE | echo [REDACTED]",
        "echo ghp_abcdefghijklmnopqrstuvwxyz0123456789 | echo [REDACTED]",
        "echo xoxb-1234567890-abcdef | echo [REDACTED]",
        "echo eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_nature | echo [REDACTED]",
        "curl 'https://x/?api_key=abc&q=1' | curl 'https://x/?api_key=[REDACTED]&q=1'",
        "ls -l /tmp | ls -l /tmp",
        "make PREFIX=/usr install | make PREFIX=/usr install",
    })
    void commandLines(String line, String expected) {
        assertEquals(expected, Redactor.redact(line));
    }

    @Test
    void privateKeyBlocks() {
        String text = "echo '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAA\n-----END OPENSSH PRIVATE KEY-----'";
        assertEquals("echo '[REDACTED]'", Redactor.redact(text));
    }

    @Test
    void contextValuesByNameAndByContent() {
        assertEquals(Map.of("SESSION_KEY", "[REDACTED]", "url", "https://u:[REDACTED]@h", "term", "xterm"),
                Redactor.redactContext(Map.of("SESSION_KEY", "k", "url", "https://u:p@h", "term", "xterm")));
    }
}
