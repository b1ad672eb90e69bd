package org.pourparler.room;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pourparler.agents.Agents;
import org.pourparler.analysis.AgreementAnalysis;
import org.pourparler.analysis.AnalysisLimitException;
import org.pourparler.analysis.PostSettlement;
import org.pourparler.model.Outcome;
import org.pourparler.model.RedLine;
import org.pourparler.model.UtilityFunction;
import org.pourparler.negotiation.Evaluation;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.Role;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Action;
import org.pourparler.negotiation.Fault;
import org.pourparler.negotiation.Negotiation;
import org.pourparler.negotiation.NegotiationView;
import org.pourparler.negotiation.Negotiator;
import org.pourparler.negotiation.SessionResult;
import org.pourparler.negotiation.TraceEntry;

/**
 * A live room, event-sourced: each command (join, enter a profile, act, send a message, the clock's
 * tick) is checked against the room's state and, when allowed, yields the events that record it,
 * applied to the state at once; {@link #replay} rebuilds the same state from the stored events.
 * The negotiation itself is the core's {@link Negotiation} — the rules a simulation plays — driven
 * by the seats' actions as they arrive; built-in agents act as soon as their move is awaited.
 *
 * <p>Not thread-safe: one writer per room (the server serialises a room's commands and appends their
 * events only if nobody else appended first).
 *
 * <pre>{@code
 * Room room = Room.open(spec);
 * List<RoomEvent> events = room.join(0, Instant.now());                 // store them, then acknowledge
 * events = room.act(0, Action.offer(2, 1), Instant.now());              // refused: RoomException with a plain sentence
 * Room same = Room.replay(spec, storedEvents);                          // after a restart
 * }</pre>
 */
public final class Room {
    public enum State { WAITING, NEGOTIATING, ENDED }

    private final RoomSpec spec;
    private final int n;
    private final boolean[] joined;
    private final Profile[] entered;
    /** The built-in agents, by seat; null for people and programs. */
    private final Negotiator[] agents;
    private Negotiation negotiation;
    private Instant startedAt;
    /** The time of the command or replayed event being applied: the negotiation's clock reads it. */
    private Instant now;
    private boolean replaying;
    private List<RoomEvent> out;
    private boolean ended;
    /** Post-settlement: the improvement offered (null before or without one), the answers, and the decision. */
    private Outcome improvement;
    private final Boolean[] answers;
    private Boolean improved;

    private Room(RoomSpec spec) {
        this.spec = spec;
        this.n = spec.seats().size();
        this.joined = new boolean[n];
        this.entered = new Profile[n];
        this.agents = new Negotiator[n];
        this.answers = new Boolean[n];
        for (int j = 0; j < n; j++) if (spec.seats().get(j).kind() == Seat.Kind.AGENT) agents[j] = Agents.create(spec.seats().get(j).agent());
    }

    /** A new room: no seat taken yet. */
    public static Room open(RoomSpec spec) {
        return new Room(spec);
    }

    /**
     * The room whose events these are, in order: the state is that of the room that produced them.
     *
     * @throws IllegalStateException when the events do not follow from the spec (a corrupted log)
     */
    public static Room replay(RoomSpec spec, List<? extends RoomEvent> events) {
        Room room = new Room(spec);
        room.replaying = true;
        room.out = new ArrayList<>();
        for (RoomEvent e : events) room.apply(e);
        room.replaying = false;
        return room;
    }

    public RoomSpec spec() { return spec; }

    public State state() { return ended ? State.ENDED : negotiation == null ? State.WAITING : State.NEGOTIATING; }

    public boolean joined(int seat) { return joined[check(seat)]; }

    /** Whether the seat has a profile to play: the scenario's, or the one its party entered. */
    public boolean hasProfile(int seat) { return !spec.seats().get(check(seat)).profileByParty() || entered[seat] != null; }

    /** The seat's profile, if it has one (for that seat's own pages only). */
    public Optional<Profile> profile(int seat) {
        return hasProfile(seat) ? Optional.of(entered[seat] != null ? entered[seat] : spec.scenario().negotiators().get(seat).profile())
                : Optional.empty();
    }

