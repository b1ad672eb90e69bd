package org.pourparler.server.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pourparler.io.RoomJson;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;
import org.pourparler.model.Profile;
import org.pourparler.negotiation.NegotiationView;
import org.pourparler.negotiation.OfferRecord;
import org.pourparler.negotiation.ProbeAnswer;
import org.pourparler.negotiation.Protocol;
import org.pourparler.room.Mediation;
import org.pourparler.room.Room;
import org.pourparler.room.RoomEvent;
import org.pourparler.room.RoomSpec;
import org.pourparler.room.Seat;

/**
 * A room as one reader may see it — a seat ({@link #seat()} ≥ 0) or the convener ({@code -1}) —
 * for the templates. Everything here comes from the room's state and the events the reader may see
 * (already filtered by the audience rule); a seat's methods use only its own profile.
 */
public final class RoomPage {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /** One line of the timeline. */
    public record Line(long seq, String at, String text) { }

    /** One offer so far, with the reader's utility of it (NaN for the convener). */
    public record OfferLine(int round, String by, String outcome, double utility) { }

    /** An issue and its options, with the reader's chosen option in the package builder. */
    public record IssueChoice(int index, String name, List<String> options, int selected) { }

    /** A non-paper in the mediator's inbox. */
    public record NonPaper(long seq, String from, String outcome, List<Integer> values) { }

    private final String id;
    private final Room room;
    private final int seat;
    private final String csrf;
    private final long lastSeq;
    private final List<org.pourparler.io.RoomJson.Logged> events;
    private final String error;
    private final String formKey;
    private RoomAnalysis analysis;
    /** The package builder's issues, built on first use (the templates ask for them several times). */
    private List<IssueChoice> issues;
    private String completionCode = "";
    private String continueUrl = "";

    /**
     * @param id      the room's public id
     * @param room    the room's state
     * @param seat    the reader's seat, or −1 for the convener
     * @param csrf    the reader's CSRF token
     * @param lastSeq the seq of the room's last event (the stream resumes after it)
     * @param events  the events the reader may see, oldest first
     * @param error   a refusal to show at the top of the live part, or empty
     * @param formKey a fresh idempotency key for the forms of this rendering
     */
    public RoomPage(String id, Room room, int seat, String csrf, long lastSeq, List<RoomJson.Logged> events, String error, String formKey) {
        this.id = id;
        this.room = room;
        this.seat = seat;
        this.csrf = csrf;
        this.lastSeq = lastSeq;
        this.events = List.copyOf(events);
        this.error = error == null ? "" : error;
        this.formKey = formKey;
    }

    /**
     * This page for a participant of a research study: the completion code shown at the end, and the
     * address to continue to (a survey), or empty.
     */
    public RoomPage withStudy(String completionCode, String continueUrl) {
        this.completionCode = completionCode == null ? "" : completionCode;
        this.continueUrl = continueUrl == null ? "" : continueUrl;
        return this;
    }

    /** The live analysis, shown to the convener of an open room only. */
    public RoomPage withAnalysis(RoomAnalysis analysis) {
        if (!isConvener() || !open()) throw new IllegalStateException("Only the convener of an open room sees the analysis");
        this.analysis = analysis;
        return this;
    }

    public boolean hasAnalysis() { return analysis != null; }
    public RoomAnalysis analysis() { return analysis; }
    /** The offers so far on a plane of the analysis. */
    public List<RoomAnalysis.Point> offersOn(RoomAnalysis.Plane plane) { return plane.offers(view().map(NegotiationView::offers).orElse(List.of())); }
    /** The agreement on a plane of the analysis, when there is one. */
    public Optional<RoomAnalysis.Point> agreementOn(RoomAnalysis.Plane plane) { return plane.agreement(room.agreement()); }

    /** In an open room, the convener's view of every party's profile: name, reservation (or "not entered yet"). */
    public List<String[]> allProfiles() {
        List<String[]> out = new ArrayList<>();
        if (!isConvener() || !open()) return out;
        for (int j = 0; j < spec().seats().size(); j++) {
            Optional<Profile> p = room.profile(j);
            out.add(new String[] {spec().seats().get(j).party(), p.map(x -> Words.number(x.reservation())).orElse("not entered yet"), Integer.toString(j)});
        }
        return out;
    }

