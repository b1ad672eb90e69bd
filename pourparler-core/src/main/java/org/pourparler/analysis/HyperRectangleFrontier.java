package org.pourparler.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pourparler.model.Domain;
import org.pourparler.model.HyperRectangleUtility;
import org.pourparler.model.RedLine;

/**
 * The exact Pareto frontier of summed hyper-rectangle utilities (ANAC 2014) without enumerating the
 * outcome space: a branch and bound over issues. A node fixes some issues; every rectangle is then
 * violated, satisfied, or still open, which bounds each party's utility from above (open positive
 * rectangles might still be earned). A node whose bound is dominated by the frontier found so far
 * is cut. Once no rectangle is open, every completion of the node has the same utilities, so the
 * node counts as one point with the product of the free issues' sizes as its tie count. Options of
 * an issue that no open rectangle tells apart are branched on together.
 */
final class HyperRectangleFrontier {
    private final Domain domain;
    private final int n;
    private final int issues;
    private final int[] owner;
    private final double[] value;
    private final boolean[][][] allows;      // [rect][issue] -> allowed options, null when unconstrained
    private final int[][] rectsOfIssue;      // rectangles constraining each issue
    private final int[] remaining;            // constrained issues of each rectangle not yet fixed
    private final boolean[] violated;
    private final double[] open;              // per party: sum of positive values of non-violated rectangles
    private final double[] fixedNegative;     // per party: negative values of satisfied rectangles
    private final double[] base;              // per party: rectangles with no constraints
    private final double[] cap;               // per party: the largest utility (GENIUS caps at 1)
    private final int[][] chosen;             // per issue: the options of the branch taken, null when free
    private final double[][] charge;          // scratch for bound(): per issue, option x party
    private final int listLimit;
    private final List<Point> frontier = new ArrayList<>();
    private final long nodeLimit;
    private long nodes;

    private static final class Point {
        final double[] u;
        BigInteger count;
        final List<int[][]> patterns = new ArrayList<>();

        Point(double[] u, BigInteger count) {
            this.u = u;
            this.count = count;
        }
    }

