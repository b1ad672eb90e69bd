package org.pourparler.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The seats of rooms and their tokens (invite links for people, API tokens for programs). */
public final class Seats {
    private static final String COLUMNS = "id, room_id, seat_index, name, kind, revoked";

    private final Database db;

    public Seats(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Adds seat {@code index} to the room, with a fresh token. */
    public Seat.Issued add(long room, int index, String name, Seat.Kind kind) {
        if (index < 0) throw new IllegalArgumentException("A seat index must be at least 0, but was " + index);
        Objects.requireNonNull(name, "name");
        String token = Tokens.newToken();
        long id = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO seats (room_id, seat_index, name, kind, token_hash, revoked) "
                        + "VALUES (:room, :index, :name, :kind, :hash, :revoked)")
                .bind("room", room).bind("index", index).bind("name", name).bind("kind", kind.text())
                .bind("hash", Tokens.hash(token)).bind("revoked", false)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Seat.Issued(new Seat(id, room, index, name, kind, false), token);
    }

    /** The seat whose token this is, revoked or not (callers treat a revoked seat as nobody). */
    public Optional<Seat> findByToken(String token) {
        if (token == null || token.isEmpty()) return Optional.empty();
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM seats WHERE token_hash = :hash")
                .bind("hash", Tokens.hash(token)).map((rs, ctx) -> seat(rs)).findOne());
    }

    /** The seat with this internal id. */
    public Optional<Seat> find(long id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM seats WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> seat(rs)).findOne());
    }

    /** The room's seats by index. */
    public List<Seat> list(long room) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM seats WHERE room_id = :room ORDER BY seat_index")
                .bind("room", room).map((rs, ctx) -> seat(rs)).list());
    }

    /** Revokes the seat's token: its invite link, API token and browser sessions stop working at once. */
    public boolean revoke(long room, int index) {
        return db.jdbi().withHandle(h -> h.createUpdate("UPDATE seats SET revoked = :revoked WHERE room_id = :room AND seat_index = :index")
                .bind("revoked", true).bind("room", room).bind("index", index).execute()) == 1;
    }

    /** Gives the seat a new token (the old one stops working) and lifts a revocation. */
    public Optional<Seat.Issued> reissue(long room, int index) {
        String token = Tokens.newToken();
        int changed = db.jdbi().withHandle(h -> h.createUpdate(
                        "UPDATE seats SET token_hash = :hash, revoked = :revoked WHERE room_id = :room AND seat_index = :index")
                .bind("hash", Tokens.hash(token)).bind("revoked", false).bind("room", room).bind("index", index).execute());
        if (changed != 1) return Optional.empty();
        return list(room).stream().filter(s -> s.index() == index).findFirst().map(s -> new Seat.Issued(s, token));
    }

    private static Seat seat(ResultSet rs) throws SQLException {
        return new Seat(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), Seat.Kind.of(rs.getString(5)), rs.getBoolean(6));
    }
}
