package org.pourparler.agents;

import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.Outcome;
import org.pourparler.model.Profile;
import org.pourparler.model.UtilityFunction;
import org.pourparler.negotiation.NegotiationView;

/**
 * GENIUS 10.4's sorted outcome space ({@code SortedOutcomeSpace}), rebuilt so that an agent under
 * {@link org.pourparler.negotiation.Conventions#GENIUS} offers exactly the package GENIUS's would.
 *
 * <p><b>Order.</b> Every package, best first. GENIUS enumerates packages with its {@code BidIterator}
 * (the first issue varies fastest), then sorts them by utility, highest first; packages of equal
 * utility are ordered by the hash code of GENIUS's {@code BidDetails} (which mixes the sum of the
 * option labels' {@code String.hashCode}, the utility's bits and a time of 0), and packages whose
 * hash codes are equal too keep the enumeration order (the sort is stable).
 *
 * <p><b>Nearest package</b> ({@code getIndexOfBidNearUtility}): a bisection on that list that stops
 * when its midpoint repeats, and then a look at the midpoint's neighbours in which the one below
 * (worse) replaces the midpoint when it is strictly nearer the target, and otherwise the midpoint
 * stays: the better neighbour, even when nearer, is never chosen (GENIUS overwrites that choice).
 * So the package offered may be just below the target, and is not always the nearest.
 *
 * <p>Tie order is exact for discrete issues (labels hash as GENIUS's {@code ValueDiscrete}); on
 * integer and real issues GENIUS hashes its own value objects, which may order exact ties differently.
 * Immutable; built once per profile and kept in the negotiator's profile store.
 */
public final class GeniusOutcomeSpace {
    private static final String STORE_KEY = "genius-outcome-space";

    private final Domain domain;
    private final int[] outcomes;       // our outcome numbers, best first in GENIUS's order
    private final double[] utilities;   // their utilities, descending

    private GeniusOutcomeSpace(Domain domain, int[] outcomes, double[] utilities) {
        this.domain = domain;
        this.outcomes = outcomes;
        this.utilities = utilities;
    }

    /** The space of the negotiator's own profile, built once and kept in its profile store. */
    public static GeniusOutcomeSpace of(NegotiationView view) {
        return view.store().computeIfAbsent(STORE_KEY, () -> of(view.profile()));
    }

    /**
     * The space of a profile's utility.
     *
     * @throws IllegalArgumentException when the domain has more than {@link OfferIndex#TABLE_LIMIT} packages
     */
    public static GeniusOutcomeSpace of(Profile profile) {
        UtilityFunction u = profile.utility();
        Domain d = u.domain();
        if (!d.isEnumerable(OfferIndex.TABLE_LIMIT)) {
            throw new IllegalArgumentException("GENIUS's sorted outcome space lists every package; domain '" + d.name()
                    + "' has more than " + OfferIndex.TABLE_LIMIT);
        }
        int n = (int) d.outcomeCountExact();
        int issues = d.issueCount();
        int[] sizes = d.sizes();
        int[][] labelHash = new int[issues][];
        for (int i = 0; i < issues; i++) {
            Issue issue = d.issue(i);
            labelHash[i] = new int[sizes[i]];
            for (int v = 0; v < sizes[i]; v++) labelHash[i][v] = issue.label(v).hashCode();
        }
        double[] us = new double[n];
        int[] hash = new int[n];
        int[] number = new int[n];
        int[] o = new int[issues];
        for (int k = 0; k < n; k++) {             // BidIterator order: the first issue varies fastest
            int bidHash = 0;
            for (int i = 0; i < issues; i++) bidHash += labelHash[i][o[i]];
            double v = u.utility(o);
            us[k] = v;
            hash[k] = bidDetailsHash(bidHash, v);
            number[k] = (int) d.indexOf(o);
            for (int i = 0; i < issues && ++o[i] == sizes[i]; i++) o[i] = 0;
        }
        // BidDetailsSorterUtility: utility descending, then hash code ascending; equal hashes keep the
        // enumeration order (Collections.sort is stable). Two stable radix sorts, the minor key first.
        int[] order = new int[n];
        long[] keys = new long[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
            keys[k] = (hash[k] ^ Integer.MIN_VALUE) & 0xffffffffL;     // signed order as unsigned
        }
        SortableKeys.radixSort(keys, order);
        for (int r = 0; r < n; r++) keys[r] = ~SortableKeys.sortableBits(us[order[r]]);   // descending; -0.0 equals 0.0
        SortableKeys.radixSort(keys, order);
        int[] outcomes = new int[n];
        double[] utilities = new double[n];
        for (int r = 0; r < n; r++) {
            outcomes[r] = number[order[r]];
            utilities[r] = us[order[r]];
        }
        return new GeniusOutcomeSpace(d, outcomes, utilities);
    }

    /** {@code BidDetails.hashCode()} of a bid with this hash and utility, offered at time 0. */
    static int bidDetailsHash(int bidHash, double utility) {
        long bits = Double.doubleToLongBits(utility);
        int result = 31 + bidHash;
        result = 31 * result + (int) (bits ^ (bits >>> 32));
        return 31 * result;                        // + the hash of time 0.0, which is 0
    }

    /** Number of packages. */
    public int size() { return outcomes.length; }

    /** The utility of the package at {@code position} (0 the best). */
    public double utility(int position) { return utilities[position]; }

    /** The package at {@code position} (0 the best). */
    public Outcome outcome(int position) { return domain.outcome(outcomes[position]); }

    /** The position of the package GENIUS's {@code getBidNearUtility(target)} returns. */
    public int nearest(double target) {
        int index = search(target);
        double closest = Math.abs(utilities[index] - target);
        if (index > 0 && Math.abs(utilities[index - 1] - target) < closest) {
            closest = Math.abs(utilities[index - 1] - target);   // GENIUS computes this choice, then drops it
        }
        if (index + 1 < utilities.length && Math.abs(utilities[index + 1] - target) < closest) return index + 1;
        return index;
    }

    /** The package GENIUS's {@code getBidNearUtility(target)} returns. */
    public Outcome near(double target) { return outcome(nearest(target)); }

    /** GENIUS's {@code searchIndexWith}: a bisection on the descending list that stops when its midpoint repeats. */
    int search(double value) {
        int middle = -1;
        int low = 0;
        int high = utilities.length - 1;
        int lastMiddle = 0;
        while (lastMiddle != middle) {
            lastMiddle = middle;
            middle = (low + high) / 2;
            double u = utilities[middle];
            if (u == value) return middle;
            if (u < value) high = middle;
            if (u > value) low = middle;
        }
        return middle;
    }
}
