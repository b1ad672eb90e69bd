package org.pourparler.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pourparler.io.pourparler.PourparlerFormat;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.RedLine;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Acceptance;
import org.pourparler.negotiation.Action;
import org.pourparler.negotiation.Ending;
import org.pourparler.negotiation.Fault;
import org.pourparler.negotiation.Conventions;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.NoAgreement;
import org.pourparler.negotiation.Protocol;
import org.pourparler.negotiation.Session;
import org.pourparler.room.Mediation;
import org.pourparler.room.RoomEvent;
import org.pourparler.room.RoomSpec;
import org.pourparler.room.Seat;

/**
 * A room's events in JSON, as the server stores them and sends them: a type, a payload object and
 * an audience, in the vocabulary of the CLI's output (packages as {@code {issue: option}}, endings
 * and fault kinds by their names). Decoding checks every field and names the one that is wrong: an
 * outside program's action is read by {@link #action}, through the same rules.
 */
public final class RoomJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RoomJson() { }

    /**
     * An event as stored: its type, its payload (a JSON object, with the event's own time as {@code at}:
     * the room's clock, which a replay reads, is that time and not the moment the log commits it) and
     * its audience.
     */
    public record Encoded(String type, String payload, String audience) { }

    /** The stored form of an event. */
    public static Encoded encode(RoomEvent e, Domain d) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("at", e.at().toString());
        String type;
        if (e instanceof RoomEvent.Joined j) {
            type = "joined";
            p.put("seat", j.seat());
        } else if (e instanceof RoomEvent.ProfileEntered pe) {
            type = "profile-entered";
            p.put("seat", pe.seat());
            p.set("profile", profile(d, pe.profile()));
        } else if (e instanceof RoomEvent.Started) {
            type = "started";
        } else if (e instanceof RoomEvent.Acted a) {
            type = "acted";
            p.put("seat", a.seat());
            p.set("action", action(d, a.action()));
        } else if (e instanceof RoomEvent.Move m) {
            type = "move";
            p.put("round", m.round());
            p.put("time", m.time());
            p.put("party", m.party());
            p.put("action", m.action());
            if (m.outcome().isPresent()) p.set("outcome", outcome(d, m.outcome().get()));
            p.put("public", m.isPublic());
        } else if (e instanceof RoomEvent.Ended en) {
            type = "ended";
            p.put("ending", en.ending().toString());
            p.put("kind", en.ending().kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (!en.ending().party().isEmpty()) p.put("by", en.ending().party());
            if (en.agreement().isPresent()) p.set("agreement", outcome(d, en.agreement().get()));
            if (en.fault().isPresent()) {
                Fault f = en.fault().get();
                ObjectNode fn = p.putObject("fault");
                fn.put("party", f.party());
                fn.put("negotiator", f.negotiator());
                fn.put("kind", f.kind().id());
                fn.put("message", f.message());
            }
        } else if (e instanceof RoomEvent.Payoff po) {
            type = "payoff";
            p.put("seat", po.seat());
            p.put("utility", po.utility());
            p.put("payoff", po.payoff());
        } else if (e instanceof RoomEvent.Message m) {
            type = "message";
            p.put("from", m.from());
            p.put("to", m.to());
            p.put("text", m.text());
        } else if (e instanceof RoomEvent.NonPaper np) {
            type = "non-paper";
            p.put("seat", np.seat());
            p.set("outcome", outcome(d, np.outcome()));
        } else if (e instanceof RoomEvent.MediatorText mt) {
            type = "mediator-text";
            p.set("outcome", outcome(d, mt.outcome()));
        } else if (e instanceof RoomEvent.ImprovementOffered io) {
            type = "improvement-offered";
            p.set("outcome", outcome(d, io.outcome()));
        } else if (e instanceof RoomEvent.ImprovementAnswered ia) {
            type = "improvement-answered";
            p.put("seat", ia.seat());
            p.put("accepted", ia.accepted());
        } else if (e instanceof RoomEvent.ImprovementDecided id) {
            type = "improvement-decided";
            p.put("agreed", id.agreed());
        } else {
            throw new IllegalArgumentException("Unknown event " + e);
        }
        return new Encoded(type, write(p), e.audience().id());
    }

    /**
     * The event stored as {@code type} and {@code payload}, at the time its payload gives ({@code at}
     * when it gives none).
     *
     * @throws IllegalArgumentException naming the field when the payload does not hold such an event (a corrupted log)
     */
    public static RoomEvent decode(String type, String payload, Instant at, Domain d) {
        JsonNode p = read(payload, "the " + type + " event");
        if (p.has("at")) {
            try {
                at = Instant.parse(text(p, "at"));
            } catch (java.time.format.DateTimeParseException x) {
                throw new IllegalArgumentException("\"at\" must be an ISO-8601 instant such as 2026-12-03T12:00:00Z");
            }
        }
        return switch (type) {
            case "joined" -> new RoomEvent.Joined(at, integer(p, "seat"));
            case "profile-entered" -> new RoomEvent.ProfileEntered(at, integer(p, "seat"), profile(d, field(p, "profile")));
            case "started" -> new RoomEvent.Started(at);
            case "acted" -> new RoomEvent.Acted(at, integer(p, "seat"), action(d, field(p, "action")));
            case "move" -> new RoomEvent.Move(at, integer(p, "round"), number(p, "time"), integer(p, "party"), text(p, "action"),
                    p.has("outcome") ? Optional.of(outcome(d, p.get("outcome"), "outcome")) : Optional.empty(), field(p, "public").asBoolean());
            case "ended" -> new RoomEvent.Ended(at, ending(p), p.has("agreement") ? Optional.of(outcome(d, p.get("agreement"), "agreement"))
                    : Optional.empty(), p.has("fault") ? Optional.of(fault(p.get("fault"))) : Optional.empty());
            case "payoff" -> new RoomEvent.Payoff(at, integer(p, "seat"), number(p, "utility"), number(p, "payoff"));
            case "message" -> new RoomEvent.Message(at, integer(p, "from"), integer(p, "to"), text(p, "text"));
            case "non-paper" -> new RoomEvent.NonPaper(at, integer(p, "seat"), outcome(d, p.get("outcome"), "outcome"));
            case "mediator-text" -> new RoomEvent.MediatorText(at, outcome(d, p.get("outcome"), "outcome"));
            case "improvement-offered" -> new RoomEvent.ImprovementOffered(at, outcome(d, p.get("outcome"), "outcome"));
            case "improvement-answered" -> new RoomEvent.ImprovementAnswered(at, integer(p, "seat"), bool(p, "accepted"));
            case "improvement-decided" -> new RoomEvent.ImprovementDecided(at, bool(p, "agreed"));
            default -> throw new IllegalArgumentException("Unknown event type '" + type + "'");
        };
    }

    // ---- the room's setup ----

    /** The stored form of a room's setup: {@code pourparler-room/1}. */
    public static final String ROOM_FORMAT = "pourparler-room/1";

    /** A room's setup as JSON, the scenario in our format (profiles and all: the server shows it to the convener only). */
    public static String spec(RoomSpec spec) {
        ObjectNode n = settings(spec);
        n.put("format", ROOM_FORMAT);
        n.set("scenario", read(PourparlerFormat.toJson(spec.scenario()), "the scenario"));
        return write(n);
    }

    /**
     * The settings of a room (everything but the scenario): title, protocol, deadline, seed,
     * no-agreement payoff, probes, conventions, mediation, seats, messages.
     */
    public static ObjectNode settings(RoomSpec spec) {
        ObjectNode n = MAPPER.createObjectNode();
        Session.Options o = spec.options();
        n.put("title", spec.title());
        n.put("protocol", o.protocol().id());
        ObjectNode deadline = n.putObject("deadline");
        if (spec.deadline().rounds() > 0) deadline.put("rounds", spec.deadline().rounds());
        if (spec.deadline().seconds() > 0) deadline.put("seconds", spec.deadline().seconds());
        n.put("seed", o.seed());
        n.put("noAgreement", o.noAgreement().id());
        n.put("probes", o.probes());
        n.put("conventions", o.conventions().id());
        n.put("mediation", spec.mediation().id());
        ArrayNode seats = n.putArray("seats");
        for (Seat seat : spec.seats()) {
            ObjectNode sn = seats.addObject();
            sn.put("party", seat.party());
            sn.put("kind", seat.kind().id());
            if (!seat.agent().isEmpty()) sn.put("agent", seat.agent());
            sn.put("profileByParty", seat.profileByParty());
        }
        n.put("messagesToAll", spec.messagesToAll());
        return n;
    }

    /**
     * The room setup stored by {@link #spec(RoomSpec)}.
     *
     * @throws IllegalArgumentException naming the field when it is not one
     */
    public static RoomSpec spec(String json) {
        JsonNode n = read(json, "the room's setup");
        if (!n.isObject() || !ROOM_FORMAT.equals(n.path("format").asText())) {
            throw new IllegalArgumentException("The room's setup must be an object with \"format\": \"" + ROOM_FORMAT + "\"");
        }
        try {
            Scenario s = PourparlerFormat.parse(write(field(n, "scenario")), "scenario", PourparlerFormat.Syntax.JSON).scenario();
            return spec(n, s);
        } catch (ScenarioFormatException e) {
            throw new IllegalArgumentException("The room's scenario cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * A room setup from its settings (as {@link #settings} writes them; a convener's request) and the
     * scenario. Defaults: alternating offers, seed 1, reservation payoff, 3 probes, our conventions,
     * blind mediation, every seat a person, messages to the mediator only.
     *
     * @throws IllegalArgumentException naming the field and the problem
     */
    public static RoomSpec spec(JsonNode n, Scenario scenario) {
        if (n == null || !n.isObject()) throw new IllegalArgumentException("A room's settings must be a JSON object");
        Session.Options o = Session.Options.defaults();
        if (n.has("protocol")) o = o.withProtocol(Protocol.of(text(n, "protocol")));
        if (n.has("seed")) {
            if (!n.get("seed").isIntegralNumber()) throw new IllegalArgumentException("\"seed\" must be an integer");
            o = o.withSeed(n.get("seed").asLong());
        }
        if (n.has("noAgreement")) {
            String id = text(n, "noAgreement");
            o = o.withNoAgreement(NoAgreement.byId(id).orElseThrow(() -> new IllegalArgumentException("\"noAgreement\": unknown policy '"
                    + id + "'; the policies are reservation, reservation-undiscounted, zero")));
        }
        if (n.has("probes")) o = o.withProbes(integer(n, "probes"));
        if (n.has("conventions")) o = o.withConventions(Conventions.of(text(n, "conventions")));
        JsonNode dn = field(n, "deadline");
        if (!dn.isObject()) throw new IllegalArgumentException("\"deadline\" must be {\"rounds\": N, \"seconds\": S} (either or both)");
        Deadline deadline;
        try {
            deadline = new Deadline(dn.has("rounds") ? integer(dn, "rounds") : 0, dn.has("seconds") ? number(dn, "seconds") : 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"deadline\": " + e.getMessage());
        }
        Mediation mediation = n.has("mediation") ? Mediation.of(text(n, "mediation")) : Mediation.BLIND;
        List<Seat> seats = new ArrayList<>();
        List<Party> negotiators = scenario.negotiators();
        if (n.has("seats")) {
            JsonNode sn = n.get("seats");
            if (!sn.isArray()) throw new IllegalArgumentException("\"seats\" must be a list, one per negotiating party");
            for (int i = 0; i < sn.size(); i++) {
                JsonNode seat = sn.get(i);
                String party = seat.has("party") ? text(seat, "party") : i < negotiators.size() ? negotiators.get(i).name() : "";
                try {
                    seats.add(new Seat(party, Seat.Kind.of(seat.has("kind") ? text(seat, "kind") : "person"),
                            seat.has("agent") ? text(seat, "agent") : "", seat.path("profileByParty").asBoolean(false)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("\"seats[" + i + "]\": " + e.getMessage());
                }
            }
        } else {
            for (Party p : negotiators) seats.add(Seat.person(p.name()));
        }
        return new RoomSpec(n.has("title") ? text(n, "title") : scenario.title(), scenario, deadline, o, mediation, seats,
                n.path("messagesToAll").asBoolean(false));
    }

    // ---- exports ----

    /** The format of an exported room. */
    public static final String EXPORT_FORMAT = "pourparler-room-export/1";

    /** An event with its sequence number in the room's log. */
    public record Logged(long seq, RoomEvent event) { }

    /**
     * An exported room: its setup, the events its exporter could see, and whether those are all of
     * them (then the room can be replayed and checked; else only its timeline shown).
     */
    public record Export(RoomSpec spec, List<Logged> events, boolean complete) {
        public Export {
            events = List.copyOf(events);
        }
    }

    /** A room as JSON ({@link #EXPORT_FORMAT}): the events in order, each with seq, time, type, audience and data. */
    public static String export(Export export) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", EXPORT_FORMAT);
        root.put("complete", export.complete());
        root.set("room", read(spec(export.spec()), "the room"));
        ArrayNode events = root.putArray("events");
        Domain d = export.spec().scenario().domain();
        for (Logged l : export.events()) {
            Encoded e = encode(l.event(), d);
            ObjectNode en = events.addObject();
            en.put("seq", l.seq());
            en.put("at", l.event().at().toString());
            en.put("type", e.type());
            en.put("audience", e.audience());
            en.set("data", read(e.payload(), "an event"));
        }
        return write(root);
    }

    /**
     * The room exported by {@link #export(Export)}.
     *
     * @throws IllegalArgumentException naming the event and field that are wrong
     */
    public static Export readExport(String json) {
        JsonNode root = read(json, "The file");
        if (!root.isObject() || !EXPORT_FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not an exported room: expected \"format\": \"" + EXPORT_FORMAT + "\"");
        }
        RoomSpec spec = spec(write(field(root, "room")));
        JsonNode events = field(root, "events");
        if (!events.isArray()) throw new IllegalArgumentException("\"events\" must be a list");
        List<Logged> out = new ArrayList<>();
        long last = 0;
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            try {
                long seq = field(e, "seq").asLong();
                if (seq <= last) throw new IllegalArgumentException("\"seq\" " + seq + " does not follow " + last);
                last = seq;
                Instant at;
                try {
                    at = Instant.parse(text(e, "at"));
                } catch (java.time.format.DateTimeParseException x) {
                    throw new IllegalArgumentException("\"at\" must be an ISO-8601 instant such as 2026-12-03T12:00:00Z");
                }
                out.add(new Logged(seq, decode(text(e, "type"), write(field(e, "data")), at, spec.scenario().domain())));
            } catch (IllegalArgumentException x) {
                throw new IllegalArgumentException("events[" + i + "]: " + x.getMessage(), x);
            }
        }
        return new Export(spec, out, root.path("complete").asBoolean(false));
    }

    /** A room's events as CSV, one row per event: seq, at, type, audience, seat, action, outcome, text. */
    public static String csv(Export export) {
        Domain d = export.spec().scenario().domain();
        StringBuilder sb = new StringBuilder("seq,at,type,audience,seat,action,outcome,text\n");
        for (Logged l : export.events()) {
            RoomEvent e = l.event();
            JsonNode data = read(encode(e, d).payload(), "an event");
            String seat = data.has("seat") ? data.get("seat").asText() : data.has("party") ? data.get("party").asText()
                    : data.has("from") ? data.get("from").asText() : "";
            String action = e instanceof RoomEvent.Move m ? m.action() : e instanceof RoomEvent.Acted a ? data.get("action").get("type").asText()
                    : e instanceof RoomEvent.Ended en ? en.ending().toString() : "";
            JsonNode o = data.has("outcome") ? data.get("outcome") : data.has("agreement") ? data.get("agreement")
                    : e instanceof RoomEvent.Acted ? data.get("action").path("outcome") : null;
            StringBuilder outcome = new StringBuilder();
            if (o != null && o.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    outcome.append(outcome.length() == 0 ? "" : "; ").append(f.getKey()).append('=').append(f.getValue().asText());
                }
            }
            String text = e instanceof RoomEvent.Message m ? m.text() : "";
            sb.append(l.seq()).append(',').append(e.at()).append(',').append(encode(e, d).type()).append(',').append(e.audience().id())
                    .append(',').append(seat).append(',').append(org.pourparler.tournament.ResultsTable.field(action)).append(',').append(org.pourparler.tournament.ResultsTable.field(outcome.toString())).append(',')
                    .append(org.pourparler.tournament.ResultsTable.field(text)).append('\n');
        }
        return sb.toString();
    }

    // ---- actions: stored, and sent by outside programs ----

    /** An action as JSON: {@code {"type": "offer", "outcome": {...}}}, accept, end, reject, bid, commit. */
    public static ObjectNode action(Domain d, Action a) {
        ObjectNode n = MAPPER.createObjectNode();
        if (a instanceof Action.Offer o) {
            n.put("type", "offer");
            n.set("outcome", outcome(d, o.outcome()));
        } else if (a instanceof Action.Accept) {
            n.put("type", "accept");
        } else if (a instanceof Action.End) {
            n.put("type", "end");
        } else if (a instanceof Action.Reject) {
            n.put("type", "reject");
        } else if (a instanceof Action.Bid b) {
            n.put("type", "bid");
            n.set("proposal", outcome(d, b.proposal()));
            ObjectNode acc = n.putObject("acceptance");
            if (b.acceptance() instanceof Acceptance.AtLeast at) {
                acc.put("atLeast", at.utility());
            } else {
                ArrayNode list = acc.putArray("packages");
                ((Acceptance.Packages) b.acceptance()).outcomes().stream().sorted((x, y) -> java.util.Arrays.compare(x.toArray(), y.toArray()))
                        .forEach(o -> list.add(outcome(d, o)));
            }
        } else if (a instanceof Action.Commit c) {
            n.put("type", "commit");
            if (c.level() == Double.NEGATIVE_INFINITY) n.putNull("level");
            else n.put("level", c.level());
            ArrayNode lines = n.putArray("redLines");
            for (RedLine r : c.redLines()) lines.add(redLine(d, r));
            n.put("probe", c.probe());
        } else {
            throw new IllegalArgumentException("Unknown action " + a);
        }
        return n;
    }

    /**
     * The action in {@code node}.
     *
     * @throws IllegalArgumentException naming the field and the problem
     */
    public static Action action(Domain d, JsonNode node) {
        if (node == null || !node.isObject()) throw new IllegalArgumentException("An action must be a JSON object with a \"type\"");
        String type = text(node, "type");
        return switch (type) {
            case "offer" -> Action.offer(outcome(d, field(node, "outcome"), "outcome"));
            case "accept" -> Action.accept();
            case "end" -> Action.end();
            case "reject" -> Action.reject();
            case "bid" -> {
                Outcome proposal = outcome(d, field(node, "proposal"), "proposal");
                JsonNode acc = field(node, "acceptance");
                Acceptance acceptance;
                if (acc.has("atLeast")) {
                    acceptance = Acceptance.atLeast(number(acc, "atLeast"));
                } else if (acc.has("packages") && acc.get("packages").isArray()) {
                    Set<Outcome> set = new HashSet<>();
                    int i = 0;
                    for (JsonNode o : acc.get("packages")) set.add(outcome(d, o, "acceptance.packages[" + i++ + "]"));
                    acceptance = Acceptance.packages(set);
                } else {
                    throw new IllegalArgumentException("\"acceptance\" must be {\"atLeast\": utility} or {\"packages\": [...]}");
                }
                yield Action.bid(proposal, acceptance);
            }
            case "commit" -> {
                JsonNode level = field(node, "level");
                double l = level.isNull() ? Double.NEGATIVE_INFINITY : number(node, "level");
                List<RedLine> lines = new ArrayList<>();
                if (node.has("redLines")) {
                    if (!node.get("redLines").isArray()) throw new IllegalArgumentException("\"redLines\" must be a list");
                    int i = 0;
                    for (JsonNode r : node.get("redLines")) lines.add(redLine(d, r, "redLines[" + i++ + "]"));
                }
                yield Action.commit(l, lines, node.has("probe") && node.get("probe").asBoolean());
            }
            default -> throw new IllegalArgumentException("Unknown action type '" + type + "'; the actions are offer, accept, end, reject, bid, commit");
        };
    }

    /**
     * A profile as its own party reads it in the API: reservation value, discount, red lines, and
     * for an additive profile the term of every option ({@code utility = sum of the package's terms});
     * otherwise {@code "additive": false} and no terms.
     */
    public static ObjectNode ownProfile(Profile p) {
        Domain d = p.domain();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("reservation", p.reservation());
        n.put("discount", p.discount());
        boolean additive = p.utility() instanceof org.pourparler.model.LinearAdditiveUtility u && u.isAdditive()
                && d.outcomeCount().compareTo(java.math.BigInteger.ZERO) > 0;
        long options = 0;
        for (int i = 0; i < d.issueCount(); i++) options += d.issue(i).size();
        additive &= options <= 100_000;
        n.put("additive", additive);
        if (additive) {
            org.pourparler.model.LinearAdditiveUtility u = (org.pourparler.model.LinearAdditiveUtility) p.utility();
            ObjectNode terms = n.putObject("terms");
            for (int i = 0; i < d.issueCount(); i++) {
                ObjectNode t = terms.putObject(d.issue(i).name());
                for (int v = 0; v < d.issue(i).size(); v++) t.put(d.issue(i).label(v), u.term(i, v));
            }
        }
        ArrayNode lines = n.putArray("redLines");
        for (RedLine r : p.redLines()) lines.add(redLine(d, r));
        return n;
    }

    // ---- parts ----

    /** A package as {@code {issue: option}}. */
    public static ObjectNode outcome(Domain d, Outcome o) {
        ObjectNode n = MAPPER.createObjectNode();
        for (Map.Entry<String, String> e : ResultsJson.outcome(d, o).entrySet()) n.put(e.getKey(), e.getValue());
        return n;
    }

    /** The package in {@code node}: every issue of the domain, each with one of its options. */
    public static Outcome outcome(Domain d, JsonNode node, String where) {
        if (node == null || !node.isObject()) throw new IllegalArgumentException("\"" + where + "\" must be an object {issue: option}");
        int[] values = new int[d.issueCount()];
        for (int i = 0; i < values.length; i++) {
            String issue = d.issue(i).name();
            JsonNode v = node.get(issue);
            if (v == null || !v.isValueNode()) throw new IllegalArgumentException("\"" + where + "\" has no option for issue '" + issue + "'");
            int k = d.issue(i).indexOf(v.asText());
            if (k < 0) throw new IllegalArgumentException("\"" + where + "\": '" + v.asText() + "' is not an option of issue '" + issue + "'");
            values[i] = k;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            boolean known = false;
            for (int i = 0; i < values.length && !known; i++) known = d.issue(i).name().equals(name);
            if (!known) throw new IllegalArgumentException("\"" + where + "\": '" + name + "' is not an issue of the domain");
        }
        return Outcome.of(values);
    }

    private static ObjectNode redLine(Domain d, RedLine r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("description", r.description());
        ArrayNode cs = n.putArray("conditions");
        for (RedLine.Condition c : r.conditions()) {
            ObjectNode cn = cs.addObject();
            cn.put("issue", d.issue(c.issue()).name());
            ArrayNode opts = cn.putArray("options");
            for (int o : c.options()) opts.add(d.issue(c.issue()).label(o));
        }
        return n;
    }

    private static RedLine redLine(Domain d, JsonNode n, String where) {
        if (!n.isObject() || !n.has("conditions") || !n.get("conditions").isArray()) {
            throw new IllegalArgumentException("\"" + where + "\" must be {\"description\": ..., \"conditions\": [{\"issue\": ..., \"options\": [...]}]}");
        }
        List<RedLine.Condition> cs = new ArrayList<>();
        for (JsonNode c : n.get("conditions")) {
            String issue = text(c, "issue");
            int i = -1;
            for (int k = 0; k < d.issueCount() && i < 0; k++) if (d.issue(k).name().equals(issue)) i = k;
            if (i < 0) throw new IllegalArgumentException("\"" + where + "\": '" + issue + "' is not an issue of the domain");
            JsonNode opts = field(c, "options");
            int[] o = new int[opts.size()];
            for (int k = 0; k < o.length; k++) {
                o[k] = d.issue(i).indexOf(opts.get(k).asText());
                if (o[k] < 0) throw new IllegalArgumentException("\"" + where + "\": '" + opts.get(k).asText() + "' is not an option of issue '" + issue + "'");
            }
            cs.add(new RedLine.Condition(i, o));
        }
        return RedLine.of(n.has("description") ? n.get("description").asText() : "", cs);
    }

    /** A profile as our format's JSON: a scenario of the room's domain with the one party it belongs to. */
    private static JsonNode profile(Domain d, Profile p) {
        Scenario alone = Scenario.builder(d).title("profile").party(Party.negotiator("party", p)).build();
        return read(PourparlerFormat.toJson(alone), "a profile");
    }

    /**
     * A profile a party enters: our format's JSON of a scenario of the room's domain with that one party.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Profile profile(Domain d, JsonNode n) {
        if (n == null || !n.isObject()) throw new IllegalArgumentException("must be our format's JSON of a scenario with the one party");
        try {
            Scenario s = PourparlerFormat.parse(write(n), "profile", PourparlerFormat.Syntax.JSON).scenario();
            if (!s.domain().equals(d)) throw new IllegalArgumentException("the profile is for another domain than the room's");
            return s.parties().get(0).profile();
        } catch (ScenarioFormatException e) {
            throw new IllegalArgumentException("The profile cannot be read: " + e.getMessage(), e);
        }
    }

    private static Ending ending(JsonNode p) {
        String kind = text(p, "kind");
        return switch (kind) {
            case "agreement" -> Ending.AGREEMENT;
            case "deadline" -> Ending.DEADLINE;
            case "fault" -> Ending.FAULT;
            case "zone-exists" -> Ending.ZONE_EXISTS;
            case "probes-used-up" -> Ending.PROBES_USED_UP;
            case "memory-limit" -> Ending.MEMORY_LIMIT;
            case "ended" -> Ending.endedBy(text(p, "by"));
            case "rejected" -> Ending.rejectedBy(text(p, "by"));
            default -> throw new IllegalArgumentException("Unknown ending '" + kind + "'");
        };
    }

    private static Fault fault(JsonNode f) {
        String kind = text(f, "kind");
        for (Fault.Kind k : Fault.Kind.values()) {
            if (k.id().equals(kind)) return new Fault(integer(f, "party"), text(f, "negotiator"), k, text(f, "message"));
        }
        throw new IllegalArgumentException("Unknown fault kind '" + kind + "'");
    }

    private static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null) throw new IllegalArgumentException("\"" + name + "\" is missing");
        return v;
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isTextual()) throw new IllegalArgumentException("\"" + name + "\" must be a string");
        return v.asText();
    }

    private static int integer(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) throw new IllegalArgumentException("\"" + name + "\" must be an integer");
        return v.asInt();
    }

    private static boolean bool(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isBoolean()) throw new IllegalArgumentException("\"" + name + "\" must be true or false");
        return v.asBoolean();
    }

    private static double number(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isNumber()) throw new IllegalArgumentException("\"" + name + "\" must be a number");
        return v.asDouble();
    }

    private static JsonNode read(String text, String what) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