    /** In an open room, one party's profile as the convener reads it, issue by issue (empty until it is known). */
    public List<String[]> profileRowsOf(int seat) {
        if (!isConvener() || !open()) return List.of();
        return room.profile(seat).map(this::rowsOf).orElse(List.of());
    }

    public String completionCode() { return completionCode; }
    public String continueUrl() { return continueUrl; }

    public String id() { return id; }
    public String csrf() { return csrf; }
    public long lastSeq() { return lastSeq; }
    public String error() { return error; }
    public String formKey() { return formKey; }
    public int seat() { return seat; }
    public boolean isConvener() { return seat < 0; }
    public String title() { return spec().title(); }
    public Protocol protocol() { return spec().options().protocol(); }
    public String protocolName() { return Words.protocolName(protocol()); }
    public String protocolSentence() { return Words.protocolSentence(protocol()); }
    public boolean open() { return spec().mediation() == Mediation.OPEN; }
    public String mediationSentence() { return Words.mediationSentence(spec().mediation()); }
    public String state() { return room.state().name().toLowerCase(java.util.Locale.ROOT); }
    public boolean waiting() { return room.state() == Room.State.WAITING; }
    public boolean negotiating() { return room.state() == Room.State.NEGOTIATING; }
    public boolean ended() { return room.state() == Room.State.ENDED; }
    public boolean messagesToAll() { return spec().messagesToAll(); }

