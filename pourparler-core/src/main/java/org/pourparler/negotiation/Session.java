package org.pourparler.negotiation;

import java.util.List;
import org.pourparler.model.Scenario;

/**
 * Runs one negotiation between automated negotiators under one of the {@link Protocol}s, each
 * specified rule by rule in docs/negotiation.md. Ratifiers make no moves: an agreement stands only
 * if every ratifier's profile accepts it (at or above its reservation value, no red line crossed).
 * The same seed gives the same session when the deadline counts rounds only.
 *
 * <pre>{@code
 * SessionResult r = Session.run(scenario, List.of(TimeDependentAgent.boulware(), TimeDependentAgent.conceder()),
 *         Deadline.rounds(1000), Session.Options.defaults().withProtocol(Protocol.BLIND));
 * }</pre>
 */
public final class Session {

    /**
     * @param seed        the master seed; negotiator k's random source (and the mediator's) derive from it
     * @param noAgreement what no agreement pays (default: the reservation value, discounted as GENIUS does)
     * @param metrics     whether to compute the agreement's distances to the frontier and solutions
     *                    (runs the scenario's analysis once)
     * @param protocol    the protocol
     * @param probes      test the waters: how many probes each negotiator may spend
     * @param trace       whether to record every move (off for speed in tournaments)
     * @param timeBudget  seconds of computation each negotiator may spend in its calls over the whole
     *                    session, 0 for no limit; an overrun is a fault
     * @param cache       the profile stores shared with other sessions, or null for fresh ones
     * @param conventions whose conventions the clock and the agents follow (ours by default, or GENIUS's)
     * @param maxOffers   the most public offers (offers, texts, visible proposals) the session keeps: reaching it
     *                    ends the session with {@link Ending#MEMORY_LIMIT} ({@link #historyLimit} computes it from
     *                    the memory at hand); {@link Long#MAX_VALUE} for none
     */
    public record Options(long seed, NoAgreement noAgreement, boolean metrics, Protocol protocol, int probes, boolean trace,
                          double timeBudget, ProfileCache cache, Conventions conventions, long maxOffers) {
        public Options {
            if (noAgreement == null || protocol == null) throw new IllegalArgumentException("Options need a no-agreement payoff and a protocol");
            if (conventions == null) throw new IllegalArgumentException("Options need conventions (Conventions.POURPARLER or GENIUS)");
            if (maxOffers < 1) throw new IllegalArgumentException("The most offers a session keeps must be >= 1, but was " + maxOffers);
            if (probes < 1) throw new IllegalArgumentException("The number of probes must be >= 1, but was " + probes);
            if (!(timeBudget >= 0) || Double.isInfinite(timeBudget)) {
                throw new IllegalArgumentException("The time budget must be a finite number of seconds >= 0, but was " + timeBudget);
            }
        }

        /** Seed 1, reservation payoff, metrics, alternating offers, 3 probes, traced, no time budget, our conventions, no offer limit. */
        public static Options defaults() {
            return new Options(1, NoAgreement.RESERVATION, true, Protocol.ALTERNATING, 3, true, 0, null, Conventions.POURPARLER, Long.MAX_VALUE);
        }

        /**
         * The most public offers a session of {@code negotiators} keeps in {@code bytes} of memory, so
         * that a session bounded by seconds only ends with {@link Ending#MEMORY_LIMIT} instead of failing
         * with an {@link OutOfMemoryError}: what a shell passes as {@link #maxOffers}. An offer costs the
         * history about 20 bytes (round, time, party, package) and each built-in agent's note of it 4 to 12
         * (position, utility), measured at 52 bytes for two agents at the smallest heap that holds them
         * (docs/negotiation.md, "Memory"); counted here as 32 + 16 per negotiator, the columns' growth
         * included. At least 1,000.
         */
        public static long historyLimit(long bytes, int negotiators) {
            return Math.max(1_000, bytes / (32 + 16L * Math.max(1, negotiators)));
        }

        /**
         * The memory each of {@code sessions} sessions running at once in this JVM may give its history:
         * three quarters of the heap shared among them (the rest is for scenarios, offer tables and the
         * collector's room).
         */
        public static long historyBytes(int sessions) {
            return Runtime.getRuntime().maxMemory() / 4 * 3 / Math.max(1, sessions);
        }

        public Options withMaxOffers(long m) { return new Options(seed, noAgreement, metrics, protocol, probes, trace, timeBudget, cache, conventions, m); }

        public Options withSeed(long s) { return new Options(s, noAgreement, metrics, protocol, probes, trace, timeBudget, cache, conventions, maxOffers); }

        public Options withNoAgreement(NoAgreement a) { return new Options(seed, a, metrics, protocol, probes, trace, timeBudget, cache, conventions, maxOffers); }

        public Options withMetrics(boolean m) { return new Options(seed, noAgreement, m, protocol, probes, trace, timeBudget, cache, conventions, maxOffers); }

        public Options withProtocol(Protocol p) { return new Options(seed, noAgreement, metrics, p, probes, trace, timeBudget, cache, conventions, maxOffers); }

        public Options withProbes(int n) { return new Options(seed, noAgreement, metrics, protocol, n, trace, timeBudget, cache, conventions, maxOffers); }

        public Options withTrace(boolean t) { return new Options(seed, noAgreement, metrics, protocol, probes, t, timeBudget, cache, conventions, maxOffers); }

        public Options withCache(ProfileCache c) { return new Options(seed, noAgreement, metrics, protocol, probes, trace, timeBudget, c, conventions, maxOffers); }

        public Options withTimeBudget(double seconds) { return new Options(seed, noAgreement, metrics, protocol, probes, trace, seconds, cache, conventions, maxOffers); }

        public Options withConventions(Conventions c) { return new Options(seed, noAgreement, metrics, protocol, probes, trace, timeBudget, cache, c, maxOffers); }
    }

