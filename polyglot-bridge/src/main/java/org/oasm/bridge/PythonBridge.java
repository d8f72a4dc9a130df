package org.oasm.bridge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cockpit's one GraalPy context and the only way into it. Python modules shipped in this jar
 * (listed in {@link Bindings}) are called with plain data and answer with plain data:
 *
 * <pre>
 * CallResult r = bridge.call("pattern_lab", "main",
 *         Map.of("files", List.of("/abs/scan.json")), Grants.reading(scan).writingTo(out));
 * </pre>
 *
 * Arguments are keyword arguments; they and the result cross the boundary as JSON text, so maps
 * (string keys), lists, strings, numbers, booleans and null are all that ever pass, and Python
 * never sees a Java object. When the grants name an output folder, the bridge sets the keyword
 * argument {@code output_dir} to a staging folder inside it, the one place Python may write.
 *
 * <p>The context is created on the first call (or by {@link #startInBackground()}) and reused;
 * calls are serialised. It is sandboxed: no host class lookup or host access, no polyglot access,
 * no processes, threads, native code, sockets or environment, and the {@link SandboxFileSystem}.
 * Each call has a time limit and a memory bound ({@link CallWatchdog}); a call that breaks one is
 * cancelled, which closes the context, and the next call starts a fresh one.
 */
public final class PythonBridge implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PRINTED_LIMIT = 64 * 1024;
    /** {@code -Doasm.bridge.timing=true} prints the start-up and call phases on stderr (for benchmarks). */
    private static final boolean TIMING = Boolean.getBoolean("oasm.bridge.timing");

    private final BridgeOptions options;
    private final Bindings bindings;
    private final SandboxFileSystem fs = new SandboxFileSystem();
    private final BoundedSink printed = new BoundedSink(PRINTED_LIMIT);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "oasm-python-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final Object lock = new Object();
    private CompletableFuture<Guest> starting;
    private boolean closed;

    /** The live context with its two entry points, and the modules loaded into it so far. */
    private record Guest(Context context, Value load, Value invoke, java.util.Set<String> loaded) { }

    public PythonBridge(BridgeOptions options) {
        this(options, Bindings.bundled());
    }

    PythonBridge(BridgeOptions options, Bindings bindings) {
        this.options = options;
        this.bindings = bindings;
    }

    public static PythonBridge create() {
        return new PythonBridge(BridgeOptions.DEFAULTS);
    }

    public Bindings bindings() {
        return bindings;
    }

    /**
     * Starts creating the context on another thread, so that the first call finds it ready; the
     * named modules (unknown names are ignored) are loaded too, with their imports.
     */
    public void startInBackground(String... modules) {
        synchronized (lock) {
            if (starting == null && !closed) {
                starting = CompletableFuture.supplyAsync(() -> {
                    Guest g = newGuest();
                    for (String m : modules) {
                        bindings.get(m).ifPresent(b -> ensureLoaded(g, b));
                    }
                    return g;
                }, r -> {
                    Thread t = new Thread(r, "oasm-python-start");
                    t.setDaemon(true);
                    t.start();
                });
            }
        }
    }

    /**
     * Calls {@code module.function(**kwargs)} in the sandbox with {@code grants}.
     *
     * @throws PythonError when the module raises, breaks a limit, or may not be called
     * @throws IllegalArgumentException when kwargs hold something other than plain data
     */
    public CallResult call(String module, String function, Map<String, ?> kwargs, Grants grants) {
        Bindings.Binding b = bindings.get(module).orElseThrow(() -> new PythonError(module, PythonError.Kind.NOT_CALLABLE,
                "", "no such analysis module (modules: " + String.join(", ", bindings.ids()) + ")", ""));
        if (!b.functions().contains(function)) {
            throw new PythonError(module, PythonError.Kind.NOT_CALLABLE, "", "function '" + function
                    + "' may not be called (callable: " + String.join(", ", b.functions()) + ")", "");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        kwargs.forEach((k, v) -> args.put(k, PlainData.check(v, k)));
        synchronized (lock) {
            Guest g = guest();
            try (OutputStaging staging = OutputStaging.open(grants.outputDir())) {
                if (staging.folder() != null) {
                    args.put("output_dir", staging.folder().toString());
                }
                printed.reset();
                fs.grant(grants, staging.folder());
                String answer;
                Duration limit = b.timeout().orElse(options.timeLimit());
                try (CallWatchdog dog = new CallWatchdog(g.context(), limit, options.memoryLimit(), timer)) {
                    try {
                        if (options.statementLimit() > 0) {
                            g.context().resetLimits();
                        }
                        long t0 = System.nanoTime();
                        ensureLoaded(g, b);
                        long t1 = System.nanoTime();
                        answer = g.invoke().execute(module, function, JSON.writeValueAsString(args)).asString();
                        if (TIMING) {
                            System.err.printf("oasm-bridge: %s.%s: load %d ms, call %d ms%n", module, function,
                                    (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
                        }
                    } catch (PolyglotException e) {
                        throw failure(module, e, dog.reason(), limit);
                    } catch (OutOfMemoryError e) {
                        discard(g);
                        throw new PythonError(module, PythonError.Kind.MEMORY_LIMIT, "", "out of memory (the JVM's heap is full)", "");
                    }
                } finally {
                    fs.revoke();
                }
                Object value = decode(module, answer);
                List<Path> outputs = staging.commit();
                return new CallResult(value, outputs, printed.text());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private PythonError failure(String module, PolyglotException e, CallWatchdog.Reason reason, Duration limit) {
        synchronized (lock) {
            if (e.isCancelled() || e.isInterrupted() || e.isResourceExhausted() || e.isInternalError()) {
                discardCurrent();
            }
        }
        if (reason == CallWatchdog.Reason.TIME) {
            return new PythonError(module, PythonError.Kind.TIME_LIMIT, "", "cancelled after the time limit of "
                    + limit.toSeconds() + " s", "");
        }
        if (reason == CallWatchdog.Reason.MEMORY) {
            return new PythonError(module, PythonError.Kind.MEMORY_LIMIT, "", "cancelled: it grew the heap by more than "
                    + (options.memoryLimit() >> 20) + " MiB", "");
        }
        if (e.isResourceExhausted() || e.isCancelled()) {
            PythonError.Kind k = options.statementLimit() > 0 && e.isCancelled() ? PythonError.Kind.STATEMENT_LIMIT
                    : PythonError.Kind.RUNTIME;
            String what = k == PythonError.Kind.STATEMENT_LIMIT
                    ? "cancelled after " + options.statementLimit() + " statements" : "resource exhausted: " + e.getMessage();
            return new PythonError(module, k, "", what, "");
        }
        String message = String.valueOf(e.getMessage());
        if (e.isHostException() || message.startsWith("java.lang.SecurityException")) {
            // a refusal of the polyglot runtime itself (process creation), which Python cannot catch
            int cut = message.indexOf(", to enable");
            String m = (cut > 0 ? message.substring(0, cut) : message).replace("java.lang.", "");
            return new PythonError(module, PythonError.Kind.EXCEPTION, "SecurityException", m + " in the analysis sandbox", "");
        }
        if (e.isGuestException()) {
            StringBuilder tb = new StringBuilder();
            for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
                if (f.isGuestFrame()) {
                    tb.append("  ").append(f).append('\n');
                }
            }
            return new PythonError(module, PythonError.Kind.EXCEPTION, "", e.getMessage(), tb.toString());
        }
        return new PythonError(module, PythonError.Kind.RUNTIME, "", "Python runtime error: " + e.getMessage(), "");
    }

    private static Object decode(String module, String answer) {
        Map<?, ?> reply;
        try {
            reply = JSON.readValue(answer, Map.class);
        } catch (JacksonException e) {
            throw new PythonError(module, PythonError.Kind.RUNTIME, "", "unreadable reply: " + e.getOriginalMessage(), "");
        }
        if (Boolean.TRUE.equals(reply.get("ok"))) {
            return reply.get("result");
        }
        String type = String.valueOf(reply.get("type"));
        String message = String.valueOf(reply.get("message"));
        return throwError(module, type, message, String.valueOf(reply.get("traceback")));
    }

    private static Object throwError(String module, String type, String message, String traceback) {
        String line = message.isBlank() ? type : type + ": " + message;
        throw new PythonError(module, PythonError.Kind.EXCEPTION, type, line, traceback);
    }

    private void ensureLoaded(Guest g, Bindings.Binding b) {
        if (g.loaded().contains(b.id())) {
            return;
        }
        g.load().execute(b.id(), resource(b.resource()), b.id() + ".py");
        g.loaded().add(b.id());
    }

    // --- the context --------------------------------------------------------------------------

    private Guest guest() {
        if (closed) {
            throw new IllegalStateException("the Python bridge is closed");
        }
        if (starting == null) {
            starting = CompletableFuture.completedFuture(newGuest());
        }
        try {
            return starting.join();
        } catch (java.util.concurrent.CompletionException e) {
            starting = null;
            Throwable c = e.getCause();
            throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
        }
    }

    private Guest newGuest() {
        Context.Builder builder = Context.newBuilder("python")
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(name -> false)
                .allowHostClassLoading(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowCreateProcess(false)
                .allowCreateThread(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowIO(IOAccess.newBuilder()
                        .fileSystem(FileSystem.allowInternalResourceAccess(FileSystem.allowLanguageHomeAccess(fs)))
                        .allowHostSocketAccess(false)
                        .build())
                .in(InputStream.nullInputStream())
                .out(printed)
                .err(printed)
                .option("engine.WarnInterpreterOnly", "false")
                .option("python.PosixModuleBackend", "java")
                .option("python.DontWriteBytecodeFlag", "true")
                .option("python.IsolateFlag", "true")
                .option("python.NoUserSiteFlag", "true")
                .option("python.WarnExperimentalFeatures", "false");
        if (options.statementLimit() > 0) {
            builder.resourceLimits(ResourceLimits.newBuilder()
                    .statementLimit(options.statementLimit(), s -> !s.isInternal()).build());
        }
        long t0 = System.nanoTime();
        Context context = builder.build();
        try {
            long t1 = System.nanoTime();
            Value pair = context.eval(Source.newBuilder("python", resource(Bindings.RESOURCES + "_bridge.py"), "_bridge.py")
                    .buildLiteral());
            long t2 = System.nanoTime();
            Value load = pair.getArrayElement(0);
            load.execute("_oasm", resource(Bindings.RESOURCES + "_oasm.py"), "_oasm.py");
            if (TIMING) {
                System.err.printf("oasm-bridge: context %d ms, first evaluation %d ms, helpers %d ms%n",
                        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            }
            return new Guest(context, load, pair.getArrayElement(1), new java.util.HashSet<>());
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    private void discard(Guest g) {
        try {
            g.context().close(true);
        } catch (RuntimeException ignored) {
            // already closed by the watchdog
        }
        starting = null;
    }

    private void discardCurrent() {
        if (starting != null && starting.isDone() && !starting.isCompletedExceptionally()) {
            discard(starting.join());
        }
        starting = null;
    }

    private static String resource(String name) {
        try (InputStream in = PythonBridge.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (starting != null) {
                try {
                    starting.join().context().close(true);
                } catch (RuntimeException ignored) {
                    // a context that failed to start has nothing to close
                }
            }
            starting = null;
        }
        timer.shutdownNow();
    }

    /** Collects what Python prints, up to a bound, for the call's result. */
    private static final class BoundedSink extends OutputStream {
        private final int limit;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        BoundedSink(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            if (buf.size() < limit) {
                buf.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            buf.write(b, off, Math.max(0, Math.min(len, limit - buf.size())));
        }

        synchronized void reset() {
            buf.reset();
        }

        synchronized String text() {
            return buf.toString(StandardCharsets.UTF_8);
        }
    }
}
