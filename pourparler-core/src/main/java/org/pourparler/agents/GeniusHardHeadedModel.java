package org.pourparler.agents;

import java.util.Arrays;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;

/**
 * The opponent model inside GENIUS 10.4's HardHeaded agent ({@code KLH}), with GENIUS's arithmetic
 * step for step, used by {@link GeniusHardHeaded} to choose 5 of more than 4 offers. KLH keeps the
 * estimate in a copy of its own utility space: issue weights set one at a time through
 * {@code AdditiveUtilitySpace.setWeight}, which renormalises every weight after each, and value
 * evaluations ({@code EvaluatorDiscrete}) that count offers.
 *
 * <p>With n issues, g = 0.2/n (KLH's learning coefficient over n):
 * <ul>
 *   <li><b>Start:</b> every weight 1/n, every option's count 1.</li>
 *   <li><b>The opponent's first offer</b> is only remembered: no weight changes, no count grows.</li>
 *   <li><b>Each later offer</b> is compared with the opponent's offer just before it. With k the
 *       number of issues whose option did not change, S = 1 + g·k and M = 1 − n·g/S, each issue i in
 *       turn gets the target (w + g)/S if its option did not change and its weight w is below M, else
 *       w/S, w being its weight at that moment (after the previous issue's renormalisation). Setting
 *       the target (GENIUS's {@code setWeight} on an unlocked weight): w_i becomes the target; then,
 *       with Σ the sum of all n weights, every weight w becomes w − (Σ − 1)(w + 0.05)/(Σ + 0.05·n),
 *       0 if negative (with one issue: 1); if the weights then sum to 0.98 or less or to 1.02 or more,
 *       w_i alone takes back its value from before the target.</li>
 *   <li>Then the count of every option just offered grows by 1 (the first offer's options are never
 *       counted).</li>
 *   <li><b>Estimate</b> ({@code AdditiveUtilitySpace.getUtility}): Σ w_i · (c_i / m_i) in issue
 *       order, c_i the count of the package's option and m_i the highest count of issue i, capped
 *       at 1.</li>
 * </ul>
 * Sums run in domain order. GENIUS visits the issues of one update by issue number (a hash map of
 * numbers) and sums in the order of the domain file; in every GENIUS domain read here the numbers
 * ascend in file order, so the two orders agree. KLH handles discrete issues only; here integer and
 * real issues are treated as their option lists. One model follows every offer received.
 */
final class GeniusHardHeadedModel implements OpponentModel {
    /** KLH's LEARNING_COEF. */
    static final double LEARNING_COEFFICIENT = 0.2;
    /** KLH's LEARNING_VALUE_ADDITION. */
    static final int VALUE_ADDITION = 1;
    /** What {@code AdditiveUtilitySpace.normalizeChildren} adds to every weight it rescales. */
    private static final double CORRECTION = 0.05;

    private final int n;
    private final double[] weights;
    private final int[][] counts;
    private final int[] maxCount;
    private int[] previous;

    /** A fresh model: weights 1/n, every count 1. */
    GeniusHardHeadedModel(Domain domain) {
        int[] sizes = domain.sizes();
        n = sizes.length;
        weights = new double[n];
        counts = new int[n][];
        maxCount = new int[n];
        double w = 1.0 / n;
        for (int i = 0; i < n; i++) {
            weights[i] = w;
            counts[i] = new int[sizes[i]];
            Arrays.fill(counts[i], 1);
            maxCount[i] = 1;
        }
    }

    @Override
    public void update(Outcome offer, double time) {
        learn(offer.toArray());
    }

    /** Learns from the opponent's next offer (KLH's {@code updateLearner}). */
    void learn(int[] offer) {
        int[] before = previous;
        previous = offer.clone();
        if (before == null) return;
        int unchanged = 0;
        for (int i = 0; i < n; i++) if (offer[i] == before[i]) unchanged++;
        double golden = LEARNING_COEFFICIENT / n;
        double total = 1.0 + golden * unchanged;
        double maximum = 1.0 - n * golden / total;
        for (int i = 0; i < n; i++) {
            double w = weights[i];
            setWeight(i, offer[i] == before[i] && w < maximum ? (w + golden) / total : w / total);
        }
        for (int i = 0; i < n; i++) {
            int c = counts[i][offer[i]] + VALUE_ADDITION;
            counts[i][offer[i]] = c;
            if (c > maxCount[i]) maxCount[i] = c;
        }
    }

    /** {@code AdditiveUtilitySpace.setWeight}: set one weight, renormalise all, undo the one if the sum strays. */
    private void setWeight(int i, double target) {
        double old = weights[i];
        weights[i] = target;
        if (n == 1) {
            weights[0] = 1.0;
        } else {
            double sum = sum();
            double excess = sum - 1.0;
            double corrected = sum + CORRECTION * n;
            for (int j = 0; j < n; j++) {
                double w = weights[j] - excess * (weights[j] + CORRECTION) / corrected;
                weights[j] = w < 0 ? 0 : w;
            }
        }
        double check = sum();
        if (!(check > 0.98 && check < 1.02)) weights[i] = old;
    }

    private double sum() {
        double s = 0;
        for (double w : weights) s += w;
        return s;
    }

    @Override
    public double utility(int[] outcome) {
        double u = 0;
        for (int i = 0; i < n; i++) u += weights[i] * ((double) counts[i][outcome[i]] / maxCount[i]);
        return u > 1 ? 1 : u;
    }

    /** The current weight of issue {@code i}. */
    double weight(int i) { return weights[i]; }

    /** The count of option {@code v} of issue {@code i} (GENIUS's evaluation before normalisation). */
    int count(int i, int v) { return counts[i][v]; }

    /** The evaluation of option {@code v} of issue {@code i}: its count over the highest count. */
    double evaluation(int i, int v) { return (double) counts[i][v] / maxCount[i]; }
}
