package org.pourparler.negotiation;

import java.util.List;
import java.util.Optional;
import org.pourparler.model.Outcome;

/**
 * How a session ended.
 *
 * @param protocol   the protocol played
 * @param agreement  the agreed outcome, if any
 * @param parties    every party's result (scenario order, ratifiers included): utility, payoff,
 *                   advantage, each defined once in {@link Evaluation}
 * @param rounds     rounds begun
 * @param time       normalised time at the end
 * @param seconds    wall-clock seconds
 * @param ending     how it ended ({@link Ending}: agreement, deadline, ended by NAME, rejected by
 *                   ratifier NAME, fault, and for test the waters zone exists or probes used up)
 * @param zoneExists test the waters: the last probe's answer (empty when nobody probed, or another protocol)
 * @param fault      the fault that ended the session, if one did
 * @param trace      every public move (empty when tracing is off); never a hidden acceptance or a commitment
 * @param metrics    the negotiation's metrics (distances NaN without agreement or when not computed)
 */
public record SessionResult(Protocol protocol, Optional<Outcome> agreement, List<PartyResult> parties, int rounds, double time, double seconds,
                            Ending ending, Optional<Boolean> zoneExists, Optional<Fault> fault, List<TraceEntry> trace,
                            Metrics metrics) {

    public SessionResult {
        if (protocol == null || agreement == null || ending == null || zoneExists == null || fault == null || metrics == null) {
            throw new IllegalArgumentException("A session result has no null parts (absent ones are empty)");
        }
        parties = List.copyOf(parties);
        trace = List.copyOf(trace);
    }

    /** Party k's payoff (scenario order). */
    public double payoff(int k) { return parties.get(k).payoff(); }

    /** Every party's payoff, in scenario order (a fresh array). */
    public double[] payoffs() { return parties.stream().mapToDouble(PartyResult::payoff).toArray(); }

    /** The same result with the parties' results and metrics of another evaluation (e.g. once the analysis is ready). */
    public SessionResult with(Evaluation e) {
        return new SessionResult(protocol, agreement, e.parties(), rounds, time, seconds, ending, zoneExists, fault, trace, e.metrics());
    }

    /** Whether the session ended at its deadline (no agreement, nobody walked away, no fault). */
    public boolean atDeadline() { return ending.kind() == Ending.Kind.DEADLINE; }

    /**
     * A negotiation's metrics, defined in {@link Evaluation}.
     *
     * @param welfare          the sum of all parties' payoffs
     * @param utilityWelfare   the sum of all parties' undiscounted utilities
     * @param distancePareto   Euclidean distance of the agreement's undiscounted utilities to the Pareto
     *                         frontier of the zone (NaN without agreement or analysis)
     * @param distanceNash     the same to the nearest Nash point
     * @param distanceKalaiSmorodinsky the same to the nearest Kalai–Smorodinsky point
     */
    public record Metrics(double welfare, double utilityWelfare, double distancePareto, double distanceNash,
                          double distanceKalaiSmorodinsky) { }
}
