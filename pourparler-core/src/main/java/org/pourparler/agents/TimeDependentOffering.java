package org.pourparler.agents;

import org.pourparler.model.Outcome;

/**
 * The time-dependent concession curve (Faratin, Sierra and Jennings): at normalised time t the
 * target is {@code Pmin + (Pmax − Pmin)(1 − t^(1/e))}, Pmax the best utility and Pmin the reservation
 * value (or the worst utility when that is higher). e &lt; 1 concedes late (Boulware), e = 1
 * linearly, e &gt; 1 early (Conceder), e = 0 never (Hardliner).
 */
public final class TimeDependentOffering implements OfferingStrategy {
    private final double e;
    private double pmax;
    private double pmin;

    public TimeDependentOffering(double e) {
        if (!(e >= 0) || Double.isInfinite(e)) throw new IllegalArgumentException("The concession exponent e must be >= 0, but was " + e);
        this.e = e;
    }

    public double exponent() { return e; }

    @Override
    public void start(AgentState state) {
        pmax = state.index().max();
        pmin = Math.min(pmax, Math.max(state.profile().reservation(), state.index().min()));
    }

    /** The target utility at normalised time {@code t}. */
    public double target(double t) {
        if (e == 0) return pmax;
        return pmin + (pmax - pmin) * (1 - Math.pow(t, 1 / e));
    }

    @Override
    public Outcome offer(AgentState state) {
        return state.near(target(state.time()));
    }
}
