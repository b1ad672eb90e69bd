package org.pourparler.agents;

import org.pourparler.model.Outcome;
import org.pourparler.negotiation.Action;
import org.pourparler.negotiation.NegotiationView;
import org.pourparler.negotiation.Negotiator;

/**
 * The time-dependent family (Faratin, Sierra and Jennings): at normalised time t the target utility
 * is {@code Pmin + (Pmax - Pmin) * (1 - t^(1/e))}, with Pmax the best utility and Pmin the
 * reservation value (or the worst utility when that is higher). It offers the outcome closest
 * above the target and accepts an offer at least as good as the one it would make next (AC_next).
 * e < 1 concedes late (Boulware), e = 1 linearly, e > 1 early (Conceder), e = 0 never (Hardliner).
 */
public final class TimeDependentAgent implements Negotiator {
    private final double e;
    private final String name;
    private OfferIndex index;
    private double pmax;
    private double pmin;

    public TimeDependentAgent(double e, String name) {
        if (!(e >= 0) || Double.isInfinite(e)) throw new IllegalArgumentException("The concession exponent e must be >= 0, but was " + e);
        this.e = e;
        this.name = name;
    }

    public static TimeDependentAgent boulware() { return new TimeDependentAgent(0.2, "Boulware"); }
    public static TimeDependentAgent linear() { return new TimeDependentAgent(1.0, "Linear"); }
    public static TimeDependentAgent conceder() { return new TimeDependentAgent(2.0, "Conceder"); }
    public static TimeDependentAgent hardliner() { return new TimeDependentAgent(0.0, "Hardliner"); }

    @Override
    public void start(NegotiationView view) {
        index = OfferIndex.of(view.profile());
        pmax = index.max();
        pmin = Math.min(pmax, Math.max(view.profile().reservation(), index.min()));
    }

    /** The target utility at normalised time {@code t}. */
    public double target(double t) {
        if (e == 0) return pmax;
        return pmin + (pmax - pmin) * (1 - Math.pow(t, 1 / e));
    }

    @Override
    public Action act(NegotiationView view) {
        Outcome next = index.atLeast(target(view.time()));
        if (view.standingOffer().isPresent() && view.standingOfferBy() != view.self()) {
            double offered = view.profile().utility().utility(view.standingOffer().get());
            if (offered >= view.profile().utility().utility(next) && offered >= view.profile().reservation()) {
                return Action.accept();
            }
        }
        return Action.offer(next);
    }

    @Override public String name() { return name; }
}
