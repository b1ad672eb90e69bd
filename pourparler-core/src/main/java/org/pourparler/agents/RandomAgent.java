package org.pourparler.agents;

import org.pourparler.negotiation.Action;
import org.pourparler.negotiation.NegotiationView;
import org.pourparler.negotiation.Negotiator;

/**
 * A baseline: offers a uniformly random outcome among those at or above its reservation value,
 * and accepts any offer at or above its reservation value.
 */
public final class RandomAgent implements Negotiator {
    private OfferIndex index;
    private int first;

    @Override
    public void start(NegotiationView view) {
        index = OfferIndex.of(view.profile());
        if (index.size() == 0) throw new IllegalArgumentException("The random agent needs an enumerable outcome space");
        double r = view.profile().reservation();
        int lo = 0;
        int hi = index.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (index.utilityByRank(mid) < r) lo = mid + 1; else hi = mid;
        }
        first = Math.min(lo, index.size() - 1);
    }

    @Override
    public Action act(NegotiationView view) {
        if (view.standingOffer().isPresent() && view.standingOfferBy() != view.self()
                && view.profile().accepts(view.standingOffer().get().toArray())) {
            return Action.accept();
        }
        return Action.offer(index.byRank(first + view.random().nextInt(index.size() - first)));
    }

    @Override public String name() { return "Random"; }
}
