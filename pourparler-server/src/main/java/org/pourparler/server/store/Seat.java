package org.pourparler.server.store;

import java.util.Locale;

/**
 * A negotiating seat of a room.
 *
 * @param id internal id (never shown in a response)
 * @param room the room's internal id
 * @param index 0, 1, ... n-1 in the room
 * @param name what the parties call it
 * @param kind who takes it
 * @param revoked whether its token was revoked (it then signs nobody in)
 */
public record Seat(long id, long room, int index, String name, Kind kind, boolean revoked) {

    /** Who takes a seat. */
    public enum Kind {
        /** A person, through an invite link. */
        PERSON,
        /** A built-in agent run by the server. */
        AGENT,
        /** An outside program, with an API token. */
        PROGRAM;

        /** The name stored and shown: {@code person}, {@code agent}, {@code program}. */
        public String text() { return name().toLowerCase(Locale.ROOT); }

        /** Reads a stored name. */
        public static Kind of(String text) { return valueOf(text.toUpperCase(Locale.ROOT)); }
    }

    /** A seat just created or re-issued, with its token (shown once: only its hash is stored). */
    public record Issued(Seat seat, String token) {}
}
