package org.oasm.substrate.exec;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams a builtin (or an {@code oasm} command) reads and writes. They are already
 * redirected and connected to the pipeline; a builtin never looks at {@code System.out}.
 * {@code outIsTerminal} tells whether stdout is the user's terminal (for columns and colour),
 * {@code errIsTerminal} the same of stderr (for progress bars).
 */
public record CommandIO(InputStream in, PrintStream out, PrintStream err, boolean outIsTerminal, boolean errIsTerminal) { }
