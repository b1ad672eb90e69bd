package org.pourparler.negotiation;

import java.util.Locale;

/**
 * How a session ended: its {@link Kind} and, for a walk-out or a ratifier's rejection, the party.
 * {@link #toString()} is the text used in files and JSON: {@code agreement}, {@code deadline},
 * {@code ended by NAME}, {@code rejected by ratifier NAME}, {@code fault}, {@code zone exists},
 * {@code probes used up}, {@code memory limit}.
 *
 * @param party the party that walked away or rejected, empty for the other kinds
 */
public record Ending(Kind kind, String party) {
    public static final Ending AGREEMENT = new Ending(Kind.AGREEMENT, "");
    public static final Ending DEADLINE = new Ending(Kind.DEADLINE, "");
    public static final Ending FAULT = new Ending(Kind.FAULT, "");
    public static final Ending ZONE_EXISTS = new Ending(Kind.ZONE_EXISTS, "");
    public static final Ending PROBES_USED_UP = new Ending(Kind.PROBES_USED_UP, "");
    public static final Ending MEMORY_LIMIT = new Ending(Kind.MEMORY_LIMIT, "");

    public Ending {
        if (kind == null || party == null) throw new IllegalArgumentException("An ending needs a kind and a party (\"\" for none)");
        if ((kind == Kind.ENDED || kind == Kind.REJECTED) == party.isEmpty()) {
            throw new IllegalArgumentException("Only a walk-out or a rejection names a party, but was " + kind + " '" + party + "'");
        }
    }

    /** The kinds of ending. */
    public enum Kind {
        /** Every negotiator (and ratifier) agreed. */
        AGREEMENT,
        /** The deadline passed. */
        DEADLINE,
        /** A negotiator walked away. */
        ENDED,
        /** A ratifier rejected the agreement. */
        REJECTED,
        /** A negotiator's fault ended the session ({@link SessionResult#fault()}). */
        FAULT,
        /** Test the waters: a probe found that a zone of agreement exists. */
        ZONE_EXISTS,
        /** Test the waters: nobody has a probe left. */
        PROBES_USED_UP,
        /**
         * The session's public history reached the most offers it may keep
         * ({@link Session.Options#maxOffers()}), or the JVM ran out of memory in the protocol's own
         * work: no agreement, paid as a walk-out at that time. Happens to sessions bounded by seconds
         * only, whose agents move faster than memory allows.
         */
        MEMORY_LIMIT
    }

    /** A negotiator walked away. */
    public static Ending endedBy(String party) { return new Ending(Kind.ENDED, party); }

    /** A ratifier rejected the agreement. */
    public static Ending rejectedBy(String party) { return new Ending(Kind.REJECTED, party); }

    @Override
    public String toString() {
        return switch (kind) {
            case ENDED -> "ended by " + party;
            case REJECTED -> "rejected by ratifier " + party;
            default -> kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
