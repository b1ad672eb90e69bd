package org.pourparler.agents;

import org.pourparler.model.Domain;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Outcome;
import org.pourparler.model.Profile;
import org.pourparler.model.UtilityFunction;
import org.pourparler.negotiation.NegotiationView;
import org.pourparler.negotiation.ProfileCache;
import org.pourparler.negotiation.ProfileStore;

/**
 * Finds an offer near a target utility for one profile, in one of three named parts chosen by the
 * size of the outcome space and the kind of utility:
 * <ul>
 *   <li>{@link ExactOfferTable} (up to {@link #TABLE_LIMIT} packages): every package sorted once;
 *       {@link #atLeast} is a binary search, O(log N), exact; red-line packages left out;</li>
 *   <li>{@link GreedyOfferSearch} (above, linear-additive): a greedy descent from the best package
 *       that never enumerates the space; red lines unchecked;</li>
 *   <li>{@link SampledOfferTable} (above, other utilities such as ANAC 2014's hyper-rectangles): a
 *       sorted table of sampled packages, approximate but deterministic.</li>
 * </ul>
 * The two tables answer by rank ({@link #rankAtLeast}, {@link #byRank}, ...); the greedy search has
 * no ranks ({@link #size()} is 0). Immutable after construction and safe to share between sessions
 * and threads.
 */
public final class OfferIndex {
    /** The largest outcome space tabulated. */
    public static final long TABLE_LIMIT = 10_000_000L;

    /** Packages sorted in sampled mode (other utilities above the table limit). */
    public static final int SAMPLES = 100_000;

    private static final String STORE_KEY = "offer-index";

    /** The exact or sampled table, or null when the space is searched greedily. */
    private final RankedOffers table;
    /** The greedy search, or null when there is a table. */
    private final GreedyOfferSearch greedy;

    private OfferIndex(RankedOffers table, GreedyOfferSearch greedy) {
        this.table = table;
        this.greedy = greedy;
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
    public static OfferIndex prepare(ProfileCache cache, Profile profile) {
        return cache.storeFor(profile).computeIfAbsent(STORE_KEY, () -> of(profile));
    }

    /**
     * The index of a profile's utility.
     *
     * Up to {@link #TABLE_LIMIT} outcomes: every outcome, sorted. Above: linear-additive utilities
     * are searched greedily; other utilities get a sorted sample ({@link #SAMPLES} packages).
     */
    public static OfferIndex of(Profile profile) {
        UtilityFunction u = profile.utility();
        Domain d = u.domain();
        if (d.isEnumerable(TABLE_LIMIT)) return new OfferIndex(ExactOfferTable.of(profile), null);
        if (u instanceof LinearAdditiveUtility la) return new OfferIndex(null, new GreedyOfferSearch(la));
        return new OfferIndex(SampledOfferTable.of(profile), null);
    }

    /** The best utility of any outcome. */
    public double max() { return table != null ? table.max() : greedy.max(); }

    /** The worst utility of any outcome. */
    public double min() { return table != null ? table.min() : greedy.min(); }

    /** Number of outcomes tabulated (0 when the space is searched greedily). */
    public int size() { return table == null ? 0 : table.size(); }

    /**
     * An outcome with utility at least {@code target} and as close to it as the index can find: the
     * exact least such outcome in table mode (ties: the lowest outcome number); the best outcome
     * when the target is above the maximum.
     */
    public Outcome atLeast(double target) {
        if (table == null) return greedy.atLeast(target);
        int at = table.rankAtLeast(target);
        return table.byRank(at == table.size() ? table.size() - 1 : at);
    }

    /** The rank of the least tabulated outcome with utility at least {@code target}, or {@link #size()} when none (table mode only). */
    public int rankAtLeast(double target) { return ranked().rankAtLeast(target); }

    /** The outcome at position {@code rank} in ascending utility (table mode only). */
    public Outcome byRank(int rank) { return ranked().byRank(rank); }

    /** The option indexes of the outcome at position {@code rank} (a fresh array; table mode only). */
    public int[] valuesByRank(int rank) { return ranked().valuesByRank(rank); }

    /** The utility at position {@code rank} in ascending order (table mode only). */
    public double utilityByRank(int rank) { return ranked().utilityByRank(rank); }

    private RankedOffers ranked() {
        if (table == null) throw new IllegalStateException("This index searches greedily and has no ranks");
        return table;
    }
}
