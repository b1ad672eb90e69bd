package org.pourparler.negotiation;

import java.util.Arrays;
import java.util.List;
import org.pourparler.analysis.FrontierPoint;
import org.pourparler.analysis.ParetoFrontier;
import org.pourparler.model.Outcome;
import org.pourparler.model.Profile;
import org.pourparler.model.RedLine;

/**
 * Blind bidding with hidden acceptances. Each round every negotiator, without seeing this round's
 * other bids, posts a visible proposal and privately states the packages it would accept (its
 * proposal always among them). Proposals become public after the round; acceptances never do. When
 * the stated sets overlap, the deal is the package in the overlap with the largest Nash product of
 * gains over the reservation values; if no overlap package gives every negotiator at least its
 * reservation value, the one whose worst gain is largest; ties: larger total utility, then the
 * lower package in domain order. Every utility in these comparisons (acceptance thresholds,
 * reservation values, gains, totals) is taken on the grid dominance uses
 * ({@link ParetoFrontier#onGrid}): decided on exact values, the rule could disagree with the frontier
 * it reads (a package 1e-300 above a reservation value would be rational but dominated by one 1e-300
 * below it, and so never considered).
 */
final class BlindBidding extends Rules.Rounds {
    private final Action.Bid[] bids;
    private final Overlap overlap;

    BlindBidding(Negotiation g) {
        super(g);
        this.bids = new Action.Bid[g.n];
        this.overlap = new Overlap(g);
    }

    @Override String move(int j, Action a) {
        if (a instanceof Action.End) {
            g.walkAway(round, g.state.time, j);
            return null;
        }
        if (!(a instanceof Action.Bid bid)) return notAllowed("blind", "bid and end", a);
        String problem = g.problemWith(bid.proposal());
        if (problem != null) return "proposed a non-outcome: " + problem;
        if (bid.acceptance() instanceof Acceptance.Packages p) {
            for (Outcome o : p.outcomes()) {
                if (g.problemWith(o) != null) return "would accept a non-outcome: " + g.problemWith(o);
            }
        }
        bids[j] = bid;
        return null;
    }

    @Override void resolve() {
        double t = g.state.time;
        for (int j = 0; j < g.n; j++) {
            g.state.offers.add(round, t, j, bids[j].proposal());
            g.record(round, t, j, "propose", bids[j].proposal());
        }
        Outcome deal = overlap.deal(bids);
        if (deal != null) {
            g.record(round, t, -1, "deal", deal);
            g.end(deal, Ending.AGREEMENT);
        }
    }

    /** Finds the fairest package every bid accepts. */
    static final class Overlap {
        private final Negotiation run;
        private final List<Profile> profiles;
        private final double[] reservation;
        private ParetoFrontier frontier;     // of packages crossing no negotiator's red line, computed on first need

        Overlap(Negotiation run) {
            this.run = run;
            this.profiles = run.negotiatorProfiles();
            this.reservation = profiles.stream().mapToDouble(Profile::reservation).toArray();
        }

        /** The deal, or null when the bids' acceptances do not overlap. */
        Outcome deal(Action.Bid[] bids) {
            Candidate best = null;
            // every package some bid names explicitly; when a bid lists packages, the overlap is among these
            for (Action.Bid b : bids) {
                best = better(best, candidate(b.proposal().toArray(), bids));
                if (b.acceptance() instanceof Acceptance.Packages p) {
                    for (Outcome o : p.outcomes()) best = better(best, candidate(o.toArray(), bids));
                }
            }
            // when every bid states a threshold, the overlap's frontier is the frontier above all thresholds
            double[] thresholds = new double[bids.length];
            for (int j = 0; j < bids.length; j++) {
                if (!(bids[j].acceptance() instanceof Acceptance.AtLeast a)) return best == null ? null : best.outcome;
                thresholds[j] = a.utility();
            }
            if (frontier == null) {
                List<RedLine> lines = profiles.stream().flatMap(p -> p.redLines().stream()).toList();
                frontier = run.frontier(profiles.stream().map(Profile::utility).toList(), lines);
            }
            for (FrontierPoint p : frontier.points()) {
                if (meets(p.utilities(), thresholds)) best = better(best, new Candidate(p.outcomes().get(0), p.utilities(), reservation));
            }
            return best == null ? null : best.outcome;
        }

        /** The package as a candidate when every bid accepts it, else null. */
        private Candidate candidate(int[] o, Action.Bid[] bids) {
            double[] u = new double[bids.length];
            for (int j = 0; j < bids.length; j++) {
                u[j] = profiles.get(j).utility().utility(o);
                if (!accepts(j, bids[j], o, u[j])) return null;
            }
            return new Candidate(o, u, reservation);
        }

        private boolean accepts(int j, Action.Bid bid, int[] o, double u) {
            if (Arrays.equals(o, bid.proposal().toArray())) return true;
            if (bid.acceptance() instanceof Acceptance.AtLeast a) {
                return ParetoFrontier.onGrid(u) >= ParetoFrontier.onGrid(a.utility()) && !profiles.get(j).crossesRedLine(o);
            }
            return ((Acceptance.Packages) bid.acceptance()).outcomes().contains(Outcome.of(o));
        }

        private static boolean meets(double[] u, double[] thresholds) {
            for (int k = 0; k < u.length; k++) if (ParetoFrontier.onGrid(u[k]) < ParetoFrontier.onGrid(thresholds[k])) return false;
            return true;
        }

        private static Candidate better(Candidate a, Candidate b) {
            if (a == null) return b;
            if (b == null) return a;
            return b.compareTo(a) > 0 ? b : a;
        }
    }

    /** A package in the overlap, ranked by the deal rule. */
    static final class Candidate implements Comparable<Candidate> {
        final Outcome outcome;
        private final int[] values;
        private final boolean rational;
        /** The logarithm of the Nash product of gains (rational candidates only). */
        private final double product;
        private final double worstGain;
        private final double total;

        Candidate(int[] values, double[] utilities, double[] reservation) {
            this.values = values;
            this.outcome = Outcome.of(values);
            double worst = Double.POSITIVE_INFINITY;
            double total = 0;
            double[] u = new double[utilities.length];
            double[] d = new double[utilities.length];
            for (int j = 0; j < utilities.length; j++) {
                u[j] = ParetoFrontier.onGrid(utilities[j]);
                d[j] = ParetoFrontier.onGrid(reservation[j]);
                worst = Math.min(worst, u[j] - d[j]);
                total += u[j];
            }
            this.rational = worst >= 0;
            // the Nash product in logs: neither overflows (huge gains) nor underflows (many small ones)
            this.product = rational ? org.pourparler.analysis.BargainingSolutions.logNashProduct(u, d) : Double.NaN;
            this.worstGain = worst;
            this.total = total;
        }

        /** Greater is fairer: rational before not; then Nash product (rational) or worst gain; then total; then lower package. */
        @Override
        public int compareTo(Candidate o) {
            if (rational != o.rational) return rational ? 1 : -1;
            int c = rational ? Double.compare(product, o.product) : Double.compare(worstGain, o.worstGain);
            if (c != 0) return c;
            c = Double.compare(total, o.total);
            if (c != 0) return c;
            return -Arrays.compare(values, o.values);
        }
    }
}
