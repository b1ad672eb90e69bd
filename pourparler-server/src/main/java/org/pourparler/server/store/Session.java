package org.pourparler.server.store;

/**
 * A browser session: whose it is and the CSRF token its state-changing requests must echo.
 *
 * @param owner the convener, or a seat (signed in through its invite link)
 * @param csrfToken sent back by the page in {@code X-CSRF-Token}; not a credential by itself
 */
public record Session(Owner owner, String csrfToken) {

    /** Whose session it is. */
    public sealed interface Owner {}

    /** The convener's. */
    public record ConvenerOwner(long convenerId) implements Owner {}

    /** A seat's (the seat's revocation ends it). */
    public record SeatOwner(Seat seat) implements Owner {}

    /** A session just opened: the cookie value (shown once, stored hashed) and the session. */
    public record Opened(String token, Session session) {}
}
