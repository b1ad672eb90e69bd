package org.pourparler.negotiation;

import java.util.List;
import org.pourparler.analysis.AgreementAnalysis;
import org.pourparler.model.Outcome;
import org.pourparler.model.Profile;
import org.pourparler.model.Scenario;

/**
 * How a session ended.
 *
 * @param protocol   the protocol played
 * @param agreement  the agreed outcome, or null
 * @param utilities  every party's payoff (scenario order, ratifiers included): the discounted
 *                   utility of the agreement, or the no-agreement payoff
 * @param rounds     rounds begun
 * @param time       normalised time at the end
 * @param seconds    wall-clock seconds
 * @param ending     "agreement", "deadline", "ended by NAME", "rejected by ratifier NAME", "fault",
 *                   and for test the waters "zone exists" or "probes used up"
 * @param zoneExists test the waters: the last probe's answer (null when nobody probed, or another protocol)
 * @param fault      the fault, or null
 * @param trace      every public move (empty when tracing is off); never a hidden acceptance or a commitment
 * @param metrics    the agreement's quality, or null when there is none
 */
public record SessionResult(Protocol protocol, Outcome agreement, double[] utilities, int rounds, double time, double seconds,
                            String ending, Boolean zoneExists, Fault fault, List<TraceEntry> trace, Metrics metrics) {

    /**
     * @param advantage  per party, {@code (u - reservation) / (best - reservation)} (NaN when best equals reservation)
     * @param welfare    the sum of all parties' payoffs
     * @param pareto     distance of the agreement's utilities to the Pareto frontier of the zone
     * @param nash       distance to the nearest Nash point
     * @param kalaiSmorodinsky distance to the nearest Kalai–Smorodinsky point
     */
    public record Metrics(double[] advantage, double welfare, double pareto, double nash, double kalaiSmorodinsky) {

        /**
         * The metrics of an agreement, from the scenario's analysis (computed once and reused across
         * sessions, e.g. in a tournament); with a null report, advantage and the distances are NaN.
         *
         * @param payoffs every party's payoff (for the welfare)
         */
        public static Metrics of(AgreementAnalysis.Report report, Scenario s, Outcome agreement, double[] payoffs) {
            return of(report, bestUtilities(report, s.parties().size()), s, agreement, payoffs);
        }

        /** As {@link #of(AgreementAnalysis.Report, Scenario, Outcome, double[])}, with each party's best utility already known. */
        public static Metrics of(AgreementAnalysis.Report report, double[] best, Scenario s, Outcome agreement, double[] payoffs) {
            double[] raw = new double[s.parties().size()];
            double[] advantage = new double[raw.length];
            double welfare = 0;
            for (int k = 0; k < raw.length; k++) {
                Profile p = s.parties().get(k).profile();
                raw[k] = p.utility().utility(agreement);
                advantage[k] = (raw[k] - p.reservation()) / (best[k] - p.reservation());
                welfare += payoffs[k];
            }
            if (report == null) return new Metrics(advantage, welfare, Double.NaN, Double.NaN, Double.NaN);
            var d = report.distances(raw);
            return new Metrics(advantage, welfare, d.pareto(), d.nash(), d.kalaiSmorodinsky());
        }

        /** Each party's best utility over all outcomes (from the frontier of all outcomes); NaN without a report. */
        public static double[] bestUtilities(AgreementAnalysis.Report report, int parties) {
            double[] best = new double[parties];
            java.util.Arrays.fill(best, report == null ? Double.NaN : Double.NEGATIVE_INFINITY);
            if (report != null) {
                for (var q : report.paretoAll().points()) for (int k = 0; k < parties; k++) best[k] = Math.max(best[k], q.utility(k));
            }
            return best;
        }
    }
}
