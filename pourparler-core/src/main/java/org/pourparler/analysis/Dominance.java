package org.pourparler.analysis;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one definition of Pareto dominance, and the one non-dominated filter every frontier
 * algorithm uses (linear-additive merge, hyper-rectangle branch and bound, enumeration).
 *
 * <p><b>Definition.</b> Each utility is first rounded to the nearest multiple of {@link #EPS}
 * ({@link #key}); rounded vectors are then compared exactly. Two vectors are <em>tied</em> (one
 * frontier point, their outcomes counted together) when their rounded values are equal for every
 * party; a vector <em>dominates</em> another when its rounded values are at least as high for every
 * party and higher for one. Rounding first, rather than comparing with a tolerance, keeps both
 * relations transitive: "within EPS" chains (a ~ b ~ c with a and c 2 EPS apart) would make the
 * answer depend on the order candidates are met, and the algorithms below would disagree with each
 * other and with the definition. The rounding absorbs the errors of sums taken in different orders
 * (about 1e-16) unless the exact value lies within that error of a half multiple of EPS.
 *
 * <p><b>Partial sums.</b> The merge and the branch and bound prune sums over some issues before the
 * other issues' terms are added; {@link #nondominatedPartial} drops such a sum only when every
 * completion of it is dominated, and groups only exactly equal sums, so pruning never changes the
 * final answer.
 *
 * <p>Utilities of magnitude 10^4 and above are compared as they are: there a double's own spacing
 * exceeds EPS, so rounding could only merge distinct values.
 *
 * <p><b>Filter.</b> Candidates are sorted by decreasing rounded vector (lexicographically); a
 * vector can only be dominated by one before it, and a vector kept is never dominated by a later
 * one, so each candidate is checked once against the points kept so far. Two parties need only the
 * best second utility so far (O(m log m)); three parties a staircase of the best (second, third)
 * pairs in an ordered map (O(m log m)); more parties compare with every kept point (O(m F) for a
 * frontier of F points), the last dominator found first, and from {@link #BINNED_FROM} candidates on
 * only with the kept points filed in grid cells at least as high in every value but the first. The work is charged to a {@link WorkBudget}
 * as it is done, so an analysis past its limit stops within about a million comparisons.
 */
final class Dominance {
    /** The grid utilities are rounded to before they are compared. */
    static final double EPS = 1e-12;
    /** 1 / EPS, exactly representable. */
    private static final double SCALE = 1e12;
    /** From this many distinct candidates on, more than three parties are filtered on a grid of cells. */
    static final int BINNED_FROM = 2048;
    /** Above this magnitude doubles are spaced about as widely as EPS and are compared unrounded. */
    private static final double UNROUNDED = 1e4;

    private Dominance() { }

    /**
     * The value a utility is compared by: {@code rint(u * 1e12) / 1e12}, the nearest multiple of
     * {@link #EPS} (halves to even), for |u| below 10^4; {@code u} itself above.
     */
    static double key(double u) {
        // + 0.0 turns -0.0 into 0.0, so that equal keys also sort as equal
        if (!(Math.abs(u) < UNROUNDED)) return u + 0.0;
        return Math.rint(u * SCALE) / SCALE + 0.0;
    }

    /** The keys of a row-major block of vectors. */
    static double[] keys(double[] u, int count) {
        double[] q = new double[count];
        for (int i = 0; i < count; i++) q[i] = key(u[i]);
        return q;
    }

    /**
     * Compares rows {@code a} of {@code u} and {@code b} of {@code v} (n utilities each): 0 when they
     * are tied, 1 when a dominates b, -1 when b dominates a, 2 otherwise. Parties in the bit set
     * {@code mode} count for ties and for "at least as high" but a gain there makes no vector
     * better (the hyper-rectangle search uses this for capped parties).
     */
    static int compare(double[] u, int a, double[] v, int b, int n, int mode) {
        boolean aGe = true;
        boolean bGe = true;
        boolean aStrict = false;
        boolean bStrict = false;
        for (int k = 0; k < n; k++) {
            double x = key(u[a * n + k]);
            double y = key(v[b * n + k]);
            if (x > y) {
                bGe = false;
                if ((mode >> k & 1) == 0) aStrict = true;
            } else if (x < y) {
                aGe = false;
                if ((mode >> k & 1) == 0) bStrict = true;
            }
        }
        if (aGe && bGe) return 0;
        if (aGe && aStrict) return 1;
        if (bGe && bStrict) return -1;
        return 2;
    }

    /** {@link #compare(double[], int, double[], int, int, int)} of two vectors. */
    static int compare(double[] a, double[] b, int mode) {
        return compare(a, 0, b, 0, a.length, mode);
    }

    /** {@link #nondominated(double[], int, int, int, WorkBudget)} with every party counting and no budget. */
    static int[][] nondominated(double[] u, int n, int m) {
        return nondominated(u, n, m, 0, WorkBudget.UNLIMITED);
    }

    /** {@link #nondominated(double[], int, int, int, WorkBudget)} with every party counting. */
    static int[][] nondominated(double[] u, int n, int m, WorkBudget budget) {
        return nondominated(u, n, m, 0, budget);
    }

    /**
     * Groups the non-dominated vectors among {@code m} candidates of {@code n} utilities each, stored
     * row by row in {@code u}. Returns one array of candidate indexes per frontier point, in
     * increasing order (the first is the point's representative); points in decreasing order of their
     * rounded vectors (first utility decreasing). Comparisons are charged to {@code budget}.
     *
     * @throws WorkBudget.Exceeded when the budget runs out
     */
    static int[][] nondominated(double[] u, int n, int m, int mode, WorkBudget budget) {
        return filter(keys(u, n * m), n, m, mode, null, budget);
    }

    /**
     * The filter for <em>partial</em> sums (utilities over some issues, to which the terms of the
     * other issues will be added): a partial sum may be dropped only when every completion of it is
     * dominated ({@link #nondominated}'s definition) by the same completion of another. That holds when
     * the other is at least as high <em>exactly</em> on every party (rounded addition is monotone)
     * and higher by at least {@code margin[k]} on some party k outside {@code mode} (more than the
     * rounding grid plus the rounding of the additions still to come; see {@link #margins}). Only
     * exactly equal partial sums are grouped as tied: two sums within EPS can round apart once more
     * terms are added. Same return as {@link #nondominated}.
     */
    static int[][] nondominatedPartial(double[] u, int n, int m, int mode, double[] margin, WorkBudget budget) {
        double[] q = Arrays.copyOf(u, n * m);
        for (int i = 0; i < q.length; i++) q[i] += 0.0;
        return filter(q, n, m, mode, margin, budget);
    }

    /**
     * Margins for {@link #nondominatedPartial} when the complete utilities of party k stay within
     * {@code ±bound[k]}: two grid steps plus a few units in the last place of the bound.
     */
    static double[] margins(double[] bound) {
        double[] m = new double[bound.length];
        for (int k = 0; k < m.length; k++) m[k] = 2 * EPS + 8 * Math.ulp(Math.abs(bound[k]));
        return m;
    }

    /**
     * The filter on values {@code q}: with {@code margin == null} a vector dominates another when it
     * is at least as high everywhere and higher somewhere (outside {@code mode}), vectors equal
     * everywhere are tied; with margins "higher" means higher by at least the party's margin.
     */
    private static int[][] filter(double[] q, int n, int m, int mode, double[] margin, WorkBudget budget) {
        if (m == 0) return new int[0][];
        budget.charge((long) m * Math.max(1, 64 - Long.numberOfLeadingZeros(m)));
        int[] order = sortDescending(q, n, m);
        // groups of equal vectors: start offsets into order
        int[] start = new int[m + 1];
        int groups = 0;
        for (int i = 0; i < m; i++) {
            if (i == 0 || !equal(q, n, order[i - 1], order[i])) start[groups++] = i;
        }
        start[groups] = m;
        boolean[] keep = new boolean[groups];
        if (n == 1) {
            // the highest value dominates every other (by its margin), unless gains do not count
            double top = q[order[0]];
            for (int g = 0; g < groups; g++) {
                double x = q[order[start[g]]];
                keep[g] = g == 0 || (mode & 1) != 0 || (margin != null && top < Math.max(Math.nextUp(x), x + margin[0]));
            }
        } else if (n == 2 && mode == 0) {
            keep2(q, order, start, groups, margin, keep);
        } else if (n == 3 && mode == 0 && margin == null) {
            keep3(q, order, start, groups, keep);
        } else if (groups >= BINNED_FROM) {
            keepBinned(q, n, order, start, groups, mode, margin, keep, budget);
        } else {
            keepGeneral(q, n, order, start, groups, mode, margin, keep, budget);
        }
        int kept = 0;
        for (boolean k : keep) if (k) kept++;
        int[][] out = new int[kept][];
        int o = 0;
        for (int g = 0; g < groups; g++) {
            if (!keep[g]) continue;
            int[] members = Arrays.copyOfRange(order, start[g], start[g + 1]);
            Arrays.sort(members);
            out[o++] = members;
        }
        return out;
    }

    /**
     * Two parties: groups in decreasing order of (first, second) and the running maximum of the second
     * value; a group is dominated when some group with a first value at least (strictly: by the
     * margin, or above) its own has a second value above (by the margin) or at least its own.
     */
    private static void keep2(double[] q, int[] order, int[] start, int groups, double[] margin, boolean[] keep) {
        double[] v0 = new double[groups];
        double[] max1 = new double[groups];
        double best = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < groups; g++) {
            int c = order[start[g]];
            v0[g] = q[2 * c];
            best = Math.max(best, q[2 * c + 1]);
            max1[g] = best;
        }
        for (int g = 0; g < groups; g++) {
            int c = order[start[g]];
            double x0 = q[2 * c];
            double x1 = q[2 * c + 1];
            // first value higher, second at least as high
            int higher = countAtLeast(v0, margin == null ? Math.nextUp(x0) : Math.max(Math.nextUp(x0), x0 + margin[0]));
            if (higher > 0 && max1[higher - 1] >= x1) continue;
            // first value at least as high, second higher
            int atLeast = countAtLeast(v0, x0);
            double need = margin == null ? Math.nextUp(x1) : Math.max(Math.nextUp(x1), x1 + margin[1]);
            if (max1[atLeast - 1] >= need) continue;
            keep[g] = true;
        }
    }

    /** How many entries of the decreasing array {@code v} are at least t. */
    private static int countAtLeast(double[] v, double t) {
        int lo = 0;
        int hi = v.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v[mid] >= t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Three parties: a staircase of the (second, third) pairs met so far, second increasing, third decreasing. */
    private static void keep3(double[] q, int[] order, int[] start, int groups, boolean[] keep) {
        TreeMap<Double, Double> stair = new TreeMap<>();
        for (int g = 0; g < groups; g++) {
            int c = order[start[g]];
            double v1 = q[3 * c + 1];
            double v2 = q[3 * c + 2];
            // every earlier group is lexicographically higher: it dominates when it is at least as high on both
            Map.Entry<Double, Double> above = stair.ceilingEntry(v1);
            if (above != null && above.getValue() >= v2) continue;
            keep[g] = true;
            for (Map.Entry<Double, Double> e = stair.floorEntry(v1); e != null && e.getValue() <= v2;
                 e = stair.floorEntry(v1)) {
                stair.remove(e.getKey());
            }
            stair.put(v1, v2);
        }
    }

    /**
     * Any number of parties (or a mode): each group against the groups kept before it, the last
     * dominator found first (consecutive candidates are usually dominated by the same point).
     */
    private static void keepGeneral(double[] q, int n, int[] order, int[] start, int groups, int mode,
                                    double[] margin, boolean[] keep, WorkBudget budget) {
        double[] kept = new double[Math.min(groups, 1024) * n];
        int size = 0;
        int hint = -1;
        long charged = 0;
        for (int g = 0; g < groups; g++) {
            int base = order[start[g]] * n;
            boolean dominated = hint >= 0 && dominates(kept, hint * n, q, base, n, mode, margin);
            for (int p = size - 1; p >= 0 && !dominated; p--) {
                if (p != hint && dominates(kept, p * n, q, base, n, mode, margin)) {
                    dominated = true;
                    hint = p;
                }
                charged++;
            }
            if (charged > 1 << 20) {
                budget.charge(charged);
                charged = 0;
            }
            if (dominated) continue;
            keep[g] = true;
            if ((size + 1) * n > kept.length) kept = Arrays.copyOf(kept, Math.max(kept.length * 2, (size + 1) * n));
            System.arraycopy(q, base, kept, size * n, n);
            size++;
        }
        budget.charge(charged);
    }

    /**
     * {@link #keepGeneral} for many candidates: kept points are filed in cells of a grid over the
     * second to last values (bins at quantiles of the candidates, about 256 cells in all), and a
     * candidate is compared only with the points of cells at least as high in every one of those
     * values, the only ones that can dominate it. Same answer, a fraction of the comparisons.
     */
    private static void keepBinned(double[] q, int n, int[] order, int[] start, int groups, int mode,
                                   double[] margin, boolean[] keep, WorkBudget budget) {
        int dims = n - 1;
        int bins = Math.max(2, (int) Math.floor(Math.pow(256, 1.0 / dims)));
        double[][] cuts = new double[dims][bins - 1];
        double[] column = new double[groups];
        for (int d = 0; d < dims; d++) {
            for (int g = 0; g < groups; g++) column[g] = q[order[start[g]] * n + d + 1];
            Arrays.sort(column);
            for (int b = 1; b < bins; b++) cuts[d][b - 1] = column[(int) ((long) groups * b / bins)];
        }
        int cells = 1;
        for (int d = 0; d < dims; d++) cells *= bins;
        double[][] filed = new double[cells][];
        int[] filedSize = new int[cells];
        int[] bin = new int[dims];
        int[] at = new int[dims];
        double[] last = null;
        long charged = 0;
        for (int g = 0; g < groups; g++) {
            int base = order[start[g]] * n;
            boolean dominated = last != null && dominates(last, 0, q, base, n, mode, margin);
            if (!dominated) {
                for (int d = 0; d < dims; d++) bin[d] = binOf(cuts[d], q[base + d + 1]);
                // every cell whose bins are all at least the candidate's, odometer style
                System.arraycopy(bin, 0, at, 0, dims);
                scan:
                while (true) {
                    int cell = 0;
                    for (int d = 0; d < dims; d++) cell = cell * bins + at[d];
                    charged++;     // a cell visited costs about one comparison
                    double[] list = filed[cell];
                    for (int p = filedSize[cell] - 1; p >= 0; p--) {
                        charged++;
                        if (dominates(list, p * n, q, base, n, mode, margin)) {
                            dominated = true;
                            last = Arrays.copyOfRange(list, p * n, p * n + n);
                            break scan;
                        }
                    }
                    int d = dims - 1;
                    while (d >= 0 && ++at[d] == bins) {
                        at[d] = bin[d];
                        d--;
                    }
                    if (d < 0) break;
                }
            }
            if (charged > 1 << 20) {
                budget.charge(charged);
                charged = 0;
            }
            if (dominated) continue;
            keep[g] = true;
            int cell = 0;
            for (int d = 0; d < dims; d++) cell = cell * bins + binOf(cuts[d], q[base + d + 1]);
            if (filed[cell] == null) filed[cell] = new double[16 * n];
            if ((filedSize[cell] + 1) * n > filed[cell].length) filed[cell] = Arrays.copyOf(filed[cell], filed[cell].length * 2);
            System.arraycopy(q, base, filed[cell], filedSize[cell] * n, n);
            filedSize[cell]++;
        }
        budget.charge(charged);
    }

    /** The bin of value v: how many cuts are at most v. */
    private static int binOf(double[] cuts, double v) {
        int lo = 0;
        int hi = cuts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cuts[mid] <= v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Whether the vector at {@code a[ai..]} dominates the one at {@code b[bi..]} (see {@link #filter}). */
    private static boolean dominates(double[] a, int ai, double[] b, int bi, int n, int mode, double[] margin) {
        boolean strict = false;
        for (int k = 0; k < n; k++) {
            double y = a[ai + k];
            double x = b[bi + k];
            if (y < x) return false;
            if (!strict && (mode >> k & 1) == 0 && y > x && (margin == null || y >= x + margin[k])) strict = true;
        }
        return strict;
    }

    private static boolean equal(double[] q, int n, int a, int b) {
        for (int k = 0; k < n; k++) if (q[a * n + k] != q[b * n + k]) return false;
        return true;
    }

    /** Candidate indexes in decreasing lexicographic order of their values; equal vectors by increasing index. */
    private static int[] sortDescending(double[] q, int n, int m) {
        Integer[] boxed = new Integer[m];
        for (int i = 0; i < m; i++) boxed[i] = i;
        Arrays.sort(boxed, (a, b) -> {
            for (int k = 0; k < n; k++) {
                int c = Double.compare(q[b * n + k], q[a * n + k]);
                if (c != 0) return c;
            }
            return Integer.compare(a, b);
        });
        int[] out = new int[m];
        for (int i = 0; i < m; i++) out[i] = boxed[i];
        return out;
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
