package org.pourparler.agents;

import java.util.Arrays;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;

/**
 * The frequency opponent model of the HardHeaded agent (ANAC 2011; GENIUS
 * {@code HardHeadedFrequencyModel}, the BOA framework's port of the model inside HardHeaded's
 * {@code KLH} class). It estimates the opponent's utility as linear-additive: issue weights times
 * value scores normalised by the highest score.
 *
 * <p>The rule of both the original agent and the BOA port (read in the GENIUS sources), with the
 * new weights set directly:
 * <ul>
 *   <li>start: every issue weight {@code 1/n} (n issues), every value score 1;</li>
 *   <li>the opponent's first offer is only remembered: nothing is learnt from it;</li>
 *   <li>each later offer is compared with the opponent's previous one. With {@code g = l/n}
 *       (l the learning coefficient, 0.2), k the number of issues whose value did not change,
 *       {@code S = 1 + g·k} and {@code M = 1 − n·g/S}: an unchanged issue whose weight is below M
 *       gets {@code (w + g)/S}, every other issue {@code w/S};</li>
 *   <li>then, for every issue, the score of the value just offered grows by 1 (the learn value
 *       addition);</li>
 *   <li>estimated utility: {@code Σ w_i · score_i(v_i) / max_v score_i(v)}, in [0, 1].</li>
 * </ul>
 * An unchanged issue already at the cap M is only divided by S, so the weights may come to sum to
 * less than 1. GENIUS sets each new weight through {@code AdditiveUtilitySpace.setWeight}, which
 * renormalises all weights after each; {@link GeniusHardHeadedModel} does that, for HardHeaded
 * under GENIUS conventions.
 * GENIUS applies it to discrete issues only; here every issue (integer and real grids included) is
 * treated as its list of options. One model follows one opponent.
 */
public final class FrequencyModel implements OpponentModel {
    /** GENIUS's default learning coefficient l. */
    public static final double LEARNING_COEFFICIENT = 0.2;
    /** What an offered value's score grows by (GENIUS: learnValueAddition = 1). */
    public static final double VALUE_ADDITION = 1.0;

    private final int n;
    private final double golden;
    private final double[] weights;
    private final double[][] scores;
    private final double[] maxScore;
    private int[] previous;

    /** A model with GENIUS's learning coefficient 0.2. */
    public FrequencyModel(Domain domain) {
        this(domain, LEARNING_COEFFICIENT);
    }

    /** A model with learning coefficient {@code l} (0 &lt; l &lt; 1). */
    public FrequencyModel(Domain domain, double learningCoefficient) {
        if (!(learningCoefficient > 0 && learningCoefficient < 1)) {
            throw new IllegalArgumentException("The learning coefficient must lie in (0, 1), but was " + learningCoefficient);
        }
        int[] sizes = domain.sizes();
        this.n = sizes.length;
        this.golden = n == 0 ? 0 : learningCoefficient / n;
        this.weights = new double[n];
        this.scores = new double[n][];
        this.maxScore = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = 1.0 / n;
            scores[i] = new double[sizes[i]];
            Arrays.fill(scores[i], 1.0);
            maxScore[i] = 1.0;
        }
    }

    @Override
    public void update(Outcome offer, double time) {
        int[] o = offer.toArray();
        int[] before = previous;
        previous = o;
        if (before == null) return;            // GENIUS learns nothing from the first offer
        int unchanged = 0;
        for (int i = 0; i < n; i++) if (o[i] == before[i]) unchanged++;
        double total = 1 + golden * unchanged;
        double maximum = 1 - n * golden / total;
        for (int i = 0; i < n; i++) {
            weights[i] = o[i] == before[i] && weights[i] < maximum ? (weights[i] + golden) / total : weights[i] / total;
        }
        for (int i = 0; i < n; i++) {
            double s = scores[i][o[i]] += VALUE_ADDITION;
            if (s > maxScore[i]) maxScore[i] = s;
        }
    }

    @Override
    public double utility(int[] outcome) {
        double u = 0;
        for (int i = 0; i < n; i++) u += weights[i] * scores[i][outcome[i]] / maxScore[i];
        return u;
    }

    /** The current weight of issue {@code i}. */
    public double weight(int i) { return weights[i]; }

    /** The normalised score of option {@code v} of issue {@code i}, in (0, 1]. */
    public double valueScore(int i, int v) { return scores[i][v] / maxScore[i]; }
}
