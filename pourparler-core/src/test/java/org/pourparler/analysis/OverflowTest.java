package org.pourparler.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.ValueFunction;

/** Numbers near the ends of the double range give the same answers as ordinary ones (issue 9, item 1.4). */
class OverflowTest {

    private static FrontierPoint point(double... u) {
        return new FrontierPoint(u, BigInteger.ONE, List.of());
    }

    @Test
    void theNashProductOfUtilitiesNear1e200IsComparedInLogsNotAsInfinity() {
        // each product is about 1e400 = Infinity: every point used to tie as "Nash"
        FrontierPoint a = point(1e200, 3e200);
        FrontierPoint b = point(2e200, 2e200);
        FrontierPoint c = point(3e200, 1e200);
        ParetoFrontier f = new ParetoFrontier(2, List.of(c, b, a));
        assertThat(BargainingSolutions.of(f, new double[] {0, 0}).nash()).containsExactly(b);
    }

    @Test
    void theNashProductOfTinyGainsIsComparedInLogsNotAsZero() {
        // each product is about 1e-400 = 0: an absolute tolerance used to make every point tie
        FrontierPoint a = point(1e-200, 3e-200);
        FrontierPoint b = point(2e-200, 2e-200);
        FrontierPoint c = point(3e-200, 1e-200);
        ParetoFrontier f = new ParetoFrontier(2, List.of(c, b, a));
        assertThat(BargainingSolutions.of(f, new double[] {0, 0}).nash()).containsExactly(b);
    }

    @Test
    void logNashProductIsTheSumOfLogGainsAndMinusInfinityAtAZeroGain() {
        assertThat(BargainingSolutions.logNashProduct(new double[] {0.5, 0.9}, new double[] {0.1, 0.4}))
                .isCloseTo(Math.log(0.4 * 0.5), org.assertj.core.api.Assertions.within(1e-15));
        assertThat(BargainingSolutions.logNashProduct(new double[] {0.1, 0.9}, new double[] {0.1, 0.4}))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        // the gain itself overflows: 1.5e308 - (-1.5e308)
        assertThat(BargainingSolutions.logNashProduct(new double[] {1.5e308}, new double[] {-1.5e308}))
                .isCloseTo(Math.log(1.5e308) + Math.log(2), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void everyPointWithAZeroGainTiesWhenNoPointHasAPositiveProduct() {
        FrontierPoint a = point(0.2, 0.5);
        FrontierPoint b = point(0.5, 0.2);
        ParetoFrontier f = new ParetoFrontier(2, List.of(b, a));
        assertThat(BargainingSolutions.of(f, new double[] {0.2, 0.2}).nash()).containsExactly(b, a);
    }

    @Test
    void weightsNear1e308AreScaledBeforeTheyAreDividedByTheirSum() {
        // 1e308 + 1e308 = Infinity, and w / Infinity = 0 made every utility 0 (as in GENIUS and GeniusWeb)
        Domain d = Domain.of("d", List.of(Issue.integer("a", 0, 1), Issue.integer("b", 0, 1)));
        LinearAdditiveUtility u = LinearAdditiveUtility.of(d, new double[] {1e308, 1e308},
                List.of(new ValueFunction.Table(new double[] {0, 1}), new ValueFunction.Table(new double[] {0, 1})));
        assertThat(u.weights()).containsExactly(0.5, 0.5);
        assertThat(u.utility(new int[] {1, 1})).isEqualTo(1.0);
        assertThat(u.utility(new int[] {1, 0})).isEqualTo(0.5);
    }
}
