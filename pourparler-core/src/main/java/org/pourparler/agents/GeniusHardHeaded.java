package org.pourparler.agents;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;
import org.pourparler.model.UtilityFunction;

/**
 * HardHeaded's offers and acceptance exactly as GENIUS 10.4's agent {@code KLH} makes them, used by
 * {@link HardHeadedOffering} under GENIUS conventions.
 *
 * <p><b>Bid list.</b> KLH keeps its packages in a map from utility to package ({@code BidSelector}),
 * built issue by issue: starting from the package of every issue's first option, each pass replaces
 * every listed package (in ascending key order) by its variants on the next issue, keyed by their
 * utility minus a small offset that grows by 10^-8 with every insertion of the pass (the offset
 * restarts at 10^-8 for every issue). A key met twice keeps the later package, so a few packages may
 * be missing. Keys, not utilities, decide "the next lower package", the 0.01 tolerance and the
 * comparisons with the concession floor.
 *
 * <p><b>Turns</b> (as {@code KLH.chooseAction}): the first offer is the package of the highest key.
 * When the queue is empty it is refilled: the package of the next lower key below its last offer;
 * if that key is below the floor p(t), one of its own earlier offers at random instead; else also
 * the next lower ones while within 0.01 of the first and at or above p(t). Up to 4 are queued in
 * ascending key order; of more, 5 as {@link #chooseFive} takes them, rated by KLH's own opponent
 * model ({@link GeniusHardHeadedModel}, fed every offer received; all alike for a composition
 * without models). Then the entry of the best offer
 * received (the first of the highest utility; if its package is missing from the list, the entry
 * found for an earlier best) goes first when its key is above the queue's head. It accepts when the
 * offer is worth more than the lowest utility it has offered (1 before its first offer) or at least
 * as much as the queue's head.
 *
 * <p>The floor's Pmin is 0.585 whatever the reservation value (KLH computes a reservation-based
 * minimum that the floor never reads). Where KLH draws an earlier offer from an unseeded random
 * source, this one draws from the negotiator's seeded source: GENIUS's own sessions differ there
 * from run to run.
 */
final class GeniusHardHeaded {
    /** The most packages KLH's bid list is built for here; larger domains keep our HardHeaded. */
    static final long LIMIT = 2_000_000L;
    private static final double OFFSET = 0.00000001;

    private final UtilityFunction utility;
    private final NavigableMap<Double, int[]> bids;
    private final GeniusHardHeadedModel model;
    /** The rating of a composition without opponent models: nothing to tell the candidates apart. */
    private static final OpponentModel UNRATED = new OpponentModel() {
        @Override public void update(Outcome offer, double time) { }

        @Override public double utility(int[] outcome) { return 0; }
    };
    private final LinkedList<Map.Entry<Double, int[]>> queue = new LinkedList<>();
    private final List<Map.Entry<Double, int[]>> mine = new ArrayList<>();
    private double lowestYet = 1.0;
    private double lowestBefore = 1.0;
    private boolean first = true;
    private int[] opponentBest;
    private Map.Entry<Double, int[]> opponentBestEntry;
    private int seen;

    /** A fresh agent's state over a bid list from {@link #bidList} (shared: it is only read). */
    GeniusHardHeaded(UtilityFunction utility, NavigableMap<Double, int[]> bids) {
        this.utility = utility;
        this.bids = bids;
        this.model = new GeniusHardHeadedModel(utility.domain());
    }

    /** KLH's {@code BidSelector.BidList}, unmodifiable (its arrays are never written). */
    static NavigableMap<Double, int[]> bidList(UtilityFunction u) {
        Domain d = u.domain();
        int n = d.issueCount();
        TreeMap<Double, int[]> list = new TreeMap<>();
        int[] start = new int[n];
        list.put(u.utility(start), start);
        for (int i = 0; i < n; i++) {
            TreeMap<Double, int[]> next = new TreeMap<>();
            double offset = -OFFSET;
            int options = d.issue(i).size();
            for (int[] b : list.values()) {
                for (int v = 0; v < options; v++) {
                    int[] c = b.clone();
                    c[i] = v;
                    next.put(u.utility(c) + offset, c);
                    offset = offset - OFFSET;
                }
            }
            list = next;
        }
        return java.util.Collections.unmodifiableNavigableMap(list);
    }

    /** The highest utility, KLH's maxUtil (the real utility of the highest key's package). */
    double max() { return utility.utility(bids.lastEntry().getValue()); }

