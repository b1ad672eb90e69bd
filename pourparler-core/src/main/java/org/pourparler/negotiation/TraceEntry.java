package org.pourparler.negotiation;

import org.pourparler.model.Outcome;

/**
 * One public move of a session: round (0-based), normalised time, the negotiator (-1 for the
 * protocol or mediator), the action, the outcome concerned (null when there is none) and every
 * party's utility of it (null when there is no outcome). Actions: "offer", "accept", "end"
 * (alternating); "text", "accept", "reject", "end" (single text); "propose", "deal", "end" (blind);
 * "zone", "no-zone", "end" (test the waters).
 */
public record TraceEntry(int round, double time, int party, String action, Outcome outcome, double[] utilities) { }
