package org.pourparler.agents;

/**
 * The time-dependent family as BOA agents: {@link TimeDependentOffering} with exponent e, AC_next,
 * no opponent model. Boulware e = 0.2, Linear 1, Conceder 2, Hardliner 0.
 */
public final class TimeDependentAgent {
    private TimeDependentAgent() { }

    public static BoaAgent of(double e, String name) {
        return new BoaAgent(name, new TimeDependentOffering(e), AcceptanceCondition.next(), null);
    }

    public static BoaAgent boulware() { return of(0.2, "Boulware"); }

    public static BoaAgent linear() { return of(1.0, "Linear"); }

    public static BoaAgent conceder() { return of(2.0, "Conceder"); }

    public static BoaAgent hardliner() { return of(0.0, "Hardliner"); }
}
