package org.pourparler.server.store;

import org.pourparler.room.Mediation;

/**
 * Who may see an event, as the log stores it: the core's rule ({@link org.pourparler.room.Audience},
 * the one definition) read for the server's readers. Written in the log as text: {@code all},
 * {@code mediator}, {@code seat:N} (the convener too only in an open room), {@code seat:N+mediator}.
 * A stranger (anyone else, another room's seat or convener, a revoked token) sees nothing.
 *
 * <pre>{@code
 * Audience a = Audience.parse("seat:1");
 * a.admits(Audience.Reader.seat(1), false);        // true
 * a.admits(Audience.Reader.convener(), false);     // false: a blind room
 * a.admits(Audience.Reader.convener(), true);      // true: an open room
 * }</pre>
 *
 * @param rule the core's audience
 */
public record Audience(org.pourparler.room.Audience rule) {

    public Audience {
        if (rule == null) throw new IllegalArgumentException("An audience needs its rule");
    }

    /** Whether the reader may see an event with this audience, in an open ({@code true}) or blind room. */
    public boolean admits(Reader reader, boolean openRoom) {
        org.pourparler.room.Audience.Viewer viewer = reader instanceof Reader.Convener ? org.pourparler.room.Audience.Viewer.CONVENER
                : reader instanceof Reader.SeatReader s ? org.pourparler.room.Audience.Viewer.seat(s.seat())
                : org.pourparler.room.Audience.Viewer.STRANGER;
        return rule.allows(viewer, openRoom ? Mediation.OPEN : Mediation.BLIND);
    }

    /** The text written in the log. */
    public String text() { return rule.id(); }

    /** Everyone in the room. */
    public static Audience all() { return new Audience(org.pourparler.room.Audience.ALL); }

    /** The convener only. */
    public static Audience mediator() { return new Audience(org.pourparler.room.Audience.MEDIATOR); }

    /** Seat {@code seat}, and the convener when the room is open. */
    public static Audience seat(int seat) { return new Audience(org.pourparler.room.Audience.seat(seat)); }

    /** Seat {@code seat} and the convener, in any room. */
    public static Audience seatAndMediator(int seat) { return new Audience(org.pourparler.room.Audience.seatAndMediator(seat)); }

    /**
     * Reads the text form.
     *
     * @throws IllegalArgumentException when the text is none of the four forms
     */
    public static Audience parse(String text) {
        try {
            return new Audience(org.pourparler.room.Audience.of(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("An audience must be all, mediator, seat:N or seat:N+mediator, but was '" + text + "'", e);
        }
    }

    /** Who reads, relative to one room: its convener, one of its seats, or a stranger. */
    public sealed interface Reader {
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
