package org.pourparler.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Seeds of the hyper-rectangle search ({@link HyperRectangleFrontier}): the utility sums of good
 * outcomes found by local search before the branch and bound starts, so that it can cut from its
 * first node.
 *
 * <p>Algorithm. For fixed weight vectors over the parties, coordinate ascent on the weighted sum
 * from fixed pseudo-random starts (one issue at a time, the option that raises the weighted sum
 * most, until no issue improves); then a Pareto local search: every one-issue change of an archived
 * outcome that no archived outcome dominates or ties joins the archive, which drops what it
 * dominates, within a budget of evaluations. Seeds are real outcomes, so the search cuts only what
 * they dominate: the answer never depends on them, only the work does (on the ANAC 2014 scenarios
 * they are most of the frontier already). Deterministic: the random starts have a fixed seed.
 */
final class FrontierSeeds {
    /** Weight vectors, random starts per weight, outcome evaluations of the Pareto search. */
    private static final int SEED_WEIGHTS = 32;
    private static final int SEED_STARTS = 32;
    private static final int SEED_EVALUATIONS = 100_000;

    private final int n;
    private final int issues;
    private final int[] sizes;
    private final int[] owner;
    private final double[] value;
    private final boolean[][][] allows;
    private final int[][] rectIssues;
    private final int[][] rectsOfIssue;
    private final double[] base;

    /**
     * The rectangles as the search holds them: owner (-1: red line), scaled value, allowed options,
     * constrained issues, rectangles per issue; base utilities per party.
     */
    FrontierSeeds(int n, int[] sizes, int[] owner, double[] value, boolean[][][] allows, int[][] rectIssues,
                  int[][] rectsOfIssue, double[] base) {
        this.n = n;
        this.issues = sizes.length;
        this.sizes = sizes;
        this.owner = owner;
        this.value = value;
        this.allows = allows;
        this.rectIssues = rectIssues;
        this.rectsOfIssue = rectsOfIssue;
        this.base = base;
    }

    /** An outcome (option per issue) with its uncapped sums. */
    private record Outcome(int[] x, double[] u) { }

    /**
     * Sums of good outcomes found by local search: coordinate ascent on weighted sums of the
     * parties' utilities from fixed pseudo-random starts, then a Pareto local search. They are real
     * outcomes, so they cut only what they strictly dominate: the answer does not depend on them,
     * only the work does (on the ANAC 2014 scenarios they are most of the frontier already).
     */
    List<double[]> find() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(0x5EED);
        int rects = owner.length;
        int[] x = new int[issues];
        int[] hits = new int[rects];
        int weights = n == 2 ? SEED_WEIGHTS : SEED_WEIGHTS * n;
        List<Outcome> found = new ArrayList<>();
        for (int w = 0; w < weights; w++) {
            double[] weight = new double[n];
            if (n == 2) {
                double angle = Math.PI / 2 * w / Math.max(1, weights - 1);
                weight[0] = Math.cos(angle);
                weight[1] = Math.sin(angle);
            } else {
                for (int k = 0; k < n; k++) weight[k] = w < n ? (k == w ? 1 : 0) : random.nextDouble();
            }
            for (int start = 0; start < SEED_STARTS; start++) {
                for (int i = 0; i < issues; i++) x[i] = random.nextInt(sizes[i]);
                Arrays.fill(hits, 0);
                for (int r = 0; r < rects; r++) for (int i : rectIssues[r]) if (allows[r][i][x[i]]) hits[r]++;
                climb(x, hits, weight);
                double[] u = evaluate(x);
                if (u != null) found.add(new Outcome(x.clone(), u));
            }
        }
        List<double[]> sums = new ArrayList<>();
        for (Outcome o : paretoLocalSearch(found)) sums.add(o.u());
        return sums;
    }

    /** Moves one issue at a time to its best option for the weighted sum (red lines forbidden) until none improves. */
    private void climb(int[] x, int[] hits, double[] weight) {
        boolean improved = true;
        for (int round = 0; improved && round < 50; round++) {
            improved = false;
            for (int i = 0; i < issues; i++) {
                int bestV = x[i];
                double bestGain = Dominance.EPS;
                for (int v = 0; v < sizes[i]; v++) {
                    if (v == x[i]) continue;
                    double gain = 0;
                    for (int r : rectsOfIssue[i]) {
                        boolean was = allows[r][i][x[i]];
                        boolean now = allows[r][i][v];
                        if (was == now) continue;
                        int len = rectIssues[r].length;
                        boolean before = hits[r] == len;
                        boolean after = hits[r] + (now ? 1 : -1) == len;
                        if (before == after) continue;
                        double worth = owner[r] < 0 ? -1e9 : weight[owner[r]] * value[r];
                        gain += after ? worth : -worth;
                    }
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestV = v;
                    }
                }
                if (bestV != x[i]) {
                    for (int r : rectsOfIssue[i]) {
                        boolean was = allows[r][i][x[i]];
                        boolean now = allows[r][i][bestV];
                        if (was != now) hits[r] += now ? 1 : -1;
                    }
                    x[i] = bestV;
                    improved = true;
                }
            }
        }
    }

    /**
     * Pareto local search: every one-issue change of an archived outcome that no archived outcome
     * dominates or equals joins the archive (which drops what it dominates), within a budget.
     */
    private List<Outcome> paretoLocalSearch(List<Outcome> start) {
        List<Outcome> front = new ArrayList<>();
        for (Outcome o : start) offer(front, o);
        java.util.ArrayDeque<Outcome> todo = new java.util.ArrayDeque<>(front);
        int budget = SEED_EVALUATIONS;
        while (!todo.isEmpty() && budget > 0) {
            Outcome o = todo.poll();
            if (!front.contains(o)) continue;
            for (int i = 0; i < issues && budget > 0; i++) {
                for (int v = 0; v < sizes[i] && budget > 0; v++) {
                    if (v == o.x[i]) continue;
                    budget--;
                    int[] y = o.x.clone();
                    y[i] = v;
                    double[] u = evaluate(y);
                    if (u == null) continue;
                    Outcome c = new Outcome(y, u);
                    if (offer(front, c)) todo.add(c);
                }
            }
        }
        return front;
    }

    /** Adds the outcome unless one in the front dominates or equals it; drops those it dominates. */
    private boolean offer(List<Outcome> front, Outcome c) {
        for (Outcome f : front) {
            int cmp = Dominance.compare(f.u(), c.u(), 0);
            if (cmp == 1 || cmp == 0) return false;
        }
        front.removeIf(f -> Dominance.compare(c.u(), f.u(), 0) == 1);
        front.add(c);
        return true;
    }

    /** The uncapped sums of an outcome, or null when it crosses a red line. */
    private double[] evaluate(int[] x) {
        double[] u = base.clone();
        for (int r = 0; r < owner.length; r++) {
            boolean in = true;
            for (int i : rectIssues[r]) {
                if (!allows[r][i][x[i]]) {
                    in = false;
                    break;
                }
            }
            if (!in) continue;
            if (owner[r] < 0) return null;
            u[owner[r]] += value[r];
        }
        return u;
    }
}
