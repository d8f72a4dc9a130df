package org.oasm.cockpit.command;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.oasm.formats.convert.Converter;
import org.oasm.formats.convert.Format;
import org.oasm.formats.convert.SchemaViolations;
import org.oasm.formats.document.Substitution;
import org.oasm.formats.provenance.ProvenanceRecord;
import org.oasm.formats.schema.SchemaRegistry;
import org.oasm.formats.schema.Violation;

/**
 * {@code oasm convert IN --to json|yaml|cbor|hdf5 [-o OUT] [--schema ID] [--lossy]}: one document
 * from one format to another under the rules of {@code docs/CONVERSION_RULES.md}. Text goes to
 * stdout without {@code -o} (JSON indented on a terminal, on one line elsewhere, like jq and
 * {@code jq -c}); CBOR goes to stdout only when it is not a terminal; HDF5 needs
 * {@code -o}. Every substitution a {@code --lossy} run makes goes into its provenance record. A
 * progress bar is drawn on stderr for inputs of {@link #PROGRESS_FROM} bytes or more when stderr
 * is the user's terminal (the launcher says so with {@code -Doasm.stderr.tty=true}).
 */
final class ConvertCommand extends OasmCommand {

    static final long PROGRESS_FROM = 32L << 20;

    ConvertCommand() {
        super("convert", "Formats", "convert a document between JSON, YAML, CBOR and HDF5 under strict rules",
                "IN --to json|yaml|cbor|hdf5", 1, 1,
                List.of(OptionSpec.value("to", "FORMAT", "json, yaml, cbor or hdf5"),
                        OptionSpec.value("output", 'o', "OUT", "write to this file (replaced atomically) instead of stdout"),
                        OptionSpec.value("schema", "ID", "yaml: schema descriptions as comments; other formats: validate first"),
                        OptionSpec.flag("lossy", "allow the substitutions the rules list, and record each one")));
    }

    @Override
    protected int run(Invocation inv) {
        Format to = Format.parse(inv.option("to").orElseThrow(
                () -> new UsageError("oasm convert: --to json|yaml|cbor|hdf5 is required")));
        Path in = inv.path(inv.argument(0, "IN"));
        Converter.Options options = Converter.Options.strict().withLossy(inv.flag("lossy"));
        if (inv.option("schema").isPresent()) {
            SchemaRegistry registry = SchemaRegistry.open(inv.services().root());
            String id = inv.option("schema").get();
            if (!registry.contains(id)) {
                throw new UsageError("oasm convert: no schema with id '" + id + "' (oasm schemas list shows them)");
            }
            options = options.withSchema(id, registry);
        }
        Progress progress = progressFor(in, inv.io().errIsTerminal(), inv.err());
        if (progress != null) {
            options = options.withProgress(progress::update);
        }
        inv.notes().put("input", in.toString()).put("to", to.id());
        Converter.Result r;
        try {
            if (inv.option("output").isPresent()) {
                Path out = inv.path(inv.option("output").get());
                inv.notes().put("output", out.toString());
                r = Converter.toFile(in, to, out, options);
            } else {
                if (to == Format.HDF5) {
                    throw new UsageError("oasm convert: --to hdf5 needs -o OUT (HDF5 is written as a file)");
                }
                if (to.binary() && inv.io().outIsTerminal()) {
                    throw new UsageError("oasm convert: CBOR is binary: not writing it to a terminal (use -o OUT or a pipe)");
                }
                r = Converter.toStream(in, to, inv.out(), options.withIndentedJson(inv.io().outIsTerminal()));
                inv.out().flush();
            }
        } catch (SchemaViolations v) {
            for (String line : v.getMessage().split("\n")) {
                inv.err().println("oasm: " + line);
            }
            return 1;
        } finally {
            if (progress != null) {
                progress.done();
            }
        }
        inv.notes().put("from", r.from().id());
        for (Substitution s : r.substitutions()) {
            inv.notes().lossy(new ProvenanceRecord.LossySubstitution(s.pointer(), s.original(), s.replacement(), s.reason()));
        }
        if (r.substitutionCount() > 0) {
            inv.notes().put("lossy_substitutions", Long.toString(r.substitutionCount()));
            inv.err().println("oasm: convert: " + r.substitutionCount() + " lossy substitution"
                    + (r.substitutionCount() == 1 ? "" : "s") + " (listed in the provenance record"
                    + (r.substitutionCount() > r.substitutions().size() ? ", the first " + r.substitutions().size() : "") + ")");
        }
        return 0;
    }

    /**
     * The resident cockpit serves the conversions that stream, in constant memory: HDF5 on
     * either side and schema validation (except the YAML overlay) build the whole document in the
     * heap first, and inputs that are not regular files (a FIFO, a device) are read as the
     * launcher's process would read them.
     */
    @Override
    public String notForResident(List<String> words, Path cwd) {
        Invocation inv;
        Format to;
        try {
            inv = new Invocation(ArgvParser.parse(this, words), null, null, null, null);
            to = Format.parse(inv.option("to").orElse("json"));
        } catch (RuntimeException e) {
            return null;
        }
        if (to == Format.HDF5) {
            return "HDF5 is written from a document held in memory";
        }
        if (inv.option("schema").isPresent() && to != Format.YAML) {
            return "validation holds the whole document in memory";
        }
        Path in = cwd.resolve(inv.arguments().getFirst()).normalize();
        if (Files.exists(in) && !Files.isRegularFile(in)) {
            return in + " is not a regular file";
        }
        try {
            return Files.isRegularFile(in) && Converter.detect(in) == Format.HDF5 ? "HDF5 is read whole" : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Progress progressFor(Path in, boolean errIsTerminal, PrintStream err) {
        if (!errIsTerminal) {
            return null;
        }
        try {
            long size = Files.isRegularFile(in) ? Files.size(in) : 0;
            return size >= PROGRESS_FROM ? new Progress(err, size) : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** A one-line progress bar redrawn with a carriage return. */
    static final class Progress {
        private final PrintStream err;
        private final long total;
        private final long started = System.nanoTime();
        private int lastPercent = -1;

        Progress(PrintStream err, long total) {
            this.err = err;
            this.total = total;
        }

        void update(long read) {
            int percent = (int) Math.min(100, read * 100 / Math.max(1, total));
            if (percent == lastPercent) {
                return;
            }
            lastPercent = percent;
            err.print("\r" + render(read, total, System.nanoTime() - started));
            err.flush();
        }

        static String render(long read, long total, long nanos) {
            int width = 30;
            int filled = (int) Math.min(width, read * width / Math.max(1, total));
            double mb = read / 1e6;
            double rate = nanos <= 0 ? 0 : mb / (nanos / 1e9);
            return String.format("[%s%s] %3d%%  %.0f/%.0f MB  %.0f MB/s", "#".repeat(filled), " ".repeat(width - filled),
                    (int) Math.min(100, read * 100 / Math.max(1, total)), mb, total / 1e6, rate);
        }

        void done() {
            if (lastPercent >= 0) {
                err.print("\r" + " ".repeat(70) + "\r");
                err.flush();
            }
        }
    }
}
