package org.pourparler.server.http;

import org.pourparler.server.store.Audience;
import org.pourparler.server.store.Room;

/**
 * Who makes a request: the convener, a seat of a room, or nobody known. A revoked seat token, an expired
 * session or a wrong token is {@link Anonymous}.
 */
public sealed interface Principal {

    /** How this principal reads the given room: its convener, one of its seats, or a stranger. */
    Audience.Reader readerOf(Room room);

    /** A stable name for idempotency keys and the like (never shown to anyone else). */
    String key();

    /** Nobody known. */
    enum Anonymous implements Principal {
        INSTANCE;

        @Override public Audience.Reader readerOf(Room room) { return Audience.Reader.stranger(); }

        @Override public String key() { return "anonymous"; }
    }

    /** The convener (signed in through the sign-in link). */
    record Convener(long id) implements Principal {
        @Override
        public Audience.Reader readerOf(Room room) {
            return room.convenerId() == id ? Audience.Reader.convener() : Audience.Reader.stranger();
        }

        @Override public String key() { return "convener:" + id; }
    }

    /** Seat {@code seat} of room {@code room} (internal id), by its API token or its invite link's cookie. */
    record Seat(long room, int seat) implements Principal {
        @Override
        public Audience.Reader readerOf(Room r) {
            return r.id() == room ? Audience.Reader.seat(seat) : Audience.Reader.stranger();
        }

        @Override public String key() { return "seat:" + room + ":" + seat; }
    }
}
