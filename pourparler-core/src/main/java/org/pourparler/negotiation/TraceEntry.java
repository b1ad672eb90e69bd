package org.pourparler.negotiation;

import org.pourparler.model.Outcome;

/**
 * One move of a session: round (0-based), normalised time, the negotiator, the action ("offer",
 * "accept", "end"), the outcome concerned (the offer made or accepted; null for "end") and every
 * party's utility of it (null for "end").
 */
public record TraceEntry(int round, double time, int party, String action, Outcome outcome, double[] utilities) { }
