package org.pourparler.server.rooms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pourparler.io.RoomJson;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;
import org.pourparler.model.Profile;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Action;
import org.pourparler.negotiation.NegotiationView;
import org.pourparler.negotiation.OfferRecord;
import org.pourparler.negotiation.ProbeAnswer;
import org.pourparler.room.Mediation;
import org.pourparler.room.Room;
import org.pourparler.room.RoomEvent;
import org.pourparler.room.RoomException;
import org.pourparler.room.RoomSpec;
import org.pourparler.server.PourparlerServer;
import org.pourparler.server.http.Actions;
import org.pourparler.server.http.ApiError;
import org.pourparler.server.http.Http;
import org.pourparler.server.http.Principal;
import org.pourparler.server.store.Audience;
import org.pourparler.server.store.Event;
import org.pourparler.server.store.LogConflictException;
import org.pourparler.server.store.NewEvent;
import org.pourparler.server.store.Seat;
import org.pourparler.server.store.Stores;

/**
 * The rooms' endpoints (docs/server-api.md). Each room's state is the core's {@link Room} rebuilt from
 * the room's log; a command runs on it under the room's lock and its events are appended only if
 * nobody appended first ({@link Actions#perform}: otherwise the room is rebuilt from the longer log
 * and the command decided again). A room kept in memory is one whose every event is committed; any
 * doubt (a refused command, a conflict) drops it and the next request rebuilds it. A clock ticks every
 * second through the rooms whose wall-clock deadline has passed, so deadlines hold across restarts.
 */