    /** Whether the seat's move is awaited now. */
    public boolean awaits(int seat) { return negotiation != null && !ended && negotiation.awaits(check(seat)); }

    /** The seat's view of the negotiation once it has begun: its own profile and the public state. */
    public Optional<NegotiationView> view(int seat) {
        return negotiation == null ? Optional.empty() : Optional.of(negotiation.view(check(seat)));
    }

    /** When the negotiation began. */
    public Optional<Instant> startedAt() { return Optional.ofNullable(startedAt); }

    /** When the wall-clock deadline falls, once the negotiation has begun and if the deadline has a time limit. */
    public Optional<Instant> deadlineAt() {
        if (startedAt == null || spec.deadline().seconds() <= 0) return Optional.empty();
        return Optional.of(startedAt.plusNanos((long) (spec.deadline().seconds() * 1e9)));
    }

    /** The result once ended: ratification, payoffs (no metrics: the room's analysis is separate). */
    public Optional<SessionResult> result() { return ended ? Optional.of(negotiation.result()) : Optional.empty(); }

    /** A person or program takes its seat. */
    public List<RoomEvent> join(int seat, Instant at) throws RoomException {
        check(seat);
        if (agents[seat] != null) throw new RoomException("Seat " + name(seat) + " is played by a built-in agent");
        if (joined[seat]) throw new RoomException(name(seat) + " has joined already");
        return command(at, () -> apply(new RoomEvent.Joined(at, seat)));
    }

    /** The seat's party enters its own profile, before the negotiation begins. */
    public List<RoomEvent> enterProfile(int seat, Profile profile, Instant at) throws RoomException {
        check(seat);
        if (!spec.seats().get(seat).profileByParty()) throw new RoomException(name(seat) + " plays the profile the convener gave it");
        if (!joined[seat]) throw new RoomException(name(seat) + " has not joined");
        if (negotiation != null) throw new RoomException("The negotiation has begun: profiles can no longer change");
        if (!profile.utility().domain().equals(spec.scenario().domain())) {
            throw new RoomException("The profile is for another domain than the room's");
        }
        return command(at, () -> apply(new RoomEvent.ProfileEntered(at, seat, profile)));
    }

    /** A person's or program's action; refused with the protocol's reason, nothing changed. */
    public List<RoomEvent> act(int seat, Action action, Instant at) throws RoomException {
        check(seat);
        if (action == null) throw new RoomException("No action");
        if (agents[seat] != null) throw new RoomException("Seat " + name(seat) + " is played by a built-in agent");
        if (!joined[seat]) throw new RoomException(name(seat) + " has not joined");
        if (negotiation == null) throw new RoomException("The negotiation has not begun: it waits for " + waitingFor());
        if (ended) throw new RoomException("The negotiation is over");
        Optional<Instant> deadline = deadlineAt();
        if (deadline.isPresent() && !at.isBefore(deadline.get())) throw new RoomException("The deadline has passed");
        if (!negotiation.awaits(seat)) throw new RoomException(name(seat) + " has no move now");
        String[] refused = {null};
        List<RoomEvent> events = command(at, () -> refused[0] = act(new RoomEvent.Acted(now, seat, action)));
        if (refused[0] != null) throw new RoomException("Refused: " + refused[0]);
        return events;
    }

    /** The clock: ends the negotiation when its wall-clock deadline has passed. */
    public List<RoomEvent> tick(Instant at) {
        return command(at, this::tickNow);
    }

    /**
     * A message: from a seat to the mediator ({@code to} = {@link RoomEvent.Message#MEDIATOR}) or to
     * everybody ({@link RoomEvent.Message#EVERYBODY}, when the room allows); from the mediator
     * ({@code from} = −1) to one seat or everybody.
     */
    public List<RoomEvent> message(int from, int to, String text, Instant at) throws RoomException {
        if (text == null || text.isBlank()) throw new RoomException("A message needs some text");
        if (text.length() > 10_000) throw new RoomException("A message may have at most 10,000 characters, but has " + text.length());
        if (from >= 0) {
            check(from);
            if (to == RoomEvent.Message.EVERYBODY && !spec.messagesToAll()) throw new RoomException("In this room parties write to the mediator only");
            if (to != RoomEvent.Message.MEDIATOR && to != RoomEvent.Message.EVERYBODY) throw new RoomException("A party writes to the mediator or to everybody");
        } else {
            if (from != RoomEvent.Message.MEDIATOR) throw new RoomException("Unknown sender");
            if (to != RoomEvent.Message.EVERYBODY) check(to);
        }
        return command(at, () -> apply(new RoomEvent.Message(at, from, to, text)));
    }

