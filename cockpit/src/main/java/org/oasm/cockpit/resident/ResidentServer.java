package org.oasm.cockpit.resident;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.oasm.cockpit.Cockpit;
import org.oasm.cockpit.ErrorReporter;
import org.oasm.cockpit.LaunchOptions;
import org.oasm.cockpit.command.CommandCatalog;
import org.oasm.cockpit.command.Commands;
import org.oasm.cockpit.command.OasmCommand;
import org.oasm.formats.root.OasmRoot;

/**
 * A cockpit that stays running and serves {@code ./oasm SUBCOMMAND} for the launcher, so that a
 * scan started from bash or a script runs in a JVM whose classes are loaded and whose code the
 * optimising compiler has already compiled, instead of paying for both on every start (a cold
 * {@code ./oasm scan} of 100,000 lines spends most of its time there). Each invocation runs as
 * the launcher would have run it: a cockpit of its own in the launcher's folder and environment,
 * its own provenance session, its output written to the launcher's own descriptors, its status
 * the launcher's. Invocations are served one at a time, in the order they come.
 *
 * <p>Only subcommands that neither prompt nor hold large data in memory are served
 * ({@link #SERVED}, and of those the invocations {@link OasmCommand#notForResident} leaves here:
 * conversions that stream); for every other invocation, and whenever a request cannot be served here, the
 * launcher starts a JVM as usual. The cockpit ends after {@code idle} without a request, when
 * the build it runs is replaced (it declines the request that finds out), when its run folder
 * is removed, on the line {@code stop} ({@code oasm resident stop}) or on SIGTERM.
 */
public final class ResidentServer {

    /** The subcommands served here; the launcher's list ({@code ./oasm}) must be the same. */
    public static final Set<String> SERVED = Set.of("scan", "rules", "templates", "manifest", "schemas", "history",
            "help", "convert");

    /** Paths that name the descriptors of the process that opens them. */
    private static final Pattern PROCESS_OWN = Pattern.compile("/dev/(fd/|std(in|out|err)\\b)|/proc/(self|thread-self)\\b");

    private final RunDir dir;
    private final Duration idle;
    private final int uid;
    private final Map<Path, FileTime> build;
    private final Instant started = Instant.now();
    private final PrintStream log;
    /** The commands, to ask whether an invocation is for here ({@link OasmCommand#notForResident}); built once. */
    private final CommandCatalog commands = Commands.catalog();
    private long served;

    private ResidentServer(RunDir dir, Duration idle, int uid, PrintStream log) {
        this.dir = dir;
        this.idle = idle;
        this.uid = uid;
        this.log = log;
        this.build = buildJars();
    }

    /**
     * Serves {@code dir} until idle for {@code idle}; {@code warmUp} runs first, before the
     * launcher can find this cockpit. Returns the exit status.
     */
    public static int serve(RunDir dir, Duration idle, Runnable warmUp) throws IOException, InterruptedException {
        int uid = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue();
        privateFolder(dir.path(), uid);
        var other = dir.running().filter(p -> !isThis(p));
        if (other.isPresent()) {
            System.err.println("oasm: a resident cockpit already serves " + dir.path() + " (pid " + other.get().pid() + ")");
            return 1;
        }
        Files.deleteIfExists(dir.requests());
        Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", dir.requests().toString())
                .redirectErrorStream(true).start();
        String problem = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (mkfifo.waitFor() != 0) {
            System.err.println("oasm: cannot make the FIFO " + dir.requests() + ": " + problem);
            return 1;
        }
        ResidentServer server = new ResidentServer(dir, idle, uid, System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(server::withdraw, "oasm-resident-withdraw"));
        long t0 = System.nanoTime();
        warmUp.run();
        server.log.printf("oasm: resident cockpit %d warmed up in %.1f s, serving %s%n", ProcessHandle.current().pid(),
                (System.nanoTime() - t0) / 1e9, dir.path());
        server.writeStatus();
        atomicWrite(dir.pidFile(), ProcessHandle.current().pid() + "\n");
        try {
            return server.loop();
        } finally {
            server.withdraw();
        }
    }

    /** Makes {@code folder} if needed; refuses one another user owns, and makes it this user's alone. */
    private static void privateFolder(Path folder, int uid) throws IOException {
        Files.createDirectories(folder);
        if (((Number) Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS)).intValue() != uid) {
            throw new IOException(folder + " belongs to another user");
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }

