package org.pourparler.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;

/**
 * KLH's own opponent model, checked against numbers worked out by hand from GENIUS 10.4's rules
 * ({@code KLH.updateLearner}, {@code AdditiveUtilitySpace.setWeight} / {@code normalizeChildren} /
 * {@code getUtility}, {@code EvaluatorDiscrete.getEvaluation}), in GENIUS's order of operations, so
 * the expected doubles are exact.
 */
class GeniusHardHeadedModelTest {
    private static final double THIRD = 1.0 / 3;
    /** g = LEARNING_COEF / n with n = 3. */
    private static final double G = 0.2 / 3;

    private static Domain domain() {
        return Domain.of("d", List.of(Issue.discrete("a", List.of("a0", "a1")), Issue.discrete("b", List.of("b0", "b1", "b2")),
                Issue.discrete("c", List.of("c0", "c1", "c2"))));
    }

    /**
     * {@code AdditiveUtilitySpace.setWeight} on three unlocked issue weights, as GENIUS states it: set
     * one; {@code normalizeChildren} moves every weight by −(Σ − 1)(w + 0.05)/(Σ + 0.05·3), Σ summed in
     * issue order, a negative result becoming 0; the one set goes back if the new sum is outside (0.98, 1.02).
     */
    private static void setWeight(double[] w, int i, double target) {
        double old = w[i];
        w[i] = target;
        double sum = w[0] + w[1] + w[2];
        for (int j = 0; j < 3; j++) {
            double moved = w[j] - (sum - 1.0) * (w[j] + 0.05) / (sum + 0.05 * 3);
            w[j] = moved < 0 ? 0 : moved;
        }
        double check = w[0] + w[1] + w[2];
        if (!(check > 0.98 && check < 1.02)) w[i] = old;
    }

    @Test
    void theFirstOfferIsOnlyRemembered() {
        GeniusHardHeadedModel m = new GeniusHardHeadedModel(domain());
        m.learn(new int[] {1, 2, 0});
        for (int i = 0; i < 3; i++) assertThat(m.weight(i)).isEqualTo(THIRD);
        assertThat(m.count(0, 1)).isEqualTo(1);
        assertThat(m.count(1, 2)).isEqualTo(1);
        assertThat(m.count(2, 0)).isEqualTo(1);
        assertThat(m.utility(new int[] {0, 0, 1})).isEqualTo(THIRD * 1.0 + THIRD * 1.0 + THIRD * 1.0);
    }

