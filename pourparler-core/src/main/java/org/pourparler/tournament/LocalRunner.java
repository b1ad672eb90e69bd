package org.pourparler.tournament;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.pourparler.negotiation.Watched;
import org.pourparler.negotiation.Fault;
import org.pourparler.negotiation.Negotiator;
import org.pourparler.negotiation.Session;

/**
 * Runs a tournament on this machine's cores. Each idle worker takes the next negotiation, so work
 * balances itself; each negotiation's seed depends on its coordinates only, so the rows do not
 * depend on the number of threads. A watchdog abandons a negotiation that runs past the
 * specification's time limit (an agent that never returns): its rows record a "hung" fault against
 * the agent that was moving, a fresh worker replaces the stuck one, and the tournament goes on.
 * The stuck thread is stopped where the JVM still can (Java 19 and earlier) and left as a daemon
 * otherwise; negotiations of untrusted agents go through an {@link Isolation} (a child JVM that can
 * be killed) instead.
 */
public final class LocalRunner {

    /**
     * Receives each negotiation's rows as it completes, with the wall-clock seconds it took (which no
     * row holds: rows are the same on every machine); calls are serialised.
     */
    @FunctionalInterface
    public interface Listener {
        void completed(Match match, List<ResultRow> rows, double seconds);
    }

    /** What a run did. */
    public record Summary(int total, int skipped, int played, int hung, boolean interrupted) { }

    private LocalRunner() { }

    /**
     * Plays every negotiation of the tournament whose id is not in {@code done}.
     *
     * @param threads  worker threads (at least 1)
     * @param listener receives the rows of each negotiation as it completes (from worker threads, one at a time)
     */
    public static Summary run(Tournament t, Set<String> done, int threads, Listener listener) {
        return run(t, done, threads, listener, Isolation.NONE);
    }

