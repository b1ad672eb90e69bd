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
    private final RandomOffering offers = new RandomOffering();

    @Override
    public void start(NegotiationView view) {
        offers.start(OfferIndex.of(view), view.profile().reservation());
    }

    @Override
    public Action act(NegotiationView view) {
        var standing = view.standingOffer();
        boolean acceptable = standing.isPresent() && view.standingOfferBy() != view.self()
                && !view.profile().crossesRedLine(standing.get())
                && view.profile().utility().utility(standing.get()) >= view.reservationFloor();
        return switch (view.protocol()) {
            case ALTERNATING -> acceptable ? Action.accept() : Action.offer(offers.next(view.random()));
            case SINGLE_TEXT -> acceptable ? Action.accept() : Action.reject();
            case BLIND -> Action.bid(offers.next(view.random()),
                    Acceptance.atLeast(view.reservationFloor()));
            case TEST_THE_WATERS -> Action.commit(view.profile().reservation(), view.profile().redLines(), view.probesLeft() > 0);
        };
    }

    @Override public String name() { return "Random"; }
}
