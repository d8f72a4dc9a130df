package org.oasm.cockpit.templates;

/** A step that cannot do its work for a reason the user can act on; the block stops and is discarded. */
public final class StepException extends RuntimeException {
    public StepException(String message) {
        super(message);
    }
}
