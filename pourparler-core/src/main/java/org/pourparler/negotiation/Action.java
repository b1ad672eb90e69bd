package org.pourparler.negotiation;

import java.util.List;
import org.pourparler.model.Outcome;
import org.pourparler.model.RedLine;

/**
 * What a negotiator does on its turn. Each protocol allows some actions (docs/negotiation.md);
 * any other is an illegal action and ends the session with a fault.
 *
 * <ul>
 *   <li>alternating offers: {@link Accept}, {@link Offer}, {@link End}</li>
 *   <li>single negotiating text: {@link Accept} or {@link Reject} the mediator's text, {@link End}</li>
 *   <li>blind bidding: {@link Bid}, {@link End}</li>
 *   <li>test the waters: {@link Commit}, {@link End}</li>
 * </ul>
 */
public sealed interface Action permits Action.Accept, Action.Offer, Action.End, Action.Reject, Action.Bid, Action.Commit {

    /** Accept the standing offer (alternating offers) or the mediator's text (single text). */
    record Accept() implements Action { }

    /** Put a new offer on the table; it replaces the standing offer. */
    record Offer(Outcome outcome) implements Action {
        public Offer {
            if (outcome == null) throw new IllegalArgumentException("An offer needs an outcome");
        }
    }

    /** Walk away: the negotiation ends without agreement. */
    record End() implements Action { }

    /** Veto the mediator's text (single negotiating text). */
    record Reject() implements Action { }

    /**
     * Blind bidding: a visible proposal and a hidden acceptance. The proposal is shown to everyone
     * from the next round on and counts as acceptable to its proposer; the acceptance is seen by the
     * protocol only, never by another party, and never appears in a trace or result.
     */
    record Bid(Outcome proposal, Acceptance acceptance) implements Action {
        public Bid {
            if (proposal == null) throw new IllegalArgumentException("A bid needs a proposal");
            if (acceptance == null) throw new IllegalArgumentException("A bid needs an acceptance (Acceptance.none() for none)");
        }
    }

    /**
     * Test the waters: the reservation level and red lines this party commits to, and whether it
     * asks the protocol, now, whether a zone of agreement exists. A commitment may only be relaxed:
     * the level never rises and red lines are only dropped.
     *
     * @param level    the least utility (by this party's own profile) of an acceptable package
     * @param redLines the red lines it commits to; a package crossing one is not acceptable
     * @param probe    whether to spend one probe this round
     */
    record Commit(double level, List<RedLine> redLines, boolean probe) implements Action {
        public Commit {
            if (Double.isNaN(level) || level == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("A committed level must be a number or -infinity, but was " + level);
            }
            redLines = List.copyOf(redLines);
        }
    }

    /** The field-less actions are shared: one object each, no allocation per move. */
    Accept ACCEPT = new Accept();
    End END = new End();
    Reject REJECT = new Reject();

    static Action accept() { return ACCEPT; }

    static Action offer(Outcome outcome) { return new Offer(outcome); }

    static Action offer(int... outcome) { return new Offer(Outcome.of(outcome)); }

    static Action end() { return END; }

    static Action reject() { return REJECT; }

    static Action bid(Outcome proposal, Acceptance acceptance) { return new Bid(proposal, acceptance); }

    static Action commit(double level, List<RedLine> redLines, boolean probe) { return new Commit(level, redLines, probe); }
}
