package org.pourparler.agents;

import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;

/** An estimate of one opponent's utility, learnt from the packages it offers. */
public interface OpponentModel {

    /** Learns from one offer of the opponent at normalised time {@code time}. */
    void update(Outcome offer, double time);

    /** The estimated utility of a package for the opponent, in [0, 1]. */
    double utility(int[] outcome);

    /** Makes one model per opponent. */
    @FunctionalInterface
    interface Factory {
        OpponentModel create(Domain domain);
    }
}
