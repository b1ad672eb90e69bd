package org.pourparler.isolation;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.pourparler.negotiation.Watched;
import org.pourparler.negotiation.Fault;
import org.pourparler.io.tournament.TournamentFormat;
import org.pourparler.negotiation.Negotiator;
import org.pourparler.tournament.Match;
import org.pourparler.tournament.ResultRow;
import org.pourparler.tournament.ResultsTable;
import org.pourparler.tournament.Tournament;

/**
 * The child JVM that plays a tournament's negotiations involving {@code class:} agents
 * ({@link ChildJvms} starts it). It loads the same specification, then answers requests on
 * stdin, one per line, {@code play ID} (the negotiation's id, Base64), with {@code rows BASE64} (the
 * negotiation's rows as results.csv lines). What it cannot answer it announces before it dies: {@code exit P} when an
 * agent calls {@code System.exit} (from a shutdown hook), {@code hung P} when a negotiation runs past
 * the time limit (then it halts), P being the position that was moving. Agents' own printing goes
 * to stderr, so it cannot break the protocol on stdout.
 */
public final class AgentWorker {

    private AgentWorker() { }

    /**
     * Arguments: the specification file ({@link TournamentFormat#write}), the folder its scenario
     * paths are relative to, and the time limit in seconds (0: none).
     */
    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Path file = Path.of(args[0]);
        Tournament t = TournamentFormat.load(TournamentFormat.parse(java.nio.file.Files.readString(file, StandardCharsets.UTF_8),
                file.toString(), Path.of(args[1])));
        Map<String, Match> byId = new HashMap<>();
        for (Match m : t.matches()) byId.put(m.id(), m);
        long limit = (long) (Double.parseDouble(args[2]) * 1e9);
        long historyBytes = org.pourparler.negotiation.Session.Options.historyBytes(1);
        AtomicInteger moving = new AtomicInteger(-1);
        // whether a match is in play (1, or -1 between matches) and when it started
        long[] current = {-1, 0};
        Object lock = new Object();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (lock) {
                if (current[0] >= 0) {
                    protocol.println("exit " + moving.get());
                    protocol.flush();
                }
            }
        }));
        if (limit > 0) {
            Thread watchdog = new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(Math.max(10, Math.min(200, limit / 20_000_000)));
                    } catch (InterruptedException e) {
                        return;
                    }
                    synchronized (lock) {
                        if (current[0] >= 0 && System.nanoTime() - current[1] > limit) {
                            protocol.println("hung " + moving.get());
                            protocol.flush();
                            Runtime.getRuntime().halt(3);           // no hooks: the negotiation is given up
                        }
                    }
                }
            }, "pourparler-worker-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (!line.startsWith("play ")) continue;
            Match m = byId.get(new String(Base64.getDecoder().decode(line.substring(5).trim()), StandardCharsets.UTF_8));
            if (m == null) {                         // the parent and this JVM read different scenario files
                System.err.println("pourparler: the agents' JVM does not know negotiation " + line.substring(5).trim()
                        + ": its scenario files differ from the parent's");
                Runtime.getRuntime().halt(4);
            }
            moving.set(-1);
            synchronized (lock) {
                current[1] = System.nanoTime();
                current[0] = 1;
            }
            List<Negotiator> watched = new ArrayList<>();
            List<Negotiator> ns;
            List<ResultRow> rows;
            try {
                ns = t.negotiators(m);
                for (int p = 0; p < ns.size(); p++) watched.add(new Watched(ns.get(p), p, moving));
                rows = t.play(m, watched, historyBytes);
            } catch (RuntimeException | LinkageError e) {
                rows = t.failed(m, "", Fault.Kind.ERROR, "the agents could not be created: " + e);
            }
            watched = null;
            ns = null;
            String text = Base64.getEncoder().encodeToString(ResultsTable.lines(rows).getBytes(StandardCharsets.UTF_8));
            synchronized (lock) {
                current[0] = -1;
                protocol.println("rows " + text);
                protocol.flush();
            }
            // an agent that ran out of memory may have kept what it allocated: start afresh
            if (rows.stream().anyMatch(r -> r.fault().startsWith("out-of-memory"))) break;
        }
        System.exit(0);                            // whatever threads the agents left behind
    }
}
