package org.pourparler.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.pourparler.server.store.Audience;
import org.pourparler.server.store.Event;
import org.pourparler.server.store.EventBus;
import org.pourparler.server.store.EventLog;
import org.pourparler.server.store.Room;

/**
 * A room's log as a reader may see it: as JSON ({@link #json}) and as a live Server-Sent Events stream
 * ({@link #stream}).
 *
 * <p>A stream is a loop on its own thread: read the log after the last seq sent, send what the reader's
 * audience admits ({@code id: seq}, {@code event: type}, {@code data: event JSON}), then wait for the
 * bus to say the room's log grew, or for the heartbeat interval (a comment line that keeps proxies from
 * closing an idle stream and tells the server a client has gone). The log is the truth; a wake-up only
 * says "read again", so a lost or doubled one loses or doubles nothing.
 */
public final class EventStreams implements AutoCloseable {
    private static final int BATCH = 500;

    private final EventLog log;
    private final EventBus bus;
    private final Duration heartbeat;
    private final Set<Semaphore> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    /** Streams over the log, woken by the bus, with a heartbeat comment after {@code heartbeat} of silence. */
    public EventStreams(EventLog log, EventBus bus, Duration heartbeat) {
        this.log = Objects.requireNonNull(log, "log");
        this.bus = Objects.requireNonNull(bus, "bus");
        if (heartbeat.isNegative() || heartbeat.isZero()) throw new IllegalArgumentException("The heartbeat must be positive, but was " + heartbeat);
        this.heartbeat = heartbeat;
    }

    /** The events after {@code afterSeq} that the reader may see, as a JSON array of {@link #eventJson} objects. */
    public ArrayNode json(Room room, Audience.Reader reader, long afterSeq) {
        ArrayNode out = Http.JSON.createArrayNode();
        for (Event e : log.read(room.id(), afterSeq)) {
            if (e.audience().admits(reader, room.open())) out.add(eventJson(e));
        }
        return out;
    }

    /** Streams the room to the client until it disconnects or the server stops; returns then. */
    public void stream(SseClient client, Room room, Audience.Reader reader, long afterSeq) {
        Semaphore wake = new Semaphore(0);
        open.add(wake);
        client.onClose(wake::release);
        EventBus.Subscription subscription = bus.subscribe(room.id(), wake::release);
        try {
            long last = afterSeq;
            while (!closing && !client.terminated()) {
                wake.drainPermits();
                List<Event> events = log.read(room.id(), last, BATCH);
                for (Event e : events) {
                    if (e.audience().admits(reader, room.open())) client.sendEvent(e.type(), eventJson(e).toString(), Long.toString(e.seq()));
                    last = e.seq();
                }
                if (events.size() == BATCH) continue;
                if (!wake.tryAcquire(heartbeat.toMillis(), TimeUnit.MILLISECONDS) && !closing) client.sendComment("heartbeat");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            subscription.close();
            open.remove(wake);
            client.close();
        }
    }

    /**
     * One event as JSON: {@code {"seq", "at", "seat", "type", "audience", "payload"}}; {@code seat} is -1
     * for the room itself, {@code at} an ISO-8601 instant.
     */
    public static ObjectNode eventJson(Event e) {
        ObjectNode n = Http.JSON.createObjectNode();
        n.put("seq", e.seq()).put("at", e.at().toString()).put("seat", e.seat()).put("type", e.type()).put("audience", e.audience().text());
        try {
            n.set("payload", Http.JSON.readTree(e.payload()));
        } catch (IOException ex) {
            throw new UncheckedIOException("an event payload in the log is not JSON (seq " + e.seq() + ")", ex);
        }
        return n;
    }

    /** How many streams are open in this server. */
    public int openStreams() { return open.size(); }

    /** Ends every open stream (their loops return) and refuses none: call before stopping the server. */
    @Override
    public void close() {
        closing = true;
        open.forEach(Semaphore::release);
    }
}
