package org.pourparler.server.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Browser sessions of the convener and of seats: stored by the hash of their cookie, expiring. */
public final class Sessions {
    /** How long a session lasts without signing in again. */
    public static final Duration VALIDITY = Duration.ofDays(7);

    private final Database db;
    private final Clock clock;
    private final Seats seats;

    public Sessions(Database db, Clock clock, Seats seats) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.seats = Objects.requireNonNull(seats, "seats");
    }

    /** Opens a session for the convener. */
    public Session.Opened openForConvener(long convenerId) {
        return open(new Session.ConvenerOwner(convenerId), convenerId, null);
    }

    /** Opens a session for a seat (a person who followed the seat's invite link). */
    public Session.Opened openForSeat(Seat seat) {
        return open(new Session.SeatOwner(seat), null, seat.id());
    }

    private Session.Opened open(Session.Owner owner, Long convenerId, Long seatId) {
        String token = Tokens.newToken();
        String csrf = Tokens.newToken();
        long now = clock.millis();
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO sessions (token_hash, convener_id, seat_id, csrf_token, created_at, expires_at) "
                        + "VALUES (:hash, :convener, :seat, :csrf, :now, :expires)")
                .bind("hash", Tokens.hash(token)).bind("convener", convenerId).bind("seat", seatId).bind("csrf", csrf)
                .bind("now", now).bind("expires", now + VALIDITY.toMillis()).execute());
        return new Session.Opened(token, new Session(owner, csrf));
    }

    /** The live session of a cookie value: unexpired, and for a seat session, the seat not revoked. */
    public Optional<Session> find(String token) {
        if (token == null || token.isEmpty()) return Optional.empty();
        record Row(Long convenerId, Long seatId, String csrf) {}
        Optional<Row> row = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT convener_id, seat_id, csrf_token FROM sessions WHERE token_hash = :hash AND expires_at > :now")
                .bind("hash", Tokens.hash(token)).bind("now", clock.millis())
                .map((rs, ctx) -> new Row(rs.getObject(1) == null ? null : rs.getLong(1),
                        rs.getObject(2) == null ? null : rs.getLong(2), rs.getString(3)))
                .findOne());
        if (row.isEmpty()) return Optional.empty();
        Row r = row.get();
        if (r.convenerId() != null) return Optional.of(new Session(new Session.ConvenerOwner(r.convenerId()), r.csrf()));
        return seats.find(r.seatId()).filter(s -> !s.revoked()).map(s -> new Session(new Session.SeatOwner(s), r.csrf()));
    }

    /** Deletes expired sessions (at each start); returns how many. */
    public int deleteExpired() {
        return db.jdbi().withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now").bind("now", clock.millis()).execute());
    }

    /** Ends the session of a cookie value (signing out); nothing when there is none. */
    public void close(String token) {
        if (token == null || token.isEmpty()) return;
        db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash").bind("hash", Tokens.hash(token)).execute());
    }
}
