package org.pourparler.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cuts of {@link DominatedRegion} for two parties whose sums lie on a lattice of step 0.1: the known
 * point (0.1 + 0.2, 0.5) is the lattice point (0.3, 0.5) though its first value is
 * 0.30000000000000004, the way sums taken in another order come out.
 */
class DominatedRegionTest {
    private static final double[][] AXES = {{1, 0}, {0, 1}};
    private static final double[] KNOWN = {0.1 + 0.2, 0.5};
    private static final double[] STEP = {0.1, 0.1};

    private static boolean excludes(double[] lattice, double[] top) {
        return new DominatedRegion(2, AXES, lattice, List.of(KNOWN), 0).excludes(top, null);
    }

    @Test
    void aRegionWhoseBoundMeetsAKnownPointOnTheLatticeIsCut() {
        // every sum of the region is at most (0.3, 0.4): the known point is as high for the first
        // party and a step higher for the second
        assertThat(excludes(STEP, new double[] {0.3, 0.4})).isTrue();
    }

    @Test
    void withoutALatticeTheSameRegionKeepsItsRoundingMargin() {
        // off a lattice a sum within EPS of 0.3 may still round above the known point's first value
        assertThat(excludes(new double[2], new double[] {0.3, 0.4})).isFalse();
    }

    @Test
    void aRegionReachingAStepBeyondAKnownPointIsNotCut() {
        // (0.4, 0.4) is not dominated by (0.3, 0.5)
        assertThat(excludes(STEP, new double[] {0.4, 0.4})).isFalse();
    }

    @Test
    void aRegionThatMayTieWithAKnownPointIsNotCut() {
        // the region holds the sum (0.3, 0.5) itself: a tie, never cut
        assertThat(excludes(STEP, new double[] {0.3, 0.5})).isFalse();
    }
}
