package org.oasm.cockpit.command;

import java.lang.reflect.Method;

/**
 * The exit status a failure maps to. The modules' user-error exceptions each carry one (an
 * {@code exitStatus()} method); the cockpit's own say theirs; anything else is 1.
 */
final class ExitStatuses {

    private ExitStatuses() {
    }

    static int of(Throwable t) {
        if (t instanceof CommandFailure f) {
            return f.status();
        }
        if (t instanceof UsageError) {
            return 2;
        }
        try {
            Method m = t.getClass().getMethod("exitStatus");
            if (m.getReturnType() == int.class) {
                return (int) m.invoke(t);
            }
        } catch (ReflectiveOperationException ignored) {
            // not one of the modules' user errors
        }
        return 1;
    }
}
