package org.oasm.cockpit;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.oasm.substrate.Shell;
import org.oasm.substrate.exec.IoContext;

/**
 * The part of the launcher's ahead-of-time training that goes through {@code oasm convert}: the
 * pairs with YAML on a few megabytes of records, read on one thread and on two, with the
 * optimising compiler on, for the launcher's cache for conversions, {@code oasm-convert.aot}
 * (environment {@code OASM_AOT_TRAIN=convert}), and the small conversions of the JSON <-> CBOR
 * cache ({@link #jsonCbor}). The convert cache holds
 * the method profiles of the conversion loops (JEP 515): a fresh {@code ./oasm convert} compiles
 * them with C2 from the start instead of profiling them first, and compiles them less often over,
 * which on a large input saves seconds of compiler time.
 */
final class ConvertTraining {

    /** Records in the training input: enough for several output buffers and batches. */
    private static final int RECORDS = 30_000;

    private ConvertTraining() {
    }

    static void exercise(Shell shell, Path tmp, IoContext io) throws IOException {
        if (!AotTraining.trains("convert")) {
            // The start-up cache holds no conversion classes: with them in it (a few small
            // conversions in its training), a 200 MB conversion took 2.11 s against 1.87 s (JSON
            // to CBOR) and 2.14 s against 1.95 s (CBOR to JSON) when those ran with it; they now
            // run with a small cache of their own ({@link #jsonCbor}).
            return;
        }
        Path dir = Files.createDirectories(tmp.resolve("convert"));
        records(dir.resolve("in.json"));
        StringBuilder script = new StringBuilder("cd " + dir);
        // twice: read on one thread (a small input) and on two (from 4 MiB on). JSON <-> CBOR is
        // left out: those fast paths run with a cache of their own (below)
        for (String in : new String[] {"small.json", "in.json"}) {
            String base = in.replace(".json", "");
            script.append("; oasm convert ").append(in).append(" --to yaml -o ").append(base).append(".yaml")
                  .append("; oasm convert ").append(base).append(".yaml --to json -o ").append(base).append(".y.json")
                  .append("; oasm convert ").append(base).append(".yaml --to cbor -o ").append(base).append(".cbor")
                  .append("; oasm convert ").append(base).append(".cbor --to yaml -o ").append(base).append(".c.yaml");
        }
        Files.writeString(dir.resolve("small.json"), "[{\"a\": 1, \"b\": [true, null, 2.5, \"x\"]}]");
        shell.run(script.toString(), "-c", io);
    }

    /**
     * The launcher's small cache for JSON to CBOR and back ({@code oasm-json-cbor.aot},
     * {@code OASM_AOT_TRAIN=json-cbor}): one small conversion each way, so that the cache holds
     * the classes those commands load and little else (trained with C1 only: no profiles).
     */
    static void jsonCbor(Shell shell, Path tmp, IoContext io) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("convert"));
        Files.writeString(dir.resolve("small.json"), "[{\"id\": 1, \"x\": 0.5, \"big\": 9007199254740993, \"tags\": [\"a\", true, null]}]");
        shell.run("cd " + dir + "; oasm convert small.json --to cbor -o small.cbor; oasm convert small.cbor --to json -o back.json",
                "-c", io);
    }

    /**
     * The resident cockpit's warm-up of the conversions it serves: 40 MB of records, past the
     * size from which JSON <-> CBOR runs in halves on two threads, converted both ways a few
     * times, and some block YAML to JSON, so that the first conversions a user asks for run
     * compiled (without it, the first five of 200 MB took as long as a JVM of their own).
     */
    static void warmUp(Shell shell, Path tmp, IoContext io) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("convert"));
        records(dir.resolve("in.json"), WARM_UP_RECORDS);
        StringBuilder script = new StringBuilder("cd " + dir + "; oasm convert in.json --to yaml -o in.yaml");
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            script.append("; oasm convert in.json --to cbor -o in.cbor; oasm convert in.cbor --to json -o back.json");
        }
        script.append("; oasm convert in.yaml --to json -o y.json");
        shell.run(script.toString(), "-c", io);
    }

    /** Records in the resident cockpit's warm-up input: about 40 MB of JSON. */
    private static final int WARM_UP_RECORDS = 200_000;
    /** How many times the warm-up converts its input each way. */
    private static final int WARM_UP_ROUNDS = 4;

    private static void records(Path out) throws IOException {
        records(out, RECORDS);
    }

    /** Records of the kinds of values documents hold: integers (some beyond 2^53), decimals short and long, text, booleans, null, nesting. */
    private static void records(Path out, int count) throws IOException {
        Random r = new Random(8949);
        String[] words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "ünï"};
        try (Writer w = Files.newBufferedWriter(out)) {
            w.write('[');
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    w.write(',');
                }
                w.write("{\"id\":" + i + ",\"name\":\"" + words[r.nextInt(words.length)] + " " + words[r.nextInt(words.length)]
                        + "\",\"score\":" + Math.round(r.nextDouble() * 1e9) / 1e6 + ",\"count\":" + (r.nextInt(2_000_001) - 1_000_000)
                        + ",\"big\":" + (i % 50 == 0 ? (1L << 60) + i : i) + ",\"active\":" + (i % 3 == 0)
                        + ",\"note\":" + (i % 7 == 0 ? "\"seventh\"" : "null") + ",\"tags\":[" + tags(r, words)
                        + "],\"position\":{\"x\":" + r.nextDouble() + ",\"y\":" + r.nextDouble() + ",\"label\":\"p" + i + "\"}}");
            }
            w.write("]\n");
        }
    }

    private static String tags(Random r, String[] words) {
        StringBuilder b = new StringBuilder();
        for (int k = r.nextInt(5); k > 0; k--) {
            b.append(b.isEmpty() ? "" : ",").append('"').append(words[r.nextInt(words.length)]).append('"');
        }
        return b.toString();
    }
}
