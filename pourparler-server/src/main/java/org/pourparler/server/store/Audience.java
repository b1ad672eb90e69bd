package org.pourparler.server.store;

/**
 * Who may see an event: the one rule every view of a room (API responses, the stream, exports for a
 * seat) goes through. Written in the log as text:
 *
 * <ul>
 *   <li>{@code all} — every seat and the convener;
 *   <li>{@code mediator} — the convener only (the engine's private notes to the mediator);
 *   <li>{@code seat:N} — seat N; the convener too, but only in an <em>open</em> room (in a blind room the
 *       mediator does not see a party's private data);
 *   <li>{@code seat:N+mediator} — seat N and the convener, in any room (a message to the mediator).
 * </ul>
 *
 * A stranger (anyone else, another room's seat or convener, a revoked token) sees nothing.
 *
 * <pre>{@code
 * Audience a = Audience.parse("seat:1");
 * a.admits(Audience.Reader.seat(1), false);        // true
 * a.admits(Audience.Reader.convener(), false);     // false: a blind room
 * a.admits(Audience.Reader.convener(), true);      // true: an open room
 * }</pre>
 */
public sealed interface Audience {

    /** Whether the reader may see an event with this audience, in an open ({@code true}) or blind room. */
    boolean admits(Reader reader, boolean openRoom);

    /** The text written in the log. */
    String text();

    /** Everyone in the room. */
    static Audience all() { return All.INSTANCE; }

    /** The convener only. */
    static Audience mediator() { return Mediator.INSTANCE; }

    /** Seat {@code seat}, and the convener when the room is open. */
    static Audience seat(int seat) { return new Seat(seat); }

    /** Seat {@code seat} and the convener, in any room. */
    static Audience seatAndMediator(int seat) { return new SeatAndMediator(seat); }

    /**
     * Reads the text form.
     *
     * @throws IllegalArgumentException when the text is none of the four forms
     */
    static Audience parse(String text) {
        if (text.equals("all")) return all();
        if (text.equals("mediator")) return mediator();
        if (text.startsWith("seat:")) {
            String rest = text.substring("seat:".length());
            boolean withMediator = rest.endsWith("+mediator");
            String number = withMediator ? rest.substring(0, rest.length() - "+mediator".length()) : rest;
            if (!number.isEmpty() && number.chars().allMatch(Character::isDigit) && number.length() <= 9) {
                int seat = Integer.parseInt(number);
                return withMediator ? seatAndMediator(seat) : seat(seat);
            }
        }
        throw new IllegalArgumentException(
                "An audience must be all, mediator, seat:N or seat:N+mediator, but was '" + text + "'");
    }

    /** {@code all}. */
    enum All implements Audience {
        INSTANCE;

        @Override public boolean admits(Reader reader, boolean openRoom) { return !(reader instanceof Reader.Stranger); }

        @Override public String text() { return "all"; }
    }

    /** {@code mediator}. */
    enum Mediator implements Audience {
        INSTANCE;

        @Override public boolean admits(Reader reader, boolean openRoom) { return reader instanceof Reader.Convener; }

        @Override public String text() { return "mediator"; }
    }

    /** {@code seat:N}. */
    record Seat(int seat) implements Audience {
        public Seat {
            if (seat < 0) throw new IllegalArgumentException("A seat number must be at least 0, but was " + seat);
        }

        @Override
        public boolean admits(Reader reader, boolean openRoom) {
            return reader instanceof Reader.SeatReader s ? s.seat() == seat : reader instanceof Reader.Convener && openRoom;
        }

        @Override public String text() { return "seat:" + seat; }
    }

    /** {@code seat:N+mediator}. */
    record SeatAndMediator(int seat) implements Audience {
        public SeatAndMediator {
            if (seat < 0) throw new IllegalArgumentException("A seat number must be at least 0, but was " + seat);
        }

        @Override
        public boolean admits(Reader reader, boolean openRoom) {
            return reader instanceof Reader.SeatReader s ? s.seat() == seat : reader instanceof Reader.Convener;
        }

        @Override public String text() { return "seat:" + seat + "+mediator"; }
    }

    /** Who reads, relative to one room: its convener, one of its seats, or a stranger. */
    sealed interface Reader {
        static Reader convener() { return Convener.INSTANCE; }

        static Reader seat(int seat) { return new SeatReader(seat); }

        static Reader stranger() { return Stranger.INSTANCE; }

        /** The room's convener (the mediator). */
        enum Convener implements Reader { INSTANCE }

        /** Anyone without a standing in the room. */
        enum Stranger implements Reader { INSTANCE }

        /** Seat {@code seat} of the room. */
        record SeatReader(int seat) implements Reader {}
    }
}
