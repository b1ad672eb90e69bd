package org.pourparler.agents;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.pourparler.model.Outcome;
import org.pourparler.negotiation.Conventions;

/**
 * An offering strategy and acceptance condition in the spirit of HardHeaded (Krimpen, Looije and
 * Hajizadeh; winner of ANAC 2011), as the GENIUS sources have it (agent {@code KLH} and its BOA
 * port {@code HardHeaded_Offering} / {@code AC_HardHeaded}).
 *
 * <p><b>Concession floor</b> p(t), with Ka = 0.05, e = 0.05, Pmax the best utility, Pmin
 * = max(reservation value, 0.585·Pmax) and d the profile's discount factor:
 * <ul>
 *   <li>d ≥ 0.9: {@code p = Pmin + (1 − F)(Pmax − Pmin)}, {@code F = Ka + (1 − Ka)(t/d)^(1/e)};</li>
 *   <li>d &lt; 0.9, t ≤ d: the same with e' = e/d and Pmin' = Pmin + (Pmax − Pmin)·d;</li>
 *   <li>d &lt; 0.9, t &gt; d: e' = 30, {@code F = Ka + (1 − Ka)((t − d)/(1 − d))^(1/30)}, between Pmin and
 *       Pmax' = Pmin + (Pmax − Pmin)·d.</li>
 * </ul>
 * <p><b>Offers</b>: first the best package. Then it works through a queue; when the queue is empty
 * it refills it: the package just below its last proposal (strictly lower utility) and, while
 * within 0.01 of that one and at or above p(t), the next lower ones (at most 64). If the first of
 * these is already below p(t), the only candidate is instead one of its own earlier proposals,
 * uniformly at random. At most 4 candidates are queued in ascending utility; of more, the 5 the
 * opponent models rate best (the worst estimate over the opponents, ties to the higher own
 * utility), best first. Then, if the best offer received so far is better for it than the queue's
 * head, that offer goes first.
 * <p><b>Acceptance</b> (AC_HardHeaded): accept x when {@code u(x) ≥ u(next offer)} or
 * {@code u(x) > } the lowest utility it had proposed before this turn.
 *
 * <p><b>Differs from HardHeaded</b>: GENIUS keys its bid list by utility, so of several packages of
 * equal utility only one is ever offered; here all are candidates. The floor takes the reservation
 * value into account (KLH sets a reservation-based minimum that its concession never reads, so its
 * floor is 0.585). The constant 0.585 is scaled by the best utility (identical when that is 1).
 * "Its proposals" are the packages this strategy returned, published or not, so it concedes in
 * every protocol. With more than 10^7 packages (no table) it offers the package nearest above p(t).
 * Multilateral: the opponent models' worst estimate ranks candidates and the best offer received
 * from anyone is the one put first.
 *
 * <p><b>Under GENIUS conventions</b> (domains up to {@link GeniusHardHeaded#LIMIT} packages) it makes
 * KLH's own moves instead, bid list keys and all, and rates candidates with KLH's own opponent model
 * ({@link GeniusHardHeadedModel}) rather than the agent's models: see {@link GeniusHardHeaded}.
 */
public final class HardHeadedOffering implements OfferingStrategy {
    static final double KA = 0.05;
    static final double E = 0.05;
    static final double MINIMUM = 0.585;
    static final double TOLERANCE = 0.01;
    static final int TOP_SELECTED = 4;

    private record Bid(Outcome outcome, double utility) { }

    private static final String KLH_KEY = "genius-hard-headed";

    /** Under GENIUS conventions: KLH's own offers and acceptance, else null. */
    private GeniusHardHeaded klh;
    private double pmax;
    private double pmin;
    private double discount;
    private final Deque<Bid> queue = new ArrayDeque<>();
    private final List<Bid> proposed = new ArrayList<>();
    private double lowest;
    private double lowestBefore;
    private Bid bestReceived;
    private int seen;

    /**
     * A fresh HardHeaded agent: this strategy, its acceptance condition and {@link FrequencyModel}s
     * (which the strategy does not read under GENIUS conventions, where KLH's own model rates).
     */
    public static BoaAgent agent() {
        HardHeadedOffering o = new HardHeadedOffering();
        return new BoaAgent("HardHeaded", o, o::threshold, FrequencyModel::new);
    }