    /** A party sends the mediator a package, privately (a non-paper), while the negotiation has not ended. */
    public List<RoomEvent> nonPaper(int seat, Outcome outcome, Instant at) throws RoomException {
        check(seat);
        if (agents[seat] != null) throw new RoomException("Seat " + name(seat) + " is played by a built-in agent");
        if (!joined[seat]) throw new RoomException(name(seat) + " has not joined");
        if (ended) throw new RoomException("The negotiation is over");
        checkOutcome(outcome);
        return command(at, () -> apply(new RoomEvent.NonPaper(now, seat, outcome)));
    }

    /** The mediator puts a package to everybody as its own text (a non-paper it received, or its own idea). */
    public List<RoomEvent> putToAll(Outcome outcome, Instant at) throws RoomException {
        if (ended) throw new RoomException("The negotiation is over");
        checkOutcome(outcome);
        return command(at, () -> apply(new RoomEvent.MediatorText(now, outcome)));
    }

    /** A seat's answer to the post-settlement improvement; when every seat has accepted, it replaces the agreement. */
    public List<RoomEvent> answerImprovement(int seat, boolean accept, Instant at) throws RoomException {
        check(seat);
        if (improvement == null) throw new RoomException("No improvement is on the table");
        if (improved != null) throw new RoomException("The improvement has been decided");
        if (answers[seat] != null) throw new RoomException(name(seat) + " has answered already");
        return command(at, () -> apply(new RoomEvent.ImprovementAnswered(now, seat, accept)));
    }

    /** The improvement offered after the agreement, if the engine found one. */
    public Optional<Outcome> improvement() { return Optional.ofNullable(improvement); }

    /** Whether every seat accepted the improvement (empty while undecided or without one). */
    public Optional<Boolean> improved() { return Optional.ofNullable(improved); }

    /** The agreement that stands: the improvement when everybody accepted it, else the negotiated one. */
    public Optional<Outcome> agreement() {
        if (!ended) return Optional.empty();
        return Boolean.TRUE.equals(improved) ? Optional.of(improvement) : negotiation.result().agreement();
    }

    private void checkOutcome(Outcome o) throws RoomException {
        if (o == null) throw new RoomException("A package is needed");
        try {
            spec.scenario().domain().checkOutcome(o.toArray());
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new RoomException("Not a package of the room's domain: " + e.getMessage());
        }
    }

    // ---- the events' effects ----

    private interface Change { void run(); }

    /** Runs a change at time {@code at} and returns the events it produced. */
    private List<RoomEvent> command(Instant at, Change change) {
        if (now != null && at.isBefore(now)) at = now;  // a room's time never runs backwards
        now = at;
        out = new ArrayList<>();
        change.run();
        List<RoomEvent> produced = out;
        out = null;
        return produced;
    }

