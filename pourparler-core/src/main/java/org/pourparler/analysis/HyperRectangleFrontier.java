package org.pourparler.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pourparler.model.Domain;
import org.pourparler.model.HyperRectangleUtility;
import org.pourparler.analysis.PartialFrontier.Front;
import org.pourparler.analysis.PartialFrontier.Pattern;
import org.pourparler.analysis.PartialFrontier.Point;
import org.pourparler.model.RedLine;

/**
 * The exact Pareto frontier of summed hyper-rectangle utilities (ANAC 2014) without enumerating the
 * outcome space: a branch and bound over issues that splits into independent parts (AND/OR search).
 *
 * <p><b>Decomposition.</b> Fixing an issue settles rectangles (violated or satisfied); the free issues
 * then fall apart into components that no open rectangle or red line links. Components are
 * independent, so the frontier of a node is the non-dominated Minkowski sum of its components'
 * frontiers (utilities add, tie counts multiply, outcome patterns combine): an outcome whose part on
 * one component is dominated there is dominated as a whole. A component is solved by branching on
 * one of its issues (options no open rectangle tells apart are branched on together) and is cached
 * by the state of its rectangles. Free issues no open rectangle names just multiply the tie count.
 *
 * <p><b>Bounds.</b> A part's utilities lie in the region {@code {u : λ·u ≤ β(λ)}} for a few
 * directions λ (the parties' axes and, for two parties, mixed weights); β comes from a Lagrangian
 * dual of the part's rectangles, tightened by MPLP block-coordinate descent and handed down from
 * each node to its parts (on these scenarios it is at or near the exact maximum in every direction),
 * and it adds up across independent parts. A branch or partial sum is cut when its region lies wholly
 * in what known points strictly dominate: those of its component and, passed down as a context,
 * those of the enclosing components, seeded at the root with outcomes found by local search. Ties are
 * never cut. A cached answer computed under a context serves any context that cuts at least as much.
 *
 * <p><b>Caps.</b> Capped utilities ({@code min(sum, cap)}) are not additive across components, so the
 * search first finds the frontier of the uncapped sums. When no party's sum can exceed its cap, that
 * is the answer. Otherwise the capped points follow from the uncapped ones; at a point where some
 * parties are capped, the tied outcomes are exactly those whose sums reach the caps on those parties
 * and the point's values on the others (none can do better there, or the point would be dominated),
 * including outcomes the uncapped search discarded. A second search counts them: its dominance
 * ignores gains of the capped parties, and it cuts every part whose region misses that corner.
 *
 * <p><b>Parts.</b> The search is this class; beside it, {@link DominatedRegion} decides cuts,
 * {@link PartialFrontier} holds the points of a component and merges their ties, and
 * {@link FrontierSeeds} finds the seeds. Dominance is {@link Dominance}'s throughout: partial sums
 * with {@link Dominance#nondominatedPartial}, the final points with {@link Dominance#nondominated}.
 */
final class HyperRectangleFrontier {
    private static final double EPS = Dominance.EPS;
    /** Mixed directions of the two-party bound besides the axes (more cut more, at a cost per test). */
    private static final int MIXED_DIRECTIONS = 3;

    /** MPLP rounds for a fresh dual at the root, and for a part that starts from its parent's dual. */
    private static final int ROOT_SWEEPS = 200;
    private static final int CHILD_SWEEPS = 1;
    /** A party's cuts are decided on its lattice when the step is at least this and its rectangles' units add to at most the next. */
    private static final double LATTICE_MIN_STEP = 1e-9;
    private static final double LATTICE_MAX_UNITS = 0x1p30;

    private final int n;
    private WorkBudget budget = WorkBudget.UNLIMITED;
    /** Margins of the partial-sum filter: every sum the search keeps can still be added to. */
    private double[] margin;
    private final int issues;
    private final int[] sizes;
    private final int[] owner;              // party of each rectangle; -1 for a red line
    private final double[] value;           // scaled utility of each rectangle
    private final boolean[][][] allows;     // [rect][issue] -> allowed options, null when unconstrained
    private final int[][] rectIssues;       // constrained issues of each rectangle
    private final int[][] rectsOfIssue;     // rectangles constraining each issue
    private final double[] base;            // per party: rectangles with no constraints
    private final double[] cap;             // per party: the largest utility (GENIUS caps at 1)
    private final double[] grid;            // per party: a unit every rectangle's value is a multiple of, or 0
    private final double[] lattice;         // per party: the step its cuts are decided exactly on, or 0 (DominatedRegion)
    private final boolean hopeless;         // a red line every outcome crosses
    private final double[][] dirs;          // bound directions: the n axes first
    private final double[] unit;            // per direction: a unit every λ·u is a whole multiple of, or 0
    private final int listLimit;
    private final long workLimit;
    private final int issueWords;
    private final int keyWords;
    // search state
    private final int[] remaining;          // constrained issues of each rectangle not yet fixed
    private final boolean[] violated;
    private final boolean[] fixed;
    private final int[] mark;               // scratch for split(): stamp per rectangle
    private int stamp;
    private long work;
    private final long[] counted = new long[Counts.KINDS];
    private final Map<Key, List<Entry>> cache = new HashMap<>();
    // Lagrangian bound: one message block per (rectangle, constrained issue), per direction, per depth
    private final boolean[] scored;          // rectangles the bound counts: owned, positive
    private final int[][] slot;              // [rect][q]: offset of its message on issue rectIssues[rect][q]
    private final int slots;
    private double[][] duals = new double[16][];
    private final Map<Key, double[]> betas = new HashMap<>();
    private final double[][] scratch;
    private final double[][][] beliefs;      // scratch for tighten(): [direction][issue][option]
    private final double[] maxIn;
    private final double[] maxAll;

    /** The issues of one component and the open rectangles (and red lines) that link them. */
    private record Part(int[] issues, int[] rects) { }

