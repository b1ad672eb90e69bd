package org.pourparler.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The rooms table. */
public final class Rooms {
    private static final String COLUMNS = "id, public_id, convener_id, created_at, title, is_open, state, deadline_at, spec";

    private final Database db;
    private final Clock clock;

    public Rooms(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates a room with a fresh random public id. */
    public Room create(long convenerId, String title, boolean open, String state, Optional<Instant> deadlineAt, String spec) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(spec, "spec");
        String publicId = Tokens.newPublicId();
        long now = clock.millis();
        long id = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO rooms (public_id, convener_id, created_at, title, is_open, state, deadline_at, spec) "
                        + "VALUES (:publicId, :convener, :now, :title, :open, :state, :deadline, :spec)")
                .bind("publicId", publicId).bind("convener", convenerId).bind("now", now).bind("title", title)
                .bind("open", open).bind("state", state).bind("deadline", deadlineAt.map(Instant::toEpochMilli).orElse(null))
                .bind("spec", spec)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Room(id, publicId, convenerId, Instant.ofEpochMilli(now), title, open, state, deadlineAt, spec);
    }

    /** The room with this public id. */
    public Optional<Room> find(String publicId) {
        if (publicId == null) return Optional.empty();
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM rooms WHERE public_id = :id")
                .bind("id", publicId).map((rs, ctx) -> room(rs)).findOne());
    }

    /** The room with this internal id. */
    public Optional<Room> find(long id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM rooms WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> room(rs)).findOne());
    }

    /** The convener's rooms, newest first. */
    public List<Room> listFor(long convenerId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM rooms WHERE convener_id = :c ORDER BY created_at DESC, id DESC")
                .bind("c", convenerId).map((rs, ctx) -> room(rs)).list());
    }

    /** Rooms with a wall-clock deadline, soonest first (to re-arm timers after a restart). */
    public List<Room> withDeadlines() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM rooms WHERE deadline_at IS NOT NULL ORDER BY deadline_at")
                .map((rs, ctx) -> room(rs)).list());
    }

    /** Sets the engine's state word. */
    public void updateState(long id, String state) {
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE rooms SET state = :state WHERE id = :id").bind("state", state).bind("id", id).execute());
    }

    /** Sets or clears the wall-clock deadline. */
    public void updateDeadline(long id, Optional<Instant> deadlineAt) {
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE rooms SET deadline_at = :d WHERE id = :id")
                .bind("d", deadlineAt.map(Instant::toEpochMilli).orElse(null)).bind("id", id).execute());
    }

    private static Room room(ResultSet rs) throws SQLException {
        long deadline = rs.getLong(8);
        Optional<Instant> deadlineAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(deadline));
        return new Room(rs.getLong(1), rs.getString(2), rs.getLong(3), Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5),
                rs.getBoolean(6), rs.getString(7), deadlineAt, rs.getString(9));
    }
}
