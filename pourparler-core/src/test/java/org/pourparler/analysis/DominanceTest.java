package org.pourparler.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The non-dominated filter on utilities far from the [0, 1] scale. */
class DominanceTest {

    @Test
    void threePartyUtilitiesBeyondTheSnappingGridKeepEveryNonDominatedVector() {
        // found by a random scenario: the second party's utilities are ~1e22; snapping them to a 1e-12
        // grid overflowed a long and made two different vectors equal
        double[] u = {
            7.734088229577647, 7.622603937612356E21, 1.5100681306274035,
            2.1140162757399006, 9.993391627866877E21, 1.5100681306274035,
            2.0528078764693323, 7.622603937612356E21, 1.5100681306274035,
        };
        int[][] points = Dominance.nondominated(u, 3, 3);
        List<Integer> kept = new ArrayList<>();
        for (int[] p : points) kept.add(p[0]);
        assertThat(kept).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void threePartyUtilitiesOnTheUsualScaleUseTheSnappedSweepWithTheSameAnswer() {
        double[] u = {
            0.7, 0.2, 0.1,
            0.2, 0.9, 0.1,
            0.2, 0.2, 0.1,
            0.7, 0.2, 0.1 + 1e-13,      // within EPS of the first: the same point, tied
        };
        int[][] points = Dominance.nondominated(u, 3, 4);
        assertThat(points.length).isEqualTo(2);
        int[] first = points[0][0] == 0 || points[0][0] == 3 ? points[0] : points[1];
        assertThat(first).containsExactlyInAnyOrder(0, 3);
    }
}