    /** The deadline in words. */
    public String deadline() {
        List<String> parts = new ArrayList<>();
        if (spec().deadline().rounds() > 0) parts.add(spec().deadline().rounds() + " rounds");
        if (spec().deadline().seconds() > 0) parts.add(duration(spec().deadline().seconds()));
        String s = parts.size() == 1 ? parts.get(0) : String.join(" or ", parts) + ", whichever comes first";
        return room.deadlineAt().map(t -> s + " (ends at " + DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)) + ")").orElse(s);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s % 86_400 == 0) return s / 86_400 + (s == 86_400 ? " day" : " days");
        if (s % 3_600 == 0) return s / 3_600 + (s == 3_600 ? " hour" : " hours");
        if (s % 60 == 0) return s / 60 + (s == 60 ? " minute" : " minutes");
        return s + " seconds";
    }

    /** The parties with their kind and whether they have joined. */
    public List<String[]> parties() {
        List<String[]> out = new ArrayList<>();
        for (int j = 0; j < spec().seats().size(); j++) {
            Seat s = spec().seats().get(j);
            boolean joined = s.kind() == Seat.Kind.AGENT || room.joined(j);
            String kind = switch (s.kind()) {
                case PERSON -> "a person";
                case PROGRAM -> "a program";
                case AGENT -> "a built-in agent (" + s.agent() + ")";
            };
            out.add(new String[] {s.party(), kind, joined ? "joined" : "not yet joined", Integer.toString(j)});
        }
        return out;
    }

    public String round() { return room.view(0).map(v -> Integer.toString(v.round() + 1)).orElse("–"); }

    /** The timeline the reader may see, newest first. */
    public List<Line> timeline() {
        List<Line> out = new ArrayList<>();
        for (RoomJson.Logged l : events) {
            String text = describe(l.event());
            if (text != null) out.add(new Line(l.seq(), CLOCK.format(at(l.event())), text));
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** The messages the reader may see, oldest first. */
    public List<Line> messages() {
        List<Line> out = new ArrayList<>();
        for (RoomJson.Logged l : events) {
            if (l.event() instanceof RoomEvent.Message m) {
                out.add(new Line(l.seq(), CLOCK.format(m.at()), "From " + Words.who(spec(), m.from()) + " to " + Words.who(spec(), m.to()) + ": " + m.text()));
            }
        }
        return out;
    }

    /** The non-papers the mediator has received (the convener's inbox). */
    public List<NonPaper> nonPapers() {
        List<NonPaper> out = new ArrayList<>();
        for (RoomJson.Logged l : events) {
            if (l.event() instanceof RoomEvent.NonPaper n) {
                List<Integer> values = new ArrayList<>();
                for (int v : n.outcome().toArray()) values.add(v);
                out.add(new NonPaper(l.seq(), Words.who(spec(), n.seat()), Words.outcome(domain(), n.outcome()), values));
            }
        }
        return out;
    }

    private static Instant at(RoomEvent e) {
        if (e instanceof RoomEvent.Joined x) return x.at();
        if (e instanceof RoomEvent.ProfileEntered x) return x.at();
        if (e instanceof RoomEvent.Started x) return x.at();
        if (e instanceof RoomEvent.Acted x) return x.at();
        if (e instanceof RoomEvent.Move x) return x.at();
        if (e instanceof RoomEvent.Ended x) return x.at();
        if (e instanceof RoomEvent.Payoff x) return x.at();
        if (e instanceof RoomEvent.Message x) return x.at();
        if (e instanceof RoomEvent.NonPaper x) return x.at();
        if (e instanceof RoomEvent.MediatorText x) return x.at();
        if (e instanceof RoomEvent.ImprovementOffered x) return x.at();
        if (e instanceof RoomEvent.ImprovementAnswered x) return x.at();
        if (e instanceof RoomEvent.ImprovementDecided x) return x.at();
        throw new IllegalArgumentException("Unknown event " + e);
    }

    /** The event in a sentence for this reader, or null when another line says it. */
    private String describe(RoomEvent e) {
        Domain d = domain();
        if (e instanceof RoomEvent.Joined x) return (x.seat() == seat ? "You" : Words.who(spec(), x.seat())) + " joined.";
        if (e instanceof RoomEvent.ProfileEntered x) return x.seat() == seat ? "You entered your preferences." : Words.who(spec(), x.seat()) + " entered its preferences.";
        if (e instanceof RoomEvent.Started) return "The negotiation began.";
        if (e instanceof RoomEvent.Acted) return null;                         // the move that follows says it
        if (e instanceof RoomEvent.Move x) return move(x, d);
        if (e instanceof RoomEvent.Ended x) return Words.ending(x.ending()) + x.agreement().map(a -> " The deal: " + Words.outcome(d, a) + ".").orElse("");
        if (e instanceof RoomEvent.Payoff x) return "Your result: " + Words.number(x.payoff()) + ".";
        if (e instanceof RoomEvent.Message x) return "Message from " + Words.who(spec(), x.from()) + " to " + Words.who(spec(), x.to()) + ".";
        if (e instanceof RoomEvent.NonPaper x) return (x.seat() == seat ? "You" : Words.who(spec(), x.seat())) + " sent a non-paper to the mediator: " + Words.outcome(d, x.outcome()) + ".";
        if (e instanceof RoomEvent.MediatorText x) return "The mediator put a text to all: " + Words.outcome(d, x.outcome()) + ".";
        if (e instanceof RoomEvent.ImprovementOffered x) return "The engine found a package that leaves nobody worse off than the deal: " + Words.outcome(d, x.outcome()) + ".";
        if (e instanceof RoomEvent.ImprovementAnswered x) return (x.seat() == seat ? "You " : Words.who(spec(), x.seat()) + " ") + (x.accepted() ? "accepted" : "declined") + " the improvement.";
        if (e instanceof RoomEvent.ImprovementDecided x) return x.agreed() ? "Everybody accepted: the improved package is the deal." : "The improvement was not accepted by all: the deal stands.";
        return null;
    }

    private String move(RoomEvent.Move m, Domain d) {
        String who = m.party() == seat && seat >= 0 ? "You" : m.party() < 0 ? "The mediator" : Words.who(spec(), m.party());
        String pkg = m.outcome().map(o -> Words.outcome(d, o)).orElse("");
        String r = "Round " + (m.round() + 1) + ": ";
        return r + switch (m.action()) {
            case "offer" -> who + " offered " + pkg + ".";
            case "accept" -> who + " accepted" + (pkg.isEmpty() ? "." : " " + pkg + ".");
            case "reject" -> who + " rejected the text.";
            case "end" -> who + " walked away.";
            case "text" -> "the mediator's text: " + pkg + ".";
            case "propose" -> who + " proposed " + pkg + ".";
            case "deal" -> "the secret answers overlap: " + pkg + ".";
            case "commit" -> who + " committed.";
            case "probe" -> who + " probed.";
            case "zone" -> "a probe found that a deal is possible.";
            case "no-zone" -> "a probe found no deal possible yet.";
            default -> who + " " + m.action() + (pkg.isEmpty() ? "." : " " + pkg + ".");
        };
    }

    // ---- the reader's own view (a seat) ----

    private Optional<NegotiationView> view() { return seat >= 0 ? room.view(seat) : room.view(0); }

    public String party() { return seat >= 0 ? spec().seats().get(seat).party() : "the mediator"; }
    public boolean joined() { return seat >= 0 && room.joined(seat); }
    public boolean profileNeeded() { return seat >= 0 && !room.hasProfile(seat); }
    public boolean awaited() { return seat >= 0 && room.awaits(seat); }
    public boolean hasProfile() { return seat >= 0 && room.profile(seat).isPresent(); }

    private Profile profile() { return room.profile(seat).orElseThrow(); }

    /** The reader's utility of a package (its own profile). */
    public double utility(Outcome o) { return profile().utility().utility(o); }

    /** What walking away pays the reader. */
    public String reservation() { return Words.number(profile().reservation()); }

    public boolean discounted() { return profile().isDiscounted(); }
    public String discount() { return Words.number(profile().discount()); }

    /** The reader's best package (by its own profile): the best option per issue when additive, else the first found. */
    public String best() { return Words.outcome(domain(), bestOutcome()); }
    public String bestUtility() { return Words.number(utility(bestOutcome())); }

    private Outcome bestOutcome() {
        Domain d = domain();
        int[] o = new int[d.issueCount()];
        for (int i = 0; i < o.length; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < d.issue(i).size(); v++) {
                int[] probe = o.clone();
                probe[i] = v;
                double u = profile().utility().utility(probe);
                if (u > best) {
                    best = u;
                    o[i] = v;
                }
            }
        }
        return Outcome.of(o);
    }

    /** The reader's own profile, issue by issue: for an additive profile each option's part of the utility. */
    public List<String[]> profileRows() { return rowsOf(profile()); }

    /** A profile issue by issue: for an additive profile each option's part of the utility (at most 50 options shown). */
    private List<String[]> rowsOf(Profile p) {
        List<String[]> rows = new ArrayList<>();
        var own = RoomJson.ownProfile(p);
        Domain d = domain();
        for (int i = 0; i < d.issueCount(); i++) {
            StringBuilder b = new StringBuilder();
            for (int v = 0; v < d.issue(i).size() && v < 50; v++) {
                if (v > 0) b.append(", ");
                b.append(d.issue(i).label(v));
                var t = own.path("terms").path(d.issue(i).name()).path(d.issue(i).label(v));
                if (t.isNumber()) b.append(" (").append(Words.number(t.asDouble())).append(")");
            }
            if (d.issue(i).size() > 50) b.append(", … (").append(d.issue(i).size()).append(" options)");
            rows.add(new String[] {d.issue(i).name(), b.toString()});
        }
        return rows;
    }

    /** The reader's red lines, described. */
    public List<String> redLines() {
        List<String> out = new ArrayList<>();
        for (var r : profile().redLines()) out.add(r.description().isBlank() ? r.toString() : r.description());
        return out;
    }

    /** The package builder's issues, preselected with the reader's last offer, else the one on the table, else its best. */
    public List<IssueChoice> issues() {
        if (issues == null) issues = List.copyOf(choices());
        return issues;
    }

    private List<IssueChoice> choices() {
        Domain d = domain();
        Outcome start = lastOwn().or(this::standing).orElseGet(() -> seat >= 0 && hasProfile() ? bestOutcome() : Outcome.of(new int[d.issueCount()]));
        List<IssueChoice> out = new ArrayList<>();
        for (int i = 0; i < d.issueCount(); i++) {
            List<String> options = new ArrayList<>();
            for (int v = 0; v < d.issue(i).size(); v++) options.add(d.issue(i).label(v));
            out.add(new IssueChoice(i, d.issue(i).name(), options, start.value(i)));
        }
        return out;
    }

    /** The utility of the builder's starting package. */
    public String startUtility() {
        Domain d = domain();
        int[] o = new int[d.issueCount()];
        List<IssueChoice> issues = issues();
        for (int i = 0; i < o.length; i++) o[i] = issues.get(i).selected();
        return Words.number(utility(Outcome.of(o)));
    }

    private Optional<Outcome> lastOwn() {
        if (seat < 0) return Optional.empty();
        List<OfferRecord> offers = view().map(NegotiationView::offers).orElse(List.of());
        for (int k = offers.size() - 1; k >= 0; k--) if (offers.get(k).party() == seat) return Optional.of(offers.get(k).outcome());
        return Optional.empty();
    }

    private Optional<Outcome> standing() { return view().flatMap(NegotiationView::standingOffer); }

    /** The package on the table (the standing offer, or the mediator's text), described. */
    public String standingOffer() { return standing().map(o -> Words.outcome(domain(), o)).orElse(""); }
    public String standingUtility() { return standing().map(o -> Words.number(utility(o))).orElse(""); }
    public boolean hasStandingOffer() { return standing().isPresent(); }
    /** Whether the package on the table is another party's (so the reader may accept it). */
    public boolean standingIsOthers() { return standing().isPresent() && view().map(NegotiationView::standingOfferBy).orElse(-1) != seat; }
    public String standingBy() { return view().map(v -> v.standingOfferBy() < 0 ? "the mediator" : Words.who(spec(), v.standingOfferBy())).orElse(""); }

    /** The public offers so far, newest first, with the reader's utility of each. */
    public List<OfferLine> offers() {
        List<OfferLine> out = new ArrayList<>();
        for (OfferRecord r : view().map(NegotiationView::offers).orElse(List.of())) {
            String by = r.party() < 0 ? "the mediator" : r.party() == seat ? "you" : Words.who(spec(), r.party());
            out.add(new OfferLine(r.round() + 1, by, Words.outcome(domain(), r.outcome()), seat >= 0 && hasProfile() ? utility(r.outcome()) : Double.NaN));
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** A small chart of the reader's utility of every offer over time, as SVG points ("x,y ..."), or empty. */
    public String utilityPoints(boolean own) {
        List<OfferRecord> offers = view().map(NegotiationView::offers).orElse(List.of());
        if (offers.isEmpty() || seat < 0 || !hasProfile()) return "";
        StringBuilder b = new StringBuilder();
        int n = offers.size();
        for (int k = 0; k < n; k++) {
            OfferRecord r = offers.get(k);
            if ((r.party() == seat) != own) continue;
            double x = n == 1 ? 150 : 10 + 280.0 * k / (n - 1);
            double y = 90 - 80 * Math.max(0, Math.min(1, utility(r.outcome())));
            b.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return b.toString().trim();
    }

    /** The distinct packages proposed so far, oldest first (blind bidding's list of acceptable packages chooses among them). */
    public List<Outcome> distinctOffers() { return proposed(room, seat); }

    /**
     * The distinct packages proposed so far in the room as the seat sees it, oldest first: the list a
     * blind bid's acceptance ticks from, the same in the page and in the form's answer.
     */
    public static List<Outcome> proposed(Room room, int seat) {
        java.util.LinkedHashSet<Outcome> set = new java.util.LinkedHashSet<>();
        for (OfferRecord r : room.view(seat).map(NegotiationView::offers).orElse(List.of())) set.add(r.outcome());
        return List.copyOf(set);
    }

    /** Those packages described, with the reader's utility of each. */
    public List<String> distinctOfferTexts() {
        List<String> out = new ArrayList<>();
        for (Outcome o : distinctOffers()) out.add(Words.outcome(domain(), o) + " (worth " + Words.number(utility(o)) + " to you)");
        return out;
    }

    public List<String> probeAnswers() {
        List<String> out = new ArrayList<>();
        for (ProbeAnswer a : view().map(NegotiationView::answers).orElse(List.of())) {
            out.add("Round " + (a.round() + 1) + ": " + (a.zoneExists() ? "a deal is possible." : "no deal is possible yet."));
        }
        return out;
    }

    public int probesLeft() { return view().map(NegotiationView::probesLeft).orElse(0); }

    /** The reader's committed level (test the waters), or "none yet". */
    public String commitment() {
        return view().flatMap(NegotiationView::commitment).map(c -> Words.number(c.level())).orElse("none yet");
    }
    public String commitmentValue() {
        return view().flatMap(NegotiationView::commitment).filter(c -> Double.isFinite(c.level())).map(c -> Words.number(c.level())).orElse(reservationOrZero());
    }
    private String reservationOrZero() { return hasProfile() ? Words.number(Math.max(0, profile().reservation())) : "0.50"; }

    /** The red lines a commitment may keep (test the waters): those committed so far, else the profile's. */
    public List<org.pourparler.model.RedLine> redLinesToCommit() { return redLinesToCommit(room, seat); }

    /** The red lines a seat's commitment may keep (test the waters): those it committed so far, else its profile's. */
    public static List<org.pourparler.model.RedLine> redLinesToCommit(Room room, int seat) {
        return room.view(seat).flatMap(NegotiationView::commitment).map(c -> c.redLines())
                .orElseGet(() -> room.profile(seat).map(Profile::redLines).orElse(List.of()));
    }

    /** Those red lines, described. */
    public List<String> commitRedLines() {
        List<String> out = new ArrayList<>();
        for (var r : redLinesToCommit()) out.add(r.description().isBlank() ? r.toString() : r.description());
        return out;
    }

    /** The agreement, when there is one. */
    public String agreement() { return room.agreement().map(a -> Words.outcome(domain(), a)).orElse(""); }
    public boolean hasAgreement() { return room.agreement().isPresent(); }
    public String ending() { return room.result().map(r -> Words.ending(r.ending())).orElse(""); }

    /** The reader's payoff, once the negotiation has ended. */
    public String payoff() {
        // the seat's last payoff event: after an accepted improvement, the improved package's payoff
        for (int k = events.size() - 1; k >= 0; k--) {
            if (events.get(k).event() instanceof RoomEvent.Payoff p && p.seat() == seat) return Words.number(p.payoff());
        }
        return room.result().map(r -> Words.number(r.payoff(seat))).orElse("");
    }
    public String agreementUtility() { return room.agreement().map(a -> Words.number(utility(a))).orElse(""); }

    /** The post-settlement improvement on offer and not yet decided. */
    public boolean improvementOpen() { return room.improvement().isPresent() && room.improved().isEmpty(); }
    public String improvement() { return room.improvement().map(o -> Words.outcome(domain(), o)).orElse(""); }
    public String improvementUtility() { return room.improvement().map(o -> Words.number(utility(o))).orElse(""); }
    public boolean answeredImprovement() {
        for (RoomJson.Logged l : events) if (l.event() instanceof RoomEvent.ImprovementAnswered a && a.seat() == seat) return true;
        return false;
    }
    public String improved() { return room.improved().map(b -> b ? "Everybody accepted the improvement: it is the deal." : "The improvement was not accepted by all: the deal stands.").orElse(""); }

    public Domain domain() { return spec().scenario().domain(); }
    private RoomSpec spec() { return room.spec(); }

    /** Whether an action is the reader's to take now in this protocol. */
    public boolean can(String action) {
        if (!awaited()) return false;
        return switch (action) {
            case "accept" -> protocol() == Protocol.ALTERNATING ? standingIsOthers() : protocol() == Protocol.SINGLE_TEXT && hasStandingOffer();
            case "offer" -> protocol() == Protocol.ALTERNATING;
            case "reject" -> protocol() == Protocol.SINGLE_TEXT;
            case "bid" -> protocol() == Protocol.BLIND;
            case "commit" -> protocol() == Protocol.TEST_THE_WATERS;
            case "end" -> true;
            default -> false;
        };
    }
}
