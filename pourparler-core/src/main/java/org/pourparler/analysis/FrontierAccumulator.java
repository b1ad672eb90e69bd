package org.pourparler.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pourparler.model.Domain;

/**
 * Collects the non-dominated outcomes of a stream of numbered outcomes: candidates are buffered,
 * cheaply pre-filtered against the frontier found so far, and compacted by the exact
 * non-dominated filter when the buffer fills. Each kept point carries its tie count and the
 * smallest outcome numbers behind it, up to a limit.
 */
final class FrontierAccumulator {
    private final int n;
    private final int listLimit;
    private double[] u;
    private long[] counts = new long[512];
    private long[][] outcomes = new long[512][];
    private int size;
    private int frontierSize;   // the first frontierSize entries are the compacted frontier
    private double[] stair0 = new double[0];  // two parties: frontier key0 (decreasing) and running max of key1
    private double[] stairMax1 = new double[0];
    private double[] frontierKeys = new double[0];
    private final double[] vk;
    private final WorkBudget budget;
    private long unbilled;

    FrontierAccumulator(int parties, int listLimit, WorkBudget budget) {
        this.n = parties;
        this.listLimit = listLimit;
        this.u = new double[counts.length * parties];
        this.vk = new double[parties];
        this.budget = budget;
    }

    /** Offers the outcome numbered {@code index} with utility vector {@code v}. */
    void offer(double[] v, long index) {
        unbilled += 1 + (n > 2 ? frontierSize : 0);
        if (unbilled > 1 << 16) {
            budget.charge(unbilled);
            unbilled = 0;
        }
        if (frontierSize > 0 && surelyDominated(v)) return;
        ensure(size + 1);
        System.arraycopy(v, 0, u, size * n, n);
        counts[size] = 1;
        outcomes[size] = listLimit > 0 ? new long[] {index} : new long[0];
        size++;
        if (size - frontierSize >= 8192 + 4 * frontierSize) compact();
    }

    /** Whether some frontier point dominates {@code v} ({@link Dominance}'s definition): then v can be dropped. */
    private boolean surelyDominated(double[] v) {
        for (int k = 0; k < n; k++) vk[k] = Dominance.key(v[k]);
        if (n == 2) {
            // the staircase is sorted by decreasing key0 and stairMax1 holds the best key1 of each prefix
            int weak = countAbove(vk[0], true);       // key0 >= v0
            if (weak > 0 && stairMax1[weak - 1] > vk[1]) return true;
            int strict = countAbove(vk[0], false);    // key0 > v0
            return strict > 0 && stairMax1[strict - 1] >= vk[1];
        }
        for (int p = 0; p < frontierSize; p++) {
            boolean better = false;
            boolean ok = true;
            for (int k = 0; k < n; k++) {
                double d = frontierKeys[p * n + k] - vk[k];
                if (d < 0) { ok = false; break; }
                if (d > 0) better = true;
            }
            if (ok && better) return true;
        }
        return false;
    }

    /** The length of the staircase prefix with u0 >= t (inclusive) or u0 > t. */
    private int countAbove(double t, boolean inclusive) {
        int lo = 0;
        int hi = stair0.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (inclusive ? stair0[mid] >= t : stair0[mid] > t) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private void ensure(int capacity) {
        if (capacity > counts.length) {
            int c = Math.max(capacity, counts.length * 2);
            u = Arrays.copyOf(u, c * n);
            counts = Arrays.copyOf(counts, c);
            outcomes = Arrays.copyOf(outcomes, c);
        }
    }

    /** Reduces the buffer to its non-dominated points. */
    void compact() {
        budget.charge(unbilled);
        unbilled = 0;
        int[][] groups = Dominance.nondominated(Arrays.copyOf(u, size * n), n, size, budget);
        double[] nu = new double[Math.max(groups.length, 1) * n * 2];
        long[] nc = new long[Math.max(groups.length, 1) * 2];
        long[][] no = new long[Math.max(groups.length, 1) * 2][];
        for (int g = 0; g < groups.length; g++) {
            int[] members = groups[g];
            System.arraycopy(u, members[0] * n, nu, g * n, n);
            long c = 0;
            long[] listed = new long[0];
            for (int m : members) {
                c += counts[m];
                listed = mergeSorted(listed, outcomes[m], listLimit);
            }
            nc[g] = c;
            no[g] = listed;
        }
        u = nu;
        counts = nc;
        outcomes = no;
        size = groups.length;
        frontierSize = size;
        frontierKeys = Dominance.keys(u, size * n);
        if (n == 2) {
            // groups come in decreasing order of their keys
            stair0 = new double[size];
            stairMax1 = new double[size];
            double max1 = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < size; p++) {
                stair0[p] = frontierKeys[2 * p];
                max1 = Math.max(max1, frontierKeys[2 * p + 1]);
                stairMax1[p] = max1;
            }
        }
    }

    /** Adds another accumulator's points (for combining parallel parts). */
    void addAll(FrontierAccumulator other) {
        other.compact();
        for (int p = 0; p < other.size; p++) {
            ensure(size + 1);
            System.arraycopy(other.u, p * n, u, size * n, n);
            counts[size] = other.counts[p];
            outcomes[size] = other.outcomes[p];
            size++;
        }
    }

    /** The frontier, outcome numbers decoded through {@code domain}. */
    ParetoFrontier toFrontier(Domain domain) {
        compact();
        List<FrontierPoint> points = new ArrayList<>();
        for (int p = 0; p < size; p++) {
            List<int[]> listed = new ArrayList<>();
            for (long index : outcomes[p]) listed.add(domain.outcomeAt(index));
            points.add(new FrontierPoint(Arrays.copyOfRange(u, p * n, p * n + n), BigInteger.valueOf(counts[p]), listed));
        }
        return new ParetoFrontier(n, points);
    }

    private static long[] mergeSorted(long[] a, long[] b, int limit) {
        int len = Math.min(limit, a.length + b.length);
        long[] out = new long[len];
        int i = 0;
        int j = 0;
        for (int k = 0; k < len; k++) {
            out[k] = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
        }
        return out;
    }
}
