package org.pourparler.negotiation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The negotiation protocols, each specified in docs/negotiation.md. */
public enum Protocol {
    /** Stacked alternating offers, bilateral or multilateral. */
    ALTERNATING("alternating"),
    /** A mediator's single negotiating text, improved by hill climbing over the parties' answers. */
    SINGLE_TEXT("single-text"),
    /** Visible proposals, hidden acceptances; a deal when the hidden acceptances overlap. */
    BLIND("blind"),
    /** Committed reservation levels, relaxed only; probes answer only whether a zone exists. */
    TEST_THE_WATERS("test-the-waters");

    private final String id;

    Protocol(String id) { this.id = id; }

    /** The name used in files, the CLI and traces. */
    public String id() { return id; }

    /**
     * The protocol with this name.
     *
     * @throws IllegalArgumentException naming the known protocols
     */
    public static Protocol of(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        for (Protocol p : values()) if (p.id.equals(s)) return p;
        throw new IllegalArgumentException("Unknown protocol '" + name + "'; the protocols are "
                + Arrays.stream(values()).map(Protocol::id).collect(Collectors.joining(", ")));
    }

    /**
     * Whether every party sees a move of this protocol as it happens ({@link TraceEntry#action()}
     * names it): every move but the answers to the mediator's single negotiating text, which the
     * answering party and the mediator alone see.
     */
    public boolean isPublic(String action) {
        return !(this == SINGLE_TEXT && (action.equals("accept") || action.equals("reject")));
    }

    @Override public String toString() { return id; }
}
