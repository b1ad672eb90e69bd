package org.pourparler.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The part of utility space that known sums dominate, as used by {@link HyperRectangleFrontier} to
 * cut branches: a branch whose region {@code {x : λ·x ≤ β(λ), x ≥ low}} (β from the search's bound)
 * lies wholly inside can only produce dominated outcomes.
 *
 * <p>Algorithm. Only maximal known vectors matter. For two parties they form a staircase (first
 * utility decreasing, second increasing); what they leave free is the union of the corners between
 * consecutive steps and the narrow boxes of sums that would round to a step (ties, which are never
 * cut): the region is excluded when the bound cuts every corner and every box. For more parties (or
 * when some parties' gains do not count) a single known vector must lie above the region's top
 * corner, by EPS everywhere and 3 EPS on one counting party, so that every completion of every sum
 * in the region is dominated under {@link Dominance}'s definition despite the rounding still to come.
 * Regions move with the search: shifted by what the rest of an enclosing component can add, and
 * thinned to the vectors above a floor.
 *
 * <p>Lattice parties. When every sum of a party is a whole multiple of a step {@code g} (ANAC 2014:
 * whole-numbered rectangles times the profile's scale; see {@link HyperRectangleFrontier}), the
 * search's sums, bounds and known vectors of that party are lattice values up to a rounding far
 * below g / 2, and the utility function computes an outcome's utility as {@code K * scale} for the
 * whole number K of units it earns: one grid value per lattice value, the same for every outcome
 * on it, and a step (g >= 1e-9) apart from the next. Its comparisons are then exact on the lattice,
 * read at half a step: "at most" is below {@code p + g/2}, "below" is below {@code p - g/2}. No
 * margin is needed there; the EPS margins above, which cost whole branches whenever a bound meets a
 * known vector exactly (a tie on the lattice, common in ANAC 2014), apply only to parties without one.
 */
final class DominatedRegion {
    private final int n;
    private final double[][] dirs;
    private final int mode;
    /** Per party: the lattice step of its sums, or 0 when it has none. */
    private final double[] lattice;
    private final double[][] points;

    private DominatedRegion(int n, double[][] dirs, double[] lattice, double[][] maximal, int mode) {
        this.n = n;
        this.dirs = dirs;
        this.lattice = lattice;
        this.mode = mode;
        this.points = maximal;
    }

    /**
     * The region {@code pts} dominate for {@code n} parties, tested against bounds in the
     * directions {@code dirs} ({@code mode}: parties whose gains do not count; {@code lattice}: per
     * party, the step every one of its sums is a whole multiple of, or 0).
     */
    DominatedRegion(int n, double[][] dirs, double[] lattice, List<double[]> pts, int mode) {
        this(n, dirs, lattice, maximal(n, pts), mode);
    }

    boolean isEmpty() { return points.length == 0; }

    /** This region and the one {@code more} vectors dominate. */
    DominatedRegion with(List<double[]> more) {
        if (more.isEmpty()) return this;
        List<double[]> all = new ArrayList<>(Arrays.asList(points));
        all.addAll(more);
        return new DominatedRegion(n, dirs, lattice, all, mode);
    }

    /** The region moved down by {@code shift} (coordinates of a part whose rest adds at most shift). */
    DominatedRegion shifted(double[] shift) {
        if (points.length == 0) return this;
        double[][] moved = new double[points.length][];
        for (int q = 0; q < points.length; q++) {
            moved[q] = new double[n];
            for (int k = 0; k < n; k++) moved[q][k] = points[q][k] - shift[k];
        }
        return new DominatedRegion(n, dirs, lattice, moved, mode);   // a translation keeps the order
    }

    /** The points at least {@code floor} (less Dominance.EPS) for every party: only they dominate sums above the floor. */
    DominatedRegion above(double[] floor) {
        List<double[]> kept = new ArrayList<>(points.length);
        for (double[] p : points) {
            boolean useful = true;
            for (int k = 0; k < n && useful; k++) useful = p[k] >= floor[k] - Dominance.EPS;
            if (useful) kept.add(p);
        }
        return kept.size() == points.length ? this : new DominatedRegion(n, dirs, lattice, kept.toArray(new double[0][]), mode);
    }

    /**
     * Whether every point of the region {@code λ·x ≤ beta(λ), x ≥ low} is dominated by a point
     * here. For two parties the region left free is what lies beyond a corner of the staircase
     * (by more than Dominance.EPS) or ties with one of its points.
     */
    boolean excludes(double[] beta, double[] low) {
        int m = points.length;
        if (m == 0) return false;
        if (n != 2 || mode != 0) {
            // p dominates every sum of the region (Dominance's definition, after the rounding of the
            // additions still to come) when it is above the region's top corner by Dominance.EPS everywhere
            // and by 3 Dominance.EPS (more than a rounding step) on a party whose gains count
            // (on a lattice: p at least the corner, and above it by a step on a counting party)
            for (double[] p : points) {
                boolean ge = true;
                boolean strict = false;
                for (int k = 0; k < n && ge; k++) {
                    double g = lattice[k];
                    ge = p[k] >= beta[k] + (g > 0 ? -g / 2 : Dominance.EPS);
                    strict |= (mode >> k & 1) == 0 && p[k] >= beta[k] + (g > 0 ? g / 2 : 3 * Dominance.EPS);
                }
                if (ge && strict) return true;
            }
            return false;
        }
        double low0 = low == null ? Double.NEGATIVE_INFINITY : low[0];
        double low1 = low == null ? Double.NEGATIVE_INFINITY : low[1];
        for (int j = 0; j <= m; j++) {
            // beyond a corner (less Dominance.EPS for the rounding of additions to come) a sum may round above
            // a staircase point: free; on a lattice, beyond means a step above it
            double c0 = Math.max(j < m ? beyond(0, points[j][0]) : low0, low0);
            double c1 = Math.max(j > 0 ? beyond(1, points[j - 1][1]) : low1, low1);
            // a coordinate without floor leaves only the other axis to cut the corner
            boolean open = c0 == Double.NEGATIVE_INFINITY ? c1 <= beta[1] + Dominance.EPS
                    : c1 == Double.NEGATIVE_INFINITY ? c0 <= beta[0] + Dominance.EPS : !cut(c0, c1, beta);
            if (open) {
                return false;
            }
        }
        // sums that round to a staircase point tie with it and are never cut: they lie within Dominance.EPS
        // below it, 2 Dominance.EPS with the rounding of additions to come; on a lattice, at it
        for (double[] z : points) {
            if (z[0] < low0 - Dominance.EPS || z[1] < low1 - Dominance.EPS) continue;
            if (!cut(Math.max(tieFloor(0, z[0]), low0), Math.max(tieFloor(1, z[1]), low1), beta)) return false;
        }
        return true;
    }

    /**
     * The corner coordinate of party k beyond which a sum is not at most {@code p}: {@code p - EPS}
     * (a sum that close may still round above p once more terms are added), or {@code p + g/2} on a
     * lattice of step g, where a sum above p is at least a step above it and one at p is at most p.
     */
    private double beyond(int k, double p) {
        double g = lattice[k];
        return g > 0 ? p + g / 2 : p - Dominance.EPS;
    }

    /** The lowest value of party k that may still tie with {@code z}: 2 EPS below it, or half a lattice step. */
    private double tieFloor(int k, double z) {
        double g = lattice[k];
        return g > 0 ? z - g / 2 : z - 2 * Dominance.EPS;
    }

    /** Whether some bound direction puts (x0, x1) beyond the region by more than rounding. */
    private boolean cut(double x0, double x1, double[] beta) {
        for (int d = 0; d < dirs.length; d++) {
            double[] w = dirs[d];
            if (w[0] * x0 + w[1] * x1 > beta[d] + Dominance.EPS * (w[0] + w[1])) return true;
        }
        return false;
    }

    /** Whether every point of {@code other} is weakly below one here (so this region holds the other). */
    boolean covers(DominatedRegion other) {
        for (double[] z : other.points) {
            boolean held = false;
            if (n == 2) {
                // keys fall along the staircase; the last point rounding at least as high on u0 is highest on u1
                int weak = countKeyAtLeast(Dominance.key(z[0]));
                held = weak > 0 && Dominance.key(points[weak - 1][1]) >= Dominance.key(z[1]);
            } else {
                for (double[] p : points) {
                    boolean ge = true;
                    for (int k = 0; k < n && ge; k++) ge = Dominance.key(p[k]) >= Dominance.key(z[k]);
                    if (ge) {
                        held = true;
                        break;
                    }
                }
            }
            if (!held) return false;
        }
        return true;
    }

    /** How many staircase points have a key of u0 at least t. */
    private int countKeyAtLeast(double t) {
        int lo = 0;
        int hi = points.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Dominance.key(points[mid][0]) >= t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** The vectors no other one is at least as high as on every party (two parties: a sorted staircase). */
    private static double[][] maximal(int n, List<double[]> pts) {
        double[][] a = pts.toArray(new double[0][]);
        if (n == 2) {
            Arrays.sort(a, (x, y) -> x[0] != y[0] ? Double.compare(y[0], x[0]) : Double.compare(y[1], x[1]));
            List<double[]> kept = new ArrayList<>();
            double best1 = Double.NEGATIVE_INFINITY;
            for (double[] p : a) {
                if (p[1] > best1) {
                    kept.add(p);
                    best1 = p[1];
                }
            }
            return kept.toArray(new double[0][]);
        }
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            boolean below = false;
            for (int j = 0; j < a.length && !below; j++) {
                if (j == i) continue;
                boolean ge = true;
                boolean gt = false;
                for (int k = 0; k < n && ge; k++) {
                    ge = a[j][k] >= a[i][k];
                    gt |= a[j][k] > a[i][k];
                }
                below = ge && (gt || j < i);
            }
            if (!below) kept.add(a[i]);
        }
        return kept.toArray(new double[0][]);
    }
}