    /** A component's state: its issues, its open rectangles, and the dominance mode. */
    private record Key(long[] bits, int mode) {
        @Override public boolean equals(Object o) {
            return o instanceof Key k && k.mode == mode && Arrays.equals(k.bits, bits);
        }

        @Override public int hashCode() { return Arrays.hashCode(bits) * 31 + mode; }
    }

    /**
     * What the enclosing search has found, seen from a part: a sum {@code u} of the part is useless
     * when the region {@code λ·x ≤ λ·u + sigma(λ)} (where the rest of the enclosing sum
     * takes it) lies wholly in what {@code shadow} dominates.
     */
    private record Context(DominatedRegion shadow, double[] sigma, Target target) { }

    /**
     * A capped point whose tied outcomes are being counted: they are exactly the outcomes whose
     * sums reach {@code corner} on every party. Seen from a part, its sums {@code u} lie, with
     * everything around them, within {@code λ·x ≤ λ·u + sigma(λ), x ≥ u + tau} (root coordinates).
     */
    private record Target(double[] corner, double[] sigma, double[] tau) {
        Target within(double[] moreSigma, double[] moreTau) {
            return new Target(corner, plus(sigma, moreSigma), plus(tau, moreTau));
        }
    }

    /** Whether no sum of the region {@code λ·x ≤ beta(λ), x ≥ low} (plus the target's surroundings) reaches the corner. */
    private boolean misses(Target t, double[] beta, double[] low) {
        if (t == null) return false;
        double[] x = new double[n];
        for (int k = 0; k < n; k++) x[k] = Math.max(t.corner[k], low[k] + t.tau[k]);
        for (int d = 0; d < dirs.length; d++) {
            double dot = 0;
            double weight = 0;
            for (int k = 0; k < n; k++) {
                dot += dirs[d][k] * x[k];
                weight += dirs[d][k];
            }
            if (dot > beta[d] + t.sigma[d] + EPS * weight) return true;
        }
        return false;
    }

    /** A solved component: its frontier without the points its context made useless. */
    private record Entry(Front front, Context context) { }

