package org.pourparler.agents;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pourparler.model.Outcome;
import org.pourparler.negotiation.OfferRecord;

/**
 * MiCRO (de Jonge, "An analysis of the linear bilateral ANAC domains using the MiCRO benchmark
 * strategy", IJCAI 2022), as NegMAS defines it ({@code MiCRONegotiator}: {@code MiCROOfferingPolicy}
 * and {@code MiCROAcceptancePolicy} with {@code accept_same = True}).
 *
 * <ul>
 *   <li>It goes through the packages worth at least its reservation value in decreasing own utility
 *       (ties in the {@link OfferIndex}'s order). Let m be the number of distinct packages it has
 *       proposed and k the number of distinct packages the opponent has proposed.</li>
 *   <li>When {@code m ≤ k} and an unproposed package at or above the reservation value remains, it
 *       concedes: it proposes the next package of that order. Otherwise it repeats one of its earlier
 *       proposals, chosen uniformly at random (its best package when it has none: then no package is
 *       worth its reservation value and it accepts nothing).</li>
 *   <li>It accepts x when {@code u(x) ≥ u(the package it concedes to now)} if it concedes this turn,
 *       else when {@code u(x) ≥} the least utility it has proposed; never below its reservation
 *       value.</li>
 * </ul>
 * So it never has more than k + 1 distinct proposals, and each new proposal is worth no more to it
 * than the previous ones. Its proposals are those published in the protocol's offers (in
 * alternating offers, a turn it accepts makes none).
 *
 * <p><b>Multilateral</b>: k is the least number of distinct proposals among the opponents: it concedes
 * only as fast as its slowest opponent. In single text and test the waters nobody proposes: it holds
 * its best package. It needs a tabulated outcome space (at most 10^7 packages); NegMAS ends the
 * negotiation when nothing is rational, which no protocol here needs.
 */
public final class MicroOffering implements OfferingStrategy {
    private List<Set<Outcome>> received;
    private final Set<Outcome> own = new HashSet<>();
    private final List<Outcome> ownInOrder = new ArrayList<>();
    private int seenReceived;
    private int seenOwn;
    private int lowestRational;
    private boolean conceding;
    private double least;

    /** A fresh MiCRO agent. */
    public static BoaAgent agent() {
        MicroOffering o = new MicroOffering();
        return new BoaAgent("MiCRO", o, o::threshold, null);
    }

    @Override
    public void start(AgentState state) {
        OfferIndex index = state.index();
        if (index.size() == 0) throw new IllegalArgumentException("MiCRO needs an enumerable outcome space (at most "
                + OfferIndex.TABLE_LIMIT + " packages)");
        int n = state.view().parties().size();
        received = new ArrayList<>();
        for (int k = 0; k < n; k++) received.add(new HashSet<>());
        own.clear();
        ownInOrder.clear();
        seenReceived = 0;
        seenOwn = 0;
        lowestRational = index.rankAtLeast(state.profile().reservation());
        conceding = false;
        least = Double.POSITIVE_INFINITY;
    }

    private void observe(AgentState state) {
        List<OfferRecord> r = state.received();
        for (; seenReceived < r.size(); seenReceived++) received.get(r.get(seenReceived).party()).add(r.get(seenReceived).outcome());
        List<OfferRecord> o = state.own();
        for (; seenOwn < o.size(); seenOwn++) {
            Outcome x = o.get(seenOwn).outcome();
            if (own.add(x)) {
                ownInOrder.add(x);
                least = Math.min(least, state.utility(x));
            }
        }
    }

    /** The least number of distinct packages any opponent has proposed. */
    int opponentDistinct(AgentState state) {
        int k = Integer.MAX_VALUE;
        for (int p = 0; p < received.size(); p++) if (p != state.view().self()) k = Math.min(k, received.get(p).size());
        return k == Integer.MAX_VALUE ? 0 : k;
    }

    @Override
    public Outcome offer(AgentState state) {
        observe(state);
        OfferIndex index = state.index();
        int m = own.size();
        int next = index.size() - 1 - m;
        conceding = m <= opponentDistinct(state) && next >= lowestRational && next >= 0;
        if (conceding) return index.byRank(next);
        if (m > 0) return ownInOrder.get(state.view().random().nextInt(m));
        return index.byRank(index.size() - 1);
    }

    double threshold(AgentState state, double next) {
        if (conceding) return next;
        return own.isEmpty() ? next : least;     // nothing proposed and not conceding: nothing is rational
    }
}