    /** Applies an event: live, it is also produced; replayed, the events it implies are derived again. */
    private void apply(RoomEvent e) {
        if (now == null || e.at().isAfter(now)) now = e.at();
        if (e instanceof RoomEvent.Joined j) {
            out.add(j);
            joined[j.seat()] = true;
            startIfReady();
        } else if (e instanceof RoomEvent.ProfileEntered p) {
            out.add(p);
            entered[p.seat()] = p.profile();
            startIfReady();
        } else if (e instanceof RoomEvent.Acted a) {
            String refused = act(a);
            if (refused != null) throw new IllegalStateException("The room's log holds a refused action: " + refused);
        } else if (e instanceof RoomEvent.Message || e instanceof RoomEvent.NonPaper || e instanceof RoomEvent.MediatorText) {
            out.add(e);
        } else if (e instanceof RoomEvent.ImprovementOffered o) {
            offer(o.outcome());
        } else if (e instanceof RoomEvent.ImprovementAnswered a) {
            out.add(a);
            answers[a.seat()] = a.accepted();
            decideImprovement();
        } else if (e instanceof RoomEvent.Ended d) {
            // replayed: a deadline or a fault ended the negotiation here, not an action
            if (negotiation != null && !negotiation.isOver() && negotiation.tick() && d.fault().isPresent()) {
                negotiation.fault(d.fault().get());
            }
            afterMove();
        }
        // Started, Move, Payoff and ImprovementDecided are derived: produced again by the events that imply them
    }

    /** Applies a seat's action (an agent's replayed, it is asked again, for its own state); null when applied, else the refusal. */
    private String act(RoomEvent.Acted a) {
        int seat = a.seat();
        if (negotiation == null || negotiation.isOver()) return "the negotiation is not under way";
        negotiation.tick();
        if (negotiation.isOver()) {
            afterMove();
            return "the deadline has passed";
        }
        if (replaying && agents[seat] != null) agents[seat].act(negotiation.view(seat));
        int mark = out.size();
        out.add(a);
        Optional<String> refused = negotiation.act(seat, a.action());
        if (refused.isPresent()) {
            out.subList(mark, out.size()).clear();
            return refused.get();
        }
        afterMove();
        return null;
    }

    private void startIfReady() {
        if (negotiation != null) return;
        for (int j = 0; j < n; j++) if ((agents[j] == null && !joined[j]) || !hasProfile(j)) return;
        startedAt = now;
        negotiation = Negotiation.open(playedScenario(), spec.deadline(), spec.options(),
                () -> Duration.between(startedAt, now).toNanos() / 1e9, this::published);
        out.add(new RoomEvent.Started(now));
        for (int j = 0; j < n; j++) {
            if (agents[j] == null) continue;
            try {
                agents[j].start(negotiation.view(j));
            } catch (RuntimeException | StackOverflowError e) {
                negotiation.begin();
                if (!replaying) negotiation.fault(new Fault(j, agents[j].name(), Fault.Kind.EXCEPTION, "start failed: " + e));
                afterMove();
                return;
            }
        }
        negotiation.begin();
        afterMove();
    }

    /** After a change of the negotiation: agents whose move is awaited act (live), and an ending is recorded. */
    private void afterMove() {
        while (!replaying && !negotiation.isOver()) {
            int agent = -1;
            for (int k = 0; k < n && agent < 0; k++) if (agents[k] != null && negotiation.awaits(k)) agent = k;
            if (agent < 0 || !negotiation.tick()) break;
            Action a;
            try {
                a = agents[agent].act(negotiation.view(agent));
            } catch (RuntimeException | StackOverflowError e) {
                negotiation.fault(new Fault(agent, agents[agent].name(), Fault.Kind.EXCEPTION, e.toString()));
                break;
            }
            if (a == null) {
                negotiation.fault(new Fault(agent, agents[agent].name(), Fault.Kind.ILLEGAL_ACTION, "returned no action"));
                break;
            }
            int mark = out.size();
            out.add(new RoomEvent.Acted(now, agent, a));
            Optional<String> refused = negotiation.act(agent, a);
            if (refused.isPresent()) {
                out.subList(mark, out.size()).clear();
                negotiation.fault(new Fault(agent, agents[agent].name(), Fault.Kind.ILLEGAL_ACTION, refused.get()));
            }
        }
        if (negotiation.isOver() && !ended) {
            ended = true;
            SessionResult r = negotiation.result();
            out.add(new RoomEvent.Ended(now, r.ending(), r.agreement(), r.fault()));
            for (int j = 0; j < n; j++) out.add(new RoomEvent.Payoff(now, j, r.parties().get(index(j)).utility(), r.payoff(index(j))));
            // post-settlement: found live, replayed from its own event
            if (!replaying && r.agreement().isPresent()) improvementOf(r.agreement().get()).ifPresent(this::offer);
        }
    }

