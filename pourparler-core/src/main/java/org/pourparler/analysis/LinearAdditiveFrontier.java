package org.pourparler.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pourparler.model.Domain;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.RedLine;

/**
 * The exact Pareto frontier of linear-additive profiles without enumerating the outcome space.
 *
 * <p>Why it is exact: if an outcome is Pareto-optimal, its restriction to any subset of issues is
 * Pareto-optimal among the restrictions (otherwise swapping in a dominating restriction would
 * dominate the whole outcome, since utilities add over issues). So the frontier is the
 * non-dominated part of the sums of the per-issue frontiers, merged one issue at a time, keeping
 * only non-dominated partial sums after each step. Red lines only constrain the issues they name:
 * those issues are merged last as one block of their allowed combinations, which keeps the
 * argument valid for outcomes that cross no red line.
 */
final class LinearAdditiveFrontier {

    /** One block of issues merged in one step: its options are assignments of values to its issues. */
    private record Layer(int[] issues, int[][] assignments, int[][] groups, double[] vectors) { }

    /** The points after merging a prefix of layers. */
    private record Level(double[] u, BigInteger[] counts, int[][] sources, int groupCount) { }

    private final Domain domain;
    private final int n;
    /** Margins of the partial-sum filter ({@link Dominance#nondominatedPartial}). */
    private final double[] margin;
    private final List<Layer> layers = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();

    private LinearAdditiveFrontier(Domain domain, int parties, double[] margin) {
        this.domain = domain;
        this.n = parties;
        this.margin = margin;
    }