    /** The next offer, KLH's turn given its concession floor {@code p}; learns the offers received first. */
    Outcome offer(AgentState state, double p) {
        for (; seen < state.receivedCount(); seen++) receive(state.received().get(seen).outcome().toArray());
        lowestBefore = lowestYet;
        if (first) {
            first = false;
            queue.add(bids.lastEntry());
        } else if (queue.isEmpty()) {
            refill(state, p);
        }
        Map.Entry<Double, int[]> offer = queue.remove();
        mine.add(offer);
        if (offer.getKey() < lowestYet) lowestYet = utility.utility(offer.getValue());
        return Outcome.of(offer.getValue());
    }

    private void receive(int[] bid) {
        model.learn(bid);
        if (opponentBest == null || utility.utility(bid) > utility.utility(opponentBest)) opponentBest = bid;
        Map.Entry<Double, int[]> e = bids.floorEntry(utility.utility(opponentBest));
        while (e != null && !java.util.Arrays.equals(e.getValue(), opponentBest)) e = bids.lowerEntry(e.getKey());
        if (e != null) opponentBestEntry = e;           // KLH keeps the old entry when the bid is not listed
    }

    private void refill(AgentState state, double p) {
        TreeMap<Double, int[]> fresh = new TreeMap<>();
        Map.Entry<Double, int[]> next = bids.lowerEntry(mine.get(mine.size() - 1).getKey());
        if (next == null) next = bids.firstEntry();     // KLH fails here (a null entry); stay at the bottom
        fresh.put(next.getKey(), next.getValue());
        if (next.getKey() < p) {
            Map.Entry<Double, int[]> earlier = mine.get((int) Math.floor(mine.size() * state.view().random().nextDouble()));
            fresh.remove(next.getKey());
            fresh.put(earlier.getKey(), earlier.getValue());
        }
        double firstKey = next.getKey();
        Map.Entry<Double, int[]> add = bids.lowerEntry(firstKey);
        while (add != null && firstKey - add.getKey() < HardHeadedOffering.TOLERANCE && add.getKey() >= p) {
            fresh.put(add.getKey(), add.getValue());
            add = bids.lowerEntry(add.getKey());
        }
        if (fresh.size() <= HardHeadedOffering.TOP_SELECTED) {
            queue.addAll(fresh.entrySet());
        } else {
            // KLH's model is the GENIUS form of the frequency model the agent was given; without models
            // (model=none) every candidate rates alike
            queue.addAll(chooseFive(fresh, state.hasModels() ? model : UNRATED));
        }
        if (opponentBestEntry != null && queue.getFirst().getKey() < opponentBestEntry.getKey()) queue.addFirst(opponentBestEntry);
    }

    /**
     * KLH's choice from more than {@link HardHeadedOffering#TOP_SELECTED} candidates: its loop runs
     * while its count is at most 4, so it takes 5, one at a time, each the candidate the opponent
     * model rates highest: starting from the highest key and scanning keys upwards, a candidate
     * replaces the current choice only when strictly better, so of equal ratings the highest key
     * wins if it has the top rating, else the lowest key with it. Each choice is removed from the
     * candidates before the next.
     *
     * <p>The list holds {@code java.util.TreeMap}'s own entries, as KLH's queue does, and these
     * change: removing an entry that has two children in the tree moves its successor's key and
     * package into that entry object and unlinks the successor's. A queued choice may then show the
     * next higher candidate instead, the chosen package is never offered, and the one shown may be
     * chosen again. KLH offers the entries as they stand once the 5 are chosen; this keeps the same
     * map and the same entries on purpose (copying each chosen entry would change the offers).
     * {@code candidates} loses the keys chosen and must not change afterwards.
     */
    static List<Map.Entry<Double, int[]>> chooseFive(TreeMap<Double, int[]> candidates, OpponentModel model) {
        List<Map.Entry<Double, int[]>> chosen = new ArrayList<>(HardHeadedOffering.TOP_SELECTED + 1);
        for (int added = 0; added <= HardHeadedOffering.TOP_SELECTED; added++) {
            Map.Entry<Double, int[]> best = candidates.lastEntry();
            double bestRating = model.utility(best.getValue());
            for (Map.Entry<Double, int[]> e : candidates.entrySet()) {
                double rating = model.utility(e.getValue());
                if (rating > bestRating) {
                    best = e;
                    bestRating = rating;
                }
            }
            chosen.add(best);
            candidates.remove(best.getKey());
        }
        return chosen;
    }

    /** KLH's acceptance: more than the lowest utility offered before this turn, or at least the next offer. */
    double threshold(double next) {
        return Math.min(next, Math.nextUp(lowestBefore));
    }

    /** The lowest utility offered so far (1 before the first offer, as in KLH). */
    double lowest() { return lowestYet; }
}
