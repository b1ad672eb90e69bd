package org.pourparler.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The non-dominated filter shared by every frontier algorithm. Utility vectors are compared with a
 * tolerance {@link #EPS}: two vectors within EPS on every party are the same point (their outcomes
 * are tied); a vector dominates another when it is no worse by more than EPS for any party and
 * better by more than EPS for one. The tolerance absorbs the rounding of sums taken in different
 * orders; utilities are on a [0, 1]-like scale.
 */
final class Dominance {
    /** Utility differences at or below this are rounding, not preference. */
    static final double EPS = 1e-12;

    private Dominance() { }

    /**
     * Groups the non-dominated vectors among {@code m} candidates of {@code n} utilities each,
     * stored row by row in {@code u}. Returns one array of candidate indexes per frontier point
     * (the first index is the point's representative), points in order of decreasing first utility.
     */
    static int[][] nondominated(double[] u, int n, int m) {
        if (m == 0) return new int[0][];
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) order[i] = i;
        if (n == 2) {
            Arrays.sort(order, (a, b) -> {
                int c = Double.compare(u[2 * b], u[2 * a]);
                return c != 0 ? c : Double.compare(u[2 * b + 1], u[2 * a + 1]);
            });
            return sweep2(u, order);
        }
        if (n == 3 && snappable(u, n * m)) return nondominated3(u, m);
        double[] sum = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int k = 0; k < n; k++) s += u[i * n + k];
            sum[i] = s;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(sum[b], sum[a]);
            for (int k = 0; c == 0 && k < n; k++) c = Double.compare(u[b * n + k], u[a * n + k]);
            return c;
        });
        return sweepN(u, n, order);
    }

    private static int[][] sweep2(double[] u, Integer[] order) {
        List<int[]> groups = new ArrayList<>();
        IntList current = null;
        double lastU0 = 0;
        double lastU1 = 0;
        double best1 = Double.NEGATIVE_INFINITY;
        List<IntList> all = new ArrayList<>();
        for (Integer boxed : order) {
            int c = boxed;
            double c0 = u[2 * c];
            double c1 = u[2 * c + 1];
            if (current != null && Math.abs(c0 - lastU0) <= EPS && Math.abs(c1 - lastU1) <= EPS) {
                current.add(c);
            } else if (c1 > best1 + EPS) {
                current = new IntList();
                current.add(c);
                all.add(current);
                lastU0 = c0;
                lastU1 = c1;
                best1 = c1;
            }
        }
        for (IntList l : all) groups.add(l.toArray());
        return groups.toArray(new int[0][]);
    }

    private static int[][] sweepN(double[] u, int n, Integer[] order) {
        List<IntList> kept = new ArrayList<>();
        List<Integer> reps = new ArrayList<>();
        outer:
        for (Integer boxed : order) {
            int c = boxed;
            for (int k = 0; k < reps.size(); k++) {
                int r = reps.get(k);
                int cmp = compare(u, n, r, c);
                if (cmp == 0) {
                    kept.get(k).add(c);
                    continue outer;
                }
                if (cmp == 1) continue outer;   // r dominates c
            }
            // sorted by decreasing sum: c cannot dominate an earlier kept point by more than EPS... but check anyway
            for (int k = reps.size() - 1; k >= 0; k--) {
                if (compare(u, n, c, reps.get(k)) == 1) {
                    reps.remove(k);
                    kept.remove(k);
                }
            }
            IntList l = new IntList();
            l.add(c);
            kept.add(l);
            reps.add(c);
        }
        int[][] out = new int[kept.size()][];
        for (int k = 0; k < out.length; k++) out[k] = kept.get(k).toArray();
        // decreasing utilities, party by party; differences within EPS count as equal so that the
        // order does not depend on rounding
        Arrays.sort(out, (a, b) -> {
            for (int k = 0; k < n; k++) {
                double d = u[b[0] * n + k] - u[a[0] * n + k];
                if (d > EPS) return 1;
                if (d < -EPS) return -1;
            }
            return 0;
        });
        return out;
    }

    /** Whether every utility fits the EPS grid in a long (|u| below 10^6); larger scales take the general sweep. */
    private static boolean snappable(double[] u, int count) {
        for (int i = 0; i < count; i++) if (!(Math.abs(u[i]) < 1e6)) return false;
        return true;
    }

    /**
     * Three parties in O(m log m): utilities are snapped to a grid of {@link #EPS} (so that equality
     * and dominance are exact and transitive), candidates are taken in decreasing order of the first
     * utility, and a staircase of the maximal (second, third) pairs seen so far answers "is there an
     * earlier point at least as good on both?" by one ordered-map look-up.
     */
    private static int[][] nondominated3(double[] u, int m) {
        long[] q = new long[3 * m];
        for (int i = 0; i < 3 * m; i++) q[i] = Math.round(u[i] / EPS);
        int[] order = sortDescending(q, m);
        java.util.TreeMap<Long, Long> stair = new java.util.TreeMap<>();
        List<int[]> kept = new ArrayList<>();
        int i = 0;
        while (i < m) {
            int c = order[i];
            int j = i + 1;
            while (j < m && same3(q, c, order[j])) j++;     // equal snapped vectors: one point, tied outcomes
            long v1 = q[3 * c + 1];
            long v2 = q[3 * c + 2];
            java.util.Map.Entry<Long, Long> above = stair.ceilingEntry(v1);
            if (above == null || above.getValue() < v2) {
                int[] group = new int[j - i];
                for (int k = i; k < j; k++) group[k - i] = order[k];
                kept.add(group);
                for (java.util.Map.Entry<Long, Long> e = stair.floorEntry(v1); e != null && e.getValue() <= v2;
                     e = stair.floorEntry(v1)) {
                    stair.remove(e.getKey());
                }
                stair.put(v1, v2);
            }
            i = j;
        }
        return kept.toArray(new int[0][]);
    }

    private static boolean same3(long[] q, int a, int b) {
        return q[3 * a] == q[3 * b] && q[3 * a + 1] == q[3 * b + 1] && q[3 * a + 2] == q[3 * b + 2];
    }

    /** Candidate indexes in decreasing lexicographic order of their snapped vectors. */
    private static int[] sortDescending(long[] q, int m) {
        Integer[] boxed = new Integer[m];
        for (int i = 0; i < m; i++) boxed[i] = i;
        Arrays.sort(boxed, (a, b) -> {
            int c = Long.compare(q[3 * b], q[3 * a]);
            if (c == 0) c = Long.compare(q[3 * b + 1], q[3 * a + 1]);
            if (c == 0) c = Long.compare(q[3 * b + 2], q[3 * a + 2]);
            return c;
        });
        int[] out = new int[m];
        for (int i = 0; i < m; i++) out[i] = boxed[i];
        return out;
    }

    /** 0 when a and b are the same point, 1 when a dominates b, -1 when b dominates a, 2 otherwise. */
    static int compare(double[] u, int n, int a, int b) {
        boolean aBetter = false;
        boolean bBetter = false;
        for (int k = 0; k < n; k++) {
            double d = u[a * n + k] - u[b * n + k];
            if (d > EPS) aBetter = true;
            else if (d < -EPS) bBetter = true;
        }
        if (aBetter && bBetter) return 2;
        if (aBetter) return 1;
        if (bBetter) return -1;
        return 0;
    }

    /** A growable int array. */
    static final class IntList {
        private int[] a = new int[4];
        private int size;

        void add(int v) {
            if (size == a.length) a = Arrays.copyOf(a, size * 2);
            a[size++] = v;
        }

        int size() { return size; }

        int get(int i) { return a[i]; }

        int[] toArray() { return Arrays.copyOf(a, size); }
    }
}
