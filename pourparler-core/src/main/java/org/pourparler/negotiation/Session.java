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
     */
    public record Options(long seed, NoAgreement noAgreement, boolean metrics, Protocol protocol, int probes, boolean trace,
                          double timeBudget, ProfileCache cache, Conventions conventions) {
        public Options {
            if (noAgreement == null || protocol == null) throw new IllegalArgumentException("Options need a no-agreement payoff and a protocol");
            if (conventions == null) throw new IllegalArgumentException("Options need conventions (Conventions.POURPARLER or GENIUS)");
            if (probes < 1) throw new IllegalArgumentException("The number of probes must be >= 1, but was " + probes);
            if (!(timeBudget >= 0) || Double.isInfinite(timeBudget)) {
                throw new IllegalArgumentException("The time budget must be a finite number of seconds >= 0, but was " + timeBudget);
            }
        }

        /** Seed 1, reservation payoff, metrics, alternating offers, 3 probes, traced, no time budget, our conventions. */
        public static Options defaults() {
            return new Options(1, NoAgreement.RESERVATION, true, Protocol.ALTERNATING, 3, true, 0, null, Conventions.POURPARLER);
        }

        public Options withSeed(long s) { return new Options(s, noAgreement, metrics, protocol, probes, trace, timeBudget, cache, conventions); }

        public Options withNoAgreement(NoAgreement a) { return new Options(seed, a, metrics, protocol, probes, trace, timeBudget, cache, conventions); }

        public Options withMetrics(boolean m) { return new Options(seed, noAgreement, m, protocol, probes, trace, timeBudget, cache, conventions); }

        public Options withProtocol(Protocol p) { return new Options(seed, noAgreement, metrics, p, probes, trace, timeBudget, cache, conventions); }

        public Options withProbes(int n) { return new Options(seed, noAgreement, metrics, protocol, n, trace, timeBudget, cache, conventions); }

        public Options withTrace(boolean t) { return new Options(seed, noAgreement, metrics, protocol, probes, t, timeBudget, cache, conventions); }

        public Options withCache(ProfileCache c) { return new Options(seed, noAgreement, metrics, protocol, probes, trace, timeBudget, c, conventions); }

        public Options withTimeBudget(double seconds) { return new Options(seed, noAgreement, metrics, protocol, probes, trace, seconds, cache, conventions); }

        public Options withConventions(Conventions c) { return new Options(seed, noAgreement, metrics, protocol, probes, trace, timeBudget, cache, c); }
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
        SessionRun run = new SessionRun(scenario, negotiators, deadline, options, listener);
        if (!run.start()) return run.finish(SessionRun.End.FAULT);
        SessionRun.End end = switch (options.protocol()) {
            case ALTERNATING -> AlternatingOffers.play(run);
            case SINGLE_TEXT -> SingleNegotiatingText.play(run);
            case BLIND -> BlindBidding.play(run);
            case TEST_THE_WATERS -> TestTheWaters.play(run);
        };
        return run.finish(end);
    }
}