    @Test
    void eachIssueWeightIsSetInTurnAndEverySetRenormalisesAllWeights() {
        GeniusHardHeadedModel m = new GeniusHardHeadedModel(domain());
        m.learn(new int[] {0, 0, 0});

        // second offer: a and c unchanged, b changed; k = 2
        m.learn(new int[] {0, 1, 0});
        double s2 = 1.0 + G * 2;
        double max2 = 1.0 - 3 * G / s2;
        // issue a: 1/3 < max2, target (1/3 + g)/S; then every weight moves by −(Σ − 1)(w + 0.05)/(Σ + 0.15)
        double a = (THIRD + G) / s2;
        double sum = a + THIRD + THIRD;
        double[] w = {
            a - (sum - 1.0) * (a + 0.05) / (sum + 0.05 * 3),
            THIRD - (sum - 1.0) * (THIRD + 0.05) / (sum + 0.05 * 3),
            THIRD - (sum - 1.0) * (THIRD + 0.05) / (sum + 0.05 * 3),
        };
        setWeight(w, 1, w[1] / s2);                                       // issue b changed: w/S
        assertThat(w[2]).isLessThan(max2);
        setWeight(w, 2, (w[2] + G) / s2);                                 // issue c unchanged, below the cap
        for (int i = 0; i < 3; i++) assertThat(m.weight(i)).as("weight %d after the second offer", i).isEqualTo(w[i]);
        // the issues a and c, both unchanged, end apart: a was renormalised twice more after its set
        assertThat(m.weight(0)).isNotEqualTo(m.weight(2));
        assertThat(m.weight(0) + m.weight(1) + m.weight(2)).isCloseTo(1.0, within(1e-15));

        // third offer: a and c changed, b unchanged; k = 1
        m.learn(new int[] {1, 1, 2});
        double s3 = 1.0 + G * 1;
        double max3 = 1.0 - 3 * G / s3;
        setWeight(w, 0, w[0] / s3);
        assertThat(w[1]).isLessThan(max3);
        setWeight(w, 1, (w[1] + G) / s3);
        setWeight(w, 2, w[2] / s3);
        for (int i = 0; i < 3; i++) assertThat(m.weight(i)).as("weight %d after the third offer", i).isEqualTo(w[i]);

        // counts: the options of the second and third offers grew by 1, the first offer's never did
        assertThat(new int[] {m.count(0, 0), m.count(0, 1)}).containsExactly(1 + 1, 1 + 1);
        assertThat(new int[] {m.count(1, 0), m.count(1, 1), m.count(1, 2)}).containsExactly(1, 1 + 1 + 1, 1);
        assertThat(new int[] {m.count(2, 0), m.count(2, 1), m.count(2, 2)}).containsExactly(1 + 1, 1, 1 + 1);
        // evaluations: count over the issue's highest count
        assertThat(m.evaluation(0, 0)).isEqualTo(2.0 / 2);
        assertThat(m.evaluation(1, 0)).isEqualTo(1.0 / 3);
        assertThat(m.evaluation(1, 1)).isEqualTo(3.0 / 3);
        assertThat(m.evaluation(2, 1)).isEqualTo(1.0 / 2);
        // estimate: Σ w_i · evaluation, in issue order
        assertThat(m.utility(new int[] {0, 0, 1})).isEqualTo(w[0] * (2.0 / 2) + w[1] * (1.0 / 3) + w[2] * (1.0 / 2));
        assertThat(m.utility(new int[] {1, 1, 2})).isEqualTo(w[0] * (2.0 / 2) + w[1] * (3.0 / 3) + w[2] * (2.0 / 2));
    }

    @Test
    void anIssueNeverChangedHoversJustAboveTheCapWhileTheWeightsKeepSummingToOne() {
        // issue a fixed, b and c changing every time (k = 1): a climbs to the cap M = 1 − n·g/S; from there
        // it is only divided by S, but the renormalisations of its own and the later sets lift it above M
        GeniusHardHeadedModel m = new GeniusHardHeadedModel(domain());
        for (int k = 0; k < 60; k++) m.learn(new int[] {1, k % 3, (k + 1) % 3});
        double cap = 1.0 - 3 * G / (1.0 + G);
        assertThat(m.weight(0)).isGreaterThan(cap).isLessThan(cap + 0.01);
        assertThat(m.weight(0) + m.weight(1) + m.weight(2)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void withOneIssueTheWeightStaysOne() {
        Domain d = Domain.of("one", List.of(Issue.discrete("a", List.of("a0", "a1", "a2"))));
        GeniusHardHeadedModel m = new GeniusHardHeadedModel(d);
        m.learn(new int[] {0});
        m.learn(new int[] {0});
        m.learn(new int[] {2});
        assertThat(m.weight(0)).isEqualTo(1.0);
        assertThat(m.utility(new int[] {0})).isEqualTo(1.0 * (2.0 / 2));
        assertThat(m.utility(new int[] {1})).isEqualTo(1.0 * (1.0 / 2));
    }

    @Property(tries = 50)
    void weightsKeepSummingToOneAndEstimatesStayInZeroOne(@ForAll long seed) {
        GeniusHardHeadedModel m = new GeniusHardHeadedModel(domain());
        Random rnd = new Random(seed);
        for (int k = 0; k < 40; k++) {
            m.learn(new int[] {rnd.nextInt(2), rnd.nextInt(3), rnd.nextInt(3)});
            assertThat(m.weight(0) + m.weight(1) + m.weight(2)).isCloseTo(1.0, within(1e-12));
            assertThat(m.utility(new int[] {rnd.nextInt(2), rnd.nextInt(3), rnd.nextInt(3)})).isBetween(0.0, 1.0);
        }
    }
}
