package org.pourparler.agents;

import java.util.Arrays;
import org.pourparler.model.Domain;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Outcome;
import org.pourparler.model.Profile;
import org.pourparler.model.UtilityFunction;
import org.pourparler.negotiation.NegotiationView;
import org.pourparler.negotiation.ProfileStore;

/**
 * Finds an offer near a target utility for one profile. Up to {@link #TABLE_LIMIT} outcomes, every
 * outcome's utility is sorted once and {@link #atLeast} is a binary search, O(log N). Above that,
 * for linear-additive profiles, a greedy descent from the best outcome that never enumerates the
 * space: repeatedly make the single-issue change that lowers utility the most while staying at or
 * above the target. Other utilities above the limit (ANAC 2014's hyper-rectangles) get a sorted table
 * of sampled packages, approximate but deterministic. In table mode, packages crossing one of the
 * profile's red lines are left out (unless every package crosses one); the greedy search does not
 * check red lines.
 * Immutable after construction and safe to share between sessions and threads.
 */
public final class OfferIndex {
    /** The largest outcome space tabulated. */
    public static final long TABLE_LIMIT = 10_000_000L;

    private final Domain domain;
    private final UtilityFunction utility;
    private final long[] sorted;      // ascending utilities as sortable bits (table and sampled modes)
    private final int[] order;        // outcome numbers in that order
    private final double max;
    private final double min;
    private final int[][] samples;        // sampled mode: the packages that order[] points into

    /** Table or sampled mode: {@code sorted} holds the ascending utilities as {@link #sortableBits}. */
    private OfferIndex(Domain domain, UtilityFunction utility, long[] sorted, int[] order, int[][] samples) {
        this(domain, utility, sorted, order, samples, fromSortableBits(sorted[sorted.length - 1]), fromSortableBits(sorted[0]));
    }

    private OfferIndex(Domain domain, UtilityFunction utility, long[] sorted, int[] order, int[][] samples, double max, double min) {
        this.samples = samples;
        this.domain = domain;
        this.utility = utility;
        this.sorted = sorted;
        this.order = order;
        this.max = max;
        this.min = min;
    }

    /**
     * The index of the negotiator's own profile, built once and kept in its {@link ProfileStore}, so
     * that later sessions with the same profile (a tournament's) reuse it.
     */
    public static OfferIndex of(NegotiationView view) {
        return view.store().computeIfAbsent(STORE_KEY, () -> of(view.profile()));
    }

    /**
     * Builds a profile's index into a cache ahead of sessions that will use it (for instance several
     * profiles' indexes on several cores before one session starts); {@link #of(NegotiationView)} then
     * finds it there.
     */
    public static OfferIndex prepare(org.pourparler.negotiation.ProfileCache cache, Profile profile) {
        return cache.storeFor(profile).computeIfAbsent(STORE_KEY, () -> of(profile));
    }

    private static final String STORE_KEY = "offer-index";

