package org.pourparler.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pourparler.server.store.EventLog;
import org.pourparler.server.store.Idempotency;
import org.pourparler.server.store.LogConflictException;
import org.pourparler.server.store.NewEvent;
import org.pourparler.server.store.Room;

/**
 * How an endpoint acts on a room: decide from the log as it stands, append, answer — acknowledged only
 * once committed, never twice for one {@code Idempotency-Key}.
 *
 * <pre>{@code
 * routes.post("/api/rooms/{room}/offers", ctx -> {
 *     Http.RoomView view = Http.room(ctx, stores);
 *     Actions.perform(ctx, stores.log(), view.room(), lastSeq -> {
 *         // rebuild the room's state from the log up to lastSeq, check the move, then:
 *         return new Actions.Decision(List.of(NewEvent.of(0, "offer", payload, Audience.all())), 201, body);
 *     });
 * });
 * }</pre>
 *
 * <p>When another writer appended first, the decision is taken again on the longer log, after a random
 * pause of up to 2, 4, ... 128 ms (twelve times at most, then 409). With an {@code Idempotency-Key} header the response is stored in the transaction of the
 * events; a retry with the same key (same caller) gets the stored response and appends nothing.
 */
public final class Actions {
    /** The header a client names a retryable action with. */
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final int ATTEMPTS = 12;

    private Actions() {}

    /** What an action does: the events to append (maybe none) and the response to give. */
    public record Decision(List<NewEvent> events, int status, JsonNode body) {
        public Decision {
            events = List.copyOf(events);
            Objects.requireNonNull(body, "body");
        }
    }

    /** Decides an action on the log as it stands after {@code lastSeq}; throws {@link ApiError} to refuse it. */
    @FunctionalInterface
    public interface Decider {
        Decision decide(long lastSeq);
    }

    /** What the caller is answered: a status and a JSON body (as committed, or as stored for a retry). */
    public record Answer(int status, String body) { }

    /** Performs the action for the caller of {@code ctx} and answers it (its {@code Idempotency-Key} header names it). */
    public static void perform(Context ctx, EventLog log, Room room, Decider decider) {
        Answer a = apply(ctx, log, room, Optional.ofNullable(ctx.header(IDEMPOTENCY_HEADER)), decider);
        answer(ctx, a.status(), a.body());
    }

    /**
     * Performs the action for the caller of {@code ctx}, named by {@code key} when given (a page's form
     * carries its own), and returns the answer without writing it: a page renders it as HTML.
     */
    public static Answer apply(Context ctx, EventLog log, Room room, Optional<String> key, Decider decider) {
        String principal = Http.principal(ctx).key();
        if (key.isPresent() && !Idempotency.validKey(key.get())) {
            throw ApiError.badRequest(IDEMPOTENCY_HEADER + " must be 1 to 200 printable ASCII characters without spaces.");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (key.isPresent()) {
                Optional<Idempotency.StoredResponse> stored = log.storedResponse(principal, key.get());
                if (stored.isPresent()) return new Answer(stored.get().status(), stored.get().body());
            }
            long last = log.last(room.id());
            Decision d = decider.decide(last);
            String body = d.body().toString();
            try {
                if (key.isPresent()) {
                    log.append(room.id(), last, d.events(), new Idempotency(principal, key.get(), new Idempotency.StoredResponse(d.status(), body)));
                } else {
                    log.append(room.id(), last, d.events());
                }
                return new Answer(d.status(), body);
            } catch (LogConflictException e) {
                // someone acted first (or this very key was stored by a concurrent retry): decide again, after a
                // random pause that grows with the attempts, so two servers writing one room do not collide in step
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << Math.min(attempt + 1, 7)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw ApiError.conflict("The room changed too often while this action was being applied; please try again.");
    }

    private static void answer(Context ctx, int status, String body) {
        ctx.status(status).contentType("application/json").result(body);
    }
}
