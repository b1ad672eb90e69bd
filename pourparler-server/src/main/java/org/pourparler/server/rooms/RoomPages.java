package org.pourparler.server.rooms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pourparler.io.RoomJson;
import org.pourparler.model.Domain;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.RedLine;
import org.pourparler.model.Scenario;
import org.pourparler.model.ValueFunction;
import org.pourparler.negotiation.Acceptance;
import org.pourparler.negotiation.Action;
import org.pourparler.room.Room;
import org.pourparler.room.RoomEvent;
import org.pourparler.server.http.ApiError;
import org.pourparler.server.http.Http;
import org.pourparler.server.http.Principal;
import org.pourparler.server.pages.Pages;
import org.pourparler.server.pages.RoomAnalysis;
import org.pourparler.server.pages.RoomPage;
import org.pourparler.server.pages.Words;
import org.pourparler.server.store.Audience;
import org.pourparler.server.store.Stores;

/**
 * The browser pages over the rooms (docs/server.md, "Pages"). Every form posts to a page route that
 * turns it into the same room command the JSON API runs ({@link RoomEndpoints#apply}), under the same
 * lock, log and audience rule, and answers HTML: the live part of the page for htmx, or a redirect
 * back to the page for a plain form. A refusal is shown as a plain sentence in the page. Each form
 * carries a fresh idempotency key, so a double click or a re-sent form never acts twice.
 */
