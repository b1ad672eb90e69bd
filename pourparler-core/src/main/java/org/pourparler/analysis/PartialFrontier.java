package org.pourparler.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A partial frontier of the hyper-rectangle search ({@link HyperRectangleFrontier}): the points of
 * one component (or of the whole space) collected branch by branch, with the types that describe
 * them.
 *
 * <p>Algorithm. A point is a utility vector over the component's rectangles with the exact number
 * of outcomes behind it and a few {@link Pattern}s (trees fixing classes of options) that list some
 * of them. Each branch's front is added and the union is reduced at once by
 * {@link Dominance#nondominatedPartial}: sums that every completion leaves dominated go, exactly
 * equal sums merge into one point whose count is the sum of the counts and whose patterns are
 * pooled up to the list limit. Merging only exact equals keeps counts right however the enclosing
 * search adds the other components later.
 */
final class PartialFrontier {
    /**
     * A set of outcomes as a tree: a node fixes one issue to a class of options (issue -1: none)
     * and joins two subtrees over disjoint issues; issues no node names are free.
     * {@code cover} is how many outcomes of the node's sub-problem it stands for (saturating).
     */
    record Pattern(int issue, int[] options, Pattern a, Pattern b, long cover) { }

    /** A point of a partial frontier: utilities within its sub-problem, exact tie count, some patterns. */
    record Point(double[] u, BigInteger count, Pattern[] patterns) { }

    /** A partial frontier. */
    record Front(Point[] points) { }

    private final int n;
    private final int mode;
    private final int listLimit;
    private final double[] margin;
    private final WorkBudget budget;
    private final List<Point> points = new ArrayList<>();

    PartialFrontier(int n, int mode, int listLimit, double[] margin, WorkBudget budget) {
        this.n = n;
        this.mode = mode;
        this.listLimit = listLimit;
        this.margin = margin;
        this.budget = budget;
    }

    /** The points collected so far. */
    List<Point> points() { return points; }

    /** Adds a branch's front and keeps what can still be part of the frontier (exact ties merged). */
    void add(Front f) {
        if (f.points().length == 0) return;
        points.addAll(Arrays.asList(f.points()));
        int m = points.size();
        double[] u = new double[m * n];
        for (int q = 0; q < m; q++) System.arraycopy(points.get(q).u(), 0, u, q * n, n);
        int[][] groups = Dominance.nondominatedPartial(u, n, m, mode, margin, budget);
        List<Point> kept = new ArrayList<>(groups.length);
        for (int[] g : groups) {
            if (g.length == 1) {
                kept.add(points.get(g[0]));
                continue;
            }
            List<Point> members = new ArrayList<>();
            for (int x : g) members.add(points.get(x));
            kept.add(merged(points.get(g[0]).u(), members, listLimit));
        }
        points.clear();
        points.addAll(kept);
    }

    /** One point standing for several tied ones: counts add, patterns are pooled up to the list limit. */
    static Point merged(double[] u, List<Point> members, int listLimit) {
        BigInteger count = BigInteger.ZERO;
        List<Pattern> pats = new ArrayList<>();
        long covered = 0;
        for (Point p : members) {
            count = count.add(p.count());
            for (Pattern x : p.patterns()) {
                if (covered >= listLimit || pats.size() >= listLimit) break;
                pats.add(x);
                covered = Math.min(Long.MAX_VALUE - 1, covered) + Math.min(x.cover(), listLimit);
            }
        }
        return new Point(u.clone(), count, pats.toArray(new Pattern[0]));
    }
}
