package org.pourparler.agents;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;
import org.pourparler.model.Profile;
import org.pourparler.model.UtilityFunction;

/**
 * Above {@link OfferIndex#TABLE_LIMIT} packages, for utilities that are not linear-additive (ANAC
 * 2014's hyper-rectangles): a sorted table of {@link OfferIndex#SAMPLES} packages drawn uniformly
 * with a fixed seed, an eighth of them improved by a few steps of hill climbing so that the table
 * reaches the high-utility regions a uniform draw misses. Packages crossing a red line are dropped.
 * Approximate, and the same in every run.
 */
final class SampledOfferTable extends RankedOffers {
    private final int[][] samples;

    private SampledOfferTable(long[] sorted, int[] order, int[][] samples) {
        super(sorted, order);
        this.samples = samples;
    }

    /** The sampled table of a profile. */
    static SampledOfferTable of(Profile profile) {
        UtilityFunction u = profile.utility();
        Domain d = u.domain();
        SplittableRandom random = new SplittableRandom(0x5eed);
        int[] sizes = d.sizes();
        int[][] samples = new int[OfferIndex.SAMPLES][];
        double[] us = new double[OfferIndex.SAMPLES];
        int kept = 0;
        for (int i = 0; i < OfferIndex.SAMPLES; i++) {
            int[] o = new int[sizes.length];
            for (int k = 0; k < sizes.length; k++) o[k] = random.nextInt(sizes[k]);
            double v = u.utility(o);
            if (i % 8 == 0) {                        // an eighth of the table climbs from its draw
                for (int step = 0; step < 2 * sizes.length; step++) {
                    int k = random.nextInt(sizes.length);
                    int old = o[k];
                    o[k] = random.nextInt(sizes[k]);
                    double w = u.utility(o);
                    if (w >= v) v = w; else o[k] = old;
                }
            }
            if (profile.crossesRedLine(o)) continue;
            samples[kept] = o;
            us[kept++] = v;
        }
        if (kept == 0) throw new IllegalArgumentException("Every sampled package crosses a red line of this profile");
        long[] keys = new long[kept];
        int[] order = new int[kept];
        for (int i = 0; i < kept; i++) {
            keys[i] = SortableKeys.sortableBits(us[i]);
            order[i] = i;
        }
        SortableKeys.radixSort(keys, order);
        return new SampledOfferTable(keys, order, Arrays.copyOf(samples, kept));
    }

    @Override Outcome byRank(int rank) { return Outcome.of(samples[order[rank]]); }

    @Override int[] valuesByRank(int rank) { return samples[order[rank]].clone(); }
}
