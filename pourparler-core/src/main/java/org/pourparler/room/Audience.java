package org.pourparler.room;

/**
 * Who may see a {@link RoomEvent}: the one rule every view of a room — an API response, a live
 * stream, an export — is filtered by. A stranger sees nothing.
 *
 * <ul>
 *   <li>{@code all}: every seat and the convener;</li>
 *   <li>{@code mediator}: the convener only;</li>
 *   <li>{@code seat:N}: seat N, and the convener only when the room's mediation is {@link Mediation#OPEN open};</li>
 *   <li>{@code seat:N+mediator}: seat N and the convener in any room (what a party sends the mediator).</li>
 * </ul>
 */
public record Audience(Kind kind, int seat) {
    public enum Kind { ALL, MEDIATOR, SEAT, SEAT_AND_MEDIATOR }

    public static final Audience ALL = new Audience(Kind.ALL, -1);
    public static final Audience MEDIATOR = new Audience(Kind.MEDIATOR, -1);

    public Audience {
        boolean seated = kind == Kind.SEAT || kind == Kind.SEAT_AND_MEDIATOR;
        if (seated != seat >= 0) throw new IllegalArgumentException("An audience names a seat exactly when it is seat:N or seat:N+mediator");
    }

    public static Audience seat(int seat) { return new Audience(Kind.SEAT, seat); }

    public static Audience seatAndMediator(int seat) { return new Audience(Kind.SEAT_AND_MEDIATOR, seat); }

    /** Who is looking: the convener, a seat, or a stranger (anybody else, a revoked token). */
    public record Viewer(boolean convener, int seat) {
        public static final Viewer CONVENER = new Viewer(true, -1);
        public static final Viewer STRANGER = new Viewer(false, -1);

        public static Viewer seat(int seat) {
            if (seat < 0) throw new IllegalArgumentException("A seat number must be >= 0, but was " + seat);
            return new Viewer(false, seat);
        }
    }

    /** Whether {@code viewer} may see an event with this audience in a room of the given mediation. */
    public boolean allows(Viewer viewer, Mediation mediation) {
        if (viewer.convener()) {
            return switch (kind) {
                case ALL, MEDIATOR, SEAT_AND_MEDIATOR -> true;
                case SEAT -> mediation == Mediation.OPEN;
            };
        }
        if (viewer.seat() < 0) return false;
        return kind == Kind.ALL || ((kind == Kind.SEAT || kind == Kind.SEAT_AND_MEDIATOR) && seat == viewer.seat());
    }

    /** The stored form: all, mediator, seat:N, seat:N+mediator. */
    public String id() {
        return switch (kind) {
            case ALL -> "all";
            case MEDIATOR -> "mediator";
            case SEAT -> "seat:" + seat;
            case SEAT_AND_MEDIATOR -> "seat:" + seat + "+mediator";
        };
    }

    /** @throws IllegalArgumentException when {@code id} is not a stored form */
    public static Audience of(String id) {
        if (id.equals("all")) return ALL;
        if (id.equals("mediator")) return MEDIATOR;
        if (id.startsWith("seat:")) {
            boolean mediator = id.endsWith("+mediator");
            String n = id.substring(5, mediator ? id.length() - 9 : id.length());
            if (n.matches("[0-9]{1,6}")) return mediator ? seatAndMediator(Integer.parseInt(n)) : seat(Integer.parseInt(n));
        }
        throw new IllegalArgumentException("Unknown audience '" + id + "'; audiences are all, mediator, seat:N, seat:N+mediator");
    }

    @Override public String toString() { return id(); }
}
