package org.pourparler.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pourparler.model.Profile;
import org.pourparler.model.Scenario;
import org.pourparler.testing.RandomScenarios;

/** The offer index above the table limit for utilities that are not linear-additive: a sorted, deterministic sample. */
class OfferIndexTest {

    static Profile hugeHyperRectangleProfile() {
        for (long seed = 1; ; seed++) {
            Scenario s = RandomScenarios.scenario(new Random(seed), RandomScenarios.Options.simple().withIssues(18, 18).withMaxOptions(6)
                    .withUtilityKinds(Set.of("hyper-rectangle")).withParties(2, 2));
            if (!s.domain().isEnumerable(OfferIndex.TABLE_LIMIT)) return s.parties().get(0).profile();
        }
    }

    @net.jqwik.api.Property(tries = 500)
    void sortableBitsOrderAsTheNumbersAndReadBack(@net.jqwik.api.ForAll double a, @net.jqwik.api.ForAll double b) {
        org.assertj.core.api.Assumptions.assumeThat(Double.isNaN(a) || Double.isNaN(b)).isFalse();
        long ka = SortableKeys.sortableBits(a);
        long kb = SortableKeys.sortableBits(b);
        assertThat(Integer.signum(Long.compareUnsigned(ka, kb))).isEqualTo(Integer.signum(Double.compare(a == 0 ? 0.0 : a, b == 0 ? 0.0 : b)));
        assertThat(SortableKeys.fromSortableBits(ka)).isEqualTo(a == 0 ? 0.0 : a);
    }

    @Test
    void theRadixSortIsStableAndOrdersByValue() {
        Random r = new Random(3);
        for (int n : new int[] {0, 1, 7, 1000, 70_000}) {
            long[] keys = new long[n];
            int[] values = new int[n];
            for (int i = 0; i < n; i++) {
                keys[i] = SortableKeys.sortableBits(Math.round(r.nextGaussian() * 50) / 100.0);   // many ties
                values[i] = i;
            }
            SortableKeys.radixSort(keys, values);
            for (int i = 1; i < n; i++) {
                int c = Long.compareUnsigned(keys[i - 1], keys[i]);
                assertThat(c).isLessThanOrEqualTo(0);
                if (c == 0) assertThat(values[i - 1]).isLessThan(values[i]);    // ties keep the outcome order
            }
        }
    }

    @Test
    void aSampledIndexIsSortedDeterministicAndFindsOffersAtOrAboveTheTarget() {
        Profile p = hugeHyperRectangleProfile();
        OfferIndex a = OfferIndex.of(p);
        OfferIndex b = OfferIndex.of(p);
        assertThat(a.size()).isPositive().isLessThanOrEqualTo(OfferIndex.SAMPLES);
        for (int r = 1; r < a.size(); r++) assertThat(a.utilityByRank(r)).isGreaterThanOrEqualTo(a.utilityByRank(r - 1));
        for (int r = 0; r < a.size(); r += 997) {
            assertThat(b.byRank(r)).isEqualTo(a.byRank(r));
            assertThat(p.utility().utility(a.byRank(r))).isEqualTo(a.utilityByRank(r));    // the table holds real utilities
        }
        double mid = (a.max() + a.min()) / 2;
        assertThat(p.utility().utility(a.atLeast(mid))).isGreaterThanOrEqualTo(mid);
        assertThat(p.utility().utility(a.atLeast(a.max() + 1))).isEqualTo(a.max());
    }
}
