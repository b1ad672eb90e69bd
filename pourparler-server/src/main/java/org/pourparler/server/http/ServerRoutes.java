package org.pourparler.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;
import org.pourparler.server.store.Room;
import org.pourparler.server.store.Seat;
import org.pourparler.server.store.Session;
import org.pourparler.server.store.Stores;

/**
 * The server's own endpoints (the room engine adds the rooms'):
 *
 * <ul>
 *   <li>{@code GET /api/health} — 200 {@code {"status":"ok"}} when the database answers, 503 otherwise;
 *   <li>{@code GET /signin?token=} — the convener's one-time link: a session cookie, then {@code /};
 *   <li>{@code GET /join/{token}} — a seat's invite link: a seat session cookie, then {@code /rooms/{room}};
 *   <li>{@code POST /api/signout} — ends the session;
 *   <li>{@code GET /api/me} — who the caller is, and the CSRF token of its session;
 *   <li>{@code GET /api/rooms/{room}/events?after=N} — the events the caller may see, as JSON;
 *   <li>{@code GET /api/rooms/{room}/stream} — the same, live, as Server-Sent Events, resuming after
 *       {@code Last-Event-ID} or {@code ?after=}.
 * </ul>
 */
public final class ServerRoutes {
    private final Stores stores;
    private final EventStreams streams;

    public ServerRoutes(Stores stores, EventStreams streams) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    /** Adds the endpoints. */
    public void addTo(RoutesConfig routes) {
        routes.get("/api/health", this::health);
        routes.get("/signin", this::signIn);
        routes.get("/join/{token}", this::join);
        routes.post("/api/signout", this::signOut);
        routes.get("/api/me", this::me);
        routes.get("/api/rooms/{room}/events", this::events);
        // the room and the caller are checked before the stream starts, so a refusal is a plain JSON error
        routes.before("/api/rooms/{room}/stream", ctx -> {
            ctx.attribute("pourparler.stream.room", Http.room(ctx, stores));
            ctx.attribute("pourparler.stream.after", resumeAfter(ctx));
        });
        routes.sse("/api/rooms/{room}/stream", client -> {
            Http.RoomView view = client.ctx().attribute("pourparler.stream.room");
            long after = client.ctx().attribute("pourparler.stream.after");
            streams.stream(client, view.room(), view.reader(), after);
        });
    }

    private void health(Context ctx) {
        boolean ok = stores.database().answers();
        ctx.status(ok ? 200 : 503).json(Http.JSON.createObjectNode().put("status", ok ? "ok" : "database unreachable"));
    }

    private void signIn(Context ctx) {
        Optional<Long> convener = stores.conveners().redeemSignIn(ctx.queryParam("token"));
        if (convener.isEmpty()) {
            throw ApiError.unauthorized("This sign-in link is unknown, expired or already used; restart the server "
                    + "(or see its output) for a fresh one.");
        }
        Session.Opened opened = stores.sessions().openForConvener(convener.get());
        Http.setSessionCookie(ctx, opened.token());
        seeOther(ctx, "/");
    }

    private void join(Context ctx) {
        Optional<Seat> seat = stores.seats().findByToken(ctx.pathParam("token")).filter(s -> !s.revoked());
        Optional<Room> room = seat.flatMap(s -> stores.rooms().find(s.room()));
        if (seat.isEmpty() || room.isEmpty()) {
            throw ApiError.notFound("This invite link is unknown or has been revoked; ask the convener for a new one.");
        }
        Session.Opened opened = stores.sessions().openForSeat(seat.get());
        Http.setSessionCookie(ctx, opened.token());
        seeOther(ctx, "/rooms/" + room.get().publicId());
    }

    /** 303 to a path of this server, with an empty body. */
    private static void seeOther(Context ctx, String path) {
        ctx.status(303).header("Location", path).result("");
    }

    private void signOut(Context ctx) {
        stores.sessions().close(ctx.cookie(Http.SESSION_COOKIE));
        Http.clearSessionCookie(ctx);
        ctx.status(204);
    }

    private void me(Context ctx) {
        Principal p = Http.principal(ctx);
        ObjectNode out = Http.JSON.createObjectNode();
        if (p instanceof Principal.Convener) {
            out.put("principal", "convener");
        } else if (p instanceof Principal.Seat s) {
            out.put("principal", "seat");
            stores.rooms().find(s.room()).ifPresent(r -> out.put("room", r.publicId()));
            out.put("seat", s.seat());
        } else {
            out.put("principal", "anonymous");
        }
        Http.session(ctx).ifPresent(session -> out.put("csrfToken", session.csrfToken()));
        ctx.json(out);
    }

    private void events(Context ctx) {
        Http.RoomView view = Http.room(ctx, stores);
        ctx.json(streams.json(view.room(), view.reader(), seqParameter(ctx.queryParam("after"), "after")));
    }

    private static long resumeAfter(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        if (header != null && !header.isBlank()) return seqParameter(header.trim(), "Last-Event-ID");
        return seqParameter(ctx.queryParam("after"), "after");
    }

    /** A seq given by the client: absent is 0 (from the start). */
    static long seqParameter(String value, String name) {
        if (value == null || value.isEmpty()) return 0;
        if (value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            throw ApiError.badRequest(name + " must be an event number (0, 1, 2, ...), but was '"
                    + (value.length() > 20 ? value.substring(0, 20) + "..." : value) + "'");
        }
        return Long.parseLong(value);
    }
}
