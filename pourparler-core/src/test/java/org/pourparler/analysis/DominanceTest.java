package org.pourparler.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The one non-dominated filter against an O(m^2) brute force of the documented definition (each
 * utility rounded to the nearest multiple of 1e-12 below 10^4 in magnitude, then exact comparison),
 * written here without any code of the filter, on candidates built to sit on the hard cases.
 */
class DominanceTest {

    /** The documented rounding, written independently of {@link Dominance#key}. */
    static double rounded(double u) {
        return Math.abs(u) < 1e4 ? Math.rint(u * 1e12) / 1e12 + 0.0 : u + 0.0;
    }

    /** Brute force: frontier points as rounded vectors, each with the sorted indexes of its candidates. */
    static Map<List<Double>, List<Integer>> bruteForce(double[] u, int n, int m, int mode) {
        Map<List<Double>, List<Integer>> out = new HashMap<>();
        for (int i = 0; i < m; i++) {
            boolean dominated = false;
            for (int j = 0; j < m && !dominated; j++) {
                boolean atLeast = true;
                boolean better = false;
                for (int k = 0; k < n; k++) {
                    double a = rounded(u[j * n + k]);
                    double b = rounded(u[i * n + k]);
                    if (a < b) atLeast = false;
                    if (a > b && (mode >> k & 1) == 0) better = true;
                }
                dominated = atLeast && better;
            }
            if (dominated) continue;
            List<Double> key = new ArrayList<>();
            for (int k = 0; k < n; k++) key.add(rounded(u[i * n + k]));
            out.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
        }
        return out;
    }

    static Map<List<Double>, List<Integer>> filtered(int[][] groups, double[] u, int n) {
        Map<List<Double>, List<Integer>> out = new HashMap<>();
        for (int[] g : groups) {
            List<Double> key = new ArrayList<>();
            for (int k = 0; k < n; k++) key.add(rounded(u[g[0] * n + k]));
            List<Integer> members = new ArrayList<>();
            for (int x : g) members.add(x);
            assertThat(out.put(key, members)).as("two frontier points round to %s", key).isNull();
        }
        return out;
    }

    /**
     * Candidates on the hard cases: a few base values per party, each used as is, moved by one ulp,
     * by EPS/2, by 2 EPS, or put at a half multiple of EPS; duplicates; scaled to tiny, huge or
     * mixed magnitudes.
     */
    static double[] hardCandidates(Random r, int n, int m) {
        double[] base = {0, 0.3, 0.1 + 0.2, 0.5, 0.7, 1, 0.123456789012, 2.5e-12, 1e-300, 1e200, 5e3, 1.2e4};
        int scale = r.nextInt(4);    // 0: usual values, 1: tiny, 2: huge, 3: mixed
        double[] u = new double[n * m];
        for (int i = 0; i < m; i++) {
            if (i > 0 && r.nextInt(6) == 0) {       // an exact duplicate of an earlier candidate
                System.arraycopy(u, r.nextInt(i) * n, u, i * n, n);
                continue;
            }
            for (int k = 0; k < n; k++) {
                double b = base[r.nextInt(scale == 3 ? base.length : 7)];
                if (scale == 1) b *= 1e-200;
                if (scale == 2) b *= 1e150;
                double x = switch (r.nextInt(7)) {
                    case 0 -> Math.nextUp(b);
                    case 1 -> Math.nextDown(b);
                    case 2 -> b + Dominance.EPS / 2 * (r.nextBoolean() ? 1 : -1);
                    case 3 -> b + 2 * Dominance.EPS * (r.nextBoolean() ? 1 : -1);
                    case 4 -> b + (r.nextInt(5) + 0.5) * 1e-12;     // on a rounding boundary
                    default -> b;
                };
                u[i * n + k] = x;
            }
        }
        return u;
    }

