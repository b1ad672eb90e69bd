package org.pourparler.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The classic bargaining solutions on a frontier, relative to a disagreement point d (the
 * reservation values). With gains {@code g_i = u_i - d_i}:
 * <ul>
 * <li><b>Nash</b>: maximum product of gains, compared as the sum of the logarithms of the gains
 * ({@link #logNashProduct}) so that it neither overflows (gains near 1e200) nor underflows;</li>
 * <li><b>Kalai–Smorodinsky</b>: gains normalised by each party's best gain on the frontier,
 * {@code g_i / (max u_i - d_i)}; the point whose normalised gains are most nearly equal (smallest
 * spread between the largest and the smallest), ties broken by the larger smallest normalised gain;</li>
 * <li><b>egalitarian</b>: maximum smallest gain;</li>
 * <li><b>utilitarian</b>: maximum sum of utilities.</li>
 * </ul>
 * Every tied point is listed (values equal within {@link Dominance#EPS}; for Nash, log products
 * equal within {@link Dominance#EPS}, i.e. products equal to a relative 1e-12). Only frontier points where
 * every gain is at least 0 count; an empty frontier gives empty lists.
 */
public record BargainingSolutions(List<FrontierPoint> nash, List<FrontierPoint> kalaiSmorodinsky,
                                  List<FrontierPoint> egalitarian, List<FrontierPoint> utilitarian) {

    public BargainingSolutions {
        nash = List.copyOf(nash);
        kalaiSmorodinsky = List.copyOf(kalaiSmorodinsky);
        egalitarian = List.copyOf(egalitarian);
        utilitarian = List.copyOf(utilitarian);
    }

    /** The solutions on {@code frontier} with disagreement point {@code d}. */
    public static BargainingSolutions of(ParetoFrontier frontier, double[] d) {
        List<FrontierPoint> rational = frontier.atLeast(d).points();
        int n = d.length;
        double[] best = new double[n];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        for (FrontierPoint p : rational) {
            for (int k = 0; k < n; k++) best[k] = Math.max(best[k], p.utility(k) - d[k]);
        }
        List<FrontierPoint> nash = argmax(rational, p -> logNashProduct(p.utilities(), d));
        // Kalai–Smorodinsky: smallest spread of normalised gains, then largest smallest normalised gain
        List<FrontierPoint> ks = argmax(argmax(rational, p -> -spread(p, d, best)), p -> minNormalised(p, d, best));
        List<FrontierPoint> egal = argmax(rational, p -> {
            double min = Double.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) min = Math.min(min, p.utility(k) - d[k]);
            return min;
        });
        List<FrontierPoint> util = argmax(rational, p -> {
            double s = 0;
            for (int k = 0; k < n; k++) s += p.utility(k);
            return s;
        });
        return new BargainingSolutions(nash, ks, egal, util);
    }

    /**
     * The logarithm of the Nash product {@code prod (u_i - d_i)}, computed as {@code sum log(u_i - d_i)}:
     * finite whenever every gain is positive and finite, however large or small the gains;
     * {@code -Infinity} when some gain is 0; NaN when some gain is negative (no Nash product).
     * Comparing these compares Nash products without overflow.
     */
    public static double logNashProduct(double[] utilities, double[] d) {
        double s = 0;
        for (int k = 0; k < d.length; k++) {
            double g = utilities[k] - d[k];
            if (g < 0 || Double.isNaN(g)) return Double.NaN;
            if (g == Double.POSITIVE_INFINITY) {
                // u - d overflowed: both finite, so the gain is u(1 - d/u) with u near the top of the range
                g = utilities[k];
                s += Math.log(g) + Math.log1p(-d[k] / g);
                continue;
            }
            s += Math.log(g);
        }
        return s;
    }

    private static double normalised(FrontierPoint p, double[] d, double[] best, int k) {
        // a party that gains nothing anywhere is indifferent: count it as fully satisfied
        return best[k] > 0 ? (p.utility(k) - d[k]) / best[k] : 1.0;
    }

    private static double spread(FrontierPoint p, double[] d, double[] best) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < d.length; k++) {
            double g = normalised(p, d, best, k);
            lo = Math.min(lo, g);
            hi = Math.max(hi, g);
        }
        return hi - lo;
    }

    private static double minNormalised(FrontierPoint p, double[] d, double[] best) {
        double lo = Double.POSITIVE_INFINITY;
        for (int k = 0; k < d.length; k++) lo = Math.min(lo, normalised(p, d, best, k));
        return lo;
    }

    private static List<FrontierPoint> argmax(List<FrontierPoint> points, ToDoubleFunction<FrontierPoint> f) {
        double best = Double.NEGATIVE_INFINITY;
        for (FrontierPoint p : points) best = Math.max(best, f.applyAsDouble(p));
        List<FrontierPoint> out = new ArrayList<>();
        for (FrontierPoint p : points) {
            double v = f.applyAsDouble(p);
            // a maximum of -Infinity (every Nash product 0) ties every point at it
            if (v >= best - Dominance.EPS || v == best) out.add(p);
        }
        return out;
    }
}
