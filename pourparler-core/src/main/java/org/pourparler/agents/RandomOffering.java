package org.pourparler.agents;

import java.util.random.RandomGenerator;
import org.pourparler.model.Outcome;

/**
 * A baseline offering strategy: a uniformly random package among those at or above the reservation
 * value (all packages when none is), drawn from the agent's own seeded random source. Needs an
 * enumerable outcome space (an exact offer table). The {@code random} agent ({@link RandomAgent})
 * offers with it too; as a part it serves BOA compositions ({@code boa:offering=random;...}).
 */
public final class RandomOffering implements OfferingStrategy {
    private OfferIndex index;
    private int first;

    @Override
    public void start(AgentState state) {
        start(state.index(), state.profile().reservation());
    }

    /** Prepares the draw over {@code index} from the first package worth {@code reservation}. */
    void start(OfferIndex index, double reservation) {
        if (index.size() == 0) throw new IllegalArgumentException("Random offers need an enumerable outcome space");
        this.index = index;
        this.first = Math.min(index.rankAtLeast(reservation), index.size() - 1);
    }

    @Override
    public Outcome offer(AgentState state) {
        return next(state.view().random());
    }

    /** The next random package. */
    Outcome next(RandomGenerator random) {
        return index.byRank(first + random.nextInt(index.size() - first));
    }
}
