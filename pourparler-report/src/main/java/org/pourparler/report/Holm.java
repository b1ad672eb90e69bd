package org.pourparler.report;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction of p-values for many comparisons (Holm 1979): with m p-values sorted
 * ascending, the k-th (1-based) becomes max over j ≤ k of min(1, (m − j + 1)·p(j)). It controls the
 * family-wise error rate without assuming independence, and rejects at least what Bonferroni does.
 * NaN p-values (comparisons that could not be made) stay NaN and do not count in m.
 */
final class Holm {

    private Holm() { }

    static double[] adjust(double[] p) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
            if (!Double.isNaN(p[i])) m++;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> Double.isNaN(p[i]) ? Double.POSITIVE_INFINITY : p[i])
                .thenComparingInt(i -> i));
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        double running = 0;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            running = Math.max(running, Math.min(1, (m - k) * p[i]));
            out[i] = running;
        }
        return out;
    }
}
