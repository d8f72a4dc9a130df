package org.oasm.bridge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    /** The bytecode cache folder (the options' one, once it exists), or null. */
    private volatile Path cacheRoot;
    /** GraalPy's version, part of each cached module's name. */
    private volatile String pythonVersion = "";
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

    /** The cockpit's bridge: default limits, and the user's bytecode cache ({@link BridgeOptions#userCache()}). */
    public static PythonBridge create() {
        return new PythonBridge(BridgeOptions.DEFAULTS.withBytecodeCache(BridgeOptions.userCache()));
    }

    public Bindings bindings() {
        return bindings;
    }

    /**
     * Starts creating the context on another thread, so that the first call finds it ready; the
     * named modules (unknown names are ignored) are loaded too, with their imports.
     */
    public void startInBackground(String... modules) {
        if (TIMING) {
            System.err.printf("oasm-bridge: start in the background %d ms after the JVM started%n",
                    System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        }
        synchronized (lock) {
            if (starting == null && !closed) {
                starting = CompletableFuture.supplyAsync(() -> {
                    Guest g = newGuest();
                    Phases p = new Phases();
                    for (String m : modules) {
                        bindings.get(m).ifPresent(b -> ensureLoaded(g, b));
                        p.mark("preload " + m);
                    }
                    p.print();
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
                String answer;
                Duration limit = b.timeout().orElse(options.timeLimit());
                try (CallWatchdog dog = new CallWatchdog(g.context(), limit, options.memoryLimit(), timer)) {
                    try {
                        if (options.statementLimit() > 0) {
                            g.context().resetLimits();
                        }
                        Phases p = new Phases();
                        ensureLoaded(g, b); // before the grants: a module's top level sees none of the call's files
                        fs.grant(grants, staging.folder());
                        p.mark(module + "." + function + ": load");
                        answer = g.invoke().execute(module, function, JSON.writeValueAsString(args)).asString();
                        p.mark("call");
                        p.print();
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
        load(g.load(), b.id(), resource(b.resource()));
        g.loaded().add(b.id());
    }

    /**
     * Installs a bundled module. With a bytecode cache, its compiled code is kept there under the
     * hash of its source (and GraalPy's cache tag), and the standard library modules it imports
     * are kept there too (GraalPy's {@code python.PyCachePrefix}); the cache is writable only
     * for the duration of this.
     */
    private void load(Value loader, String name, String source) {
        if (cacheRoot == null) {
            loader.execute(name, source, name + ".py", null);
            return;
        }
        Path cached = cacheRoot.resolve("modules").resolve(name + "-" + pythonVersion + "-" + sha256(source).substring(0, 24) + ".pyc");
        fs.cacheWritable(true);
        try {
            loader.execute(name, source, name + ".py", cached.toString());
        } finally {
            fs.cacheWritable(false);
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The Truffle runtime Python runs on: {@code Interpreted} (the fallback runtime) unless the
     * JVM was started with the Graal compiler ({@code OASM_PYTHON_JIT=1 ./oasm}), then
     * {@code GraalVM CE}. Starts the context if it is not started yet.
     */
    public String runtime() {
        return guest().context().getEngine().getImplementationName();
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
                        .fileSystem(fs)
                        .allowHostSocketAccess(false)
                        .build())
                .in(InputStream.nullInputStream())
                .out(printed)
                .err(printed)
                .option("engine.WarnInterpreterOnly", "false")
                .option("python.PosixModuleBackend", "java")
                .option("python.IsolateFlag", "true")
                .option("python.NoUserSiteFlag", "true")
                .option("python.WarnExperimentalFeatures", "false");
        Path cache = prepareCache();
        if (cache != null) {
            builder.option("python.PyCachePrefix", cache.resolve("stdlib").toString())
                    .option("python.DontWriteBytecodeFlag", "false");
        } else {
            builder.option("python.DontWriteBytecodeFlag", "true");
        }
        if (options.statementLimit() > 0) {
            builder.resourceLimits(ResourceLimits.newBuilder()
                    .statementLimit(options.statementLimit(), s -> !s.isInternal()).build());
        }
        Phases p = new Phases();
        Context context = builder.build();
        try {
            pythonVersion = context.getEngine().getVersion();
            p.mark("context");
            if (TIMING) {
                context.initialize("python");
                p.mark("initialisation");
            }
            Value pair;
            fs.cacheWritable(cache != null); // the standard library _bridge imports (json) is compiled once and kept
            try {
                pair = context.eval(Source.newBuilder("python", resource(Bindings.RESOURCES + "_bridge.py"), "_bridge.py")
                        .buildLiteral());
            } finally {
                fs.cacheWritable(false);
            }
            p.mark("bridge");
            Value load = pair.getArrayElement(0);
            load(load, "_oasm", resource(Bindings.RESOURCES + "_oasm.py"));
            p.mark("helpers");
            p.print();
            return new Guest(context, load, pair.getArrayElement(1), new java.util.HashSet<>());
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    /**
     * The cache folder for this bridge's GraalPy, created and opened read-only in the sandbox; null
     * without a cache, or when it cannot be created (then Python compiles from source, as without).
     */
    private Path prepareCache() {
        Path base = options.bytecodeCache();
        if (base == null) {
            return null;
        }
        try {
            Path root = base;
            Files.createDirectories(root.resolve("modules"));
            Files.createDirectories(root.resolve("stdlib"));
            fs.cache(root);
            cacheRoot = root;
            return root;
        } catch (IOException | RuntimeException e) {
            cacheRoot = null;
            return null;
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

    /** Wall and thread CPU time of start-up and call phases, printed with {@code -Doasm.bridge.timing=true}. */
    private static final class Phases {
        private final StringBuilder line = new StringBuilder("oasm-bridge:");
        private long wall = System.nanoTime();
        private long cpu = cpu();

        void mark(String phase) {
            if (TIMING) {
                long w = System.nanoTime();
                long c = cpu();
                line.append(String.format(" %s %d ms (cpu %d)", phase, (w - wall) / 1_000_000, (c - cpu) / 1_000_000));
                wall = w;
                cpu = c;
            }
        }

        void print() {
            if (TIMING && line.indexOf(" ", 12) > 0) {
                System.err.println(line);
            }
        }

        private static long cpu() {
            return TIMING ? java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() : 0;
        }
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