    private HyperRectangleFrontier(List<HyperRectangleUtility> ufs, List<RedLine> redLines, int listLimit, long workLimit)
            throws AnalysisLimitException {
        Domain domain = ufs.get(0).domain();
        this.n = ufs.size();
        this.issues = domain.issueCount();
        this.listLimit = listLimit;
        this.workLimit = workLimit;
        this.sizes = domain.sizes();
        List<Integer> owners = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<boolean[][]> masks = new ArrayList<>();
        base = new double[n];
        cap = new double[n];
        grid = new double[n];
        lattice = new double[n];
        boolean crossedByAll = false;
        for (int k = 0; k < n; k++) {
            HyperRectangleUtility u = ufs.get(k);
            cap[k] = u.cap();
            // whole-numbered rectangle utilities (as in ANAC 2014) put every sum on a grid of scale
            boolean whole = Math.abs(u.scale()) > 0;
            for (HyperRectangleUtility.Rectangle r : u.rectangles()) {
                whole &= Math.abs(r.utility()) < 1e9 && r.utility() == Math.rint(r.utility());
            }
            grid[k] = whole ? Math.abs(u.scale()) : 0;
            double units = 0;
            for (HyperRectangleUtility.Rectangle r : u.rectangles()) units += Math.abs(r.utility());
            // a step far above EPS (sums a step apart round to different grid values) and few enough
            // steps that a sum's rounding stays far below half a step (it names its lattice value)
            lattice[k] = whole && grid[k] >= LATTICE_MIN_STEP && units <= LATTICE_MAX_UNITS ? grid[k] : 0;
            if (u.aggregation() != HyperRectangleUtility.Aggregation.SUM) {
                throw new AnalysisLimitException("The exact frontier of hyper-rectangle utilities supports summed rectangles;"
                        + " party " + (k + 1) + " aggregates by " + u.aggregation());
            }
            for (HyperRectangleUtility.Rectangle r : u.rectangles()) {
                boolean[][] m = new boolean[issues][];
                for (HyperRectangleUtility.Bound b : r.includes()) restrict(m, b, true);
                for (HyperRectangleUtility.Bound b : r.excludes()) restrict(m, b, false);
                double c = r.utility() * u.scale();
                int kind = simplify(m);
                if (kind < 0 || c == 0) continue;          // never earned, or worth nothing
                if (kind == 0) {
                    base[k] += c;
                    continue;
                }
                owners.add(k);
                values.add(c);
                masks.add(m);
            }
        }
        for (RedLine line : redLines) {
            // a red line is a rectangle that, once matched, makes the branch infeasible (owner -1, no value)
            boolean[][] m = new boolean[issues][];
            for (RedLine.Condition c : line.conditions()) {
                m[c.issue()] = new boolean[sizes[c.issue()]];
                for (int v : c.options()) m[c.issue()][v] = true;
            }
            int kind = simplify(m);
            if (kind < 0) continue;
            if (kind == 0) {
                crossedByAll = true;
                continue;
            }
            owners.add(-1);
            values.add(0.0);
            masks.add(m);
        }
        hopeless = crossedByAll;
        int rects = owners.size();
        owner = owners.stream().mapToInt(Integer::intValue).toArray();
        value = values.stream().mapToDouble(Double::doubleValue).toArray();
        allows = masks.toArray(new boolean[0][][]);
        remaining = new int[rects];
        violated = new boolean[rects];
        fixed = new boolean[issues];
        mark = new int[rects];
        rectIssues = new int[rects][];
        List<List<Integer>> byIssue = new ArrayList<>();
        for (int i = 0; i < issues; i++) byIssue.add(new ArrayList<>());
        for (int r = 0; r < rects; r++) {
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < issues; i++) {
                if (allows[r][i] != null) {
                    mine.add(i);
                    byIssue.get(i).add(r);
                }
            }
            rectIssues[r] = mine.stream().mapToInt(Integer::intValue).toArray();
            remaining[r] = rectIssues[r].length;
        }
        rectsOfIssue = new int[issues][];
        for (int i = 0; i < issues; i++) rectsOfIssue[i] = byIssue.get(i).stream().mapToInt(Integer::intValue).toArray();
        scored = new boolean[rects];
        slot = new int[rects][];
        int offset = 0;
        int widest = 1;
        for (int r = 0; r < rects; r++) {
            scored[r] = owner[r] >= 0 && value[r] > 0;
            slot[r] = new int[rectIssues[r].length];
            for (int q = 0; q < rectIssues[r].length; q++) {
                slot[r][q] = offset;
                if (scored[r]) offset += sizes[rectIssues[r][q]];
            }
        }
        slots = offset;
        for (int size : sizes) widest = Math.max(widest, size);
        scratch = new double[issues][widest];
        maxIn = new double[issues];
        maxAll = new double[issues];
        issueWords = (issues + 63) >>> 6;
        keyWords = issueWords + ((rects + 63) >>> 6);
        int mixed = n == 2 ? MIXED_DIRECTIONS : 0;
        dirs = new double[n + mixed][n];
        unit = new double[n + mixed];
        for (int k = 0; k < n; k++) {
            dirs[k][k] = 1;
            unit[k] = grid[k];
        }
        for (int j = 1; j <= mixed; j++) {
            double angle = Math.PI / 2 * j / (mixed + 1);
            dirs[n + j - 1][0] = Math.cos(angle);
            dirs[n + j - 1][1] = Math.sin(angle);
        }
        beliefs = new double[dirs.length][issues][];
        for (double[][] b : beliefs) for (int i = 0; i < issues; i++) b[i] = new double[sizes[i]];
    }

    private void restrict(boolean[][] m, HyperRectangleUtility.Bound b, boolean include) {
        int size = sizes[b.issue()];
        if (m[b.issue()] == null) {
            m[b.issue()] = new boolean[size];
            Arrays.fill(m[b.issue()], true);
        }
        for (int v = 0; v < size; v++) {
            boolean in = v >= b.min() && v <= b.max();
            if (in != include) m[b.issue()][v] = false;
        }
    }

    /**
     * Drops constraints that allow every option (they would link issues for nothing). Returns -1 when
     * some constraint allows no option (the rectangle is never matched), 0 when none is left, 1 otherwise.
     */
    private static int simplify(boolean[][] m) {
        int left = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i] == null) continue;
            int allowed = 0;
            for (boolean b : m[i]) if (b) allowed++;
            if (allowed == 0) return -1;
            if (allowed == m[i].length) m[i] = null;
            else left++;
        }
        return left == 0 ? 0 : 1;
    }

    static ParetoFrontier compute(List<HyperRectangleUtility> ufs, List<RedLine> redLines, int listLimit, long nodeLimit)
            throws AnalysisLimitException {
        return compute(ufs, redLines, listLimit, nodeLimit, WorkBudget.UNLIMITED);
    }

    static ParetoFrontier compute(List<HyperRectangleUtility> ufs, List<RedLine> redLines, int listLimit, long nodeLimit,
                                  WorkBudget budget) throws AnalysisLimitException {
        HyperRectangleFrontier f = new HyperRectangleFrontier(ufs, redLines, listLimit, nodeLimit);
        f.budget = budget;
        return f.run();
    }

    /**
     * What one search did, counted: the same on every machine and run (the search is deterministic),
     * unlike its time, so tests and measurements of the pruning read these.
     *
     * @param nodes      components solved by branching (not served from the cache)
     * @param cacheHits  components served from the cache
     * @param branches   branches (classes of options of a branched issue) entered
     * @param cut        branches cut whole by their bound
     * @param bounds     Lagrangian bounds tightened (the dominant cost of a node)
     * @param candidates partial sums handed to the non-dominated filter
     */
    record Counts(long nodes, long cacheHits, long branches, long cut, long bounds, long candidates) {
        static final int KINDS = 6;
        private static final int NODES = 0, HITS = 1, BRANCHES = 2, CUT = 3, BOUNDS = 4, CANDIDATES = 5;

        private static Counts of(long[] c) {
            return new Counts(c[NODES], c[HITS], c[BRANCHES], c[CUT], c[BOUNDS], c[CANDIDATES]);
        }
    }

    /** The frontier {@link #compute} finds, with the counts of the search that found it. */
    record Counted(ParetoFrontier frontier, Counts counts) { }

    /** {@link #compute} without a budget, counting the search's work. */
    static Counted counted(List<HyperRectangleUtility> ufs, List<RedLine> redLines, int listLimit, long nodeLimit)
            throws AnalysisLimitException {
        HyperRectangleFrontier f = new HyperRectangleFrontier(ufs, redLines, listLimit, nodeLimit);
        ParetoFrontier frontier = f.run();
        return new Counted(frontier, Counts.of(f.counted));
    }

    private ParetoFrontier run() throws AnalysisLimitException {
        if (hopeless) return new ParetoFrontier(n, List.of());
        double[] bound = new double[n];
        for (int k = 0; k < n; k++) bound[k] = Math.abs(base[k]);
        for (int r = 0; r < owner.length; r++) if (owner[r] >= 0) bound[owner[r]] += Math.abs(value[r]);
        margin = Dominance.margins(bound);
        Point[] uncapped = root(0, null, new FrontierSeeds(n, sizes, owner, value, allows, rectIssues, rectsOfIssue, base).find()).points();
        if (uncapped.length == 0) return new ParetoFrontier(n, List.of());
        // parties whose sum can pass their cap (beyond rounding)
        int binding = 0;
        for (int k = 0; k < n; k++) {
            // capping changes what the party's utility rounds to (Dominance.key)
            for (Point p : uncapped) if (p.u()[k] > cap[k] && Dominance.key(p.u()[k]) != Dominance.key(cap[k])) binding |= 1 << k;
        }
        List<Point> out = new ArrayList<>();
        if (binding == 0) {
            for (Point p : uncapped) out.add(new Point(capped(p.u()), p.count(), p.patterns()));
            return result(out);
        }
        // the capped frontier's points are the capped uncapped points that stay non-dominated
        double[] flat = new double[uncapped.length * n];
        for (int q = 0; q < uncapped.length; q++) System.arraycopy(capped(uncapped[q].u()), 0, flat, q * n, n);
        Map<Integer, List<double[]>> targets = new LinkedHashMap<>();
        for (int[] g : Dominance.nondominated(flat, n, uncapped.length, 0, budget)) {
            double[] y = Arrays.copyOfRange(flat, g[0] * n, g[0] * n + n);
            int sat = 0;
            for (int k = 0; k < n; k++) {
                if ((binding >> k & 1) != 0 && Dominance.key(y[k]) == Dominance.key(cap[k])) sat |= 1 << k;
            }
            if (sat == 0) {
                // no party capped: exactly the outcomes of the uncapped point tie here
                List<Point> members = new ArrayList<>();
                for (int m : g) members.add(uncapped[m]);
                out.add(PartialFrontier.merged(y, members, listLimit));
            } else {
                targets.computeIfAbsent(sat, s -> new ArrayList<>()).add(y);
            }
        }
        for (Map.Entry<Integer, List<double[]>> e : targets.entrySet()) {
            int sat = e.getKey();
            for (double[] y : e.getValue()) {
                double[] corner = y.clone();
                for (int k = 0; k < n; k++) if ((sat >> k & 1) != 0) corner[k] = cap[k];
                List<Point> members = new ArrayList<>();
                List<double[]> known = new ArrayList<>();
                for (Point p : uncapped) known.add(p.u());
                for (Point p : root(sat, corner, known).points()) if (reaches(p.u(), y, sat)) members.add(p);
                out.add(PartialFrontier.merged(y, members, listLimit));
            }
        }
        return result(out);
    }

    private double[] capped(double[] u) {
        double[] c = u.clone();
        for (int k = 0; k < n; k++) c[k] = Math.min(cap[k], c[k]);
        return c;
    }

    /** Whether uncapped sums {@code u} tie at capped point {@code y} with the parties {@code sat} capped. */
    private boolean reaches(double[] u, double[] y, int sat) {
        for (int k = 0; k < n; k++) {
            if (Dominance.key(Math.min(u[k], cap[k])) != Dominance.key(y[k])) return false;
        }
        return true;
    }

    /**
     * The frontier of the whole outcome space (base utilities included). {@code mode} is a bit set
     * of parties whose gains do not count for dominance; with a {@code corner}, only sums that can
     * reach it on every party are kept; sums that {@code known} (sums of real outcomes, or points no
     * kept sum can be dominated by) strictly dominates are cut.
     */
    private Front root(int mode, double[] corner, List<double[]> known) throws AnalysisLimitException {
        int[] all = new int[issues];
        for (int i = 0; i < issues; i++) all[i] = i;
        List<Part> parts = new ArrayList<>();
        BigInteger[] mult = {BigInteger.ONE};
        long[] cover = {1};
        split(all, parts, mult, cover);
        Front f = unit(base.clone(), mult[0], new Pattern(-1, null, null, null, cover[0]));
        int p = parts.size();
        double[][] restBeta = new double[p + 1][];
        double[][] restLow = new double[p + 1][];
        restBeta[p] = new double[dirs.length];
        restLow[p] = new double[n];
        for (int j = p - 1; j >= 0; j--) {
            clear(parts.get(j), 0);
            restBeta[j] = plus(restBeta[j + 1], tighten(parts.get(j), 0, ROOT_SWEEPS));
            restLow[j] = plus(restLow[j + 1], lowerBound(parts.get(j)));
        }
        DominatedRegion shadow = new DominatedRegion(n, dirs, lattice, known, mode);
        Target whole = corner == null ? null : new Target(corner, new double[dirs.length], new double[n]);
        for (int j = 0; j < p && f.points().length > 0; j++) {
            double[] ub = restBeta[j + 1];
            double[] lb = restLow[j + 1];
            double[] sigma = plus(support(f), ub);
            Target target = whole == null ? null : whole.within(sigma, plus(lowest(f), lb));
            Front g = solve(parts.get(j), mode, new Context(shadow, sigma, target), 0, true);
            f = combine(f, g, mode, whole == null ? null : u -> misses(whole, plus(support(u), ub), plus(u, lb)));
        }
        return f;
    }

    /** Pruning test for partial sums during a merge: true to drop the candidate. */
    private interface Cut {
        boolean test(double[] u);
    }

    private static double[] plus(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int k = 0; k < a.length; k++) c[k] = a[k] + b[k];
        return c;
    }

    /** λ·u for every bound direction. */
    private double[] support(double[] u) {
        double[] s = new double[dirs.length];
        for (int d = 0; d < dirs.length; d++) {
            double x = 0;
            for (int k = 0; k < n; k++) x += dirs[d][k] * u[k];
            s[d] = x;
        }
        return s;
    }

    /** The smallest utility of each party over the points. */
    private double[] lowest(Front f) {
        double[] s = new double[n];
        Arrays.fill(s, Double.POSITIVE_INFINITY);
        for (Point p : f.points()) for (int k = 0; k < n; k++) s[k] = Math.min(s[k], p.u()[k]);
        return s;
    }

    /** The largest λ·u over the points, for every bound direction. */
    private double[] support(Front f) {
        double[] s = new double[dirs.length];
        Arrays.fill(s, Double.NEGATIVE_INFINITY);
        for (Point p : f.points()) {
            double[] x = support(p.u());
            for (int d = 0; d < s.length; d++) s[d] = Math.max(s[d], x[d]);
        }
        return s;
    }

    private Front unit(double[] u, BigInteger count, Pattern pattern) {
        return new Front(new Point[] {new Point(u, count, listLimit > 0 ? new Pattern[] {pattern} : new Pattern[0])});
    }

    /**
     * Splits free issues into components linked by open rectangles. Issues no open rectangle names
     * multiply {@code mult[0]} (and {@code cover[0]}, saturating) by their sizes.
     */
    private void split(int[] free, List<Part> parts, BigInteger[] mult, long[] cover) {
        stamp++;
        int[] parent = new int[issues];
        boolean[] linked = new boolean[issues];
        int[] open = new int[owner.length];
        int opens = 0;
        for (int i : free) parent[i] = i;
        for (int i : free) {
            for (int r : rectsOfIssue[i]) {
                if (violated[r] || mark[r] == stamp) continue;
                mark[r] = stamp;
                open[opens++] = r;
                int first = -1;
                for (int j : rectIssues[r]) {
                    if (fixed[j]) continue;
                    linked[j] = true;
                    if (first < 0) first = j;
                    else union(parent, first, j);
                }
            }
        }
        long m = 1;
        BigInteger big = BigInteger.ONE;
        int[] slot = new int[issues];
        Arrays.fill(slot, -1);
        int comps = 0;
        int[] issueCount = new int[free.length];
        for (int i : free) {
            if (!linked[i]) {
                m = times(m, sizes[i]);
                big = big.multiply(BigInteger.valueOf(sizes[i]));
                continue;
            }
            int root = find(parent, i);
            if (slot[root] < 0) slot[root] = comps++;
            issueCount[slot[root]]++;
        }
        int[][] compIssues = new int[comps][];
        for (int c = 0; c < comps; c++) compIssues[c] = new int[issueCount[c]];
        int[] fill = new int[comps];
        for (int i : free) {
            if (linked[i]) {
                int c = slot[find(parent, i)];
                compIssues[c][fill[c]++] = i;
            }
        }
        int[] rectSlot = new int[opens];
        int[] rectCount = new int[comps];
        for (int q = 0; q < opens; q++) {
            int r = open[q];
            for (int j : rectIssues[r]) {
                if (!fixed[j]) {
                    rectSlot[q] = slot[find(parent, j)];
                    break;
                }
            }
            rectCount[rectSlot[q]]++;
        }
        int[][] compRects = new int[comps][];
        for (int c = 0; c < comps; c++) compRects[c] = new int[rectCount[c]];
        Arrays.fill(fill, 0);
        for (int q = 0; q < opens; q++) compRects[rectSlot[q]][fill[rectSlot[q]]++] = open[q];
        for (int c = 0; c < comps; c++) parts.add(new Part(compIssues[c], compRects[c]));
        if (mult != null) {
            mult[0] = mult[0].multiply(big);
            cover[0] = times(cover[0], m);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) parent[ra] = rb;
    }

    private static long times(long a, long b) {
        long c = a * b;
        return Math.multiplyHigh(a, b) != 0 || c < 0 ? Long.MAX_VALUE : c;
    }

    private Key key(Part part, int mode) {
        long[] bits = new long[keyWords];
        for (int i : part.issues) bits[i >>> 6] |= 1L << i;
        for (int r : part.rects) bits[issueWords + (r >>> 6)] |= 1L << r;
        return new Key(bits, mode);
    }

    /**
     * Copies the messages of the part's open rectangles on its free issues from the buffer of one
     * depth to the next: a sub-problem starts from its parent's converged dual.
     */
    private void inherit(Part part, int from, int to) {
        double[] src = dual(from);
        double[] dst = dual(to);
        for (int r : part.rects) {
            if (!scored[r]) continue;
            for (int q = 0; q < rectIssues[r].length; q++) {
                int i = rectIssues[r][q];
                if (fixed[i]) continue;
                for (int d = 0; d < dirs.length; d++) {
                    System.arraycopy(src, d * slots + slot[r][q], dst, d * slots + slot[r][q], sizes[i]);
                }
            }
        }
    }

    private double[] dual(int depth) {
        if (depth >= duals.length) duals = Arrays.copyOf(duals, depth * 2);
        if (duals[depth] == null) duals[depth] = new double[dirs.length * slots];
        return duals[depth];
    }

    /** Tightens the part's messages at a depth; remembers the tightest bound met for its state. */
    private double[] bounded(Part part, int depth) throws AnalysisLimitException {
        double[] beta = tighten(part, depth, CHILD_SWEEPS);
        Key key = key(part, 0);
        double[] old = betas.get(key);
        if (old != null) for (int d = 0; d < beta.length; d++) beta[d] = Math.min(beta[d], old[d]);
        betas.put(key, beta);
        return beta;
    }

    /** Zero messages for the part's rectangles at a depth (a fresh dual). */
    private void clear(Part part, int depth) {
        double[] buf = dual(depth);
        for (int r : part.rects) {
            if (!scored[r]) continue;
            for (int q = 0; q < rectIssues[r].length; q++) {
                for (int d = 0; d < dirs.length; d++) Arrays.fill(buf, d * slots + slot[r][q], d * slots + slot[r][q] + sizes[rectIssues[r][q]], 0);
            }
        }
    }

    /**
     * The bound β of a component, from a Lagrangian dual of its rectangles: each rectangle sends
     * every free issue it constrains a message (a value per option); an outcome earns at most, per
     * issue, the messages of its option, plus per rectangle what its value exceeds its messages by.
     * Any messages give a valid bound; {@code sweeps} rounds of MPLP block-coordinate descent
     * (Globerson and Jaakkola) tighten them, starting from the messages already in the buffer. The
     * charging bound is the special case that sends a rectangle's whole value to one issue.
     */
    private double[] tighten(Part part, int depth, int sweeps) throws AnalysisLimitException {
        counted[Counts.BOUNDS]++;
        step((long) part.rects.length * Math.max(1, sweeps));   // the dominant cost of a node
        double[] buf = dual(depth);
        int dn = dirs.length;
        double[][][] belief = beliefs;
        for (int d = 0; d < dn; d++) for (int i : part.issues) Arrays.fill(belief[d][i], 0);
        for (int r : part.rects) {
            if (!scored[r]) continue;
            for (int q = 0; q < rectIssues[r].length; q++) {
                int i = rectIssues[r][q];
                if (fixed[i]) continue;
                for (int d = 0; d < dn; d++) {
                    int off = d * slots + slot[r][q];
                    double[] b = belief[d][i];
                    for (int v = 0; v < b.length; v++) b[v] += buf[off + v];
                }
            }
        }
        for (int round = 0; round < sweeps; round++) {
            for (int r : part.rects) {
                if (!scored[r]) continue;
                for (int d = 0; d < dn; d++) update(r, d, buf, belief[d]);
            }
        }
        // right after its update a rectangle's value exceeds its messages by nothing (MPLP moves
        // all of it), so the bound is the issues' best messages, plus rounding slack
        double slack = 1e-14 * (1 + part.rects.length);
        double[] beta = new double[dn];
        for (int d = 0; d < dn; d++) {
            double total = slack;
            for (int i : part.issues) {
                double best = Double.NEGATIVE_INFINITY;
                for (double x : belief[d][i]) best = Math.max(best, x);
                total += best;
            }
            beta[d] = sweeps > 0 ? total : total + excess(part, d, buf);
        }
        for (int d = 0; d < dn; d++) {
            // sums over the part's rectangles lie on a lattice: round the bound down to it
            if (unit[d] > 0) beta[d] = unit[d] * Math.floor(beta[d] / unit[d] + 1e-9);
        }
        return beta;
    }

    /** What the part's rectangles' values exceed their messages by, at most (zero right after an update). */
    private double excess(Part part, int d, double[] buf) {
        double total = 0;
        for (int r : part.rects) if (scored[r]) total += excess(r, d, buf);
        return total;
    }

    /** One MPLP star update: rectangle r re-spreads its value and its issues' other messages evenly. */
    private void update(int r, int d, double[] buf, double[][] belief) {
        int[] is = rectIssues[r];
        double c = dirs[d][owner[r]] * value[r];
        int m = 0;
        double sumIn = 0;
        double sumAll = 0;
        for (int q = 0; q < is.length; q++) {
            int i = is[q];
            if (fixed[i]) continue;
            m++;
            int off = d * slots + slot[r][q];
            double[] b = belief[i];
            double[] x = scratch[q];
            double in = Double.NEGATIVE_INFINITY;
            double all = Double.NEGATIVE_INFINITY;
            boolean[] a = allows[r][i];
            for (int v = 0; v < b.length; v++) {
                x[v] = b[v] - buf[off + v];
                all = Math.max(all, x[v]);
                if (a[v]) in = Math.max(in, x[v]);
            }
            maxIn[q] = in;
            maxAll[q] = all;
            sumIn += in;
            sumAll += all;
        }
        for (int q = 0; q < is.length; q++) {
            int i = is[q];
            if (fixed[i]) continue;
            int off = d * slots + slot[r][q];
            double[] b = belief[i];
            double[] x = scratch[q];
            double in = c + sumIn - maxIn[q];
            double all = sumAll - maxAll[q];
            boolean[] a = allows[r][i];
            for (int v = 0; v < b.length; v++) {
                double mv = a[v] ? Math.max(in, all) : all;
                double next = -x[v] + (x[v] + mv) / m;
                b[v] += next - buf[off + v];
                buf[off + v] = next;
            }
        }
    }

    /** The most rectangle r's value, if earned, exceeds the messages it sent (over its free issues). */
    private double excess(int r, int d, double[] buf) {
        int[] is = rectIssues[r];
        double c = dirs[d][owner[r]] * value[r];
        double sumIn = 0;
        double sumAll = 0;
        for (int q = 0; q < is.length; q++) {
            int i = is[q];
            if (fixed[i]) continue;
            int off = d * slots + slot[r][q];
            double in = Double.POSITIVE_INFINITY;
            double out = Double.POSITIVE_INFINITY;
            double all = Double.POSITIVE_INFINITY;
            boolean[] a = allows[r][i];
            for (int v = 0; v < a.length; v++) {
                double x = buf[off + v];
                all = Math.min(all, x);
                if (a[v]) in = Math.min(in, x);
                else out = Math.min(out, x);
            }
            maxIn[q] = out;     // reused as scratch: smallest message outside the box
            maxAll[q] = all;
            sumIn += in;
            sumAll += all;
        }
        double best = c - sumIn;                      // inside the box
        for (int q = 0; q < is.length; q++) {         // outside the box on issue q
            if (fixed[is[q]]) continue;
            best = Math.max(best, -maxIn[q] - (sumAll - maxAll[q]));
        }
        return best;
    }

    /** The issue whose open rectangles (and red lines) weigh the most: fixing it settles the most. */
    private int branchIssue(Part part) {
        int issue = -1;
        double most = -1;
        for (int i : part.issues) {
            double weight = 0;
            for (int r : rectsOfIssue[i]) if (!violated[r]) weight += Math.abs(value[r]) + 1e-9;
            if (weight > most) {
                most = weight;
                issue = i;
            }
        }
        return issue;
    }

    private int[] liveRects(int issue) {
        return Arrays.stream(rectsOfIssue[issue]).filter(r -> !violated[r]).toArray();
    }

    private static int[] without(int[] set, int x) {
        int[] out = new int[set.length - 1];
        int at = 0;
        for (int i : set) if (i != x) out[at++] = i;
        return out;
    }

    /** A lower bound on each party's utility within a component: every negative rectangle earned. */
    private double[] lowerBound(Part part) {
        double[] u = new double[n];
        for (int r : part.rects) if (owner[r] >= 0 && value[r] < 0) u[owner[r]] += value[r];
        return u;
    }

    private void step(long amount) throws AnalysisLimitException {
        budget.charge(amount);
        work += amount;
        if (work > workLimit) {
            throw new AnalysisLimitException("The exact frontier search of these hyper-rectangle utilities passed "
                    + workLimit + " search steps without finishing");
        }
    }

    /**
     * The frontier of one component (utilities of its open rectangles only), without the points its
     * context makes useless. Cached by state; a cached answer serves any context that cuts at least
     * as much.
     */
    private Front solve(Part part, int mode, Context context, int depth, boolean ready) throws AnalysisLimitException {
        Key key = key(part, mode);
        List<Entry> known = cache.computeIfAbsent(key, k -> new ArrayList<>(1));
        for (Entry e : known) {
            if (covers(context, e.context)) {
                counted[Counts.HITS]++;
                return e.front;
            }
        }
        counted[Counts.NODES]++;
        if (!ready) {
            inherit(part, depth - 1, depth);
            bounded(part, depth);
        }
        int issue = branchIssue(part);
        int[] live = liveRects(issue);
        List<int[]> classes = optionClasses(issue, live);
        int[] rest = without(part.issues, issue);
        // the context seen from this component's own sums (its directions reduced to a shift)
        DominatedRegion outer = context.shadow.shifted(Arrays.copyOf(context.sigma, n)).above(lowerBound(part));
        PartialFrontier acc = new PartialFrontier(n, mode, listLimit, margin, budget);
        fixed[issue] = true;
        for (int[] cls : classes) {
            step(1);
            int v0 = cls[0];
            double[] delta = new double[n];
            boolean crossed = false;
            for (int r : live) {
                if (!allows[r][issue][v0]) {
                    violated[r] = true;
                } else if (--remaining[r] == 0) {
                    if (owner[r] < 0) crossed = true;
                    else delta[owner[r]] += value[r];
                }
            }
            if (!crossed) branch(rest, delta, issue, cls, mode, acc, outer, context, depth);
            for (int r : live) {
                if (!allows[r][issue][v0]) violated[r] = false;
                else remaining[r]++;
            }
        }
        fixed[issue] = false;
        List<Point> kept = new ArrayList<>(acc.points().size());
        for (Point p : acc.points()) {
            if (context.shadow.excludes(plus(support(p.u()), context.sigma), null)) continue;
            if (misses(context.target, support(p.u()), p.u())) continue;
            kept.add(p);
        }
        Front result = new Front(kept.toArray(new Point[0]));
        known.clear();      // one answer per state: keeping several served few more contexts
        known.add(new Entry(result, context));
        return result;
    }

    /** The issue's options grouped by the open rectangles that allow them, most promising class first. */
    private List<int[]> optionClasses(int issue, int[] live) {
        Map<String, List<Integer>> classes = new LinkedHashMap<>();
        for (int v = 0; v < sizes[issue]; v++) {
            StringBuilder sig = new StringBuilder(live.length);
            for (int r : live) sig.append(allows[r][issue][v] ? '1' : '0');
            classes.computeIfAbsent(sig.toString(), s -> new ArrayList<>()).add(v);
        }
        List<int[]> order = new ArrayList<>();
        List<Double> loss = new ArrayList<>();
        for (List<Integer> cls : classes.values()) {
            int v0 = cls.get(0);
            double lost = 0;
            for (int r : live) if (!allows[r][issue][v0] && value[r] > 0) lost += value[r];
            order.add(cls.stream().mapToInt(Integer::intValue).toArray());
            loss.add(lost);
        }
        Integer[] idx = new Integer[order.size()];
        for (int j = 0; j < idx.length; j++) idx[j] = j;
        Arrays.sort(idx, (a, b) -> Double.compare(loss.get(a), loss.get(b)));
        List<int[]> sorted = new ArrayList<>();
        for (int j : idx) sorted.add(order.get(j));
        return sorted;
    }

    /** Whether context {@code now} cuts at least what {@code then} did. */
    private boolean covers(Context now, Context then) {
        if (then.target != null) {
            if (!Arrays.equals(now.target.corner, then.target.corner)) return false;
            for (int d = 0; d < dirs.length; d++) if (now.target.sigma[d] > then.target.sigma[d] + EPS) return false;
            for (int k = 0; k < n; k++) if (now.target.tau[k] < then.target.tau[k] - EPS) return false;
        }
        if (then.shadow.isEmpty()) return true;
        for (int d = 0; d < dirs.length; d++) if (now.sigma[d] > then.sigma[d] + EPS) return false;
        return now.shadow.covers(then.shadow);
    }

    /**
     * One branch of a component: the settled rectangles' {@code delta} plus the sum of the
     * sub-components. {@code outer} is the enclosing context in this component's coordinates.
     */
    private void branch(int[] rest, double[] delta, int issue, int[] cls, int mode, PartialFrontier acc, DominatedRegion outer,
                        Context context, int depth) throws AnalysisLimitException {
        counted[Counts.BRANCHES]++;
        Target target = context.target;
        List<Part> parts = new ArrayList<>();
        BigInteger[] mult = {BigInteger.valueOf(cls.length)};
        long[] cover = {cls.length};
        split(rest, parts, mult, cover);
        int p = parts.size();
        double[][] bounds = new double[p][];
        double[][] lows = new double[p][];
        boolean[] ready = new boolean[p];   // messages derived at depth + 1 (else derived when solved)
        for (int j = 0; j < p; j++) {
            bounds[j] = betas.get(key(parts.get(j), 0));
            if (bounds[j] == null) {
                inherit(parts.get(j), depth, depth + 1);
                bounds[j] = bounded(parts.get(j), depth + 1);
                ready[j] = true;
            }
            lows[j] = lowerBound(parts.get(j));
        }
        Integer[] order = new Integer[p];
        for (int j = 0; j < p; j++) order[j] = j;
        // small parts first: their points sharpen the cuts on the larger ones
        Arrays.sort(order, (a, b) -> Integer.compare(parts.get(a).issues.length, parts.get(b).issues.length));
        double[][] restBeta = new double[p + 1][];
        double[][] restLow = new double[p + 1][];
        restBeta[p] = new double[dirs.length];
        restLow[p] = new double[n];
        for (int j = p - 1; j >= 0; j--) {
            restBeta[j] = plus(restBeta[j + 1], bounds[order[j]]);
            restLow[j] = plus(restLow[j + 1], lows[order[j]]);
        }
        DominatedRegion around = outer.with(acc.points().stream().map(Point::u).toList());
        if (around.excludes(plus(support(delta), restBeta[0]), plus(delta, restLow[0]))
                || misses(target, plus(support(delta), restBeta[0]), plus(delta, restLow[0]))) {
            counted[Counts.CUT]++;
            return;
        }
        Front f = unit(delta, mult[0], new Pattern(issue, cls, null, null, cover[0]));
        for (int j = 0; j < p && f.points().length > 0; j++) {
            double[] ub = restBeta[j + 1];
            double[] lb = restLow[j + 1];
            Part part = parts.get(order[j]);
            double[] sigma = plus(support(f), ub);
            Target inner = target == null ? null : target.within(sigma, plus(lowest(f), lb));
            Front g = solve(part, mode, new Context(around, sigma, inner), depth + 1, ready[order[j]]);
            f = combine(f, g, mode, u -> around.excludes(plus(support(u), ub), plus(u, lb))
                    || misses(target, plus(support(u), ub), plus(u, lb)));
        }
        if (f.points().length > 0) counted[Counts.CANDIDATES] += acc.points().size() + f.points().length;
        acc.add(f);
    }

    /**
     * The non-dominated Minkowski sum of two partial frontiers over disjoint issues, without the
     * sums {@code cut} rejects.
     */
    private Front combine(Front f, Front g, int mode, Cut cut) throws AnalysisLimitException {
        int m = f.points().length * g.points().length;
        step(m);
        double[] u = new double[m * n];
        int[] from = new int[m];
        int c = 0;
        double[] s = new double[n];
        for (int a = 0; a < f.points().length; a++) {
            double[] fa = f.points()[a].u();
            for (int b = 0; b < g.points().length; b++) {
                double[] gb = g.points()[b].u();
                for (int k = 0; k < n; k++) s[k] = fa[k] + gb[k];
                if (cut != null && cut.test(s)) continue;
                System.arraycopy(s, 0, u, c * n, n);
                from[c++] = a * g.points().length + b;
            }
        }
        counted[Counts.CANDIDATES] += c;
        int[][] groups = Dominance.nondominatedPartial(u, n, c, mode, margin, budget);
        Point[] out = new Point[groups.length];
        for (int q = 0; q < groups.length; q++) {
            BigInteger count = BigInteger.ZERO;
            List<Pattern> pats = new ArrayList<>();
            long covered = 0;
            for (int member : groups[q]) {
                Point x = f.points()[from[member] / g.points().length];
                Point y = g.points()[from[member] % g.points().length];
                count = count.add(x.count().multiply(y.count()));
                for (Pattern px : x.patterns()) {
                    for (Pattern py : y.patterns()) {
                        if (covered >= listLimit || pats.size() >= listLimit) break;
                        Pattern joined = new Pattern(-1, null, px, py, times(px.cover(), py.cover()));
                        pats.add(joined);
                        covered = Math.min(Long.MAX_VALUE - 1, covered) + Math.min(joined.cover(), listLimit);
                    }
                }
            }
            int rep = groups[q][0];
            out[q] = new Point(Arrays.copyOfRange(u, rep * n, rep * n + n), count, pats.toArray(new Pattern[0]));
        }
        return new Front(out);
    }

    private ParetoFrontier result(List<Point> points) {
        double[] flat = new double[points.size() * n];
        for (int q = 0; q < points.size(); q++) System.arraycopy(points.get(q).u(), 0, flat, q * n, n);
        int[][] order = Dominance.nondominated(flat, n, points.size(), budget);
        List<FrontierPoint> out = new ArrayList<>();
        for (int[] group : order) {
            Point p = points.get(group[0]);
            BigInteger count = BigInteger.ZERO;
            List<int[]> listed = new ArrayList<>();
            for (int g : group) {
                Point x = points.get(g);
                count = count.add(x.count());
                for (Pattern pattern : x.patterns()) {
                    int[][] assigned = new int[issues][];
                    assign(pattern, assigned);
                    expand(assigned, 0, new int[issues], listed);
                }
            }
            out.add(new FrontierPoint(p.u(), count, listed));
        }
        return new ParetoFrontier(n, out);
    }

    private static void assign(Pattern p, int[][] assigned) {
        if (p == null) return;
        if (p.issue() >= 0) assigned[p.issue()] = p.options();
        assign(p.a(), assigned);
        assign(p.b(), assigned);
    }

    private void expand(int[][] pattern, int i, int[] outcome, List<int[]> listed) {
        if (listed.size() >= listLimit) return;
        if (i == issues) {
            listed.add(outcome.clone());
            return;
        }
        if (pattern[i] == null) {
            for (int v = 0; v < sizes[i] && listed.size() < listLimit; v++) {
                outcome[i] = v;
                expand(pattern, i + 1, outcome, listed);
            }
        } else {
            for (int v : pattern[i]) {
                if (listed.size() >= listLimit) return;
                outcome[i] = v;
                expand(pattern, i + 1, outcome, listed);
            }
        }
    }
}
