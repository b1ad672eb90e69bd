package org.pourparler.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
 */
final class Watchdog {

    private Watchdog() { }

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
        FutureTask<SessionResult> task = new FutureTask<>(() -> Session.run(s, watched, deadline, options, listener));
        Thread thread = new Thread(task, "pourparler-session");
        thread.setDaemon(true);
        long started = System.nanoTime();
        thread.start();
        try {
            return limit > 0 ? task.get((long) (limit * 1e9), TimeUnit.NANOSECONDS) : task.get();
        } catch (TimeoutException e) {
            thread.interrupt();
            int p = moving.get();
            String who = p < 0 ? "" : negotiators.get(p).name();
            String message = String.format(Locale.ROOT, "the session did not finish within the time limit of %s s", limit)
                    + (who.isEmpty() ? "" : "; " + who + " was moving");
            Evaluation none = Evaluation.of(s, Evaluation.basis(s, Optional.empty()), options.noAgreement(), Optional.empty(), 0, false);
            return new SessionResult(options.protocol(), Optional.empty(), none.parties(), 0, 0, (System.nanoTime() - started) / 1e9,
                    Ending.FAULT, Optional.empty(), Optional.of(new Fault(Math.max(p, 0), who, Fault.Kind.HUNG, message)), List.of(),
                    none.metrics());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the session ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
