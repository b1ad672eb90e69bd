package org.pourparler.agents;

import org.pourparler.model.Outcome;

/**
 * A table of packages sorted by ascending utility for one profile: the exact table of every package
 * ({@link ExactOfferTable}) or a sorted sample ({@link SampledOfferTable}). Utilities are kept as
 * {@link SortableKeys#sortableBits} keys, so "the least package at or above x" is a binary search on
 * longs, O(log N). Ties keep the order the table was built in. Immutable.
 */
abstract sealed class RankedOffers permits ExactOfferTable, SampledOfferTable {
    /** Ascending utilities as sortable bits. */
    private final long[] sorted;
    /** For each rank, the table's own number of the package there (outcome number or sample number). */
    final int[] order;

    RankedOffers(long[] sorted, int[] order) {
        this.sorted = sorted;
        this.order = order;
    }

    final int size() { return sorted.length; }

    final double max() { return SortableKeys.fromSortableBits(sorted[sorted.length - 1]); }

    final double min() { return SortableKeys.fromSortableBits(sorted[0]); }

    /** The rank of the least package with utility at least {@code target}, or {@link #size()} when none. */
    final int rankAtLeast(double target) {
        long key = SortableKeys.sortableBits(target);
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(sorted[mid], key) < 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    final double utilityByRank(int rank) { return SortableKeys.fromSortableBits(sorted[rank]); }

    /** The package at {@code rank}. */
    abstract Outcome byRank(int rank);

    /** The option indexes of the package at {@code rank} (a fresh array). */
    abstract int[] valuesByRank(int rank);
}
