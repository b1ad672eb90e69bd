package org.pourparler.negotiation;

import java.util.List;
import org.pourparler.model.Outcome;

/**
 * How a session ended.
 *
 * @param agreement  the agreed outcome, or null
 * @param utilities  every party's payoff (negotiators then ratifiers, in scenario order): the
 *                   discounted utility of the agreement, or the no-agreement payoff
 * @param rounds     rounds begun
 * @param time       normalised time at the end
 * @param seconds    wall-clock seconds
 * @param ending     "agreement", "deadline", "ended by NAME", "rejected by ratifier NAME" or "fault"
 * @param fault      the fault, or null
 * @param trace      every move
 * @param metrics    the agreement's quality, or null when there is none
 */
public record SessionResult(Outcome agreement, double[] utilities, int rounds, double time, double seconds, String ending,
                            Fault fault, List<TraceEntry> trace, Metrics metrics) {

    /**
     * @param advantage  per party, {@code (u - reservation) / (best - reservation)} (NaN when best equals reservation)
     * @param welfare    the sum of all parties' utilities
     * @param pareto     distance of the agreement's utilities to the Pareto frontier of the zone
     * @param nash       distance to the nearest Nash point
     * @param kalaiSmorodinsky distance to the nearest Kalai–Smorodinsky point
     */
    public record Metrics(double[] advantage, double welfare, double pareto, double nash, double kalaiSmorodinsky) { }
}
