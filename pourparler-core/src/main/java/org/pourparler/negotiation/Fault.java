package org.pourparler.negotiation;

/**
 * Why a session stopped abnormally: the negotiator at fault (index in turn order and name), the
 * kind ("exception", "illegal-action", "timeout", "out-of-memory", or "hung" when a watchdog gave the
 * session up) and a message. Every party gets its
 * no-agreement payoff.
 */
public record Fault(int party, String negotiator, String kind, String message) { }