    private int loop() throws IOException, InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        // read and write: opening a FIFO so never waits for a writer, and it never reads as ended
        RandomAccessFile fifo = new RandomAccessFile(dir.requests().toFile(), "rw");
        Thread.ofPlatform().daemon().name("oasm-resident-requests").start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(fifo.getFD()),
                    StandardCharsets.US_ASCII))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.put(line);
                }
            } catch (IOException | InterruptedException e) {
                lines.add("end");
            }
        });
        Instant lastRequest = Instant.now();
        while (true) {
            String line = lines.poll(1, TimeUnit.MINUTES);
            if (line == null) {
                if (Duration.between(lastRequest, Instant.now()).compareTo(idle) >= 0 || !stillServing()) {
                    return 0;
                }
                continue;
            }
            if (line.equals("end") || line.equals("stop")) {
                return 0;
            }
            if (!line.strip().matches("[0-9]{1,10}")) {
                continue;
            }
            if (!serveOne(Long.parseLong(line.strip()))) {
                return 0;
            }
            lastRequest = Instant.now();
        }
    }

    /** Serves one launcher's request; false when this cockpit is to end (its build was replaced). */
    private boolean serveOne(long pid) {
        Path reply = dir.reply(pid);
        Path request = dir.request(pid);
        try {
            if (!Files.exists(reply, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(request);  // that launcher is gone
                return true;
            }
            byte[] raw;
            try {
                raw = Files.readAllBytes(request);
            } finally {
                Files.deleteIfExists(request);  // from here on the launcher knows it was taken
            }
            String changed = buildChanged();
            if (changed != null) {
                answer(reply, "declined " + changed);
                return false;
            }
            int status = run(ClientRequest.read(pid, raw, uid));
            answer(reply, "exit " + status);
            served++;
            writeStatus();
        } catch (ClientRequest.Declined d) {
            log.println("oasm: declined a request of process " + pid + ": " + d.getMessage());
            answer(reply, "declined " + d.getMessage());
        } catch (IOException | RuntimeException e) {
            log.println("oasm: request of process " + pid + ": " + e);
            answer(reply, "declined " + e.getClass().getSimpleName());
        } finally {
            try {
                Files.deleteIfExists(reply);
            } catch (IOException e) {
                // the launcher removes what is left
            }
        }
        return true;
    }

    /** Runs the request as the launcher would have, and returns its exit status. */
    private int run(ClientRequest r) throws ClientRequest.Declined {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(r.args().toArray(String[]::new));
        } catch (LaunchOptions.UsageException e) {
            throw new ClientRequest.Declined("usage");
        }
        if (options.mode() != LaunchOptions.Mode.SUBCOMMAND || !SERVED.contains(options.command())) {
            throw new ClientRequest.Declined("not served here");
        }
        for (String word : options.args()) {
            if (PROCESS_OWN.matcher(word).find()) {
                throw new ClientRequest.Declined(word + " would name this process's descriptors, not the launcher's");
            }
        }
        List<String> words = new ArrayList<>(List.of(options.command()));
        words.addAll(options.args());
        OasmCommand command = commands.match(words);
        String why = command == null ? null
                : command.notForResident(words.subList(command.getName().split(" ").length, words.size()), r.cwd());
        if (why != null) {
            throw new ClientRequest.Declined(why);
        }
        try (LauncherStreams streams = LauncherStreams.open(r)) {
            try {
                OasmRoot root = Cockpit.usableRoot(Cockpit.resolveRoot(options, r.env(), r.cwd()), !options.noProvenance());
                Cockpit c = new Cockpit(options, root, streams.terminal(), r.cwd(), r.env(), streams.err(), " resident");
                int status = whileClientWaits(r, c, streams);
                c.finish(status);
                return status;
            } catch (Exception | StackOverflowError e) {
                return ErrorReporter.report(e, options.debug(), streams.err());
            }
        }
    }

    /**
     * Runs the cockpit's command; when the launcher ends first (Ctrl-C, a kill), the command is
     * ended as a signal would end it: its output goes nowhere from then on, and it ends with
     * status 130, recorded as cancelled.
     */
    private static int whileClientWaits(ClientRequest r, Cockpit c, LauncherStreams streams) throws IOException {
        Thread worker = Thread.currentThread();
        AtomicBoolean done = new AtomicBoolean();
        Thread watch = Thread.ofPlatform().daemon().name("oasm-resident-watch").start(() -> {
            while (!done.get()) {
                if (!r.clientAlive()) {
                    synchronized (done) {  // never once the worker has gone on to the next request
                        if (!done.get()) {
                            streams.silence();
                            c.shell().terminate(130);
                            worker.interrupt();
                        }
                    }
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            return c.runBatch(streams.io());
        } finally {
            synchronized (done) {
                done.set(true);
            }
            watch.interrupt();
            Thread.interrupted();
        }
    }

    private static void answer(Path reply, String line) {
        try (RandomAccessFile out = new RandomAccessFile(reply.toFile(), "rw")) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the launcher is gone
        }
    }

    /** The project's jars on the class path and their times: a new build replaces them. */
    private static Map<Path, FileTime> buildJars() {
        Map<Path, FileTime> jars = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (entry.endsWith("-SNAPSHOT.jar")) {
                Path jar = Path.of(entry);
                try {
                    jars.put(jar, Files.getLastModifiedTime(jar));
                } catch (IOException e) {
                    jars.put(jar, FileTime.fromMillis(0));
                }
            }
        }
        return jars;
    }

    private String buildChanged() {
        for (var e : build.entrySet()) {
            try {
                if (!Files.getLastModifiedTime(e.getKey()).equals(e.getValue())) {
                    return "the build changed: " + e.getKey().getFileName();
                }
            } catch (IOException ex) {
                return "the build changed: " + e.getKey().getFileName() + " is gone";
            }
        }
        return null;
    }

    /** Whether the run folder still names this process (it was not removed, nor taken over). */
    private boolean stillServing() {
        return Files.exists(dir.requests())
                && dir.running().map(ResidentServer::isThis).orElse(false);
    }

    private void writeStatus() throws IOException {
        atomicWrite(dir.status(), "started " + started + "\nserved " + served + "\nidle_minutes " + idle.toMinutes()
                + "\nlast " + Instant.now() + "\n");
    }

    /** The shutdown hook: the launcher stops sending requests here. */
    private void withdraw() {
        try {
            if (dir.running().map(ResidentServer::isThis).orElse(true)) {
                Files.deleteIfExists(dir.pidFile());
                Files.deleteIfExists(dir.requests());
            }
        } catch (IOException e) {
            // nothing more can be done on the way out
        }
    }

    private static boolean isThis(ProcessHandle p) {
        return p.pid() == ProcessHandle.current().pid();
    }

    private static void atomicWrite(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