    /**
     * The frontier of the outcomes that cross none of {@code redLines}, for the given utilities (one
     * per party, same domain), listing at most {@code listLimit} outcomes per point.
     */
    static ParetoFrontier compute(List<LinearAdditiveUtility> utilities, List<RedLine> redLines, int listLimit,
                                  long maxPoints, WorkBudget budget) throws AnalysisLimitException {
        Domain domain = utilities.get(0).domain();
        int n = utilities.size();
        double[] bound = new double[n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < domain.issueCount(); i++) {
                double most = 0;
                for (double t : utilities.get(k).terms(i)) most = Math.max(most, Math.abs(t));
                bound[k] += most;
            }
        }
        double[] margin = Dominance.margins(bound);
        LinearAdditiveFrontier f = new LinearAdditiveFrontier(domain, n, margin);
        boolean[] constrained = new boolean[domain.issueCount()];
        for (RedLine r : redLines) for (RedLine.Condition c : r.conditions()) constrained[c.issue()] = true;
        for (int i = 0; i < domain.issueCount(); i++) {
            if (!constrained[i]) f.layers.add(singleIssueLayer(utilities, i, margin));
        }
        int[] block = java.util.stream.IntStream.range(0, domain.issueCount()).filter(i -> constrained[i]).toArray();
        if (block.length > 0) f.layers.add(redLineLayer(utilities, block, redLines, margin));
        return f.merge(listLimit, maxPoints, budget);
    }

    private static Layer singleIssueLayer(List<LinearAdditiveUtility> utilities, int issue, double[] margin) {
        int size = utilities.get(0).domain().issue(issue).size();
        int n = utilities.size();
        double[] v = new double[size * n];
        for (int o = 0; o < size; o++) {
            for (int k = 0; k < n; k++) v[o * n + k] = utilities.get(k).term(issue, o);
        }
        int[][] assignments = new int[size][];
        for (int o = 0; o < size; o++) assignments[o] = new int[] {o};
        return layer(new int[] {issue}, assignments, v, n, margin);
    }

    private static Layer redLineLayer(List<LinearAdditiveUtility> utilities, int[] block, List<RedLine> redLines,
                                      double[] margin) throws AnalysisLimitException {
        Domain d = utilities.get(0).domain();
        long combos = 1;
        for (int i : block) {
            combos *= d.issue(i).size();
            if (combos > 5_000_000) {
                throw new AnalysisLimitException("The issues named by red lines have more than 5,000,000 option combinations;"
                        + " the exact frontier with red lines supports fewer");
            }
        }
        int n = utilities.size();
        List<int[]> allowed = new ArrayList<>();
        double[] buf = new double[(int) combos * n];
        int[] full = new int[d.issueCount()];
        int[] vals = new int[block.length];
        for (long c = 0; c < combos; c++) {
            long rest = c;
            for (int j = block.length - 1; j >= 0; j--) {
                int size = d.issue(block[j]).size();
                vals[j] = (int) (rest % size);
                rest /= size;
                full[block[j]] = vals[j];
            }
            boolean crosses = false;
            for (RedLine r : redLines) if (r.crossedBy(full)) { crosses = true; break; }
            if (crosses) continue;
            int row = allowed.size();
            allowed.add(vals.clone());
            for (int k = 0; k < n; k++) {
                double s = 0;
                for (int j = 0; j < block.length; j++) s += utilities.get(k).term(block[j], vals[j]);
                buf[row * n + k] = s;
            }
        }
        return layer(block, allowed.toArray(new int[0][]), Arrays.copyOf(buf, allowed.size() * n), n, margin);
    }

    /**
     * Keeps the options of a layer that can be part of a frontier outcome, grouping exactly equal
     * ones: a layer's terms are partial sums, so only what every completion leaves dominated goes.
     */
    private static Layer layer(int[] issues, int[][] assignments, double[] vectors, int n, double[] margin) {
        int[][] groups = Dominance.nondominatedPartial(vectors, n, assignments.length, 0, margin, WorkBudget.UNLIMITED);
        double[] reps = new double[groups.length * n];
        for (int g = 0; g < groups.length; g++) {
            System.arraycopy(vectors, groups[g][0] * n, reps, g * n, n);
        }
        return new Layer(issues, assignments, groups, reps);
    }

    private ParetoFrontier merge(int listLimit, long maxPoints, WorkBudget budget) throws AnalysisLimitException {
        Level level = new Level(new double[n], new BigInteger[] {BigInteger.ONE}, new int[][] {{0}}, 1);
        levels.add(level);
        for (int step = 0; step < layers.size(); step++) {
            Layer layer = layers.get(step);
            boolean last = step == layers.size() - 1;
            int points = level.counts.length;
            int groups = layer.groups.length;
            long m = (long) points * groups;
            if (m > maxPoints) {
                throw new AnalysisLimitException("The Pareto frontier grew to " + points + " points by issue '"
                        + domain.issue(layer.issues[0]).name() + "'; merging it with the next issue would weigh " + m
                        + " candidates, above the limit of " + maxPoints);
            }
            budget.charge(m);
            double[] cand = new double[(int) m * n];
            int c = 0;
            for (int p = 0; p < points; p++) {
                for (int g = 0; g < groups; g++, c++) {
                    for (int k = 0; k < n; k++) cand[c * n + k] = level.u[p * n + k] + layer.vectors[g * n + k];
                }
            }
            // the last step's sums are complete utilities and get the definition; earlier ones are partial
            int[][] kept = last ? Dominance.nondominated(cand, n, (int) m, budget)
                    : Dominance.nondominatedPartial(cand, n, (int) m, 0, margin, budget);
            double[] u = new double[kept.length * n];
            BigInteger[] counts = new BigInteger[kept.length];
            for (int q = 0; q < kept.length; q++) {
                System.arraycopy(cand, kept[q][0] * n, u, q * n, n);
                BigInteger count = BigInteger.ZERO;
                for (int cc : kept[q]) {
                    BigInteger parent = level.counts[cc / groups];
                    count = count.add(parent.multiply(BigInteger.valueOf(layer.groups[cc % groups].length)));
                }
                counts[q] = count;
            }
            level = new Level(u, counts, kept, groups);
            levels.add(level);
        }
        List<FrontierPoint> out = new ArrayList<>();
        int last = levels.size() - 1;
        for (int q = 0; q < level.counts.length; q++) {
            List<int[]> listed = new ArrayList<>();
            int[] outcome = new int[domain.issueCount()];
            list(last, q, outcome, listed, listLimit);
            out.add(new FrontierPoint(Arrays.copyOfRange(level.u, q * n, q * n + n), level.counts[q], listed));
        }
        return new ParetoFrontier(n, out);
    }

    /** Lists outcomes behind point {@code q} of level {@code lv}, filling {@code outcome} back to front. */
    private void list(int lv, int q, int[] outcome, List<int[]> listed, int limit) {
        if (listed.size() >= limit) return;
        if (lv == 0) {
            listed.add(outcome.clone());
            return;
        }
        Level level = levels.get(lv);
        Layer layer = layers.get(lv - 1);
        for (int cc : level.sources[q]) {
            int parent = cc / level.groupCount;
            for (int option : layer.groups[cc % level.groupCount]) {
                int[] a = layer.assignments[option];
                for (int j = 0; j < a.length; j++) outcome[layer.issues[j]] = a[j];
                list(lv - 1, parent, outcome, listed, limit);
                if (listed.size() >= limit) return;
            }
        }
    }
}
