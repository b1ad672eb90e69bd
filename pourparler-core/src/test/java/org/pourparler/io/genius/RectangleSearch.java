package org.pourparler.io.genius;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pourparler.model.HyperRectangleUtility;

/**
 * Exact branch and bound over a sum of non-negative inclusive hyper-rectangles, for checking
 * nonlinear profiles against published Pareto points without enumerating 10^10 outcomes.
 */
final class RectangleSearch {
    private final int[] sizes;
    private final double[] utility;
    private final int[][] lo;
    private final int[][] hi;
    private double best = -1;
    private int[] bestOutcome;

    private RectangleSearch(int[] sizes, List<double[]> weightedRectangles, List<HyperRectangleUtility.Rectangle> rects) {
        this.sizes = sizes;
        int r = rects.size();
        utility = new double[r];
        lo = new int[r][sizes.length];
        hi = new int[r][sizes.length];
        for (int k = 0; k < r; k++) {
            HyperRectangleUtility.Rectangle rect = rects.get(k);
            if (!rect.excludes().isEmpty() || rect.utility() < 0) {
                throw new IllegalArgumentException("only non-negative inclusive rectangles are supported");
            }
            utility[k] = weightedRectangles.get(k)[0];
            for (int i = 0; i < sizes.length; i++) hi[k][i] = sizes[i] - 1;
            for (HyperRectangleUtility.Bound b : rect.includes()) {
                lo[k][b.issue()] = Math.max(lo[k][b.issue()], b.min());
                hi[k][b.issue()] = Math.min(hi[k][b.issue()], b.max());
            }
        }
    }

    /** An outcome maximising {@code first}, and among those {@code second} (rectangle utilities must be whole numbers). */
    static int[] lexicographicMax(HyperRectangleUtility first, HyperRectangleUtility second) {
        double secondTotal = 0;
        for (HyperRectangleUtility.Rectangle r : second.rectangles()) secondTotal += r.utility();
        List<HyperRectangleUtility.Rectangle> rects = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        for (HyperRectangleUtility.Rectangle r : first.rectangles()) {
            rects.add(r);
            weights.add(new double[] {r.utility() * (secondTotal + 1)});
        }
        for (HyperRectangleUtility.Rectangle r : second.rectangles()) {
            rects.add(r);
            weights.add(new double[] {r.utility()});
        }
        RectangleSearch s = new RectangleSearch(first.domain().sizes(), weights, rects);
        boolean[] alive = new boolean[rects.size()];
        Arrays.fill(alive, true);
        double total = 0;
        for (double u : s.utility) total += u;
        s.search(0, new int[s.sizes.length], alive, total);
        return s.bestOutcome;
    }

    private void search(int issue, int[] outcome, boolean[] alive, double bound) {
        if (bound <= best) return;
        if (issue == sizes.length) {
            best = bound;
            bestOutcome = outcome.clone();
            return;
        }
        int n = sizes[issue];
        double[] bounds = new double[n];
        Integer[] order = new Integer[n];
        for (int v = 0; v < n; v++) {
            order[v] = v;
            double b = bound;
            for (int k = 0; k < utility.length; k++) if (alive[k] && (v < lo[k][issue] || v > hi[k][issue])) b -= utility[k];
            bounds[v] = b;
        }
        Arrays.sort(order, (x, y) -> Double.compare(bounds[y], bounds[x]));
        for (int v : order) {
            if (bounds[v] <= best) break;
            boolean[] still = alive.clone();
            for (int k = 0; k < utility.length; k++) if (still[k] && (v < lo[k][issue] || v > hi[k][issue])) still[k] = false;
            outcome[issue] = v;
            search(issue + 1, outcome, still, bounds[v]);
        }
    }
}