    /**
     * The package every party (ratifiers too) values at least as much as the agreement and one more,
     * the best such by {@link PostSettlement}; empty when the agreement is efficient or the frontier
     * cannot be computed exactly (then nothing is offered).
     */
    private Optional<Outcome> improvementOf(Outcome agreement) {
        Scenario s = playedScenario();
        List<UtilityFunction> ufs = s.parties().stream().map(p -> p.profile().utility()).toList();
        List<RedLine> lines = s.parties().stream().flatMap(p -> p.profile().redLines().stream()).toList();
        try {
            return PostSettlement.improvement(ufs, lines, agreement.toArray(), AgreementAnalysis.Options.defaults()).map(Outcome::of);
        } catch (AnalysisLimitException e) {
            return Optional.empty();
        }
    }

    /** Puts the improvement on the table; built-in agents accept it at once (no party loses by it). */
    private void offer(Outcome o) {
        improvement = o;
        out.add(new RoomEvent.ImprovementOffered(now, o));
        if (replaying) return;
        for (int j = 0; j < n; j++) {
            if (agents[j] != null) {
                answers[j] = true;
                out.add(new RoomEvent.ImprovementAnswered(now, j, true));
            }
        }
        decideImprovement();
    }

    /** Decides once every seat has answered yes, or at the first no; the new agreement pays at the time of the old. */
    private void decideImprovement() {
        if (improved != null) return;
        boolean all = true;
        for (Boolean a : answers) {
            if (Boolean.FALSE.equals(a)) {
                improved = false;
                out.add(new RoomEvent.ImprovementDecided(now, false));
                return;
            }
            all &= a != null;
        }
        if (!all) return;
        improved = true;
        out.add(new RoomEvent.ImprovementDecided(now, true));
        SessionResult r = negotiation.result();
        Scenario s = playedScenario();
        Evaluation e = Evaluation.of(s, Evaluation.basis(s, Optional.empty()), spec.options().noAgreement(), Optional.of(improvement),
                r.time(), false);
        for (int j = 0; j < n; j++) out.add(new RoomEvent.Payoff(now, j, e.parties().get(index(j)).utility(), e.parties().get(index(j)).payoff()));
    }

    private void tickNow() {
        if (negotiation == null || ended) return;
        if (!negotiation.tick()) afterMove();
    }

    /** A public move of the negotiation, as the protocol publishes it. */
    private void published(TraceEntry t) {
        out.add(new RoomEvent.Move(now, t.round(), t.time(), t.party(), t.action(), Optional.ofNullable(t.outcome()),
                spec.options().protocol().isPublic(t.action())));
    }

    /** The scenario with the profiles the parties entered in place of the convener's. */
    private Scenario playedScenario() {
        Scenario s = spec.scenario();
        List<Party> parties = new ArrayList<>();
        int j = 0;
        for (Party p : s.parties()) {
            if (p.role() == Role.NEGOTIATOR) {
                parties.add(entered[j] != null ? Party.negotiator(p.name(), entered[j]) : p);
                j++;
            } else {
                parties.add(p);
            }
        }
        return s.toBuilder().parties(parties).build();
    }

    /** The position of negotiating seat j among all the scenario's parties. */
    private int index(int j) {
        List<Party> parties = spec.scenario().parties();
        for (int k = 0, seen = 0; k < parties.size(); k++) {
            if (parties.get(k).role() == Role.NEGOTIATOR && seen++ == j) return k;
        }
        throw new IllegalStateException("no negotiating party " + j);
    }

    private String waitingFor() {
        List<String> waiting = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (agents[j] == null && !joined[j]) waiting.add(name(j) + " to join");
            else if (!hasProfile(j)) waiting.add(name(j) + " to enter its profile");
        }
        return String.join(", ", waiting);
    }

    private String name(int seat) { return spec.seats().get(seat).party(); }

    private int check(int seat) {
        if (seat < 0 || seat >= n) throw new IndexOutOfBoundsException("Seat " + seat + " is not one of the room's " + n + " seats");
        return seat;
    }
}