public final class RoomEndpoints implements PourparlerServer.Extension, AutoCloseable {
    private final Path examples;
    private final Optional<URI> baseUrl;
    /** Rooms whose every event is committed, by internal id, with the seq of their last event. */
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pourparler-room-clock");
        t.setDaemon(true);
        return t;
    });
    private Stores stores;

    private record Live(Room room, long seq) { }

    /** A command on a room at a time: the events it produced (it throws RoomException to refuse, nothing changed). */
    @FunctionalInterface
    interface Command {
        List<RoomEvent> run(Room room, Instant now) throws RoomException;
    }

    /**
     * @param examples the folder of example scenarios a room may be opened from by name
     * @param baseUrl  the public URL for invite links; without it, the URL the convener's request came to
     */
    public RoomEndpoints(Path examples, Optional<URI> baseUrl) {
        this.examples = examples;
        this.baseUrl = baseUrl;
    }

    @Override
    public void addRoutes(RoutesConfig routes, Stores stores) {
        this.stores = stores;
        routes.post("/api/rooms", this::open);
        routes.get("/api/rooms", this::list);
        routes.get("/api/rooms/{room}", this::view);
        routes.post("/api/rooms/{room}/join", ctx -> seatCommand(ctx, (room, seat, body, now) -> room.join(seat, now)));
        routes.post("/api/rooms/{room}/profile", ctx -> seatCommand(ctx, (room, seat, body, now) -> {
            JsonNode p = body.get("profile");
            Profile profile;
            try {
                profile = RoomJson.profile(room.spec().scenario().domain(), p);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("\"profile\": " + e.getMessage());
            }
            return room.enterProfile(seat, profile, now);
        }));
        routes.post("/api/rooms/{room}/actions", ctx -> seatCommand(ctx, (room, seat, body, now) -> {
            Action a;
            try {
                a = RoomJson.action(room.spec().scenario().domain(), body.get("action"));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("\"action\": " + e.getMessage());
            }
            return room.act(seat, a, now);
        }));
        routes.post("/api/rooms/{room}/non-papers", ctx -> seatCommand(ctx, (room, seat, body, now) ->
                room.nonPaper(seat, outcome(room, body.get("outcome")), now)));
        routes.post("/api/rooms/{room}/improvement", ctx -> seatCommand(ctx, (room, seat, body, now) -> {
            if (!body.path("accept").isBoolean()) throw ApiError.badRequest("\"accept\" must be true or false");
            return room.answerImprovement(seat, body.get("accept").asBoolean(), now);
        }));
        routes.post("/api/rooms/{room}/messages", this::message);
        routes.post("/api/rooms/{room}/mediator-text", ctx -> {
            Http.RoomView view = convenerOf(ctx);
            JsonNode body = body(ctx);
            perform(ctx, view, (room, now) -> room.putToAll(outcome(room, body.get("outcome")), now));
        });
        routes.post("/api/rooms/{room}/seats/{seat}/token", this::reissue);
        routes.get("/api/rooms/{room}/export", this::export);
        routes.get("/openapi.json", ctx -> {
            try (java.io.InputStream in = PourparlerServer.class.getResourceAsStream("openapi.json")) {
                if (in == null) throw ApiError.notFound("This build has no OpenAPI file.");
                ctx.contentType("application/json").result(in.readAllBytes());
            }
        });
        Studies studies = new Studies(this, stores).addTo(routes);
        new RoomPages(this, stores, studies::decorate).addTo(routes);
        clock.scheduleWithFixedDelay(this::tickDeadlines, 1, 1, TimeUnit.SECONDS);
        clock.scheduleWithFixedDelay(() -> {
            try {
                stores.log().deleteExpiredIdempotencyKeys();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(RoomEndpoints.class).warn("forgetting expired idempotency keys: {}", e.getClass().getSimpleName());
            }
        }, 1, 1, TimeUnit.HOURS);
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }

    // ---- opening and listing ----

    private void open(Context ctx) {
        if (!(Http.principal(ctx) instanceof Principal.Convener convener)) throw ApiError.unauthorized("Only the convener opens rooms; sign in first.");
        ctx.status(201).json(openRoom(ctx, convener, body(ctx)));
    }

    /** Opens a room as {@code POST /api/rooms} describes: its id and the seats' invite links and tokens (shown once). */
    ObjectNode openRoom(Context ctx, Principal.Convener convener, JsonNode body) {
        Scenario scenario = ScenarioUpload.read(body.get("scenario"), examples);
        RoomSpec spec;
        try {
            spec = RoomJson.spec(body.get("settings"), scenario);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("\"settings\": " + e.getMessage());
        }
        var row = stores.rooms().create(convener.id(), spec.title(), spec.mediation() == Mediation.OPEN, "waiting", Optional.empty(),
                RoomJson.spec(spec));
        ObjectNode out = Http.JSON.createObjectNode();
        out.put("room", row.publicId());
        ArrayNode seats = out.putArray("seats");
        for (int j = 0; j < spec.seats().size(); j++) {
            org.pourparler.room.Seat s = spec.seats().get(j);
            Seat.Issued issued = stores.seats().add(row.id(), j, s.party(), Seat.Kind.of(s.kind().id()));
            ObjectNode sn = seats.addObject().put("seat", j).put("party", s.party()).put("kind", s.kind().id());
            if (s.kind() == org.pourparler.room.Seat.Kind.PERSON) sn.put("invite", invite(ctx, issued.token()));
            if (s.kind() == org.pourparler.room.Seat.Kind.PROGRAM) sn.put("token", issued.token());
            if (s.kind() == org.pourparler.room.Seat.Kind.AGENT) sn.put("agent", s.agent());
        }
        return out;
    }

    /** The folder of example scenarios. */
    Path examples() { return examples; }

    /** The public base URL for links, when configured. */
    Optional<URI> baseUrl() { return baseUrl; }

    private void list(Context ctx) {
        if (!(Http.principal(ctx) instanceof Principal.Convener convener)) throw ApiError.unauthorized("Only the convener lists rooms; sign in first.");
        ArrayNode out = Http.JSON.createArrayNode();
        for (var r : stores.rooms().listFor(convener.id())) {
            out.addObject().put("room", r.publicId()).put("title", r.title()).put("mediation", r.open() ? "open" : "blind")
                    .put("state", r.state()).put("created", r.createdAt().toString())
                    .put("protocol", RoomJson.spec(r.spec()).options().protocol().id());
        }
        ctx.json(out);
    }

    // ---- the room as the caller may see it ----

    private void view(Context ctx) {
        Http.RoomView view = Http.room(ctx, stores);
        ctx.json(json(current(view).room(), view.reader()).put("room", view.room().publicId()));
    }

    /** A room's state as of its last committed event, and that event's seq. */
    record Current(Room room, long seq) { }

    /** The room as it stands. */
    Current current(Http.RoomView view) {
        synchronized (lock(view.room().id())) {
            long last = stores.log().last(view.room().id());
            Room room = at(view.room(), last);
            live.put(view.room().id(), new Live(room, last));
            return new Current(room, last);
        }
    }

    /** The room's events the caller may see, oldest first. */
    List<RoomJson.Logged> visibleEvents(Http.RoomView view) {
        RoomSpec spec = RoomJson.spec(view.room().spec());
        List<RoomJson.Logged> events = new ArrayList<>();
        for (Event e : stores.log().read(view.room().id(), 0)) {
            if (e.audience().admits(view.reader(), view.room().open())) {
                events.add(new RoomJson.Logged(e.seq(), RoomJson.decode(e.type(), e.payload(), e.at(), spec.scenario().domain())));
            }
        }
        return events;
    }

    static ObjectNode json(Room room, Audience.Reader reader) {
        RoomSpec spec = room.spec();
        Domain d = spec.scenario().domain();
        ObjectNode n = Http.JSON.createObjectNode();
        n.put("title", spec.title());
        n.put("protocol", spec.options().protocol().id());
        n.put("mediation", spec.mediation().id());
        n.put("state", room.state().name().toLowerCase(java.util.Locale.ROOT));
        ObjectNode deadline = n.putObject("deadline");
        if (spec.deadline().rounds() > 0) deadline.put("rounds", spec.deadline().rounds());
        if (spec.deadline().seconds() > 0) deadline.put("seconds", spec.deadline().seconds());
        room.deadlineAt().ifPresent(t -> n.put("deadlineAt", t.toString()));
        ArrayNode issues = n.putArray("issues");
        for (int i = 0; i < d.issueCount(); i++) {
            ObjectNode in = issues.addObject().put("name", d.issue(i).name()).put("size", d.issue(i).size());
            if (d.issue(i).size() <= 10_000) {
                ArrayNode options = in.putArray("options");
                for (int v = 0; v < d.issue(i).size(); v++) options.add(d.issue(i).label(v));
            }
        }
        ArrayNode parties = n.putArray("parties");
        ArrayNode awaiting = Http.JSON.createArrayNode();
        for (int j = 0; j < spec.seats().size(); j++) {
            org.pourparler.room.Seat s = spec.seats().get(j);
            parties.addObject().put("seat", j).put("party", s.party()).put("kind", s.kind().id())
                    .put("joined", s.kind() == org.pourparler.room.Seat.Kind.AGENT || room.joined(j));
            if (room.awaits(j)) awaiting.add(j);
        }
        n.set("awaiting", awaiting);
        Optional<NegotiationView> any = room.view(0);
        n.put("round", any.map(NegotiationView::round).orElse(0));
        n.put("time", any.map(NegotiationView::time).orElse(0.0));
        ArrayNode offers = n.putArray("offers");
        for (OfferRecord o : any.map(NegotiationView::offers).orElse(List.of())) {
            offers.addObject().put("round", o.round()).put("time", o.time()).put("party", o.party()).set("outcome", RoomJson.outcome(d, o.outcome()));
        }
        ArrayNode answers = n.putArray("answers");
        for (ProbeAnswer a : any.map(NegotiationView::answers).orElse(List.of())) {
            answers.addObject().put("round", a.round()).put("zoneExists", a.zoneExists());
        }
        any.flatMap(NegotiationView::standingOffer).ifPresent(o -> {
            n.set("standingOffer", RoomJson.outcome(d, o));
            n.put("standingOfferBy", any.get().standingOfferBy());
        });
        room.result().ifPresent(r -> n.put("ending", r.ending().toString()));
        room.agreement().ifPresent(a -> n.set("agreement", RoomJson.outcome(d, a)));
        room.improvement().ifPresent(a -> n.set("improvement", RoomJson.outcome(d, a)));
        room.improved().ifPresent(b -> n.put("improved", b));
        if (reader instanceof Audience.Reader.SeatReader s) {
            int j = s.seat();
            ObjectNode you = n.putObject("you");
            you.put("seat", j).put("party", spec.seats().get(j).party()).put("awaited", room.awaits(j));
            you.put("joined", room.joined(j));
            you.put("profileNeeded", !room.hasProfile(j));
            room.profile(j).ifPresent(p -> you.set("profile", RoomJson.ownProfile(p)));
            room.view(j).ifPresent(v -> {
                you.put("probesLeft", v.probesLeft());
                v.commitment().ifPresent(c -> you.set("commitment", RoomJson.action(d, c)));
            });
        } else if (reader instanceof Audience.Reader.Convener && spec.mediation() == Mediation.OPEN) {
            ArrayNode profiles = n.putArray("profiles");
            for (int j = 0; j < spec.seats().size(); j++) {
                int seat = j;
                profiles.add(room.profile(j).map(RoomJson::ownProfile).map(p -> (JsonNode) p.put("seat", seat))
                        .orElse(Http.JSON.createObjectNode().put("seat", j)));
            }
        }
        return n;
    }

    // ---- commands ----

    @FunctionalInterface
    private interface SeatCommand {
        List<RoomEvent> run(Room room, int seat, JsonNode body, Instant now) throws RoomException;
    }

    private void seatCommand(Context ctx, SeatCommand command) {
        Http.RoomView view = Http.room(ctx, stores);
        if (!(view.reader() instanceof Audience.Reader.SeatReader s)) throw ApiError.forbidden("Only a seat of this room can do that.");
        JsonNode body = ctx.body().isBlank() ? Http.JSON.createObjectNode() : body(ctx);
        perform(ctx, view, (room, now) -> command.run(room, s.seat(), body, now));
    }

    private void message(Context ctx) {
        Http.RoomView view = Http.room(ctx, stores);
        JsonNode body = body(ctx);
        JsonNode to = body.get("to");
        int target;
        if (to != null && to.isTextual() && to.asText().equals("mediator")) target = RoomEvent.Message.MEDIATOR;
        else if (to != null && to.isTextual() && to.asText().equals("all")) target = RoomEvent.Message.EVERYBODY;
        else if (to != null && to.isIntegralNumber()) target = to.asInt();
        else throw ApiError.badRequest("\"to\" must be \"mediator\", \"all\" or a seat number");
        if (!body.path("text").isTextual()) throw ApiError.badRequest("\"text\" must be a string");
        int from = view.reader() instanceof Audience.Reader.SeatReader s ? s.seat() : RoomEvent.Message.MEDIATOR;
        perform(ctx, view, (room, now) -> room.message(from, target, body.get("text").asText(), now));
    }

    private void reissue(Context ctx) {
        Http.RoomView view = convenerOf(ctx);
        int seat;
        try {
            seat = Integer.parseInt(ctx.pathParam("seat"));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("The seat must be a number");
        }
        ctx.status(201).json(reissueToken(ctx, view, seat));
    }

    /** Revokes a seat's token and issues a new one: {@code {"seat", "invite" | "token"}}, shown once. */
    ObjectNode reissueToken(Context ctx, Http.RoomView view, int seat) {
        Seat.Issued issued = stores.seats().reissue(view.room().id(), seat)
                .orElseThrow(() -> ApiError.notFound("The room has no seat " + ctx.pathParam("seat") + "."));
        ObjectNode out = Http.JSON.createObjectNode().put("seat", seat);
        if (issued.seat().kind() == Seat.Kind.PERSON) out.put("invite", invite(ctx, issued.token()));
        else out.put("token", issued.token());
        return out;
    }

    private void export(Context ctx) {
        Http.RoomView view = convenerOf(ctx);
        RoomSpec spec = RoomJson.spec(view.room().spec());
        List<RoomJson.Logged> events = visibleEvents(view);
        boolean complete = events.size() == stores.log().last(view.room().id());
        RoomJson.Export export = new RoomJson.Export(spec, events, complete);
        if ("csv".equals(ctx.queryParam("format"))) {
            ctx.contentType("text/csv; charset=utf-8").result(RoomJson.csv(export));
        } else {
            ctx.contentType("application/json").result(RoomJson.export(export));
        }
    }

    /** Runs a command for the caller under the room's lock, appends its events, answers with those the caller may see. */
    private void perform(Context ctx, Http.RoomView view, Command command) {
        Actions.Answer a = apply(ctx, view, command, Optional.ofNullable(ctx.header(Actions.IDEMPOTENCY_HEADER)));
        ctx.status(a.status()).contentType("application/json").result(a.body());
    }

    /** Runs a command for the caller (named by {@code key} for retries), without answering: a page renders the result. */
    Actions.Answer apply(Context ctx, Http.RoomView view, Command command, Optional<String> key) {
        long id = view.room().id();
        synchronized (lock(id)) {
            Live[] done = {null};
            Actions.Answer answer = Actions.apply(ctx, stores.log(), view.room(), key, lastSeq -> {
                done[0] = null;
                Room room = at(view.room(), lastSeq);
                List<RoomEvent> produced;
                try {
                    produced = command.run(room, stores.clock().instant());
                } catch (RoomException e) {
                    throw ApiError.conflict(e.getMessage());
                }
                done[0] = new Live(room, lastSeq + produced.size());
                ObjectNode body = Http.JSON.createObjectNode();
                ArrayNode seen = body.putArray("events");
                Domain d = room.spec().scenario().domain();
                for (RoomEvent e : produced) {
                    RoomJson.Encoded enc = RoomJson.encode(e, d);
                    if (Audience.parse(enc.audience()).admits(view.reader(), view.room().open())) {
                        seen.addObject().put("type", enc.type()).set("data", read(enc.payload()));
                    }
                }
                return new Actions.Decision(newEvents(produced, d), 200, body);
            });
            if (done[0] != null) {
                live.put(id, done[0]);
                record(view.room(), done[0].room());
            }
            return answer;
        }
    }

    /** The clock: every room whose wall-clock deadline has passed gets its tick (once, whichever server sees it first). */
    private void tickDeadlines() {
        try {
            Instant now = stores.clock().instant();
            for (var row : stores.rooms().withDeadlines()) {
                if (row.deadlineAt().isEmpty() || row.deadlineAt().get().isAfter(now) || row.state().equals("ended")) continue;
                synchronized (lock(row.id())) {
                    long last = stores.log().last(row.id());
                    Room room = at(row, last);
                    List<RoomEvent> produced = room.tick(now);
                    try {
                        if (!produced.isEmpty()) stores.log().append(row.id(), last, newEvents(produced, room.spec().scenario().domain()));
                        live.put(row.id(), new Live(room, last + produced.size()));
                        record(row, room);
                    } catch (LogConflictException e) {
                        live.remove(row.id());   // another server ticked or acted first: the next pass sees its events
                    }
                }
            }
        } catch (RuntimeException e) {
            // a database gone for a moment: the next tick tries again (nothing of a room reaches the log here)
            org.slf4j.LoggerFactory.getLogger(RoomEndpoints.class).warn("room clock: {}", e.getClass().getSimpleName());
        }
    }

    /** Keeps the room's state word and wall-clock deadline in its row (the list of rooms and the clock read them). */
    private void record(org.pourparler.server.store.Room row, Room room) {
        String state = room.state().name().toLowerCase(java.util.Locale.ROOT);
        if (!state.equals(row.state())) stores.rooms().updateState(row.id(), state);
        Optional<Instant> deadline = room.state() == Room.State.NEGOTIATING ? room.deadlineAt() : Optional.empty();
        if (!deadline.equals(row.deadlineAt())) stores.rooms().updateDeadline(row.id(), deadline);
    }

    /** The room as of event {@code seq}: the one in memory when it is there, else rebuilt from the log. */
    private Room at(org.pourparler.server.store.Room row, long seq) {
        Live l = live.remove(row.id());
        if (l != null && l.seq() == seq) return l.room();
        RoomSpec spec = RoomJson.spec(row.spec());
        List<RoomEvent> events = new ArrayList<>();
        for (Event e : stores.log().read(row.id(), 0)) {
            if (e.seq() > seq) break;
            events.add(RoomJson.decode(e.type(), e.payload(), e.at(), spec.scenario().domain()));
        }
        return Room.replay(spec, events);
    }

    private static List<NewEvent> newEvents(List<RoomEvent> produced, Domain d) {
        List<NewEvent> out = new ArrayList<>();
        for (RoomEvent e : produced) {
            RoomJson.Encoded enc = RoomJson.encode(e, d);
            JsonNode p = read(enc.payload());
            int seat = p.has("seat") ? p.get("seat").asInt() : e instanceof RoomEvent.Move m && m.party() >= 0 ? m.party()
                    : e instanceof RoomEvent.Message m && m.from() >= 0 ? m.from() : NewEvent.ROOM;
            out.add(NewEvent.of(seat, enc.type(), enc.payload(), Audience.parse(enc.audience())));
        }
        return out;
    }

    /** A person's invite link: the public base URL when configured, else the one the convener's request came to. */
    private String invite(Context ctx, String token) {
        String base = baseUrl.map(URI::toString).orElseGet(() -> ctx.scheme() + "://" + ctx.host());
        return base.replaceAll("/+$", "") + "/join/" + token;
    }

    private Http.RoomView convenerOf(Context ctx) {
        Http.RoomView view = Http.room(ctx, stores);
        if (!(view.reader() instanceof Audience.Reader.Convener)) throw ApiError.forbidden("Only the convener can do that.");
        return view;
    }

    private Object lock(long room) {
        return locks.computeIfAbsent(room, k -> new Object());
    }

    private static Outcome outcome(Room room, JsonNode n) {
        try {
            return RoomJson.outcome(room.spec().scenario().domain(), n, "outcome");
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode n = Http.JSON.readTree(ctx.body());
            if (n == null || !n.isObject()) throw ApiError.badRequest("The request body must be a JSON object");
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.badRequest("The request body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode read(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
