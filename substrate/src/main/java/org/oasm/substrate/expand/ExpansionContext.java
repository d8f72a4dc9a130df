package org.oasm.substrate.expand;

import java.nio.file.Path;
import java.util.List;

/**
 * What expansion needs to know about the shell: variables, positional parameters, special
 * parameters and the working directory. The executor's state implements it.
 */
public interface ExpansionContext {

    /** The value of a variable, or null when it is unset. */
    String variable(String name);

    /** Sets a variable (for {@code ${NAME:=word}}). */
    void assign(String name, String value);

    /** {@code $0}. */
    String scriptName();

    /** {@code $1..$N}. */
    List<String> positional();

    /** {@code $?}. */
    int lastStatus();

    /** {@code $$}. */
    long shellPid();

    /** Where relative globs are matched. */
    Path cwd();

    /** Home directory of a user for {@code ~user}, or null when unknown; "" means the current user. */
    String home(String user);
}
