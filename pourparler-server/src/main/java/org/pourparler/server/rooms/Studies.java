package org.pourparler.server.rooms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pourparler.io.RoomJson;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.PartyResult;
import org.pourparler.negotiation.SessionResult;
import org.pourparler.room.Room;
import org.pourparler.room.RoomEvent;
import org.pourparler.room.RoomSpec;
import org.pourparler.server.http.ApiError;
import org.pourparler.server.http.Http;
import org.pourparler.server.http.Principal;
import org.pourparler.server.pages.Pages;
import org.pourparler.server.pages.RoomPage;
import org.pourparler.server.pages.Words;
import org.pourparler.server.store.Audience;
import org.pourparler.server.store.Seat;
import org.pourparler.server.store.Session;
import org.pourparler.server.store.Stores;
import org.pourparler.server.store.Study;
import org.pourparler.tournament.ResultsTable;

/**
 * Research studies (docs/server.md, "Research studies"): a study is a room template — an example
 * scenario, a protocol, a deadline, the party the participant plays and a built-in agent for every other
 * seat — with one participant link. Each person who opens the link gets a room of their own (a seat
 * session cookie, then the room's page); the same person opening it again resumes that room. When the
 * room has ended, the participant's page shows their completion code and, when the study has one, a
 * Continue link to the survey with the code and the participant's id. The convener lists the studies,
 * creates one, issues a new link (revoking the old) and downloads the results, one CSV row per
 * participant.
 */
final class Studies {
    /** How many rooms a study opens unless its convener says otherwise. */
    public static final int DEFAULT_MAX_ROOMS = 1000;
    private static final int MAX_PID = 100;
    private static final int MAX_REDIRECT = 2000;

    private final RoomEndpoints rooms;
    private final Stores stores;
    /** One participant's arrival at a time per study on this server: numbers and the cap stay exact. */
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();

    Studies(RoomEndpoints rooms, Stores stores) {
        this.rooms = rooms;
        this.stores = stores;
    }

    /** Adds the convener's pages and the participant link. */
    Studies addTo(RoutesConfig routes) {
        routes.get("/studies", this::list);
        routes.get("/studies/new", ctx -> newStudy(ctx, "", Map.of()));
        routes.post("/studies", this::create);
        routes.get("/studies/{study}", this::show);
        routes.post("/studies/{study}/link", this::newLink);
        routes.get("/studies/{study}/results.csv", this::results);
        routes.get("/study/{token}", this::arrive);
        return this;
    }

    // ---- the participant ----

    private void arrive(Context ctx) {
        Optional<Study> found = stores.studies().findByLink(ctx.pathParam("token"));
        if (found.isEmpty()) {
            page(ctx, 404, "This study link is unknown or revoked; ask the study's organiser for the current link.");
            return;
        }
        Study study = found.get();
        Principal p = Http.principal(ctx);
        // the same person again (their seat cookie): their own room, never a second one
        if (p instanceof Principal.Seat s) {
            Optional<Study.Participant> mine = stores.studies().participantOf(s.room()).filter(x -> x.study() == study.id());
            Optional<org.pourparler.server.store.Room> own = mine.isPresent() && s.seat() == study.participantSeat()
                    ? stores.rooms().find(s.room()) : Optional.empty();
            if (own.isPresent()) {
                ctx.redirect("/rooms/" + own.get().publicId(), HttpStatus.SEE_OTHER);
                return;
            }
        }
        if (p instanceof Principal.Convener) {
            page(ctx, 409, "You are signed in as the convener here. To try the study as a participant, open its link in a private window "
                    + "or another browser; opening it here would sign you out.");
            return;
        }
        String pid = Optional.ofNullable(ctx.queryParam("pid")).orElse("").strip();
        if (pid.length() > MAX_PID || pid.codePoints().anyMatch(c -> Character.isISOControl(c) || !Character.isDefined(c))) {
            page(ctx, 400, "The participant id (pid) must be at most " + MAX_PID + " printable characters.");
            return;
        }
        org.pourparler.server.store.Room room;
        synchronized (locks.computeIfAbsent(study.id(), k -> new Object())) {
            if (stores.studies().count(study.id()) >= study.maxRooms()) {
                page(ctx, 409, "This study is full: it has taken all the " + study.maxRooms()
                        + " participants it was set up for. Thank you for your interest.");
                return;
            }
            JsonNode opened = rooms.openRoom(ctx, new Principal.Convener(study.convenerId()), template(study));
            room = stores.rooms().find(opened.get("room").asText()).orElseThrow();
            stores.studies().addParticipant(study.id(), room.id(), pid);
        }
        Seat seat = stores.seats().list(room.id()).stream().filter(s -> s.index() == study.participantSeat()).findFirst().orElseThrow();
        Session.Opened session = stores.sessions().openForSeat(seat);
        Http.setSessionCookie(ctx, session.token());
        ctx.redirect("/rooms/" + room.publicId(), HttpStatus.SEE_OTHER);
    }