    @Override
    public void start(AgentState state) {
        klh = state.view().conventions() == Conventions.GENIUS && state.view().domain().isEnumerable(GeniusHardHeaded.LIMIT)
                ? new GeniusHardHeaded(state.profile().utility(),
                        state.view().store().computeIfAbsent(KLH_KEY, () -> GeniusHardHeaded.bidList(state.profile().utility())))
                : null;
        pmax = klh != null ? klh.max() : state.index().max();
        double scale = pmax > 0 ? pmax : 1;
        pmin = klh != null ? MINIMUM : Math.min(pmax, Math.max(state.profile().reservation(), MINIMUM * scale));
        discount = state.profile().discount();
        queue.clear();
        proposed.clear();
        lowest = Double.POSITIVE_INFINITY;
        lowestBefore = Double.POSITIVE_INFINITY;
        bestReceived = null;
        seen = 0;
    }

    /** The concession floor p(t). */
    public double floor(double t) {
        double d = discount > 0 && discount <= 1 ? discount : 1;
        if (d >= 0.9) {
            double f = KA + (1 - KA) * Math.pow(t / d, 1 / E);
            return pmin + (1 - f) * (pmax - pmin);
        }
        if (t <= d) {
            double f = KA + (1 - KA) * Math.pow(t / d, 1 / (E / d));
            double min = pmin + Math.abs(pmax - pmin) * d;
            return min + (1 - f) * (pmax - min);
        }
        double f = KA + (1 - KA) * Math.pow((t - d) / (1 - d), 1 / 30.0);
        double max = pmin + Math.abs(pmax - pmin) * d;
        return pmin + (1 - f) * (max - pmin);
    }

    @Override
    public Outcome offer(AgentState state) {
        for (; seen < state.receivedCount(); seen++) {
            double u = state.receivedUtility(seen);
            if (bestReceived == null || u > bestReceived.utility) bestReceived = new Bid(state.received().get(seen).outcome(), u);
        }
        double p = floor(state.time());
        if (klh != null) return klh.offer(state, p);
        lowestBefore = lowest;
        Bid next;
        OfferIndex index = state.index();
        if (index.size() == 0) {
            Outcome o = state.near(p);
            next = new Bid(o, state.utility(o));
        } else {
            if (proposed.isEmpty()) {
                queue.add(bid(index, index.size() - 1));
            } else if (queue.isEmpty()) {
                refill(state, p);
            }
            next = queue.poll();
        }
        proposed.add(next);
        lowest = Math.min(lowest, next.utility);
        return next.outcome;
    }

    private void refill(AgentState state, double p) {
        OfferIndex index = state.index();
        double last = proposed.get(proposed.size() - 1).utility;
        int first = index.rankAtLeast(last) - 1;
        List<Bid> candidates = new ArrayList<>();      // descending own utility
        if (first < 0 || index.utilityByRank(first) < p) {
            candidates.add(proposed.get(state.view().random().nextInt(proposed.size())));
        } else {
            double firstUtility = index.utilityByRank(first);
            for (int r = first; r >= 0 && candidates.size() < AgentState.NEAR_CANDIDATES; r--) {
                double u = index.utilityByRank(r);
                if (r < first && !(firstUtility - u < TOLERANCE && u >= p)) break;
                candidates.add(bid(index, r));
            }
        }
        if (candidates.size() <= TOP_SELECTED) {
            for (int k = candidates.size() - 1; k >= 0; k--) queue.add(candidates.get(k));
        } else {
            for (int added = 0; added <= TOP_SELECTED; added++) {
                int best = 0;
                double bestScore = score(state, candidates.get(0));
                for (int k = 1; k < candidates.size(); k++) {
                    double s = score(state, candidates.get(k));
                    if (s > bestScore) {
                        best = k;
                        bestScore = s;
                    }
                }
                queue.add(candidates.remove(best));
            }
        }
        if (bestReceived != null && queue.peekFirst().utility < bestReceived.utility) queue.addFirst(bestReceived);
    }

    /** The worst estimate of the opponents' utility (0 without models: the highest own utility then wins). */
    private static double score(AgentState state, Bid b) {
        double s = Double.POSITIVE_INFINITY;
        int[] o = b.outcome.toArray();
        for (int k = 0; k < state.view().parties().size(); k++) {
            OpponentModel m = state.model(k);
            if (m != null) s = Math.min(s, m.utility(o));
        }
        return s == Double.POSITIVE_INFINITY ? 0 : s;
    }

    private static Bid bid(OfferIndex index, int rank) {
        return new Bid(index.byRank(rank), index.utilityByRank(rank));
    }

    /** AC_HardHeaded: at least the next offer, or better than the lowest proposal made before this turn. */
    double threshold(AgentState state, double next) {
        if (klh != null) return klh.threshold(next);
        return Math.min(next, Math.nextUp(lowestBefore));
    }

    /** The lowest utility this strategy has proposed (+infinity before its first proposal; under GENIUS conventions 1, as KLH). */
    public double lowestProposed() { return klh != null ? klh.lowest() : lowest; }
}
