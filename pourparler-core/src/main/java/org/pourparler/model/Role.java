package org.pourparler.model;

/** What a party does in a negotiation. */
public enum Role {
    /** Makes and answers offers. */
    NEGOTIATOR,
    /** Must accept an agreement but makes no offers: a parliament, a veto state. */
    RATIFIER
}
