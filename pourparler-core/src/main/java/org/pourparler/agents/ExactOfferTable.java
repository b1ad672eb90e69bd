package org.pourparler.agents;

import org.pourparler.model.Domain;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Outcome;
import org.pourparler.model.Profile;
import org.pourparler.model.UtilityFunction;

/**
 * Every package of a domain up to {@link OfferIndex#TABLE_LIMIT}, sorted once by the profile's
 * utility: exact, ties by package number. Utilities go straight into sortable keys a chunk at a
 * time (no N-sized array of doubles: in a small VM, touching fresh memory costs more than the
 * arithmetic), then one stable radix sort, O(N). Packages crossing one of the profile's red lines
 * are left out, unless every package crosses one.
 */
final class ExactOfferTable extends RankedOffers {
    private final Domain domain;

    private ExactOfferTable(Domain domain, long[] sorted, int[] order) {
        super(sorted, order);
        this.domain = domain;
    }

    /** The table of a profile whose domain has at most {@link OfferIndex#TABLE_LIMIT} packages. */
    static ExactOfferTable of(Profile profile) {
        UtilityFunction u = profile.utility();
        Domain d = u.domain();
        int n = (int) d.outcomeCountExact();
        // packages across a red line are never offered: leave them out (unless nothing else is left)
        boolean[] excluded = redLineExclusions(profile, d, n);
        int kept = n;
        if (excluded != null) for (boolean x : excluded) if (x) kept--;
        if (kept == 0) excluded = null;
        int m = excluded == null ? n : kept;
        long[] keys = new long[m];
        int[] order = new int[m];
        double[] chunk = new double[(int) Math.min(n, 1 << 14)];
        int[] o = new int[d.issueCount()];
        int[] sizes = d.sizes();
        for (int first = 0, k = 0; first < n; first += chunk.length) {
            int len = Math.min(chunk.length, n - first);
            double[] buf = len == chunk.length ? chunk : new double[len];
            if (u instanceof LinearAdditiveUtility la) {
                la.utilities(first, buf);
            } else {
                for (int i = 0; i < len; i++) {
                    buf[i] = u.utility(o);
                    for (int q = sizes.length - 1; q >= 0 && ++o[q] == sizes[q]; q--) o[q] = 0;
                }
            }
            for (int i = 0; i < len; i++) {
                if (excluded != null && excluded[first + i]) continue;
                keys[k] = SortableKeys.sortableBits(buf[i]);
                order[k++] = first + i;
            }
        }
        // a stable radix sort on the utilities' bits: exact order, ties by outcome number, O(N)
        SortableKeys.radixSort(keys, order);
        return new ExactOfferTable(d, keys, order);
    }

    /** Which outcomes cross one of the profile's red lines, or null when it has none. */
    private static boolean[] redLineExclusions(Profile profile, Domain d, int n) {
        if (profile.redLines().isEmpty()) return null;
        boolean[] excluded = new boolean[n];
        int[] o = new int[d.issueCount()];
        for (int i = 0; i < n; i++) {
            d.outcomeAt(i, o);
            excluded[i] = profile.crossesRedLine(o);
        }
        return excluded;
    }

    @Override Outcome byRank(int rank) { return domain.outcome(order[rank]); }

    @Override int[] valuesByRank(int rank) { return domain.outcomeAt(order[rank]); }
}
