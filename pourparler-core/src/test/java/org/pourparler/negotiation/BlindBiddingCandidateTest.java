package org.pourparler.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Blind bidding's deal rule compares Nash products in logs: huge or tiny gains still rank by the product. */
class BlindBiddingCandidateTest {

    @Test
    void productsBeyondTheDoubleRangeStillRank() {
        double[] d = {0, 0};
        // products 3e400 and 4e400 both overflow to Infinity; the totals are equal; the lower package would win a tie
        BlindBidding.Candidate a = new BlindBidding.Candidate(new int[] {0, 0}, new double[] {3e200, 1e200}, d);
        BlindBidding.Candidate b = new BlindBidding.Candidate(new int[] {1, 1}, new double[] {2e200, 2e200}, d);
        assertThat(b.compareTo(a)).isPositive();
        assertThat(a.compareTo(b)).isNegative();
    }

    @Test
    void productsBelowTheDoubleRangeStillRank() {
        // 120 parties with gains near 1e-3: both products (1e-360 and about 9e-356) underflow to 0
        int n = 120;
        double[] d = new double[n];
        double[] uneven = new double[n];
        java.util.Arrays.fill(uneven, 1e-3);
        uneven[0] = 50e-3;
        uneven[1] = 0.02e-3;                     // product 1e-360, total 0.168
        double[] even = new double[n];
        java.util.Arrays.fill(even, 1.1e-3);     // product 1.1^120 e-360 = 9.3e-356, total 0.132
        int[] ones = new int[n];
        java.util.Arrays.fill(ones, 1);
        BlindBidding.Candidate c = new BlindBidding.Candidate(ones, uneven, d);
        BlindBidding.Candidate e = new BlindBidding.Candidate(new int[n], even, d);
        assertThat(e.compareTo(c)).as("the larger product ranks first although its total is smaller").isPositive();
    }
}
