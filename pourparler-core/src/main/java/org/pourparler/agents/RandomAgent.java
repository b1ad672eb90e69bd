package org.pourparler.agents;

import org.pourparler.negotiation.Acceptance;
import org.pourparler.negotiation.Action;
import org.pourparler.negotiation.NegotiationView;
import org.pourparler.negotiation.Negotiator;

/**
 * A baseline: proposes a uniformly random package among those at or above its reservation value
 * (and across none of its red lines), and accepts any package its profile accepts. In test the
 * waters it commits its true reservation value and red lines and probes every round.
 */
public final class RandomAgent implements Negotiator {
    private OfferIndex index;
    private int first;

    @Override
    public void start(NegotiationView view) {
        index = OfferIndex.of(view);
        if (index.size() == 0) throw new IllegalArgumentException("The random agent needs an enumerable outcome space");
        first = Math.min(index.rankAtLeast(view.profile().reservation()), index.size() - 1);
    }

    @Override
    public Action act(NegotiationView view) {
        var standing = view.standingOffer();
        boolean acceptable = standing.isPresent() && view.standingOfferBy() != view.self()
                && !view.profile().crossesRedLine(standing.get())
                && view.profile().utility().utility(standing.get()) >= view.reservationFloor();
        return switch (view.protocol()) {
            case ALTERNATING -> acceptable ? Action.accept() : Action.offer(index.byRank(first + view.random().nextInt(index.size() - first)));
            case SINGLE_TEXT -> acceptable ? Action.accept() : Action.reject();
            case BLIND -> Action.bid(index.byRank(first + view.random().nextInt(index.size() - first)),
                    Acceptance.atLeast(view.reservationFloor()));
            case TEST_THE_WATERS -> Action.commit(view.profile().reservation(), view.profile().redLines(), view.probesLeft() > 0);
        };
    }

    @Override public String name() { return "Random"; }
}