    /**
     * The index of a profile's utility.
     *
     * Up to {@link #TABLE_LIMIT} outcomes: every outcome, sorted. Above: linear-additive utilities
     * are searched greedily; other utilities get a sorted sample ({@link #SAMPLES} packages).
     */
    public static OfferIndex of(Profile profile) {
        UtilityFunction u = profile.utility();
        Domain d = u.domain();
        if (d.isEnumerable(TABLE_LIMIT)) {
            int n = (int) d.outcomeCountExact();
            // packages across a red line are never offered: leave them out (unless nothing else is left)
            boolean[] excluded = redLineExclusions(profile, d, n);
            int kept = n;
            if (excluded != null) for (boolean x : excluded) if (x) kept--;
            if (kept == 0) excluded = null;
            int m = excluded == null ? n : kept;
            // utilities straight into sortable keys, a chunk at a time: no N-sized array of doubles
            // (in a small VM, touching fresh memory costs more than the arithmetic)
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
                    keys[k] = sortableBits(buf[i]);
                    order[k++] = first + i;
                }
            }
            // a stable radix sort on the utilities' bits: exact order, ties by outcome number, O(N)
            radixSort(keys, order);
            return new OfferIndex(d, u, keys, order, null);
        }
        if (u instanceof LinearAdditiveUtility la) {
            return new OfferIndex(d, u, null, null, null, la.maxUtility(), la.minUtility());
        }
        return sampled(profile, d, u);
    }

    /** Packages sorted in sampled mode (other utilities above the table limit). */
    public static final int SAMPLES = 100_000;

    /**
     * Above the table limit, for utilities that are not linear-additive (ANAC 2014's hyper-rectangles):
     * a sorted table of {@link #SAMPLES} packages drawn uniformly with a fixed seed, each improved by a
     * few steps of hill climbing so that the table reaches the high-utility regions a uniform draw
     * misses. Offers come from this table: approximate, and the same in every run.
     */
    private static OfferIndex sampled(Profile profile, Domain d, UtilityFunction u) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(0x5eed);
        int[] sizes = d.sizes();
        int[][] samples = new int[SAMPLES][];
        double[] us = new double[SAMPLES];
        int kept = 0;
        for (int i = 0; i < SAMPLES; i++) {
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
            keys[i] = sortableBits(us[i]);
            order[i] = i;
        }
        radixSort(keys, order);
        return new OfferIndex(d, u, keys, order, java.util.Arrays.copyOf(samples, kept));
    }

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
            java.util.Arrays.fill(count, 0);
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

    /** The best utility of any outcome. */
    public double max() { return max; }

    /** The worst utility of any outcome. */
    public double min() { return min; }

    /** Number of outcomes tabulated (0 when the space is searched greedily). */
    public int size() { return sorted == null ? 0 : sorted.length; }

    /**
     * An outcome with utility at least {@code target} and as close to it as the index can find: the
     * exact least such outcome in table mode (ties: the lowest outcome number); the best outcome
     * when the target is above the maximum.
     */
    public Outcome atLeast(double target) {
        if (sorted != null) {
            int at = rankAtLeast(target);
            return byRank(at == sorted.length ? sorted.length - 1 : at);
        }
        return Outcome.of(greedy((LinearAdditiveUtility) utility, target));
    }

    /** The rank of the least tabulated outcome with utility at least {@code target}, or {@link #size()} when none (table mode only). */
    public int rankAtLeast(double target) {
        if (sorted == null) throw new IllegalStateException("This index searches greedily and has no ranks");
        long key = sortableBits(target);
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(sorted[mid], key) < 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** The outcome at position {@code rank} in ascending utility (table mode only). */
    public Outcome byRank(int rank) {
        if (sorted == null) throw new IllegalStateException("This index searches greedily and has no ranks");
        return samples != null ? Outcome.of(samples[order[rank]]) : domain.outcome(order[rank]);
    }

    /** The option indexes of the outcome at position {@code rank} (a fresh array; table mode only). */
    public int[] valuesByRank(int rank) {
        if (sorted == null) throw new IllegalStateException("This index searches greedily and has no ranks");
        return samples != null ? samples[order[rank]].clone() : domain.outcomeAt(order[rank]);
    }

    /** The utility at position {@code rank} in ascending order (table mode only). */
    public double utilityByRank(int rank) {
        if (sorted == null) throw new IllegalStateException("This index searches greedily and has no ranks");
        return fromSortableBits(sorted[rank]);
    }

    private static int[] greedy(LinearAdditiveUtility u, double target) {
        int n = u.domain().issueCount();
        int[] o = new int[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] t = u.terms(i);
            int best = 0;
            for (int v = 1; v < t.length; v++) if (t[v] > t[best]) best = v;
            o[i] = best;
            total += t[best];
        }
        while (true) {
            int bi = -1;
            int bv = -1;
            double bestTotal = total;
            for (int i = 0; i < n; i++) {
                for (int v = 0; v < u.domain().issue(i).size(); v++) {
                    double nt = total - u.term(i, o[i]) + u.term(i, v);
                    if (nt >= target && nt < bestTotal) {
                        bestTotal = nt;
                        bi = i;
                        bv = v;
                    }
                }
            }
            if (bi < 0) return o;
            o[bi] = bv;
            total = bestTotal;
        }
    }
}
