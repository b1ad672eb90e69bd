package org.pourparler.server.store;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The research studies and their participants (docs/server.md, "Research studies"). */
public final class Studies {
    private static final String COLUMNS = "id, public_id, convener_id, created_at, title, template, participant_seat, redirect_url, max_rooms";
    private static final String PARTICIPANT_COLUMNS = "study_id, room_id, number, pid, completion_code, created_at";
    /** Completion codes: no 0/O, 1/I/L, so a participant can copy one by hand. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final Clock clock;

    public Studies(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates a study with a fresh participant link (its token returned once). */
    public Study.Issued create(long convenerId, String title, String template, int participantSeat, String redirectUrl, int maxRooms) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(redirectUrl, "redirectUrl");
        if (maxRooms < 1) throw new IllegalArgumentException("A study takes at least one participant, but the cap was " + maxRooms);
        String publicId = Tokens.newPublicId();
        String token = Tokens.newToken();
        long now = clock.millis();
        long id = db.write(h -> h.createUpdate("INSERT INTO studies (public_id, convener_id, created_at, title, template, participant_seat, "
                        + "redirect_url, max_rooms, link_hash) VALUES (:publicId, :convener, :now, :title, :template, :seat, :redirect, :max, :hash)")
                .bind("publicId", publicId).bind("convener", convenerId).bind("now", now).bind("title", title)
                .bind("template", template).bind("seat", participantSeat).bind("redirect", redirectUrl).bind("max", maxRooms)
                .bind("hash", Tokens.hash(token))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Study.Issued(new Study(id, publicId, convenerId, Instant.ofEpochMilli(now), title, template, participantSeat, redirectUrl, maxRooms), token);
    }

    /** The study with this public id. */
    public Optional<Study> find(String publicId) {
        if (publicId == null) return Optional.empty();
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM studies WHERE public_id = :id")
                .bind("id", publicId).map((rs, ctx) -> study(rs)).findOne());
    }

    /** The study whose current participant link this is (a revoked link finds nothing). */
    public Optional<Study> findByLink(String token) {
        if (token == null || token.isEmpty()) return Optional.empty();
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM studies WHERE link_hash = :hash")
                .bind("hash", Tokens.hash(token)).map((rs, ctx) -> study(rs)).findOne());
    }

    /** The convener's studies, newest first. */
    public List<Study> listFor(long convenerId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM studies WHERE convener_id = :c ORDER BY created_at DESC, id DESC")
                .bind("c", convenerId).map((rs, ctx) -> study(rs)).list());
    }

    /** A new participant link for the study (the old one stops working at once); its token, shown once. */
    public String reissueLink(long studyId) {
        String token = Tokens.newToken();
        int changed = db.write(h -> h.createUpdate("UPDATE studies SET link_hash = :hash WHERE id = :id")
                .bind("hash", Tokens.hash(token)).bind("id", studyId).execute());
        if (changed != 1) throw new IllegalArgumentException("There is no study " + studyId);
        return token;
    }

    /** How many participants (rooms) the study has. */
    public int count(long studyId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM study_participants WHERE study_id = :s")
                .bind("s", studyId).mapTo(Integer.class).one());
    }

    /** How many of the study's participants' rooms have ended. */
    public int completed(long studyId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM study_participants p JOIN rooms r ON r.id = p.room_id "
                        + "WHERE p.study_id = :s AND r.state = 'ended'")
                .bind("s", studyId).mapTo(Integer.class).one());
    }

    /**
     * Records the room of a new participant: the next number in the study and a fresh completion code
     * (unique across studies).
     */
    public Study.Participant addParticipant(long studyId, long roomId, String pid) {
        Objects.requireNonNull(pid, "pid");
        RuntimeException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            String code = newCode();
            long now = clock.millis();
            try {
                int number = db.write(h -> {
                    int n = h.createQuery("SELECT COALESCE(MAX(number), 0) + 1 FROM study_participants WHERE study_id = :s")
                            .bind("s", studyId).mapTo(Integer.class).one();
                    h.createUpdate("INSERT INTO study_participants (study_id, room_id, number, pid, completion_code, created_at) "
                                    + "VALUES (:s, :room, :n, :pid, :code, :now)")
                            .bind("s", studyId).bind("room", roomId).bind("n", n).bind("pid", pid).bind("code", code).bind("now", now).execute();
                    return n;
                });
                return new Study.Participant(studyId, roomId, number, pid, code, Instant.ofEpochMilli(now));
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                last = e;   // another server took the number, or (never in practice) the code: try again
            }
        }
        throw last;
    }

    /** The participant whose room this is, if the room is a study's. */
    public Optional<Study.Participant> participantOf(long roomId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + PARTICIPANT_COLUMNS + " FROM study_participants WHERE room_id = :r")
                .bind("r", roomId).map((rs, ctx) -> participant(rs)).findOne());
    }

    /** The study with this internal id. */
    public Optional<Study> find(long id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM studies WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> study(rs)).findOne());
    }

    /** The study's participants by number. */
    public List<Study.Participant> participants(long studyId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + PARTICIPANT_COLUMNS + " FROM study_participants WHERE study_id = :s ORDER BY number")
                .bind("s", studyId).map((rs, ctx) -> participant(rs)).list());
    }

    private static String newCode() {
        char[] c = new char[CODE_LENGTH];
        for (int i = 0; i < c.length; i++) c[i] = CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length()));
        return new String(c);
    }

    private static Study study(ResultSet rs) throws SQLException {
        return new Study(rs.getLong(1), rs.getString(2), rs.getLong(3), Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), rs.getString(6),
                rs.getInt(7), rs.getString(8), rs.getInt(9));
    }

    private static Study.Participant participant(ResultSet rs) throws SQLException {
        return new Study.Participant(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)));
    }
}