    /**
     * The party page's study part: for the participant of a study's room, once it has ended, their
     * completion code and the address to continue to (the room's other readers see nothing of it).
     */
    RoomPage decorate(org.pourparler.server.store.Room room, RoomPage page) {
        if (page.isConvener() || !page.ended()) return page;
        Optional<Study.Participant> participant = stores.studies().participantOf(room.id());
        if (participant.isEmpty()) return page;
        Optional<Study> study = stores.studies().find(participant.get().study());
        if (study.isEmpty() || study.get().participantSeat() != page.seat()) return page;
        return page.withStudy(participant.get().completionCode(), continueUrl(study.get(), participant.get()));
    }

    /** The study's redirect with the participant's code and id, URL-encoded; empty when the study has none. */
    static String continueUrl(Study study, Study.Participant participant) {
        if (study.redirectUrl().isEmpty()) return "";
        return study.redirectUrl().replace("{code}", encode(participant.completionCode())).replace("{pid}", encode(participant.pid()));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---- the convener's pages ----

    private void list(Context ctx) {
        Principal.Convener convener = RoomPages.requireConvener(ctx);
        List<String[]> list = new ArrayList<>();
        for (Study s : stores.studies().listFor(convener.id())) {
            list.add(new String[] {s.publicId(), s.title(), Integer.toString(stores.studies().count(s.id())),
                    Integer.toString(stores.studies().completed(s.id())), when(s.createdAt())});
        }
        Pages.render(ctx, "studies.jte", Map.of("studies", list, "csrf", RoomPages.csrf(ctx)));
    }

    /** The scenarios a study may use, with their parties: {name, title, party...}, the seed scenario first. */
    private List<String[]> examples() {
        List<String[]> out = new ArrayList<>();
        for (ScenarioUpload.Example e : ScenarioUpload.examples(rooms.examples())) {
            List<String> row = new ArrayList<>(List.of(e.name(), e.scenario().title()));
            for (Party p : e.scenario().negotiators()) row.add(p.name());
            out.add(row.toArray(String[]::new));
        }
        return out;
    }

    private void newStudy(Context ctx, String error, Map<String, String> form) {
        RoomPages.requireConvener(ctx);
        Map<String, String> values = new LinkedHashMap<>(Map.of("title", "", "participant", "", "protocol", "alternating", "rounds", "10",
                "minutes", "0", "agent", "boulware", "redirect", "", "maxRooms", Integer.toString(DEFAULT_MAX_ROOMS)));
        values.putAll(form);
        Pages.render(ctx, "studyNew.jte", Map.of("examples", examples(), "csrf", RoomPages.csrf(ctx), "error", error, "form", values));
    }

    private void create(Context ctx) {
        Principal.Convener convener = RoomPages.requireConvener(ctx);
        Map<String, String> form = new LinkedHashMap<>();
        for (String f : List.of("title", "participant", "protocol", "rounds", "minutes", "agent", "redirect", "maxRooms")) {
            form.put(f, Optional.ofNullable(ctx.formParam(f)).orElse("").strip());
        }
        Study.Issued issued;
        try {
            String[] choice = form.get("participant").split("#", 2);
            if (choice.length != 2 || choice[0].isEmpty()) throw ApiError.badRequest("Choose the scenario and the party the participant plays.");
            Scenario scenario = ScenarioUpload.read(Http.JSON.createObjectNode().put("example", choice[0]), rooms.examples());
            int seat = parseInt(choice[1], 0, scenario.negotiators().size() - 1, "The participant's party");
            int rounds = parseInt(form.get("rounds"), 0, 100_000, "The rounds");
            int minutes = parseInt(form.get("minutes"), 0, 525_600, "The minutes");
            if (rounds == 0 && minutes == 0) throw ApiError.badRequest("Give each room a deadline: rounds, minutes, or both.");
            int maxRooms = parseInt(form.get("maxRooms"), 1, 1_000_000, "The most participants");
            String agent = form.get("agent");
            if (agent.isEmpty()) throw ApiError.badRequest("Name the built-in agent that plays the other parties, for example boulware.");
            try {
                org.pourparler.agents.Agents.create(agent);
            } catch (RuntimeException e) {
                throw ApiError.badRequest("The agent: " + e.getMessage());
            }
            String redirect = form.get("redirect");
            checkRedirect(redirect);
            String title = form.get("title").isEmpty() ? scenario.title() : form.get("title");
            if (title.length() > 200) throw ApiError.badRequest("The title must be at most 200 characters.");

            ObjectNode template = Http.JSON.createObjectNode();
            template.putObject("scenario").put("example", choice[0]);
            ObjectNode settings = template.putObject("settings");
            settings.put("title", title);
            settings.put("protocol", form.get("protocol").isEmpty() ? "alternating" : form.get("protocol"));
            settings.put("mediation", "blind");
            ObjectNode deadline = settings.putObject("deadline");
            if (rounds > 0) deadline.put("rounds", rounds);
            if (minutes > 0) deadline.put("seconds", minutes * 60L);
            ArrayNode seats = settings.putArray("seats");
            for (int j = 0; j < scenario.negotiators().size(); j++) {
                if (j == seat) seats.addObject().put("kind", "person");
                else seats.addObject().put("kind", "agent").put("agent", agent);
            }
            try {
                RoomJson.spec(settings, scenario);                       // the rooms it will open are valid rooms
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest(e.getMessage());
            }
            issued = stores.studies().create(convener.id(), title, template.toString(), seat, redirect, maxRooms);
        } catch (ApiError e) {
            ctx.status(e.status());
            newStudy(ctx, e.getMessage(), form);
            return;
        }
        linkPage(ctx, issued.study(), issued.token(), true);
    }

    private static void checkRedirect(String redirect) {
        if (redirect.isEmpty()) return;
        String problem = "The redirect address must be an http:// or https:// address containing {code}, for example "
                + "https://survey.example/end?code={code}&pid={pid}.";
        if (redirect.length() > MAX_REDIRECT || !redirect.contains("{code}")) throw ApiError.badRequest(problem);
        try {
            URI u = URI.create(redirect.replace("{code}", "CODE").replace("{pid}", "PID"));
            if (u.getHost() == null || !("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))) {
                throw ApiError.badRequest(problem);
            }
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(problem);
        }
    }

    private void linkPage(Context ctx, Study study, String token, boolean created) {
        Pages.render(ctx, "studyLink.jte", Map.of("study", study.publicId(), "title", study.title(), "link", link(ctx, token),
                "created", created, "csrf", RoomPages.csrf(ctx)));
    }

    private String link(Context ctx, String token) {
        String base = rooms.baseUrl().map(URI::toString).orElseGet(() -> ctx.scheme() + "://" + ctx.host());
        return base.replaceAll("/+$", "") + "/study/" + token;
    }

    private void show(Context ctx) {
        Study study = studyOf(ctx);
        JsonNode template = template(study);
        JsonNode settings = template.get("settings");
        RoomSpec spec = spec(study);
        List<String[]> people = new ArrayList<>();
        for (Study.Participant p : stores.studies().participants(study.id())) {
            Optional<org.pourparler.server.store.Room> r = stores.rooms().find(p.room());
            people.add(new String[] {Integer.toString(p.number()), p.pid(), r.map(org.pourparler.server.store.Room::publicId).orElse(""),
                    r.map(org.pourparler.server.store.Room::state).orElse(""), when(p.createdAt())});
        }
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Scenario", spec.scenario().title()});
        facts.add(new String[] {"Protocol", Words.protocolName(spec.options().protocol()) + ": " + Words.protocolSentence(spec.options().protocol())});
        List<String> deadline = new ArrayList<>();
        if (settings.path("deadline").has("rounds")) deadline.add(settings.path("deadline").get("rounds").asText() + " rounds");
        if (settings.path("deadline").has("seconds")) deadline.add(settings.path("deadline").get("seconds").asLong() / 60 + " minutes");
        facts.add(new String[] {"Deadline", String.join(" or ", deadline)});
        facts.add(new String[] {"The participant plays", spec.seats().get(study.participantSeat()).party()});
        String agent = "";
        for (var s : spec.seats()) if (!s.agent().isEmpty()) agent = s.agent();
        facts.add(new String[] {"The other parties", agent.isEmpty() ? "none" : "the built-in agent " + agent});
        facts.add(new String[] {"Redirect when done", study.redirectUrl().isEmpty() ? "none" : study.redirectUrl()});
        facts.add(new String[] {"At most", study.maxRooms() + " participants"});
        Pages.render(ctx, "study.jte", Map.of("study", study.publicId(), "title", study.title(), "facts", facts, "participants", people,
                "completed", stores.studies().completed(study.id()), "csrf", RoomPages.csrf(ctx)));
    }

    private void newLink(Context ctx) {
        Study study = studyOf(ctx);
        linkPage(ctx, study, stores.studies().reissueLink(study.id()), false);
    }

    /** The results: one row per participant. */
    private void results(Context ctx) {
        Study study = studyOf(ctx);
        RoomSpec spec = spec(study);
        List<Integer> agents = new ArrayList<>();
        StringBuilder csv = new StringBuilder("participant,pid,room,joined_at,ended_at,ending,agreement,rounds,utility,payoff");
        for (int j = 0; j < spec.seats().size(); j++) {
            if (j == study.participantSeat()) continue;
            agents.add(j);
            csv.append(',').append(ResultsTable.field("payoff " + spec.seats().get(j).party()));
        }
        csv.append(",completion_code\n");
        for (Study.Participant p : stores.studies().participants(study.id())) {
            Optional<org.pourparler.server.store.Room> row = stores.rooms().find(p.room());
            if (row.isEmpty()) continue;
            Http.RoomView view = new Http.RoomView(row.get(), Audience.Reader.convener());
            Room room = rooms.current(view).room();
            Optional<SessionResult> result = room.result();
            Instant endedAt = null;
            if (result.isPresent()) {
                for (RoomJson.Logged l : rooms.visibleEvents(view)) if (l.event() instanceof RoomEvent.Ended e) endedAt = e.at();
            }
            Domain d = room.spec().scenario().domain();
            csv.append(p.number()).append(',').append(ResultsTable.field(p.pid())).append(',').append(row.get().publicId()).append(',')
                    .append(p.createdAt()).append(',').append(endedAt == null ? "" : endedAt.toString()).append(',')
                    .append(result.map(r -> ResultsTable.field(r.ending().toString())).orElse("")).append(',')
                    .append(ResultsTable.field(room.agreement().map(o -> agreement(d, o)).orElse(""))).append(',')
                    .append(result.map(r -> Integer.toString(r.rounds())).orElse("")).append(',');
            PartyResult mine = result.map(r -> party(r, spec.seats().get(study.participantSeat()).party())).orElse(null);
            csv.append(mine == null ? "" : number(mine.utility())).append(',').append(mine == null ? "" : number(mine.payoff()));
            for (int j : agents) {
                PartyResult theirs = result.map(r -> party(r, spec.seats().get(j).party())).orElse(null);
                csv.append(',').append(theirs == null ? "" : number(theirs.payoff()));
            }
            csv.append(',').append(result.isPresent() ? p.completionCode() : "").append('\n');
        }
        String file = study.title().replaceAll("[^A-Za-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        ctx.header("Content-Disposition", "attachment; filename=\"" + (file.isEmpty() ? "study" : file) + "-results.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv.toString());
    }

    /** A time for a page: "2026-12-01 12:00 UTC" (it wraps in a narrow column). */
    private static String when(Instant t) {
        return t.truncatedTo(ChronoUnit.MINUTES).toString().replace("T", " ").replace("Z", " UTC");
    }

    private static PartyResult party(SessionResult r, String name) {
        return r.parties().stream().filter(p -> p.party().equals(name)).findFirst().orElse(null);
    }

    private static String number(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? "" : Double.toString(d);
    }

    /** A package as "issue=option; issue=option". */
    static String agreement(Domain d, Outcome o) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < d.issueCount(); i++) {
            if (i > 0) b.append("; ");
            b.append(d.issue(i).name()).append('=').append(d.issue(i).label(o.value(i)));
        }
        return b.toString();
    }

    // ---- helpers ----

    private Study studyOf(Context ctx) {
        Principal.Convener convener = RoomPages.requireConvener(ctx);
        return stores.studies().find(ctx.pathParam("study")).filter(s -> s.convenerId() == convener.id())
                .orElseThrow(() -> ApiError.notFound("There is no such study."));
    }

    private static JsonNode template(Study study) {
        try {
            return Http.JSON.readTree(study.template());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored study template is not JSON", e);
        }
    }

    private RoomSpec spec(Study study) {
        JsonNode t = template(study);
        return RoomJson.spec(t.get("settings"), ScenarioUpload.read(t.get("scenario"), rooms.examples()));
    }

    private static int parseInt(String v, int min, int max, String what) {
        try {
            int x = Integer.parseInt(v.strip());
            if (x >= min && x <= max) return x;
        } catch (NumberFormatException e) {
            // the sentence below
        }
        throw ApiError.badRequest(what + " must be a whole number from " + min + " to " + max + ".");
    }

    private static void page(Context ctx, int status, String message) {
        ctx.status(status);
        Pages.render(ctx, "error.jte", Map.of("message", message, "csrf", RoomPages.csrf(ctx)));
    }
}
