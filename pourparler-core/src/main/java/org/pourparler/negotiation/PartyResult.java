package org.pourparler.negotiation;

import org.pourparler.model.Role;

/**
 * One party's result of a negotiation. Each figure is defined once, in {@link Evaluation}, and
 * documented in docs/negotiation.md ("Payoffs and metrics"); sessions, {@code negotiate},
 * tournaments and Spark all report these.
 *
 * @param party            the party's name
 * @param role             negotiator or ratifier
 * @param utility          the undiscounted utility of the agreement; without agreement the
 *                         undiscounted no-agreement value v (the reservation value, or 0)
 * @param payoff           what the party gets: the agreement's utility discounted to the time of
 *                         agreement, {@code u·d^t}, or the no-agreement payoff ({@link NoAgreement#payoff})
 * @param advantage        {@code (payoff − w) / (best − w)}, w = what failing to agree pays (the
 *                         no-agreement payoff at the deadline: {@code r·d} by default, so 0 for a session that
 *                         ran out of time), best = the party's best utility over all outcomes; NaN when
 *                         best ≤ w or best is unknown. Without discounting w = v and it equals utilityAdvantage
 * @param utilityAdvantage {@code (utility − v) / (best − v)}: NegMAS's advantage, on undiscounted utility
 */
public record PartyResult(String party, Role role, double utility, double payoff, double advantage, double utilityAdvantage) { }
