package org.pourparler.server.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The rooms' append-only logs. An append names the last seq its writer read; it commits only if no
 * other writer appended since ("one writer per room": the primary key (room, seq) rejects the second
 * writer of a seq even across servers), and is acknowledged only once committed.
 *
 * <pre>{@code
 * long last = log.last(room);
 * try {
 *     log.append(room, last, List.of(NewEvent.of(0, "offer", "{}", Audience.all())));
 * } catch (LogConflictException e) {
 *     // someone else acted first: re-read and decide again
 * }
 * }</pre>
 */
public final class EventLog {
    private final Database db;
    private final Clock clock;
    private final EventBus bus;
    /** Whether this server is the only writer, so that the recent events it appended are all there are. */
    private final boolean remember;

    /** A log over the database; {@code bus} is told after each committed append. */
    public EventLog(Database db, Clock clock, EventBus bus) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.remember = bus instanceof InProcessEventBus;
    }

    /** The seq of the room's last event, 0 when its log is empty. */
    public long last(long room) {
        return db.jdbi().withHandle(h -> lastSeq(h, room));
    }

    /** The room's events after seq {@code afterSeq}, in order. */
    public List<Event> read(long room, long afterSeq) {
        return read(room, afterSeq, Integer.MAX_VALUE);
    }

    /** At most {@code limit} of the room's events after seq {@code afterSeq}, in order. */
    public List<Event> read(long room, long afterSeq, int limit) {
        Tail tail = remember ? tails.get(room) : null;
        if (tail != null) {
            List<Event> recent = tail.after(afterSeq, limit);
            if (recent != null) return recent;
        }
        return readStored(room, afterSeq, limit);
    }

    /**
     * The last events this process appended to each room, contiguous, so that the streams woken by an
     * append send it without reading it back (every stream of a busy room would otherwise query the
     * database once per event). Kept only with the in-process bus, where this server is the database's
     * only writer (several servers share a PostgreSQL database through {@link PostgresEventBus}; an
     * event another server appended would never be in this memory, and a read could not tell).
     */
    private final java.util.concurrent.ConcurrentHashMap<Long, Tail> tails = new java.util.concurrent.ConcurrentHashMap<>();

    /** A room's recent events: seqs {@code first .. first + size - 1}, at most {@link #KEPT}. */
    private static final class Tail {
        static final int KEPT = 64;
        private final java.util.ArrayDeque<Event> events = new java.util.ArrayDeque<>();

        /** Adds events just committed after {@code expectedLastSeq}; a gap (another server appended) starts over. */
        synchronized void committed(long expectedLastSeq, List<Event> added) {
            if (events.isEmpty() || events.getLast().seq() != expectedLastSeq) events.clear();
            for (Event e : added) {
                events.addLast(e);
                if (events.size() > KEPT) events.removeFirst();
            }
        }

        /** The events after {@code afterSeq}, or null when this tail does not hold all of them it knows of. */
        synchronized List<Event> after(long afterSeq, int limit) {
            if (events.isEmpty() || afterSeq < events.getFirst().seq() - 1 || afterSeq >= events.getLast().seq()) return null;
            List<Event> out = new ArrayList<>();
            for (Event e : events) if (e.seq() > afterSeq && out.size() < limit) out.add(e);
            return out;
        }
    }

    private List<Event> readStored(long room, long afterSeq, int limit) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT seq, occurred_at, seat, type, payload, audience FROM events "
                                + "WHERE room_id = :room AND seq > :after ORDER BY seq LIMIT :limit")
                .bind("room", room).bind("after", afterSeq).bind("limit", limit)
                .map((rs, ctx) -> new Event(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getInt(3),
                        rs.getString(4), rs.getString(5), Audience.parse(rs.getString(6))))
                .list());
    }

    /**
     * Appends the events after seq {@code expectedLastSeq}, atomically.
     *
     * @return the committed events with their seqs ({@code expectedLastSeq + 1}, ...) and time
     * @throws LogConflictException when the room's last seq is no longer {@code expectedLastSeq}
     */
    public List<Event> append(long room, long expectedLastSeq, List<NewEvent> events) throws LogConflictException {
        return append(room, expectedLastSeq, events, Optional.empty());
    }

    /**
     * Appends the events and remembers the response to the request that caused them, in one transaction.
     * A request that finds its key with {@link #storedResponse} must answer that and append nothing.
     *
     * @throws LogConflictException when the room's last seq is no longer {@code expectedLastSeq}, or a
     *     concurrent request stored the same key first: nothing was written
     */
    public List<Event> append(long room, long expectedLastSeq, List<NewEvent> events, Idempotency idempotency)
            throws LogConflictException {
        return append(room, expectedLastSeq, events, Optional.of(idempotency));
    }

    private List<Event> append(long room, long expectedLastSeq, List<NewEvent> events, Optional<Idempotency> idempotency)
            throws LogConflictException {
        Objects.requireNonNull(events, "events");
        if (expectedLastSeq < 0) throw new IllegalArgumentException("expectedLastSeq must be at least 0, but was " + expectedLastSeq);
        Instant now = Instant.ofEpochMilli(clock.millis());
        List<Event> committed = new ArrayList<>(events.size());
        long seq = expectedLastSeq;
        for (NewEvent e : events) committed.add(new Event(++seq, now, e.seat(), e.type(), e.payload(), e.audience()));
        try {
            db.write(h -> {
                if (lastSeq(h, room) != expectedLastSeq) throw new Conflict();
                if (!committed.isEmpty()) {
                    PreparedBatch batch = h.prepareBatch("INSERT INTO events (room_id, seq, occurred_at, seat, type, payload, audience) "
                            + "VALUES (:room, :seq, :at, :seat, :type, :payload, :audience)");
                    for (Event e : committed) {
                        batch.bind("room", room).bind("seq", e.seq()).bind("at", e.at().toEpochMilli()).bind("seat", e.seat())
                                .bind("type", e.type()).bind("payload", e.payload()).bind("audience", e.audience().text()).add();
                    }
                    batch.execute();
                }
                if (idempotency.isPresent()) {
                    Idempotency i = idempotency.get();
                    // an expired response under the same key is forgotten: the key names a new request now
                    h.createUpdate("DELETE FROM idempotency_keys WHERE principal = :principal AND idempotency_key = :key AND created_at < :since")
                            .bind("principal", i.principal()).bind("key", i.key())
                            .bind("since", now.toEpochMilli() - IDEMPOTENCY_VALIDITY.toMillis()).execute();
                    h.createUpdate("INSERT INTO idempotency_keys (principal, idempotency_key, room_id, status, body, created_at) "
                                    + "VALUES (:principal, :key, :room, :status, :body, :at)")
                            .bind("principal", i.principal()).bind("key", i.key()).bind("room", room)
                            .bind("status", i.response().status()).bind("body", i.response().body())
                            .bind("at", now.toEpochMilli()).execute();
                }
                return null;
            });
        } catch (Conflict c) {
            throw new LogConflictException(room, expectedLastSeq);
        } catch (RuntimeException e) {
            if (Database.isUniqueViolation(e)) throw new LogConflictException(room, expectedLastSeq);
            throw e;
        }
        if (!committed.isEmpty()) {
            if (remember) tails.computeIfAbsent(room, r -> new Tail()).committed(expectedLastSeq, committed);
            bus.published(room);
        }
        return List.copyOf(committed);
    }

    /** How long a stored response answers retries with its key: a day. */
    public static final java.time.Duration IDEMPOTENCY_VALIDITY = java.time.Duration.ofDays(1);

    /**
     * Forgets the responses stored longer than {@link #IDEMPOTENCY_VALIDITY} ago; a retry after that is a
     * new request. Returns how many were forgotten.
     */
    public int deleteExpiredIdempotencyKeys() {
        long before = clock.millis() - IDEMPOTENCY_VALIDITY.toMillis();
        return db.write(h -> h.createUpdate("DELETE FROM idempotency_keys WHERE created_at < :before").bind("before", before).execute());
    }

    /** The response first given to the principal's request with this key, if one was committed and is not expired. */
    public Optional<Idempotency.StoredResponse> storedResponse(String principal, String key) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT status, body FROM idempotency_keys WHERE principal = :principal AND idempotency_key = :key AND created_at >= :since")
                .bind("principal", principal).bind("key", key).bind("since", clock.millis() - IDEMPOTENCY_VALIDITY.toMillis())
                .map((rs, ctx) -> new Idempotency.StoredResponse(rs.getInt(1), rs.getString(2)))
                .findOne());
    }

    private static long lastSeq(Handle h, long room) {
        return h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM events WHERE room_id = :room")
                .bind("room", room).mapTo(Long.class).one();
    }

    /** Thrown inside the transaction to roll it back when the log moved on. */
    private static final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Conflict() { super(null, null, false, false); }
    }
}
