package org.pourparler.isolation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.tournament.TournamentFormat;
import org.pourparler.negotiation.Fault;
import org.pourparler.tournament.Isolation;
import org.pourparler.tournament.Match;
import org.pourparler.tournament.ResultRow;
import org.pourparler.tournament.ResultsTable;
import org.pourparler.tournament.Tournament;

/**
 * Plays the negotiations that involve {@code class:} agents (outside code) in child JVMs
 * ({@link AgentWorker}), one negotiation at a time per child, so that such an agent can end only
 * its own negotiation: a {@code System.exit}, an {@link OutOfMemoryError} (the child has its own
 * heap, {@value #DEFAULT_OPTIONS} unless {@code POURPARLER_AGENT_JVM_OPTS} says otherwise) or a
 * call that never returns (the child is killed at the time limit) becomes a fault in that
 * negotiation's rows, and a fresh child takes the next one. Built-in agents are ours and play in
 * process. Every shell that runs tournaments uses it: the CLI's local runs and each Spark executor.
 *
 * <p>A child reads the specification from a file this class writes ({@link TournamentFormat#write}),
 * so it plays the tournament the parent holds even if the user's file changes meanwhile, and a
 * specification built in code (Spark's Java API) travels the same way. Negotiations are named to
 * the child by their id, which does not depend on which scenarios the parent loaded.
 */
public final class ChildJvms implements Isolation, AutoCloseable {

    /** The child JVM's options unless {@code POURPARLER_AGENT_JVM_OPTS} (or the property {@code pourparler.agentJvmOptions}) is set. */
    public static final String DEFAULT_OPTIONS = "-Xmx512m -XX:+UseSerialGC";

    private final Tournament t;
    private final Path specFile;
    private final String classPath;
    private final ConcurrentLinkedQueue<Child> idle = new ConcurrentLinkedQueue<>();
    private final Set<Child> all = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Children for {@code t}'s isolated negotiations, started when first needed, on
     * {@link #classPath()}.
     *
     * @throws IOException when the specification cannot be written to a temporary file
     */
    public ChildJvms(Tournament t) throws IOException {
        this.t = t;
        String text = TournamentFormat.write(t.spec());
        try {
            if (!TournamentFormat.parse(text, "the specification for the agents' JVMs", t.spec().base()).equals(t.spec())) {
                throw new IllegalArgumentException("the specification does not survive being written for the agents' JVMs");
            }
        } catch (ScenarioFormatException e) {
            throw new IllegalArgumentException("the specification cannot be written for the agents' JVMs: " + e.getMessage(), e);
        }
        this.specFile = Files.createTempFile("pourparler-tournament-", ".json");
        specFile.toFile().deleteOnExit();
        Files.writeString(specFile, text, StandardCharsets.UTF_8);
        this.classPath = classPath();
    }

    /**
     * The class path a child JVM needs to load this JVM's classes and the agents': the JVM's own
     * class path, then the files of any URL class loaders between the thread's context loader and the
     * system loader (Spark loads the application's and {@code --jars}' jars that way on executors).
     */
    public static String classPath() {
        Set<String> parts = new LinkedHashSet<>();
        for (String p : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) if (!p.isEmpty()) parts.add(p);
        for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null; l = l.getParent()) {
            if (!(l instanceof URLClassLoader u)) continue;
            for (URL url : u.getURLs()) {
                if (!"file".equals(url.getProtocol())) continue;
                try {
                    parts.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    // not a local file: a child cannot use it
                }
            }
        }
        return String.join(java.io.File.pathSeparator, parts);
    }

    /** Whether the tournament has any agent that must be isolated. */
    public static boolean needed(Tournament t) {
        return t.spec().agents().stream().anyMatch(a -> outside(a.agent()));
    }

    private static boolean outside(String agentSpec) {
        return agentSpec.trim().startsWith("class:");
    }

    @Override
    public boolean isolates(Match m) {
        for (int p = 0; p < m.agents().length; p++) if (outside(t.spec().agents().get(m.agent(p)).agent())) return true;
        return false;
    }

