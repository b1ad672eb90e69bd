package org.pourparler.agents;

import java.util.Arrays;

/**
 * Utilities as sortable 64-bit keys and a stable radix sort on them, shared by the sorted offer
 * tables ({@link ExactOfferTable}, {@link SampledOfferTable}) and GENIUS's outcome order
 * ({@link GeniusOutcomeSpace}).
 *
 * <p>A double's bits, with the sign bit flipped for positive numbers and every bit flipped for
 * negative ones, compare as unsigned longs in the numeric order of the doubles. A least-significant-
 * digit radix sort on those keys is exact, stable (ties keep their input order) and O(N); passes in
 * which every key has the same digit are skipped, which is most of them for utilities in [0, 1].
 */
final class SortableKeys {
    private SortableKeys() { }

    /** The bits of {@code u} as a long whose unsigned order is the numeric order (-0.0 counts as 0.0). */
    static long sortableBits(double u) {
        long bits = Double.doubleToLongBits(u == 0 ? 0.0 : u);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    /** The inverse of {@link #sortableBits}. */
    static double fromSortableBits(long key) {
        return Double.longBitsToDouble(key < 0 ? key ^ Long.MIN_VALUE : ~key);
    }

    /**
     * Sorts {@code keys} as unsigned longs, carrying {@code values} along; stable, 8 or 16 bits per pass,
     * passes in which every key has the same digit are skipped (utilities in [0, 1] share their high bits).
     */
    static void radixSort(long[] keys, int[] values) {
        int n = keys.length;
        int bits = n < (1 << 16) ? 8 : 16;         // small tables: a small count array costs less to clear
        int mask = (1 << bits) - 1;
        long[] k2 = new long[n];
        int[] v2 = new int[n];
        int[] count = new int[1 << bits];
        for (int shift = 0; shift < 64; shift += bits) {
            Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) count[(int) (keys[i] >>> shift) & mask]++;
            if (n == 0 || count[(int) (keys[0] >>> shift) & mask] == n) continue;
            for (int b = 0, sum = 0; b <= mask; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int p = count[(int) (keys[i] >>> shift) & mask]++;
                k2[p] = keys[i];
                v2[p] = values[i];
            }
            System.arraycopy(k2, 0, keys, 0, n);
            System.arraycopy(v2, 0, values, 0, n);
        }
    }
}
