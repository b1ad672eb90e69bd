package org.pourparler.negotiation;

/**
 * Why a session stopped abnormally: the negotiator at fault (index in turn order and name), the
 * kind ("exception" or "illegal-action") and a message. The other parties get their no-agreement
 * payoff.
 */
public record Fault(int party, String negotiator, String kind, String message) { }