    @Override
    public List<ResultRow> play(Match m) {
        Child c = idle.poll();
        while (c != null && !c.process.isAlive()) {      // ended between negotiations: not this one's doing
            c.kill();
            c = idle.poll();
        }
        String kind = null;
        int moving = -1;
        try {
            if (c == null) c = start();
            c.in.write("play " + Base64.getEncoder().encodeToString(m.id().getBytes(StandardCharsets.UTF_8)) + "\n");
            c.in.flush();
            for (String line; (line = c.out.readLine()) != null; ) {
                if (line.startsWith("rows ")) {
                    List<ResultRow> rows = ResultsTable.parse(ResultsTable.header()
                            + new String(Base64.getDecoder().decode(line.substring(5)), StandardCharsets.UTF_8));
                    // after an OutOfMemoryError the child quits (it may hold what the agent kept)
                    if (closed || rows.stream().anyMatch(r -> r.fault().startsWith("out-of-memory"))) c.kill();
                    else idle.add(c);
                    return rows;
                }
                if (line.startsWith("exit ") || line.startsWith("hung ")) {
                    kind = line.substring(0, 4);
                    moving = Integer.parseInt(line.substring(5).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            if (c == null) return t.failed(m, "", Fault.Kind.ERROR, "could not start a JVM for the class: agents: " + e.getMessage());
        }
        // the child died: find out how, and blame the agent that was moving (or the only outside agent)
        int code = c.waitForExit();
        c.kill();
        String who = moving >= 0 ? name(m, moving) : onlyOutsider(m);
        double limit = t.spec().timeLimit();
        String message;
        Fault.Kind fault;
        if ("hung".equals(kind)) {
            fault = Fault.Kind.HUNG;
            message = String.format(Locale.ROOT, "the negotiation did not finish within the time limit of %s s", limit);
        } else if ("exit".equals(kind)) {
            fault = Fault.Kind.EXIT;
            message = "the agent called System.exit(" + code + ")";
        } else {
            fault = Fault.Kind.CRASH;
            message = "the agents' JVM ended unexpectedly (exit code " + code + ")";
        }
        if (!who.isEmpty()) message += "; " + who + " was moving";
        return t.failed(m, who, fault, message);
    }

    private String name(Match m, int position) {
        return t.spec().agents().get(m.agent(position)).name();
    }

    private String onlyOutsider(Match m) {
        Set<String> names = new LinkedHashSet<>();
        for (int p = 0; p < m.agents().length; p++) {
            if (outside(t.spec().agents().get(m.agent(p)).agent())) names.add(name(m, p));
        }
        return names.size() == 1 ? names.iterator().next() : "";
    }

    private Child start() throws IOException {
        if (closed) throw new IOException("the tournament is over");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String opts = System.getProperty("pourparler.agentJvmOptions", System.getenv().getOrDefault("POURPARLER_AGENT_JVM_OPTS", DEFAULT_OPTIONS));
        cmd.addAll(Arrays.asList(opts.trim().split("\\s+")));
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(AgentWorker.class.getName());
        cmd.add(specFile.toString());
        cmd.add(t.spec().base().toString());        // as the parent reads it, from the same working folder
        cmd.add(Double.toString(t.spec().timeLimit()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Child c = new Child(p);
        all.add(c);
        if (t.spec().timeLimit() > 0) {
            // the child's own watchdog halts it at the limit; this one is for a child too stuck to do so
            c.killer = new Thread(() -> c.killAfterSilence((long) (t.spec().timeLimit() * 1e9) + 10_000_000_000L), "pourparler-child-killer");
            c.killer.setDaemon(true);
            c.killer.start();
        }
        return c;
    }

    @Override
    public void close() {
        closed = true;
        for (Child c : all) c.kill();
        try {
            Files.deleteIfExists(specFile);
        } catch (IOException e) {
            // a temporary file; deleteOnExit tries again
        }
    }

    /** One child JVM: its process and the two ends of its protocol. */
    private final class Child {
        final Process process;
        final Writer in;
        final BufferedReader out;
        volatile long busySince = -1;
        Thread killer;

        Child(Process process) {
            this.process = process;
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8) {
                @Override
                public void write(String s) throws IOException {
                    if (s.startsWith("play ")) busySince = System.nanoTime();
                    super.write(s);
                }
            };
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
                @Override
                public String readLine() throws IOException {
                    String line = super.readLine();
                    if (line == null || line.startsWith("rows ")) busySince = -1;
                    return line;
                }
            };
        }

        void killAfterSilence(long nanos) {
            while (process.isAlive()) {
                long since = busySince;
                if (since >= 0 && System.nanoTime() - since > nanos) {
                    process.destroyForcibly();
                    return;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        int waitForExit() {
            try {
                if (process.waitFor(5, TimeUnit.SECONDS)) return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
            return -1;
        }

        void kill() {
            all.remove(this);
            process.destroyForcibly();
        }
    }
}