final class RoomPages {
    private static final int MAX_PROFILE_OPTIONS = 2_000;
    private final RoomEndpoints rooms;
    private final Stores stores;
    private final Decorator decorator;
    /** The analyses of open rooms whose every profile is known (they do not change after that), the most recent 64. */
    private final Map<Long, RoomAnalysis> analyses = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Long, RoomAnalysis> e) { return size() > 64; }
    });

    /** Adds to a party's page what another part of the server knows of its room (a study's completion code). */
    @FunctionalInterface
    interface Decorator {
        RoomPage decorate(org.pourparler.server.store.Room room, RoomPage page);
    }

    RoomPages(RoomEndpoints rooms, Stores stores, Decorator decorator) {
        this.rooms = rooms;
        this.stores = stores;
        this.decorator = decorator;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/assets/{name}", Pages::asset);
        routes.get("/", this::home);
        routes.get("/rooms/new", ctx -> newRoom(ctx, ""));
        routes.get("/rooms/new/settings", this::settingsForExample);
        routes.post("/rooms/new/settings", this::settingsForUpload);
        routes.post("/rooms/new", this::openRoom);
        routes.get("/rooms/{room}", this::room);
        routes.get("/rooms/{room}/live", this::live);
        routes.get("/rooms/{room}/messages", ctx -> {
            Http.RoomView view = Http.room(ctx, stores);
            Pages.render(ctx, "messages.jte", Map.of("page", page(ctx, view, "")));
        });
        routes.get("/rooms/{room}/utility", this::utility);
        routes.get("/rooms/{room}/profile-preview", this::profilePreview);
        routes.post("/rooms/{room}/join", ctx -> seatForm(ctx, (room, seat, now) -> room.join(seat, now)));
        routes.post("/rooms/{room}/act", ctx -> seatForm(ctx, (room, seat, now) -> room.act(seat, action(ctx, room, seat), now)));
        routes.post("/rooms/{room}/profile", ctx -> seatForm(ctx, (room, seat, now) -> room.enterProfile(seat, enteredProfile(ctx, room.spec().scenario().domain()), now)));
        routes.post("/rooms/{room}/non-paper", ctx -> seatForm(ctx, (room, seat, now) -> room.nonPaper(seat, packageOf(ctx, room.spec().scenario().domain()), now)));
        routes.post("/rooms/{room}/improvement", ctx -> seatForm(ctx, (room, seat, now) -> room.answerImprovement(seat, "yes".equals(ctx.formParam("accept")), now)));
        routes.post("/rooms/{room}/mediator-text", ctx -> {
            Http.RoomView view = convener(ctx);
            form(ctx, view, (room, now) -> room.putToAll(packageOf(ctx, room.spec().scenario().domain()), now));
        });
        routes.post("/rooms/{room}/message", this::message);
        routes.post("/rooms/{room}/seats/{seat}/link", this::newLink);
    }

    // ---- the convener's pages ----

    private void home(Context ctx) {
        Principal p = Http.principal(ctx);
        if (p instanceof Principal.Convener c) {
            List<String[]> list = new ArrayList<>();
            for (var r : stores.rooms().listFor(c.id())) {
                var spec = RoomJson.spec(r.spec());
                list.add(new String[] {r.publicId(), r.title(), Words.protocolName(spec.options().protocol()), r.open() ? "open" : "blind",
                        r.state(), r.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString()});
            }
            Pages.render(ctx, "rooms.jte", Map.of("rooms", list, "csrf", csrf(ctx)));
        } else if (p instanceof Principal.Seat s) {
            stores.rooms().find(s.room()).ifPresentOrElse(r -> ctx.redirect("/rooms/" + r.publicId(), io.javalin.http.HttpStatus.SEE_OTHER),
                    () -> Pages.render(ctx, "home.jte", Map.of()));
        } else {
            Pages.render(ctx, "home.jte", Map.of());
        }
    }

    private void newRoom(Context ctx, String error) {
        requireConvener(ctx);
        List<String[]> examples = new ArrayList<>();
        for (ScenarioUpload.Example e : ScenarioUpload.examples(rooms.examples())) {
            Scenario s = e.scenario();
            examples.add(new String[] {e.name(), s.title(), s.domain().issueCount() + " issues, " + s.negotiators().size() + " parties"});
        }
        // after a mistake in the small scenario, its fields come back as written
        boolean posted = ctx.method() == io.javalin.http.HandlerType.POST;
        Map<String, Object> params = new java.util.HashMap<>(Map.of("examples", examples, "csrf", csrf(ctx), "error", error));
        for (String f : List.of("smallTitle", "smallParties", "smallIssues")) params.put(f, posted ? Optional.ofNullable(ctx.formParam(f)).orElse("") : "");
        Pages.render(ctx, "newRoom.jte", params);
    }

    /** The first line of a scenario written in the page (its parties enter their own preferences). */
    private static final String SMALL = "# written in the page: each party enters its own preferences\n";

    /**
     * A scenario in our format from the page's small form: parties one per line, issues one per line as
     * "issue: option, option". Each party's profile is a placeholder (equal weights, the first option
     * best), for the parties enter their own; the text goes through the same reader as any upload.
     */
    static String smallScenario(String title, String parties, String issues) {
        List<String> names = lines(parties);
        List<String> issueLines = lines(issues);
        if (title == null || title.isBlank()) throw ApiError.badRequest("Give the negotiation a title.");
        if (names.size() < 2) throw ApiError.badRequest("Name at least two parties, one per line.");
        if (issueLines.isEmpty()) throw ApiError.badRequest("Name at least one issue, as 'issue: option, option'.");
        StringBuilder y = new StringBuilder(SMALL).append("format: pourparler/1\ntitle: ").append(quote(title.trim())).append("\nissues:\n");
        List<String> issueNames = new ArrayList<>();
        List<List<String>> options = new ArrayList<>();
        for (String line : issueLines) {
            int colon = line.indexOf(':');
            if (colon <= 0) throw ApiError.badRequest("Write each issue as 'issue: option, option' — this line has no colon: " + line);
            List<String> opts = new ArrayList<>();
            for (String o : line.substring(colon + 1).split(",")) if (!o.isBlank()) opts.add(o.trim());
            if (opts.size() < 2) throw ApiError.badRequest("Give the issue '" + line.substring(0, colon).trim() + "' at least two options, separated by commas.");
            issueNames.add(line.substring(0, colon).trim());
            options.add(opts);
            y.append("  - name: ").append(quote(issueNames.get(issueNames.size() - 1))).append("\n    options: [");
            for (int k = 0; k < opts.size(); k++) y.append(k > 0 ? ", " : "").append(quote(opts.get(k)));
            y.append("]\n");
        }
        y.append("parties:\n");
        for (String n : names) {
            y.append("  - name: ").append(quote(n)).append("\n    role: negotiator\n    reservation: 0\n    utility:\n      issues:\n");
            for (int i = 0; i < issueNames.size(); i++) {
                y.append("        ").append(quote(issueNames.get(i))).append(":\n          weight: 1\n          options: {");
                for (int k = 0; k < options.get(i).size(); k++) {
                    y.append(k > 0 ? ", " : "").append(quote(options.get(i).get(k))).append(": ").append(k == 0 ? 1 : 0);
                }
                y.append("}\n");
            }
        }
        return y.toString();
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        for (String l : text.split("\\R")) if (!l.isBlank()) out.add(l.trim());
        return out;
    }

    /** A YAML double-quoted scalar (JSON's escaping is valid YAML). */
    private static String quote(String s) {
        try {
            return Http.JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void settingsForExample(Context ctx) {
        requireConvener(ctx);
        String example = Optional.ofNullable(ctx.queryParam("example")).orElse("");
        settings(ctx, Http.JSON.createObjectNode().put("example", example), example, "", "");
    }

    private void settingsForUpload(Context ctx) throws IOException {
        requireConvener(ctx);
        UploadedFile file = ctx.uploadedFile("file");
        String name;
        String text;
        if (file != null && file.size() > 0) {
            name = file.filename() == null || file.filename().isBlank() ? "upload" : Path.of(file.filename()).getFileName().toString();
            try (InputStream in = file.content()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } else if (ctx.formParam("smallIssues") != null) {
            name = "scenario.yaml";
            try {
                text = smallScenario(ctx.formParam("smallTitle"), ctx.formParam("smallParties"), ctx.formParam("smallIssues"));
            } catch (ApiError e) {
                newRoom(ctx, e.getMessage());
                return;
            }
        } else {
            name = "scenario.yaml";
            text = Optional.ofNullable(ctx.formParam("text")).orElse("");
        }
        settings(ctx, Http.JSON.createObjectNode().put("file", name).put("text", text), "", name, text);
    }

    private void settings(Context ctx, ObjectNode scenarioNode, String example, String file, String text) {
        Scenario scenario;
        try {
            scenario = ScenarioUpload.read(scenarioNode, rooms.examples());
        } catch (ApiError e) {
            newRoom(ctx, e.getMessage());
            return;
        }
        List<String> parties = new ArrayList<>();
        for (Party p : scenario.negotiators()) parties.add(p.name());
        Pages.render(ctx, "roomSettings.jte", Map.of("scenarioTitle", scenario.title(), "example", example, "fileName", file, "text", text,
                "parties", parties, "csrf", csrf(ctx), "error", "", "partiesEnter", text.startsWith(SMALL)));
    }

    private void openRoom(Context ctx) {
        Principal.Convener convener = requireConvener(ctx);
        ObjectNode body = Http.JSON.createObjectNode();
        String example = ctx.formParam("example");
        if (example != null && !example.isEmpty()) body.putObject("scenario").put("example", example);
        else body.putObject("scenario").put("file", Optional.ofNullable(ctx.formParam("file")).orElse("scenario.yaml"))
                .put("text", Optional.ofNullable(ctx.formParam("text")).orElse(""));
        ObjectNode settings = body.putObject("settings");
        settings.put("title", Optional.ofNullable(ctx.formParam("title")).orElse("").trim());
        settings.put("protocol", Optional.ofNullable(ctx.formParam("protocol")).orElse("alternating"));
        settings.put("mediation", Optional.ofNullable(ctx.formParam("mediation")).orElse("blind"));
        settings.put("messagesToAll", "yes".equals(ctx.formParam("messagesToAll")));
        ObjectNode deadline = settings.putObject("deadline");
        int rounds = intParam(ctx, "rounds", 0, 100_000, "The rounds");
        int minutes = intParam(ctx, "minutes", 0, 525_600, "The minutes");
        if (rounds > 0) deadline.put("rounds", rounds);
        if (minutes > 0) deadline.put("seconds", minutes * 60L);
        ArrayNode seats = settings.putArray("seats");
        for (int j = 0; ctx.formParam("kind-" + j) != null; j++) {
            ObjectNode s = seats.addObject().put("kind", ctx.formParam("kind-" + j));
            if ("agent".equals(ctx.formParam("kind-" + j))) s.put("agent", Optional.ofNullable(ctx.formParam("agent-" + j)).orElse("").trim());
            if ("yes".equals(ctx.formParam("own-" + j))) s.put("profileByParty", true);
        }
        JsonNode opened;
        try {
            if (rounds == 0 && minutes == 0) throw ApiError.badRequest("Give the room a deadline: rounds, minutes, or both.");
            opened = rooms.openRoom(ctx, convener, body);
        } catch (ApiError e) {
            Scenario scenario = ScenarioUpload.read(body.get("scenario"), rooms.examples());
            List<String> parties = new ArrayList<>();
            for (Party p : scenario.negotiators()) parties.add(p.name());
            ctx.status(e.status());
            Pages.render(ctx, "roomSettings.jte", Map.of("scenarioTitle", scenario.title(), "example", Optional.ofNullable(example).orElse(""),
                    "fileName", Optional.ofNullable(ctx.formParam("file")).orElse(""), "text", Optional.ofNullable(ctx.formParam("text")).orElse(""),
                    "parties", parties, "csrf", csrf(ctx), "error", e.getMessage(),
                    "partiesEnter", Optional.ofNullable(ctx.formParam("text")).orElse("").startsWith(SMALL)));
            return;
        }
        List<String[]> seatRows = new ArrayList<>();
        for (JsonNode s : opened.get("seats")) {
            String kind = s.get("kind").asText();
            String secret = s.has("invite") ? s.get("invite").asText() : s.has("token") ? s.get("token").asText() : "";
            String who = switch (kind) {
                case "person" -> "a person: send this link";
                case "program" -> "a program: its API token";
                default -> "the built-in agent " + s.path("agent").asText();
            };
            seatRows.add(new String[] {s.get("party").asText(), who, secret, s.get("seat").asText()});
        }
        Pages.render(ctx, "opened.jte", Map.of("room", opened.get("room").asText(), "title", settings.get("title").asText(), "seats", seatRows, "csrf", csrf(ctx)));
    }

    private void newLink(Context ctx) {
        Http.RoomView view = convener(ctx);
        int seat;
        try {
            seat = Integer.parseInt(ctx.pathParam("seat"));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("The seat must be a number");
        }
        ObjectNode out = rooms.reissueToken(ctx, view, seat);
        String secret = out.has("invite") ? out.get("invite").asText() : out.get("token").asText();
        String html = "<input class=\"secret\" id=\"new-link-" + seat + "\" readonly aria-label=\"New link or token (the old one no longer works)\" value=\""
                + escape(secret) + "\"> <button type=\"button\" class=\"copy\" data-copy=\"new-link-" + seat + "\">Copy</button>";
        if (isHtmx(ctx)) ctx.contentType("text/html; charset=utf-8").result(html);
        else Pages.render(ctx, "error.jte", Map.of("message", "The new link (shown once; the old one no longer works): " + secret, "csrf", csrf(ctx)));
    }

    // ---- a room: the party's page or the convener's console ----

    private void room(Context ctx) {
        Http.RoomView view;
        try {
            view = Http.room(ctx, stores);
        } catch (ApiError e) {
            ctx.status(e.status());
            Pages.render(ctx, "error.jte", Map.of("message", e.status() == 401
                    ? "Open your invite link again, or sign in with the link the server printed." : e.getMessage(), "csrf", ""));
            return;
        }
        RoomPage page = page(ctx, view, "");
        Pages.render(ctx, page.isConvener() ? "console.jte" : "party.jte", Map.of("page", page));
    }

    private void live(Context ctx) {
        Http.RoomView view = Http.room(ctx, stores);
        renderLive(ctx, page(ctx, view, ""));
    }

    private static void renderLive(Context ctx, RoomPage page) {
        Pages.render(ctx, page.isConvener() ? "consoleLive.jte" : "partyLive.jte", Map.of("page", page));
    }

    private RoomPage page(Context ctx, Http.RoomView view, String error) {
        RoomEndpoints.Current current = rooms.current(view);
        int seat = view.reader() instanceof Audience.Reader.SeatReader s ? s.seat() : -1;
        RoomPage page = new RoomPage(view.room().publicId(), current.room(), seat, csrf(ctx), current.seq(), rooms.visibleEvents(view), error,
                UUID.randomUUID().toString());
        if (page.isConvener() && page.open()) page.withAnalysis(analysis(view.room().id(), current.room()));
        return decorator.decorate(view.room(), page);
    }

    private RoomAnalysis analysis(long id, Room room) {
        RoomAnalysis cached = analyses.get(id);
        if (cached != null) return cached;
        RoomAnalysis a = RoomAnalysis.of(room);
        if (a.available() || !a.unavailable().startsWith("The analysis appears")) analyses.put(id, a);
        return a;
    }

    /** The utility of the package in the query, for the package builder (the caller's own profile). */
    private void utility(Context ctx) {
        Http.RoomView view = Http.room(ctx, stores);
        if (!(view.reader() instanceof Audience.Reader.SeatReader s)) throw ApiError.forbidden("Only a seat has a utility.");
        Room room = rooms.current(view).room();
        Optional<Profile> profile = room.profile(s.seat());
        String text = profile.map(p -> Words.number(p.utility().utility(packageOf(ctx, room.spec().scenario().domain())))).orElse("–");
        ctx.contentType("text/html; charset=utf-8").result(escape(text));
    }

    /** What the profile being entered means: the weights as shares, the best and worst package, the reservation among them. */
    private void profilePreview(Context ctx) {
        Http.RoomView view = Http.room(ctx, stores);
        Domain d = rooms.current(view).room().spec().scenario().domain();
        String html;
        try {
            Profile p = enteredProfile(ctx, d);
            double[] w = ((LinearAdditiveUtility) p.utility()).weights();
            StringBuilder b = new StringBuilder("<p>Shares: ");
            for (int i = 0; i < d.issueCount(); i++) {
                if (i > 0) b.append(", ");
                b.append(escape(d.issue(i).name())).append(" ").append(Math.round(w[i] * 100)).append("%");
            }
            int[] best = new int[d.issueCount()];
            int[] worst = new int[d.issueCount()];
            var lin = (LinearAdditiveUtility) p.utility();
            for (int i = 0; i < d.issueCount(); i++) {
                for (int v = 0; v < d.issue(i).size(); v++) {
                    if (lin.term(i, v) > lin.term(i, best[i])) best[i] = v;
                    if (lin.term(i, v) < lin.term(i, worst[i])) worst[i] = v;
                }
            }
            double ub = lin.utility(best);
            double uw = lin.utility(worst);
            b.append(".</p><p>Your best package: ").append(escape(Words.outcome(d, Outcome.of(best)))).append(" (").append(Words.number(ub)).append(").</p>");
            b.append("<p>Your worst package: ").append(escape(Words.outcome(d, Outcome.of(worst)))).append(" (").append(Words.number(uw)).append(").</p>");
            b.append("<p>No deal gives you ").append(Words.number(p.reservation())).append(": ")
                    .append(p.reservation() > ub ? "more than your best package, so no deal could satisfy you."
                            : p.reservation() <= uw ? "no more than your worst package, so you would take any deal."
                            : "packages worth less than that to you are worse than no deal.").append("</p>");
            if (!p.redLines().isEmpty()) b.append("<p>Red lines: ").append(p.redLines().size()).append(" options you will never accept.</p>");
            html = b.toString();
        } catch (ApiError e) {
            html = "<p class=\"error\" role=\"alert\">" + escape(e.getMessage()) + "</p>";
        }
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    // ---- forms ----

    @FunctionalInterface
    private interface SeatCommand {
        List<RoomEvent> run(Room room, int seat, java.time.Instant now) throws org.pourparler.room.RoomException;
    }

    private void seatForm(Context ctx, SeatCommand command) {
        Http.RoomView view = Http.room(ctx, stores);
        if (!(view.reader() instanceof Audience.Reader.SeatReader s)) throw ApiError.forbidden("Only a seat of this room can do that.");
        form(ctx, view, (room, now) -> command.run(room, s.seat(), now));
    }

    /** Runs a form's command; answers the live part (htmx) or a redirect to the page, with any refusal shown in it. */
    private void form(Context ctx, Http.RoomView view, RoomEndpoints.Command command) {
        String error = "";
        try {
            var answer = rooms.apply(ctx, view, command, Optional.ofNullable(ctx.formParam("key")).filter(k -> !k.isEmpty()));
            if (answer.status() >= 400) error = Http.JSON.readTree(answer.body()).path("error").asText("The action was refused.");
        } catch (ApiError e) {
            error = e.getMessage();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            error = "The action was refused.";
        }
        if (isHtmx(ctx)) {
            renderLive(ctx, page(ctx, view, error));
        } else if (error.isEmpty()) {
            ctx.redirect("/rooms/" + view.room().publicId(), io.javalin.http.HttpStatus.SEE_OTHER);
        } else {
            RoomPage page = page(ctx, view, error);
            ctx.status(409);
            Pages.render(ctx, page.isConvener() ? "console.jte" : "party.jte", Map.of("page", page));
        }
    }

    private void message(Context ctx) {
        Http.RoomView view = Http.room(ctx, stores);
        String to = Optional.ofNullable(ctx.formParam("to")).orElse("mediator");
        int target = switch (to) {
            case "mediator" -> RoomEvent.Message.MEDIATOR;
            case "all" -> RoomEvent.Message.EVERYBODY;
            default -> {
                try {
                    yield Integer.parseInt(to);
                } catch (NumberFormatException e) {
                    throw ApiError.badRequest("Choose whom the message is for.");
                }
            }
        };
        String text = Optional.ofNullable(ctx.formParam("text")).orElse("");
        int from = view.reader() instanceof Audience.Reader.SeatReader s ? s.seat() : RoomEvent.Message.MEDIATOR;
        String error = "";
        try {
            // the form's key: a double click or a re-sent form sends the message once
            var answer = rooms.apply(ctx, view, (room, now) -> room.message(from, target, text, now),
                    Optional.ofNullable(ctx.formParam("key")).filter(k -> !k.isEmpty()));
            if (answer.status() >= 400) error = Http.JSON.readTree(answer.body()).path("error").asText("The message was refused.");
        } catch (ApiError e) {
            error = e.getMessage();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            error = "The message was refused.";
        }
        RoomPage page = page(ctx, view, error);
        if (isHtmx(ctx)) {
            // a fresh form (a new key, the text cleared unless refused), and the list out of band
            String html = Pages.html("messageForm.jte", Map.of("page", page))
                    + "<div id=\"messages\" hx-swap-oob=\"innerHTML\">" + Pages.html("messages.jte", Map.of("page", page)) + "</div>";
            ctx.contentType("text/html; charset=utf-8").result(html);
        } else {
            ctx.redirect("/rooms/" + view.room().publicId(), io.javalin.http.HttpStatus.SEE_OTHER);
        }
    }

    /** The action a party's form asks for. */
    private static Action action(Context ctx, Room room, int seat) {
        Domain d = room.spec().scenario().domain();
        String type = Optional.ofNullable(ctx.formParam("action")).orElse("");
        return switch (type) {
            case "offer" -> Action.offer(packageOf(ctx, d));
            case "accept" -> Action.accept();
            case "reject" -> Action.reject();
            case "end" -> Action.end();
            case "bid" -> {
                Outcome proposal = packageOf(ctx, d);
                if ("packages".equals(ctx.formParam("acceptKind"))) {
                    java.util.Set<Outcome> accepted = new java.util.HashSet<>();
                    accepted.add(proposal);
                    List<Outcome> seen = RoomPage.proposed(room, seat);
                    for (int k = 0; k < seen.size(); k++) if ("yes".equals(ctx.formParam("pkg-" + k))) accepted.add(seen.get(k));
                    yield Action.bid(proposal, Acceptance.packages(accepted));
                }
                yield Action.bid(proposal, Acceptance.atLeast(number(ctx, "atLeast", "The least you accept")));
            }
            case "commit" -> {
                double level = number(ctx, "level", "The least you would take");
                List<RedLine> keep = new ArrayList<>();
                List<RedLine> lines = RoomPage.redLinesToCommit(room, seat);
                for (int k = 0; k < lines.size(); k++) if ("keep".equals(ctx.formParam("red-" + k))) keep.add(lines.get(k));
                yield Action.commit(level, keep, "yes".equals(ctx.formParam("probe")));
            }
            default -> throw ApiError.badRequest("Choose an action.");
        };
    }

    /** The package of a form's issue-0, issue-1, ... fields (option indexes). */
    private static Outcome packageOf(Context ctx, Domain d) {
        int[] o = new int[d.issueCount()];
        for (int i = 0; i < o.length; i++) {
            String v = param(ctx, "issue-" + i);
            try {
                o[i] = Integer.parseInt(v == null ? "" : v);
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("Choose an option for " + d.issue(i).name() + ".");
            }
            if (o[i] < 0 || o[i] >= d.issue(i).size()) throw ApiError.badRequest("Choose an option for " + d.issue(i).name() + ".");
        }
        return Outcome.of(o);
    }

    /** The profile a party's form enters: weights, ratings 0–100 per option, red lines, the reservation 0–100. */
    private static Profile enteredProfile(Context ctx, Domain d) {
        long options = 0;
        for (int i = 0; i < d.issueCount(); i++) options += d.issue(i).size();
        if (options > MAX_PROFILE_OPTIONS) throw ApiError.badRequest("This scenario has too many options to rate in a page; the convener can set your profile instead.");
        double[] weights = new double[d.issueCount()];
        List<ValueFunction> tables = new ArrayList<>();
        List<RedLine> lines = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < d.issueCount(); i++) {
            weights[i] = bounded(ctx, "weight-" + i, 0, 100, "How much " + d.issue(i).name() + " matters");
            sum += weights[i];
            double[] t = new double[d.issue(i).size()];
            for (int v = 0; v < t.length; v++) {
                t[v] = bounded(ctx, "rate-" + i + "-" + v, 0, 100, "The rating of " + d.issue(i).label(v)) / 100.0;
                if ("yes".equals(param(ctx, "never-" + i + "-" + v))) {
                    lines.add(RedLine.of("never " + d.issue(i).label(v), List.of(new RedLine.Condition(i, new int[] {v}))));
                }
            }
            tables.add(new ValueFunction.Table(t));
        }
        if (sum <= 0) throw ApiError.badRequest("At least one issue must matter to you: move one of the sliders up.");
        LinearAdditiveUtility utility = LinearAdditiveUtility.of(d, weights, tables);
        if ("package".equals(param(ctx, "reservationKind"))) {
            // the worst deal still taken, as a package: the reservation value is its utility, and the package is kept
            int[] o = new int[d.issueCount()];
            for (int i = 0; i < o.length; i++) o[i] = (int) bounded(ctx, "res-issue-" + i, 0, d.issue(i).size() - 1, "The option of " + d.issue(i).name());
            return new Profile(utility, utility.utility(o), 1.0, lines, Optional.of(Outcome.of(o)));
        }
        double reservation = bounded(ctx, "reservation", 0, 100, "The worst deal you would still take") / 100.0;
        return new Profile(utility, reservation, 1.0, lines, Optional.empty());
    }

    private static double bounded(Context ctx, String name, double min, double max, String what) {
        String v = param(ctx, name);
        double x;
        try {
            x = Double.parseDouble(v == null ? "" : v.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(what + " must be a number from " + (int) min + " to " + (int) max + ".");
        }
        if (!(x >= min && x <= max)) throw ApiError.badRequest(what + " must be a number from " + (int) min + " to " + (int) max + ".");
        return x;
    }

    private static double number(Context ctx, String name, String what) {
        return bounded(ctx, name, 0, 1, what) ;
    }

    private static int intParam(Context ctx, String name, int min, int max, String what) {
        return (int) bounded(ctx, name, min, max, what);
    }

    /** A form field, or for a GET (the previews) a query parameter. */
    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v != null ? v : ctx.method() == io.javalin.http.HandlerType.GET ? null : ctx.formParam(name);
    }

    private Http.RoomView convener(Context ctx) {
        Http.RoomView view = Http.room(ctx, stores);
        if (!(view.reader() instanceof Audience.Reader.Convener)) throw ApiError.forbidden("Only the mediator can do that.");
        return view;
    }

    static Principal.Convener requireConvener(Context ctx) {
        if (Http.principal(ctx) instanceof Principal.Convener c) return c;
        throw ApiError.unauthorized("Sign in with the link the server printed when it started.");
    }

    static String csrf(Context ctx) {
        return Http.session(ctx).map(org.pourparler.server.store.Session::csrfToken).orElse("");
    }

    private static boolean isHtmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request"));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