    private HyperRectangleFrontier(List<HyperRectangleUtility> ufs, List<RedLine> redLines, int listLimit, long nodeLimit)
            throws AnalysisLimitException {
        this.domain = ufs.get(0).domain();
        this.n = ufs.size();
        this.issues = domain.issueCount();
        this.listLimit = listLimit;
        this.nodeLimit = nodeLimit;
        List<Integer> owners = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<boolean[][]> masks = new ArrayList<>();
        base = new double[n];
        cap = new double[n];
        for (int k = 0; k < n; k++) {
            HyperRectangleUtility u = ufs.get(k);
            cap[k] = u.cap();
            if (u.aggregation() != HyperRectangleUtility.Aggregation.SUM) {
                throw new AnalysisLimitException("The exact frontier of hyper-rectangle utilities supports summed rectangles;"
                        + " party " + (k + 1) + " aggregates by " + u.aggregation());
            }
            for (HyperRectangleUtility.Rectangle r : u.rectangles()) {
                boolean[][] m = new boolean[issues][];
                for (HyperRectangleUtility.Bound b : r.includes()) restrict(m, b, true);
                for (HyperRectangleUtility.Bound b : r.excludes()) restrict(m, b, false);
                double c = r.utility() * u.scale();
                if (Arrays.stream(m).allMatch(x -> x == null)) {
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
                m[c.issue()] = new boolean[domain.issue(c.issue()).size()];
                for (int v : c.options()) m[c.issue()][v] = true;
            }
            owners.add(-1);
            values.add(0.0);
            masks.add(m);
        }
        int rects = owners.size();
        owner = owners.stream().mapToInt(Integer::intValue).toArray();
        value = values.stream().mapToDouble(Double::doubleValue).toArray();
        allows = masks.toArray(new boolean[0][][]);
        remaining = new int[rects];
        violated = new boolean[rects];
        open = new double[n];
        fixedNegative = new double[n];
        List<List<Integer>> byIssue = new ArrayList<>();
        for (int i = 0; i < issues; i++) byIssue.add(new ArrayList<>());
        for (int r = 0; r < rects; r++) {
            for (int i = 0; i < issues; i++) {
                if (allows[r][i] != null) {
                    remaining[r]++;
                    byIssue.get(i).add(r);
                }
            }
            if (value[r] > 0) open[owner[r]] += value[r];
        }
        rectsOfIssue = new int[issues][];
        for (int i = 0; i < issues; i++) rectsOfIssue[i] = byIssue.get(i).stream().mapToInt(Integer::intValue).toArray();
        chosen = new int[issues][];
        charge = new double[issues][];
    }

    private void restrict(boolean[][] m, HyperRectangleUtility.Bound b, boolean include) {
        int size = domain.issue(b.issue()).size();
        if (m[b.issue()] == null) {
            m[b.issue()] = new boolean[size];
            Arrays.fill(m[b.issue()], true);
        }
        for (int v = 0; v < size; v++) {
            boolean in = v >= b.min() && v <= b.max();
            if (in != include) m[b.issue()][v] = false;
        }
    }

    static ParetoFrontier compute(List<HyperRectangleUtility> ufs, List<RedLine> redLines, int listLimit, long nodeLimit)
            throws AnalysisLimitException {
        HyperRectangleFrontier f = new HyperRectangleFrontier(ufs, redLines, listLimit, nodeLimit);
        f.search(f.undetermined());
        return f.result();
    }

    private int undetermined() {
        int c = 0;
        for (int r = 0; r < owner.length; r++) if (!violated[r] && remaining[r] > 0) c++;
        return c;
    }

    private void search(int undetermined) throws AnalysisLimitException {
        if (++nodes > nodeLimit) {
            throw new AnalysisLimitException("The exact frontier search of these hyper-rectangle utilities passed "
                    + nodeLimit + " search nodes without finishing");
        }
        double[] bound = undetermined == 0 ? exact() : bound();
        if (undetermined == 0) {
            record(bound);
            return;
        }
        if (dominated(bound)) return;
        // branch on the free issue that constrains the most open rectangles
        int issue = -1;
        int most = 0;
        for (int i = 0; i < issues; i++) {
            if (chosen[i] != null) continue;
            int c = 0;
            for (int r : rectsOfIssue[i]) if (!violated[r] && remaining[r] > 0) c++;
            if (c > most) { most = c; issue = i; }
        }
        int size = domain.issue(issue).size();
        int[] live = Arrays.stream(rectsOfIssue[issue]).filter(r -> !violated[r] && remaining[r] > 0).toArray();
        // options no open rectangle tells apart form one class
        Map<String, List<Integer>> classes = new LinkedHashMap<>();
        for (int v = 0; v < size; v++) {
            StringBuilder sig = new StringBuilder(live.length);
            for (int r : live) sig.append(allows[r][issue][v] ? '1' : '0');
            classes.computeIfAbsent(sig.toString(), s -> new ArrayList<>()).add(v);
        }
        List<int[]> order = new ArrayList<>();
        List<Double> gain = new ArrayList<>();
        for (List<Integer> cls : classes.values()) {
            int v0 = cls.get(0);
            double g = 0;
            for (int r : live) if (!allows[r][issue][v0] && value[r] > 0) g -= value[r];
            order.add(cls.stream().mapToInt(Integer::intValue).toArray());
            gain.add(g);
        }
        Integer[] idx = new Integer[order.size()];
        for (int j = 0; j < idx.length; j++) idx[j] = j;
        Arrays.sort(idx, (a, b) -> Double.compare(gain.get(b), gain.get(a)));
        for (int j : idx) {
            int[] cls = order.get(j);
            int v0 = cls[0];
            chosen[issue] = cls;
            int stillOpen = undetermined;
            for (int r : live) {
                if (!allows[r][issue][v0]) {
                    violated[r] = true;
                    if (value[r] > 0) open[owner[r]] -= value[r];
                    stillOpen--;
                } else if (--remaining[r] == 0) {
                    if (value[r] < 0) fixedNegative[owner[r]] += value[r];
                    stillOpen--;
                }
            }
            // (violated rectangles keep the count they had when violated: nothing to undo for them)
            if (!crossesRedLine(live)) search(stillOpen);
            for (int r : live) {
                if (!allows[r][issue][v0]) {
                    violated[r] = false;
                    if (value[r] > 0) open[owner[r]] += value[r];
                } else if (remaining[r]++ == 0) {
                    if (value[r] < 0) fixedNegative[owner[r]] -= value[r];
                }
            }
            chosen[issue] = null;
        }
    }

    /** The utilities of a node where no rectangle is open: the same for every completion. */
    private double[] exact() {
        double[] u = new double[n];
        for (int k = 0; k < n; k++) u[k] = Math.min(cap[k], base[k] + open[k] + fixedNegative[k]);
        return u;
    }

    /**
     * An upper bound on each party's utility below this node. Every open rectangle is charged to
     * one of its free issues; an outcome takes one option per issue, so on each free issue at most
     * the rectangles charged there that allow one common option can still be earned. Summing each
     * issue's best option bounds the open part far tighter than adding up every open rectangle.
     */
    private double[] bound() {
        double[] u = new double[n];
        for (int k = 0; k < n; k++) u[k] = base[k] + fixedNegative[k];
        int[] openPerIssue = new int[issues];
        for (int r = 0; r < owner.length; r++) {
            if (violated[r] || owner[r] < 0 || value[r] <= 0) continue;
            if (remaining[r] == 0) {
                u[owner[r]] += value[r];
                continue;
            }
            for (int i = 0; i < issues; i++) if (allows[r][i] != null && chosen[i] == null) openPerIssue[i]++;
        }
        for (int i = 0; i < issues; i++) {
            if (chosen[i] != null || openPerIssue[i] == 0) continue;
            if (charge[i] == null || charge[i].length < n * domain.issue(i).size()) charge[i] = new double[n * domain.issue(i).size()];
            else Arrays.fill(charge[i], 0.0);
        }
        boolean[] charged = new boolean[issues];
        for (int r = 0; r < owner.length; r++) {
            if (violated[r] || owner[r] < 0 || value[r] <= 0 || remaining[r] == 0) continue;
            int at = -1;
            for (int i = 0; i < issues; i++) {
                if (allows[r][i] != null && chosen[i] == null && (at < 0 || openPerIssue[i] > openPerIssue[at])) at = i;
            }
            charged[at] = true;
            boolean[] a = allows[r][at];
            double[] c = charge[at];
            int k = owner[r];
            for (int v = 0; v < a.length; v++) if (a[v]) c[v * n + k] += value[r];
        }
        for (int i = 0; i < issues; i++) {
            if (!charged[i]) continue;
            int size = domain.issue(i).size();
            for (int k = 0; k < n; k++) {
                double best = 0;
                for (int v = 0; v < size; v++) best = Math.max(best, charge[i][v * n + k]);
                u[k] += best;
            }
        }
        for (int k = 0; k < n; k++) u[k] = Math.min(cap[k], u[k]);
        return u;
    }

    /** Whether a red line (owner -1) among these rectangles is now fully matched. */
    private boolean crossesRedLine(int[] live) {
        for (int r : live) if (owner[r] < 0 && !violated[r] && remaining[r] == 0) return true;
        return false;
    }

    private boolean dominated(double[] bound) {
        for (Point p : frontier) {
            boolean better = false;
            boolean ok = true;
            for (int k = 0; k < n; k++) {
                double d = p.u[k] - bound[k];
                if (d < -Dominance.EPS) { ok = false; break; }
                if (d > Dominance.EPS) better = true;
            }
            if (ok && better) return true;
        }
        return false;
    }

    private void record(double[] u) {
        BigInteger count = BigInteger.ONE;
        for (int i = 0; i < issues; i++) {
            count = count.multiply(BigInteger.valueOf(chosen[i] == null ? domain.issue(i).size() : chosen[i].length));
        }
        for (int q = frontier.size() - 1; q >= 0; q--) {
            Point p = frontier.get(q);
            int c = compare(p.u, u);
            if (c == 0) {
                p.count = p.count.add(count);
                if (p.patterns.size() < listLimit) p.patterns.add(chosen.clone());
                return;
            }
            if (c == 1) return;
            if (c == -1) frontier.remove(q);
        }
        Point p = new Point(u.clone(), count);
        if (listLimit > 0) p.patterns.add(chosen.clone());
        frontier.add(p);
    }

    private static int compare(double[] a, double[] b) {
        boolean aBetter = false;
        boolean bBetter = false;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            if (d > Dominance.EPS) aBetter = true;
            else if (d < -Dominance.EPS) bBetter = true;
        }
        if (aBetter && bBetter) return 2;
        return aBetter ? 1 : bBetter ? -1 : 0;
    }

    private ParetoFrontier result() {
        double[] flat = new double[frontier.size() * n];
        for (int q = 0; q < frontier.size(); q++) System.arraycopy(frontier.get(q).u, 0, flat, q * n, n);
        int[][] order = Dominance.nondominated(flat, n, frontier.size());
        List<FrontierPoint> out = new ArrayList<>();
        for (int[] group : order) {
            Point p = frontier.get(group[0]);
            BigInteger count = BigInteger.ZERO;
            List<int[]> listed = new ArrayList<>();
            for (int g : group) {
                Point x = frontier.get(g);
                count = count.add(x.count);
                for (int[][] pattern : x.patterns) expand(pattern, 0, new int[issues], listed);
            }
            out.add(new FrontierPoint(p.u, count, listed));
        }
        return new ParetoFrontier(n, out);
    }

    private void expand(int[][] pattern, int i, int[] outcome, List<int[]> listed) {
        if (listed.size() >= listLimit) return;
        if (i == issues) {
            listed.add(outcome.clone());
            return;
        }
        if (pattern[i] == null) {
            for (int v = 0; v < domain.issue(i).size() && listed.size() < listLimit; v++) {
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
