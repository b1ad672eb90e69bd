package org.pourparler.negotiation;

import org.pourparler.model.Outcome;

/** One offer as every party saw it: round (0-based), normalised time, who made it, what. */
public record OfferRecord(int round, double time, int party, Outcome outcome) { }
