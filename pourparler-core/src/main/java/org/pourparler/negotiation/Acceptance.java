package org.pourparler.negotiation;

import java.util.Set;
import org.pourparler.model.Outcome;

/** The packages a party privately states it would accept in blind bidding. */
public sealed interface Acceptance permits Acceptance.AtLeast, Acceptance.Packages {

    /**
     * Every package this party values at {@code utility} or more by its own profile and that crosses
     * none of its red lines. The protocol evaluates it; the set is never listed.
     */
    record AtLeast(double utility) implements Acceptance {
        public AtLeast {
            if (Double.isNaN(utility)) throw new IllegalArgumentException("An acceptance threshold must be a number");
        }
    }

    /** Exactly these packages. */
    record Packages(Set<Outcome> outcomes) implements Acceptance {
        public Packages {
            outcomes = Set.copyOf(outcomes);
        }
    }

    static Acceptance atLeast(double utility) { return new AtLeast(utility); }

    static Acceptance packages(Set<Outcome> outcomes) { return new Packages(outcomes); }

    /** No package beyond the bid's own proposal. */
    static Acceptance none() { return new Packages(Set.of()); }
}
