package org.pourparler.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Outcome;
import org.pourparler.model.Profile;
import org.pourparler.model.ValueFunction;

/** GENIUS's sorted outcome space: its order, its ties and the package "nearest" a target. */
class GeniusOutcomeSpaceTest {

    /** One discrete issue whose options have the given labels and utilities. */
    static GeniusOutcomeSpace space(List<String> labels, double... utilities) {
        Domain d = Domain.of("d", List.of(Issue.discrete("i", labels)));
        return GeniusOutcomeSpace.of(Profile.of(LinearAdditiveUtility.of(d, new double[] {1}, List.of(new ValueFunction.Table(utilities))), 0));
    }

    static double[] utilities(GeniusOutcomeSpace s) {
        double[] u = new double[s.size()];
        for (int k = 0; k < u.length; k++) u[k] = s.utility(k);
        return u;
    }

    @Test
    void packagesAreSortedBestFirst() {
        GeniusOutcomeSpace s = space(List.of("a", "b", "c", "d"), 0.4, 1.0, 0.6, 0.8);
        assertThat(utilities(s)).containsExactly(1.0, 0.8, 0.6, 0.4);
    }

    @Test
    void theNearestPackageMayLieBelowTheTarget() {
        GeniusOutcomeSpace s = space(List.of("a", "b", "c", "d"), 1.0, 0.8, 0.6, 0.4);
        assertThat(s.utility(s.nearest(0.65))).isEqualTo(0.6);   // 0.05 below beats 0.15 above
        assertThat(s.utility(s.nearest(0.75))).isEqualTo(0.8);
    }

    @Test
    void atEqualDistanceThePackageAboveTheTargetWins() {
        GeniusOutcomeSpace s = space(List.of("a", "b", "c", "d"), 1.0, 0.75, 0.5, 0.25);
        assertThat(s.utility(s.nearest(0.625))).isEqualTo(0.75);
    }

    @Test
    void aTargetAboveTheBestOrBelowTheWorstGetsTheEnd() {
        GeniusOutcomeSpace s = space(List.of("a", "b", "c"), 0.9, 0.5, 0.1);
        assertThat(s.utility(s.nearest(1.0))).isEqualTo(0.9);
        assertThat(s.utility(s.nearest(0.0))).isEqualTo(0.1);
    }

    @Test
    void packagesOfEqualUtilityAreOrderedByGeniusHashCodeNotByEnumeration() {
        // "b" hashes to 98 and "a" to 97: GENIUS's comparator puts the smaller BidDetails hash first
        GeniusOutcomeSpace s = space(List.of("b", "a", "c"), 0.5, 0.5, 1.0);
        assertThat(s.outcome(0)).isEqualTo(Outcome.of(2));
        assertThat(s.outcome(1)).isEqualTo(Outcome.of(1));
        assertThat(s.outcome(2)).isEqualTo(Outcome.of(0));
    }

    @Test
    void theHashIsThatOfGeniusBidDetailsAtTimeZero() {
        // BidDetails.hashCode: 31 * (31 * (31 + bid hash) + hash of the utility's bits) + hash of time 0
        long bits = Double.doubleToLongBits(0.5);
        int expected = 31 * (31 * (31 + "x".hashCode() + "y".hashCode()) + (int) (bits ^ (bits >>> 32))) + 0;
        assertThat(GeniusOutcomeSpace.bidDetailsHash("x".hashCode() + "y".hashCode(), 0.5)).isEqualTo(expected);
    }

    @Test
    void anExactHitReturnsThePackageTheBisectionMeetsFirst() {
        // five packages of utility 0.5 between 1.0 and 0.0: the bisection's first midpoint (index 3) is one of them
        GeniusOutcomeSpace s = space(List.of("p", "q", "r", "s", "t", "u", "v"), 1.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.0);
        assertThat(s.nearest(0.5)).isEqualTo(3);
    }

    /**
     * Independent oracle for targets that hit no utility exactly: GENIUS ends on the last package
     * above the target and takes the next (below) only when it is strictly nearer.
     */
    @Test
    void nearestAgreesWithALinearScanOnRandomSpaces() {
        Random random = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(12);
            double[] u = new double[n];
            List<String> labels = new java.util.ArrayList<>();
            for (int k = 0; k < n; k++) {
                u[k] = random.nextInt(5) / 4.0;               // many exact ties
                labels.add("o" + k);
            }
            GeniusOutcomeSpace s = space(labels, u);
            double[] sorted = utilities(s);
            double target = random.nextDouble() * 1.2 - 0.1;
            if (java.util.Arrays.stream(sorted).anyMatch(x -> x == target)) continue;
            int above = -1;
            for (int k = 0; k < sorted.length; k++) if (sorted[k] > target) above = k;
            int expected;
            if (above < 0) expected = 0;
            else if (above + 1 < sorted.length && Math.abs(sorted[above + 1] - target) < Math.abs(sorted[above] - target)) expected = above + 1;
            else expected = above;
            assertThat(s.utility(s.nearest(target))).as("target %s in %s", target, java.util.Arrays.toString(sorted))
                    .isEqualTo(sorted[expected]);
        }
    }
}
