package org.pourparler.agents;

import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Outcome;

/**
 * Above {@link OfferIndex#TABLE_LIMIT} packages, for linear-additive utilities: a greedy descent that
 * never enumerates the space. From the best package (each issue's best option), it repeatedly makes
 * the single-issue change that lowers utility the most while staying at or above the target, and
 * stops when no change keeps it there. Red lines are not checked. Immutable.
 */
final class GreedyOfferSearch {
    private final LinearAdditiveUtility utility;

    GreedyOfferSearch(LinearAdditiveUtility utility) {
        this.utility = utility;
    }

    double max() { return utility.maxUtility(); }

    double min() { return utility.minUtility(); }

    /** A package at or above {@code target} found by the descent (the best package when the target is above it). */
    Outcome atLeast(double target) {
        LinearAdditiveUtility u = utility;
        int n = u.domain().issueCount();
        int[] o = new int[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] t = u.terms(i);
            int best = 0;
            for (int v = 1; v < t.length; v++) if (t[v] > t[best]) best = v;
            o[i] = best;
            total += t[best];
        }
        while (true) {
            int bi = -1;
            int bv = -1;
            double bestTotal = total;
            for (int i = 0; i < n; i++) {
                for (int v = 0; v < u.domain().issue(i).size(); v++) {
                    double nt = total - u.term(i, o[i]) + u.term(i, v);
                    if (nt >= target && nt < bestTotal) {
                        bestTotal = nt;
                        bi = i;
                        bv = v;
                    }
                }
            }
            if (bi < 0) return Outcome.of(o);
            o[bi] = bv;
            total = bestTotal;
        }
    }
}
