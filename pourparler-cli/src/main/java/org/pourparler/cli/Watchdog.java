package org.pourparler.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.pourparler.negotiation.Watched;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Ending;
import org.pourparler.negotiation.Evaluation;
import org.pourparler.negotiation.Fault;
import org.pourparler.negotiation.Negotiator;
import org.pourparler.negotiation.Session;
import org.pourparler.negotiation.SessionResult;
import org.pourparler.negotiation.TraceEntry;

/**
 * {@code negotiate}'s watchdog: the session runs on its own daemon thread, and when it is not done
 * within the time limit (an agent that never returns) it is abandoned with a "hung" fault against
 * the agent that was moving. The stuck thread cannot be stopped on every JVM (Java 20 and later
 * refuse), but it is a daemon: the process ends when the command does.
 *
 * <p>An agent that calls {@code System.exit} (or {@code Runtime.exit}) on the session's thread ends
 * its session with an "exit" fault, as in a tournament, instead of the command: a shutdown hook sees
 * the session thread inside {@code Runtime.exit}, hands the command the fault's result, and holds the
 * JVM until the command has written its output; {@link Main} then ends the process with the command's
 * own exit code ({@link #exiting}). Any other shutdown (Ctrl-C) goes on as usual.
 */
final class Watchdog {
    /** Set when an agent's exit was turned into a fault: the process must end by halting, after the output. */
    private static volatile boolean exiting;
    private static final CountDownLatch OUTPUT_WRITTEN = new CountDownLatch(1);

    private Watchdog() { }

    /** Whether an agent's {@code System.exit} is being contained (the JVM is shutting down; end with {@link #finish}). */
    static boolean exiting() { return exiting; }

    /** Ends the process with the command's exit code, after an agent's contained exit. */
    static void finish(int code) {
        Runtime.getRuntime().halt(code);        // at once: the hook, still waiting, must not let the agent's status through
    }

    /**
     * Runs the session, waiting at most {@code limit} seconds (0: no limit).
     *
     * @throws IllegalArgumentException as {@link Session#run} does
     */
    static SessionResult run(Scenario s, List<Negotiator> negotiators, Deadline deadline, Session.Options options,
                             Consumer<TraceEntry> listener, double limit) {
        AtomicInteger moving = new AtomicInteger(-1);
        List<Negotiator> watched = new ArrayList<>();
        for (int p = 0; p < negotiators.size(); p++) watched.add(new Watched(negotiators.get(p), p, moving));
        CompletableFuture<SessionResult> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.complete(Session.run(s, watched, deadline, options, listener));
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        }, "pourparler-session");
        thread.setDaemon(true);
        long started = System.nanoTime();
        Thread hook = new Thread(() -> {
            if (outcome.isDone() || !inExit(thread)) return;          // not an agent's exit: shut down as asked
            int p = moving.get();
            String who = p < 0 ? "" : negotiators.get(p).name();
            exiting = true;
            outcome.complete(fault(s, options, started, p, who, Fault.Kind.EXIT,
                    (who.isEmpty() ? "an agent" : who) + " called System.exit during the session"));
            try {
                OUTPUT_WRITTEN.await(60, TimeUnit.SECONDS);            // the command writes its output, then halts
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pourparler-agent-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        thread.start();
        try {
            return limit > 0 ? outcome.get((long) (limit * 1e9), TimeUnit.NANOSECONDS) : outcome.get();
        } catch (TimeoutException e) {
            thread.interrupt();
            int p = moving.get();
            String who = p < 0 ? "" : negotiators.get(p).name();
            String message = String.format(Locale.ROOT, "the session did not finish within the time limit of %s s", limit)
                    + (who.isEmpty() ? "" : "; " + who + " was moving");
            return fault(s, options, started, p, who, Fault.Kind.HUNG, message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the session ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            if (!exiting) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C while the session ran: the hook returns at once
                }
            }
        }
    }

    /** Whether the thread is inside {@code Runtime.exit} (an agent called it there). */
    private static boolean inExit(Thread t) {
        for (StackTraceElement f : t.getStackTrace()) {
            if ((f.getClassName().equals("java.lang.Runtime") || f.getClassName().equals("java.lang.Shutdown")) && f.getMethodName().equals("exit")) return true;
        }
        return false;
    }

    /** The result of a session given up with a fault: no agreement, everyone's no-agreement payoff. */
    private static SessionResult fault(Scenario s, Session.Options options, long started, int p, String who, Fault.Kind kind, String message) {
        Evaluation none = Evaluation.of(s, Evaluation.basis(s, Optional.empty()), options.noAgreement(), Optional.empty(), 0, false);
        return new SessionResult(options.protocol(), Optional.empty(), none.parties(), 0, 0, (System.nanoTime() - started) / 1e9,
                Ending.FAULT, Optional.empty(), Optional.of(new Fault(Math.max(p, 0), who, kind, message)), List.of(), none.metrics());
    }
}
