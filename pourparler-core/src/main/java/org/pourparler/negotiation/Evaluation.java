package org.pourparler.negotiation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.pourparler.analysis.AgreementAnalysis;
import org.pourparler.analysis.AnalysisLimitException;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.Scenario;

/**
 * The one place where a negotiation's payoffs and metrics are defined. A session, {@code negotiate},
 * a tournament row and a Spark row all come from {@link #of}; docs/negotiation.md ("Payoffs and
 * metrics") is the table of formulas.
 *
 * <pre>{@code
 * Evaluation.Basis basis = Evaluation.basis(scenario, AgreementAnalysis.Options.defaults());   // the analysis, once
 * Evaluation e = Evaluation.of(scenario, basis, NoAgreement.RESERVATION, Optional.of(deal), 0.4, false);
 * double nashDistance = e.metrics().distanceNash();
 * }</pre>
 *
 * @param parties every party's result, in scenario order (ratifiers included)
 * @param metrics the negotiation's metrics
 */
public record Evaluation(List<PartyResult> parties, SessionResult.Metrics metrics) {

    public Evaluation {
        parties = List.copyOf(parties);
    }

    /**
     * What the metrics need from a scenario, computed once and shared by all its negotiations: the
     * analysis (empty when it was refused as too large) and each party's best utility.
     */
    public static final class Basis {
        private final AgreementAnalysis.Report report;
        private final double[] best;

        private Basis(AgreementAnalysis.Report report, double[] best) {
            this.report = report;
            this.best = best;
        }

        /** The scenario's analysis, when it could be computed. */
        public Optional<AgreementAnalysis.Report> report() { return Optional.ofNullable(report); }

        /** Party k's best utility over all outcomes (NaN without an analysis). */
        public double best(int k) { return best[k]; }
    }

    /** The basis from a finished analysis, or without one ({@code report} empty: advantage and distances are NaN). */
    public static Basis basis(Scenario s, Optional<AgreementAnalysis.Report> report) {
        double[] best = new double[s.parties().size()];
        Arrays.fill(best, report.isPresent() ? Double.NEGATIVE_INFINITY : Double.NaN);
        report.ifPresent(r -> {
            for (var q : r.paretoAll().points()) for (int k = 0; k < best.length; k++) best[k] = Math.max(best[k], q.utility(k));
        });
        return new Basis(report.orElse(null), best);
    }

    /** The basis, analysing the scenario with {@code options}; without an analysis when it is refused as too large. */
    public static Basis basis(Scenario s, AgreementAnalysis.Options options) {
        try {
            return basis(s, Optional.of(AgreementAnalysis.analyze(s, options.withListLimit(1))));
        } catch (AnalysisLimitException e) {
            return basis(s, Optional.empty());
        }
    }

    /**
     * Evaluates a negotiation's end.
     *
     * @param agreement  the agreement, or empty
     * @param time       normalised time when the negotiation ended (of the agreement, the walk-out or the fault)
     * @param atDeadline whether it ended at the deadline: the no-agreement payoff is then taken at t = 1
     */
    public static Evaluation of(Scenario s, Basis basis, NoAgreement noAgreement, Optional<Outcome> agreement, double time,
                                boolean atDeadline) {
        List<Party> ps = s.parties();
        double[] utility = new double[ps.size()];
        List<PartyResult> out = new ArrayList<>(ps.size());
        double welfare = 0;
        double utilityWelfare = 0;
        for (int k = 0; k < ps.size(); k++) {
            Profile p = ps.get(k).profile();
            double v = noAgreement.value(p);
            double u;
            double payoff;
            if (agreement.isPresent()) {
                u = p.utility().utility(agreement.get());
                payoff = p.discounted(u, time);
            } else {
                u = v;
                payoff = noAgreement.payoff(p, atDeadline ? 1.0 : time);
            }
            utility[k] = u;
            // payoffs count from what failing to agree pays (the no-agreement payoff at the deadline),
            // utilities from the undiscounted no-agreement value (NegMAS's advantage)
            double w = noAgreement.payoff(p, 1.0);
            double payoffRange = basis.best[k] - w;
            double range = basis.best[k] - v;
            out.add(new PartyResult(ps.get(k).name(), ps.get(k).role(), u, payoff,
                    payoffRange > 0 ? (payoff - w) / payoffRange : Double.NaN, range > 0 ? (u - v) / range : Double.NaN));
            welfare += payoff;
            utilityWelfare += u;
        }
        double pareto = Double.NaN;
        double nash = Double.NaN;
        double ks = Double.NaN;
        if (agreement.isPresent() && basis.report != null) {
            var d = basis.report.distances(utility);
            pareto = d.pareto();
            nash = d.nash();
            ks = d.kalaiSmorodinsky();
        }
        return new Evaluation(out, new SessionResult.Metrics(welfare, utilityWelfare, pareto, nash, ks));
    }
}
