package org.pourparler.negotiation;

import org.pourparler.model.Outcome;

/** What a negotiator does on its turn. */
public sealed interface Action permits Action.Accept, Action.Offer, Action.End {

    /** Accept the standing offer. */
    record Accept() implements Action { }

    /** Put a new offer on the table; it replaces the standing offer. */
    record Offer(Outcome outcome) implements Action {
        public Offer {
            if (outcome == null) throw new IllegalArgumentException("An offer needs an outcome");
        }
    }

    /** Walk away: the negotiation ends without agreement. */
    record End() implements Action { }

    static Action accept() { return new Accept(); }

    static Action offer(Outcome outcome) { return new Offer(outcome); }

    static Action offer(int... outcome) { return new Offer(Outcome.of(outcome)); }

    static Action end() { return new End(); }
}
