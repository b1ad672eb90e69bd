package org.pourparler.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The Pareto frontier of a set of outcomes: every utility vector no other outcome of the set
 * dominates, with the outcomes behind each. Points are in order of decreasing utility of the first
 * party.
 */
public final class ParetoFrontier {
    private final int parties;
    private final List<FrontierPoint> points;

    ParetoFrontier(int parties, List<FrontierPoint> points) {
        this.parties = parties;
        this.points = List.copyOf(points);
    }

    public int parties() { return parties; }

    public List<FrontierPoint> points() { return points; }

    /** Number of distinct utility vectors on the frontier. */
    public int size() { return points.size(); }

    public boolean isEmpty() { return points.isEmpty(); }

    /** Number of outcomes on the frontier, ties included. */
    public BigInteger outcomeCount() {
        BigInteger n = BigInteger.ZERO;
        for (FrontierPoint p : points) n = n.add(p.tied());
        return n;
    }

    /** The points at which every party gets at least its threshold. */
    /**
     * The value a utility is compared by in dominance (docs/analysis.md): the nearest multiple of
     * 1e-12 below 10^4 in magnitude, the utility itself above. Two utilities with the same grid value
     * are equal for every decision that must agree with the frontier (blind bidding's deal rule).
     */
    public static double onGrid(double u) {
        return Dominance.key(u);
    }

    public ParetoFrontier atLeast(double[] thresholds) {
        List<FrontierPoint> kept = new ArrayList<>();
        for (FrontierPoint p : points) {
            if (meets(p.utilities(), thresholds)) kept.add(p);
        }
        return new ParetoFrontier(parties, kept);
    }

    static boolean meets(double[] u, double[] thresholds) {
        for (int k = 0; k < u.length; k++) {
            if (u[k] < thresholds[k]) return false;
        }
        return true;
    }

    /** The Euclidean distance from a utility vector to the nearest frontier point (0 when on it; NaN when empty). */
    public double distanceTo(double[] utilities) {
        double best = Double.NaN;
        for (FrontierPoint p : points) {
            double d = 0;
            for (int k = 0; k < parties; k++) {
                double x = p.utility(k) - utilities[k];
                d += x * x;
            }
            d = Math.sqrt(d);
            if (!(best <= d)) best = d;
        }
        return best;
    }
}