    /**
     * As {@link #run(Tournament, Set, int, Listener)}, playing the negotiations that {@code isolation}
     * isolates through it (each runner thread waits for its isolated negotiation, so at most
     * {@code threads} run at once); they are not watched in process, the isolation enforces the time limit.
     */
    public static Summary run(Tournament t, Set<String> done, int threads, Listener listener, Isolation isolation) {
        if (threads < 1) throw new IllegalArgumentException("The number of threads must be >= 1, but was " + threads);
        // A few scenarios at a time (as many as there are workers), their negotiations interleaved: the
        // workers start on different scenarios and build their shared data (analysis, offer tables)
        // side by side instead of waiting for each other's, and a scenario's shared data is released
        // when its last negotiation is done, so memory holds only the scenarios in play.
        Map<Integer, List<Match>> byScenario = new TreeMap<>();
        for (Match m : t.matches()) {
            if (!done.contains(m.id())) byScenario.computeIfAbsent(m.scenario(), k -> new ArrayList<>()).add(m);
        }
        List<Match> todo = new ArrayList<>();
        List<List<Match>> groups = new ArrayList<>(byScenario.values());
        for (int g = 0; g < groups.size(); g += threads) {
            List<List<Match>> group = groups.subList(g, Math.min(groups.size(), g + threads));
            int longest = group.stream().mapToInt(List::size).max().orElse(0);
            for (int i = 0; i < longest; i++) {
                for (List<Match> ms : group) if (i < ms.size()) todo.add(ms.get(i));
            }
        }
        Map<Integer, AtomicInteger> remaining = new ConcurrentHashMap<>();
        byScenario.forEach((scenario, ms) -> remaining.put(scenario, new AtomicInteger(ms.size())));
        int skipped = t.matches().size() - todo.size();
        if (todo.isEmpty()) return new Summary(t.matches().size(), skipped, 0, 0, false);

        AtomicInteger workerNumber = new AtomicInteger();
        ThreadFactory daemons = r -> {
            Thread th = new Thread(r, "pourparler-worker-" + workerNumber.incrementAndGet());
            th.setDaemon(true);                    // a hung agent never keeps the process alive
            th.setUncaughtExceptionHandler((thread, e) -> { });   // a retiring or stopped worker ends quietly
            return th;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons);
        Map<Match, Running> running = new ConcurrentHashMap<>();
        // each negotiation's share of this JVM's memory for its offer history (a Spark executor runs
        // as many slices at once as it has cores, each with one thread)
        long historyBytes = Session.Options.historyBytes(Math.max(threads, Runtime.getRuntime().availableProcessors()));
        CountDownLatch finished = new CountDownLatch(todo.size());
        AtomicInteger hung = new AtomicInteger();
        Object sink = new Object();
        for (Match m : todo) {
            if (isolation.isolates(m)) {
                pool.execute(() -> {
                    long started = System.nanoTime();
                    List<ResultRow> rows;
                    try {
                        rows = isolation.play(m);
                    } catch (RuntimeException e) {
                        rows = t.failed(m, "", Fault.Kind.ERROR, e.toString());
                    }
                    if (!rows.isEmpty() && rows.get(0).fault().startsWith("hung")) hung.incrementAndGet();
                    double seconds = (System.nanoTime() - started) / 1e9;
                    synchronized (sink) {
                        listener.completed(m, rows, seconds);
                    }
                    if (remaining.get(m.scenario()).decrementAndGet() == 0) t.release(m.scenario());
                    finished.countDown();
                });
                continue;
            }
            pool.execute(() -> {
                Running run = new Running(Thread.currentThread(), System.nanoTime());
                running.put(m, run);
                List<ResultRow> rows;
                try {
                    List<Negotiator> watched = new ArrayList<>();
                    List<Negotiator> ns = t.negotiators(m);
                    for (int p = 0; p < ns.size(); p++) watched.add(new Watched(ns.get(p), p, run.moving()));
                    rows = t.play(m, watched, historyBytes);
                } catch (RuntimeException | Error e) {
                    rows = t.failed(m, "", Fault.Kind.ERROR, e.toString());
                } finally {
                    running.remove(m);
                }
                synchronized (run) {
                    run.returned = true;
                }
                if (!run.abandoned().compareAndSet(false, true)) {
                    // the watchdog gave this negotiation up as hung (and may have stopped this thread):
                    // the worker retires rather than risk a late stop landing in another negotiation
                    throw new Retired();
                }
                double seconds = (System.nanoTime() - run.started()) / 1e9;
                synchronized (sink) {
                    listener.completed(m, rows, seconds);
                }
                if (remaining.get(m.scenario()).decrementAndGet() == 0) t.release(m.scenario());
                finished.countDown();
            });
        }
        boolean interrupted = false;
        long limit = (long) (t.spec().timeLimit() * 1e9);
        try {
            while (!finished.await(limit > 0 ? Math.max(10, Math.min(1000, limit / 10_000_000)) : 1000, TimeUnit.MILLISECONDS)) {
                if (limit <= 0) continue;
                long now = System.nanoTime();
                for (Map.Entry<Match, Running> e : running.entrySet()) {
                    Running r = e.getValue();
                    if (now - r.started() <= limit || !r.abandoned().compareAndSet(false, true)) continue;
                    Match m = e.getKey();
                    running.remove(m);
                    int p = r.moving().get();
                    String who = p < 0 ? "" : t.spec().agents().get(m.agent(p)).name();
                    List<ResultRow> rows = t.failed(m, who, Fault.Kind.HUNG, "the negotiation did not finish within the time limit of "
                            + t.spec().timeLimit() + " s" + (who.isEmpty() ? "" : "; " + who + " was moving"));
                    synchronized (sink) {
                        listener.completed(m, rows, (now - r.started()) / 1e9);
                    }
                    hung.incrementAndGet();
                    if (remaining.get(m.scenario()).decrementAndGet() == 0) t.release(m.scenario());
                    finished.countDown();
                    r.thread().interrupt();
                    if (!stop(r)) {
                        // the stuck thread cannot be stopped: add a worker so the others keep the pace
                        pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
                        pool.setCorePoolSize(pool.getCorePoolSize() + 1);
                    }
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        int played = todo.size() - (int) finished.getCount();
        return new Summary(t.matches().size(), skipped, played, hung.get(), interrupted);
    }

    /** A negotiation in play: its thread, its start, who is moving, whether it was given up, whether its thread returned. */
    private static final class Running {
        private final Thread thread;
        private final long started;
        private final AtomicInteger moving = new AtomicInteger(-1);
        private final AtomicBoolean abandoned = new AtomicBoolean();
        boolean returned;                      // guarded by this

        Running(Thread thread, long started) {
            this.thread = thread;
            this.started = started;
        }

        Thread thread() { return thread; }
        long started() { return started; }
        AtomicInteger moving() { return moving; }
        AtomicBoolean abandoned() { return abandoned; }
    }

    /** Thrown by a worker whose negotiation was given up as hung, to end that worker thread. */
    private static final class Retired extends Error {
        private static final long serialVersionUID = 1L;

        Retired() { super("worker retired after a hung negotiation", null, false, false); }
    }

    /**
     * Stops the thread of a hung negotiation that is still inside it, so that an agent in an endless
     * loop does not keep a core for the rest of the tournament. The unwinding runs only through the
     * abandoned negotiation (whose results are discarded) and the worker retires afterwards. Where
     * the JVM no longer supports stopping threads (Java 20 and later), returns false.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static boolean stop(Running r) {
        synchronized (r) {
            if (r.returned) return true;       // it came back by itself and retires
            try {
                r.thread().stop();
                return true;
            } catch (UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }
    }
}
