package org.oasm.formats.document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The state one conversion shares between its reader and its writer: the name of the input (for
 * messages), the limits, whether {@code --lossy} was given, where the reader is, and the
 * substitutions made so far. It builds every error message, so they all have the form
 * {@code FILE: WHERE: PROBLEM}.
 *
 * <p>Substitutions are kept up to {@link #KEPT_SUBSTITUTIONS}; beyond that only counted, so that
 * a lossy conversion of a huge file stays in constant memory.
 */
public final class Context {

    /** How many substitutions are kept one by one; the rest are counted. */
    public static final int KEPT_SUBSTITUTIONS = 1000;

    private final String name;
    private final Limits limits;
    private final boolean lossy;
    private final List<Substitution> substitutions = new ArrayList<>();
    private long substitutionCount;
    private Supplier<String> location = () -> null;
    private Checked pointer;
    private Deferral deferral;

    /**
     * Where a reader running on another thread than its writer sends what must be judged in
     * document order on the writer's side, where the JSON Pointer is known: substitutions, and
     * (optionally) decimals whose exactness is still to be checked. See {@link #deferringTo}.
     */
    public interface Deferral {

        /** A substitution, to be made (or refused) when the events before it have been written. */
        void substitute(String original, String replacement, String reason);
    }

    public Context(String name, Limits limits, boolean lossy) {
        this.name = name;
        this.limits = limits;
        this.lossy = lossy;
    }

    public String name() {
        return name;
    }

    public Limits limits() {
        return limits;
    }

    public boolean lossy() {
        return lossy;
    }

    /**
     * A context for a reader on another thread: the same name, limits and {@code --lossy}, its
     * own location, and every substitution sent to {@code d} instead of being made here.
     */
    public Context deferringTo(Deferral d) {
        Context c = new Context(name, limits, lossy);
        c.deferral = d;
        return c;
    }

    /** Where substitutions go, when this is a reader's context on another thread; else null. */
    public Deferral deferral() {
        return deferral;
    }

    /** The reader tells where it is ({@code line 3, column 7} or {@code byte 120}). */
    public void location(Supplier<String> where) {
        this.location = where;
    }

    /** Wraps the final sink in the checks (depth, duplicate keys) and remembers it for pointers. */
    public DocumentSink checked(DocumentSink sink) {
        pointer = new Checked(sink, this);
        return pointer;
    }

    /** The JSON Pointer of the value being converted, {@code ""} for the top level. */
    public String pointer() {
        return pointer == null ? "" : pointer.pointer();
    }

    /** A malformed input: the message names the reader's position when it has one. */
    public DocumentException malformed(String problem) {
        String where = location.get();
        return new DocumentException(name + ": " + (where == null ? "" : where + ": ") + problem);
    }

    /** A value the rules refuse: the message names its JSON Pointer. */
    public DocumentException refused(String problem) {
        String p = pointer();
        return new DocumentException(name + ": " + (p.isEmpty() ? "/" : p) + ": " + problem);
    }

    /**
     * A value the target cannot hold exactly: refused unless {@code --lossy}, in which case the
     * substitution is recorded and the caller writes {@code replacement}.
     */
    public void substitute(String original, String replacement, String reason) {
        substituteAt(pointer(), original, replacement, reason);
    }

    /**
     * As {@link #substitute}, for the member {@code key} of the object being written, which the
     * reader leaves out instead of writing a replacement: the pointer names that member.
     */
    public void substituteMember(String key, String original, String replacement, String reason) {
        substituteAt(pointer() + "/" + key.replace("~", "~0").replace("/", "~1"), original, replacement, reason);
    }

    private void substituteAt(String at, String original, String replacement, String reason) {
        if (deferral != null) {
            deferral.substitute(original, replacement, reason);
            return;
        }
        String where = at.isEmpty() ? "/" : at;
        if (!lossy) {
            throw new DocumentException(name + ": " + where + ": " + reason + " (--lossy writes " + replacement + ")");
        }
        substitutionCount++;
        if (substitutions.size() < KEPT_SUBSTITUTIONS) {
            substitutions.add(new Substitution(where, original, replacement, reason));
        }
    }

    /** The substitutions kept (at most {@link #KEPT_SUBSTITUTIONS}). */
    public List<Substitution> substitutions() {
        return List.copyOf(substitutions);
    }

    /** How many substitutions were made in all. */
    public long substitutionCount() {
        return substitutionCount;
    }
}