    @Property(tries = 2000)
    void filterEqualsBruteForce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int n,
                                @ForAll @IntRange(min = 1, max = 60) int m, @ForAll boolean withMode) {
        Random r = new Random(seed);
        double[] u = hardCandidates(r, n, m);
        int mode = withMode ? r.nextInt(1 << n) : 0;
        int[][] groups = Dominance.nondominated(u.clone(), n, m, mode, WorkBudget.UNLIMITED);
        assertThat(filtered(groups, u, n)).isEqualTo(bruteForce(u, n, m, mode));
        // every group's indexes ascend, and the groups come in decreasing order of the first utility
        for (int[] g : groups) assertThat(g).isSorted();
        for (int q = 1; q < groups.length; q++) {
            assertThat(rounded(u[groups[q][0] * n])).isLessThanOrEqualTo(rounded(u[groups[q - 1][0] * n]));
        }
    }

    /** Enough candidates for the grid of cells (more than three parties, or a mode or margins): still the brute force's answer. */
    @Property(tries = 40)
    void filterOnTheGridOfCellsEqualsBruteForce(@ForAll long seed, @ForAll @IntRange(min = 3, max = 6) int n,
                                                @ForAll boolean withMode, @ForAll boolean partial) {
        Random r = new Random(seed);
        int m = Dominance.BINNED_FROM + r.nextInt(1500);
        double[] u = new double[n * m];
        // mostly non-dominated points (on a sphere-like surface) with near-ties and duplicates mixed in
        double[] hard = hardCandidates(r, n, m);
        for (int i = 0; i < m; i++) {
            double norm = 0;
            for (int k = 0; k < n; k++) {
                double x = r.nextInt(4) == 0 ? hard[i * n + k] : r.nextDouble();
                u[i * n + k] = x;
                norm += x * x;
            }
            if (r.nextBoolean() && norm > 0) for (int k = 0; k < n; k++) u[i * n + k] /= Math.sqrt(norm);
        }
        int mode = withMode ? r.nextInt(1 << n) : 0;
        if (!partial) {
            int[][] groups = Dominance.nondominated(u.clone(), n, m, mode, WorkBudget.UNLIMITED);
            assertThat(filtered(groups, u, n)).isEqualTo(bruteForce(u, n, m, mode));
        } else {
            double[] bound = new double[n];
            for (int i = 0; i < n * m; i++) bound[i % n] = Math.max(bound[i % n], Math.abs(u[i]));
            double[] margin = Dominance.margins(bound);
            int[][] groups = Dominance.nondominatedPartial(u.clone(), n, m, mode, margin, WorkBudget.UNLIMITED);
            // the partial filter: exact ties, dominance by the margin on a counting party; an independent brute force
            java.util.Set<Integer> kept = new java.util.HashSet<>();
            for (int[] g : groups) for (int x : g) kept.add(x);
            for (int i = 0; i < m; i++) {
                boolean dominated = false;
                for (int j = 0; j < m && !dominated; j++) {
                    boolean atLeast = true;
                    boolean better = false;
                    for (int k = 0; k < n; k++) {
                        if (u[j * n + k] < u[i * n + k]) atLeast = false;
                        if (u[j * n + k] >= u[i * n + k] + margin[k] && (mode >> k & 1) == 0) better = true;
                    }
                    dominated = atLeast && better;
                }
                assertThat(kept.contains(i)).as("candidate %d kept", i).isEqualTo(!dominated);
            }
        }
    }

    /**
     * Partial sums: whatever is added to every candidate afterwards, the complete frontier computed
     * from the kept partial sums alone equals the one from all of them (nothing needed was dropped,
     * no tie was lost).
     */
    @Property(tries = 1000)
    void partialFilterDropsOnlyWhatEveryCompletionLeavesDominated(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int n,
                                                                  @ForAll @IntRange(min = 1, max = 40) int m) {
        Random r = new Random(seed);
        double[] u = hardCandidates(r, n, m);
        double[] bound = new double[n];
        for (int i = 0; i < n * m; i++) bound[i % n] = Math.max(bound[i % n], Math.abs(u[i]));
        double[] rest = hardCandidates(r, n, 1 + r.nextInt(4));
        int completions = rest.length / n;
        for (int k = 0; k < n; k++) {
            double most = 0;
            for (int c = 0; c < completions; c++) most = Math.max(most, Math.abs(rest[c * n + k]));
            bound[k] += most;
        }
        int[][] kept = Dominance.nondominatedPartial(u.clone(), n, m, 0, Dominance.margins(bound), WorkBudget.UNLIMITED);
        // all candidates completed by every completion, and only the kept ones completed
        double[] all = new double[m * completions * n];
        List<Integer> keptRows = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < completions; c++) {
                for (int k = 0; k < n; k++) all[(i * completions + c) * n + k] = u[i * n + k] + rest[c * n + k];
            }
        }
        for (int[] g : kept) for (int i : g) for (int c = 0; c < completions; c++) keptRows.add(i * completions + c);
        Map<List<Double>, List<Integer>> full = bruteForce(all, n, m * completions, 0);
        double[] sub = new double[keptRows.size() * n];
        for (int j = 0; j < keptRows.size(); j++) System.arraycopy(all, keptRows.get(j) * n, sub, j * n, n);
        Map<List<Double>, List<Integer>> fromKept = bruteForce(sub, n, keptRows.size(), 0);
        Map<List<Double>, Integer> fullCounts = new HashMap<>();
        full.forEach((k, v) -> fullCounts.put(k, v.size()));
        Map<List<Double>, Integer> keptCounts = new HashMap<>();
        fromKept.forEach((k, v) -> keptCounts.put(k, v.size()));
        assertThat(keptCounts).isEqualTo(fullCounts);
    }

    @Example
    void theNearTieOfIssue9IsDominatedNotKeptBesideItsDominator() {
        // two issues, weights {1, 1}, tables {0.2, 0.6} and {0.4, 0}: 0.5*0.2 + 0.5*0.4 = 0.30000000000000004
        // and 0.5*0.6 + 0.5*0 = 0.3 are the same utility; (0.3, 0.5) dominates (0.30000000000000004, 0.2)
        double[] u = {
            0.5, 0.05,
            0.30000000000000004, 0.2,
            0.3, 0.5,
            0.1, 0.65,
        };
        int[][] groups = Dominance.nondominated(u, 2, 4);
        assertThat(Arrays.stream(groups).map(g -> g[0]).toList()).containsExactly(0, 2, 3);
    }

    @Example
    void threePartyUtilitiesFarAboveTheGridKeepEveryNonDominatedVector() {
        // found by a random scenario: utilities ~1e22 once overflowed a long on the snapping grid
        double[] u = {
            7.734088229577647, 7.622603937612356E21, 1.5100681306274035,
            2.1140162757399006, 9.993391627866877E21, 1.5100681306274035,
            2.0528078764693323, 7.622603937612356E21, 1.5100681306274035,
        };
        int[][] points = Dominance.nondominated(u, 3, 3);
        assertThat(Arrays.stream(points).map(g -> g[0]).toList()).containsExactlyInAnyOrder(0, 1);
    }

    @Example
    void utilitiesThatRoundToOneGridValueAreOnePointWithTiedOutcomes() {
        double[] u = {
            0.7, 0.2, 0.1,
            0.2, 0.9, 0.1,
            0.2, 0.2, 0.1,
            0.7, 0.2, 0.1 + 1e-13,      // rounds to the first: the same point, tied
        };
        int[][] points = Dominance.nondominated(u, 3, 4);
        assertThat(points).hasNumberOfRows(2);
        assertThat(points[0]).containsExactly(0, 3);
    }
}
