package org.oasm.substrate.exec;

/** Prints a shell error message to whatever the standard error descriptor currently is. */
public final class Errors {

    private Errors() {
    }

    public static void print(Endpoint err, String message) {
        Executor.printError(err, message);
    }
}