    private Session() { }

    /**
     * Runs the negotiators (one per negotiating party of the scenario, in scenario order) to
     * agreement, walk-out, fault or deadline.
     *
     * @throws IllegalArgumentException when the number of negotiators does not match, or the protocol
     *                                  cannot decide on this scenario (see docs/negotiation.md)
     */
    public static SessionResult run(Scenario scenario, List<? extends Negotiator> negotiators, Deadline deadline, Options options) {
        return run(scenario, negotiators, deadline, options, null);
    }

    /**
     * As {@link #run(Scenario, List, Deadline, Options)}, handing every public move to {@code listener}
     * as it happens (e.g. to stream a trace to a file): the moves are not kept unless
     * {@link Options#trace()} also asks for them, so memory does not grow with the session's length.
     *
     * @param listener receives each move in order, on the session's thread; null for none
     */
    public static SessionResult run(Scenario scenario, List<? extends Negotiator> negotiators, Deadline deadline, Options options,
                                    java.util.function.Consumer<TraceEntry> listener) {
        Negotiation g = Negotiation.open(scenario, deadline, options, null, listener);
        if (negotiators.size() != g.n) {
            throw new IllegalArgumentException("Scenario '" + scenario.title() + "' has " + g.n + " negotiating parties, but "
                    + negotiators.size() + " negotiators were given");
        }
        new Driver(g, negotiators, options.timeBudget()).play();
        return g.result();
    }

    /** Calls the negotiators on their moves, within their time budgets, and turns what goes wrong into faults. */
    private static final class Driver {
        private final Negotiation g;
        private final List<? extends Negotiator> negotiators;
        private final long budgetNanos;
        private final long[] spent;
        private final double budget;

        Driver(Negotiation g, List<? extends Negotiator> negotiators, double budget) {
            this.g = g;
            this.negotiators = List.copyOf(negotiators);
            this.budget = budget;
            this.budgetNanos = (long) (budget * 1e9);
            this.spent = new long[negotiators.size()];
        }

        void play() {
            for (int j = 0; j < negotiators.size(); j++) if (!call(j, true)) return;
            g.begin();
            for (int j = g.next(); j >= 0; j = g.next()) if (!call(j, false)) return;
        }

        /** Negotiator j's start, or its move applied; false after a fault. */
        private boolean call(int j, boolean start) {
            long t0 = budgetNanos > 0 ? System.nanoTime() : 0;
            Negotiator negotiator = negotiators.get(j);
            Action a = null;
            try {
                if (start) negotiator.start(g.view(j));
                else a = negotiator.act(g.view(j));
            } catch (RuntimeException | StackOverflowError e) {
                return fault(j, Fault.Kind.EXCEPTION, start ? "start failed: " + e : e.toString());
            } catch (OutOfMemoryError e) {
                // what the agent allocated in this call is unreachable again once its frames are gone
                return fault(j, Fault.Kind.OUT_OF_MEMORY, (start ? "start ran out of memory: " : "ran out of memory: ") + e.getMessage());
            }
            if (budgetNanos > 0) {
                spent[j] += System.nanoTime() - t0;
                if (spent[j] > budgetNanos) {
                    return fault(j, Fault.Kind.TIMEOUT, String.format(java.util.Locale.ROOT, "used %.3f s of its %.3f s time budget",
                            spent[j] / 1e9, budget));
                }
            }
            if (start) return true;
            if (a == null) return fault(j, Fault.Kind.ILLEGAL_ACTION, "returned no action");
            java.util.Optional<String> refused = g.act(j, a);
            return refused.isEmpty() || fault(j, Fault.Kind.ILLEGAL_ACTION, refused.get());
        }

        private boolean fault(int j, Fault.Kind kind, String message) {
            g.fault(new Fault(j, negotiators.get(j).name(), kind, message));
            return false;
        }
    }
}
