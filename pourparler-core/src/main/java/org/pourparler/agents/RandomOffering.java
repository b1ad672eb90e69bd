package org.pourparler.agents;

import org.pourparler.model.Outcome;

/**
 * A baseline offering strategy: a uniformly random package among those at or above the reservation
 * value (all packages when none is), drawn from the agent's own seeded random source. Needs an
 * enumerable outcome space (an exact offer table). The {@code random} agent is {@link RandomAgent};
 * this is the same choice as a part for BOA compositions ({@code boa:offering=random;...}).
 */
public final class RandomOffering implements OfferingStrategy {
    private int first;

    @Override
    public void start(AgentState state) {
        OfferIndex index = state.index();
        if (index.size() == 0) throw new IllegalArgumentException("The random offering needs an enumerable outcome space");
        first = Math.min(index.rankAtLeast(state.profile().reservation()), index.size() - 1);
    }

    @Override
    public Outcome offer(AgentState state) {
        OfferIndex index = state.index();
        return index.byRank(first + state.view().random().nextInt(index.size() - first));
    }
}
