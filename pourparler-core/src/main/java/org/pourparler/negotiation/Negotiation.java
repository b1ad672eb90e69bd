package org.pourparler.negotiation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.random.RandomGenerator;
import org.pourparler.analysis.AgreementAnalysis;
import org.pourparler.analysis.AnalysisLimitException;
import org.pourparler.analysis.ParetoFrontier;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.RedLine;
import org.pourparler.model.Role;
import org.pourparler.model.Scenario;
import org.pourparler.model.UtilityFunction;

/**
 * One negotiation under one {@link Protocol}, as a state machine: it holds the protocol's state and
 * applies its rules to one action at a time, but never asks anybody to act. Whoever drives it —
 * {@link Session#run} calling automated negotiators in a loop, or the server taking people's and
 * programs' actions as they arrive — asks which party's move is awaited ({@link #awaits},
 * {@link #next}), hands that party its {@link #view} and applies its {@link #act action}. So the rules
 * of each protocol exist once, and a simulation and a live room played with the same seed and actions
 * give the same moves, agreement and payoffs.
 *
 * <p>Time: the machine reads the seconds elapsed from the clock it is given (the wall clock in a
 * simulation; a live room's own clock, or the logged times when a room is replayed) only when the
 * deadline has a time limit; a rounds-only deadline is deterministic. A simulation fixes a turn's
 * time when the turn begins; a live driver calls {@link #tick()} before applying an action that
 * arrives later, and to end the negotiation when its wall-clock deadline passes.
 *
 * <pre>{@code
 * Negotiation g = Negotiation.open(scenario, Deadline.rounds(100), Session.Options.defaults());
 * g.begin();
 * while (!g.isOver()) {
 *     int j = g.next();
 *     Optional<String> refused = g.act(j, agents.get(j).act(g.view(j)));
 *     if (refused.isPresent()) throw new IllegalStateException(refused.get());
 * }
 * SessionResult result = g.result();
 * }</pre>
 */
public final class Negotiation {
    final Scenario scenario;
    final Deadline deadline;
    final Session.Options options;
    final Domain domain;
    private final int[] sizes;
    final int n;
    final List<String> names;
    final PublicState state;
    final PartyView[] views;
    /** The mediator's random source (single text), split from the master seed after the negotiators'. */
    final SplittableRandom mediatorRandom;
    private final List<Profile> negotiatorProfiles;
    private final List<TraceEntry> trace;
    /** Receives every public move as it happens (streamed, not kept), or null. */
    private final Consumer<TraceEntry> listener;
    private final DoubleSupplier clock;
    private final Rules rules;
    private boolean begun;
    private int roundsBegun;
    private Fault fault;
    /** How it ended, null while it goes on. */
    private Ending ending;
    private Outcome agreement;
    /** Test the waters: the last probe's answer, null before any. */
    private Boolean lastAnswer;

    private Negotiation(Scenario scenario, Deadline deadline, Session.Options options, DoubleSupplier clock, Consumer<TraceEntry> listener) {
        List<Party> parties = scenario.parties();
        List<Integer> negotiating = new ArrayList<>();
        for (int k = 0; k < parties.size(); k++) if (parties.get(k).role() == Role.NEGOTIATOR) negotiating.add(k);
        this.n = negotiating.size();
        if (n < 2) throw new IllegalArgumentException("A negotiation needs at least two negotiating parties, but there are " + n);
        this.scenario = scenario;
        this.deadline = deadline;
        this.options = options;
        this.domain = scenario.domain();
        this.sizes = domain.sizes();
        this.names = negotiating.stream().map(k -> parties.get(k).name()).toList();
        this.negotiatorProfiles = negotiating.stream().map(k -> parties.get(k).profile()).toList();
        this.state = new PublicState(options.protocol(), names, domain, deadline, options.noAgreement(), options.conventions());
        SplittableRandom master = new SplittableRandom(options.seed());
        this.views = new PartyView[n];
        ProfileCache cache = options.cache() != null ? options.cache() : ProfileCache.create();
        for (int j = 0; j < n; j++) {
            views[j] = new PartyView(state, j, negotiatorProfiles.get(j), master.split(),
                    options.protocol() == Protocol.TEST_THE_WATERS ? options.probes() : 0, cache.storeFor(negotiatorProfiles.get(j)));
        }
        this.mediatorRandom = master.split();
        this.trace = options.trace() ? new ArrayList<>() : null;
        this.listener = listener;
        if (clock == null) {
            long start = System.nanoTime();
            clock = () -> (System.nanoTime() - start) / 1e9;
        }
        this.clock = clock;
        this.rules = switch (options.protocol()) {
            case ALTERNATING -> new AlternatingOffers(this);
            case SINGLE_TEXT -> new SingleNegotiatingText(this);
            case BLIND -> new BlindBidding(this);
            case TEST_THE_WATERS -> new TestTheWaters(this);
        };
    }

    /**
     * A negotiation of the scenario's negotiating parties, in scenario order, not yet begun: hand the
     * parties their {@link #view views} (an agent's {@code start}) before {@link #begin()}.
     *
     * @param clock    seconds elapsed since the negotiation started, read only when the deadline has a time
     *                 limit; null for the wall clock from now
     * @param listener receives each public move in order, on the caller's thread (kept only when
     *                 {@link Session.Options#trace()} asks); null for none
     * @throws IllegalArgumentException when the scenario has fewer than two negotiating parties
     */
    public static Negotiation open(Scenario scenario, Deadline deadline, Session.Options options, DoubleSupplier clock,
                                   Consumer<TraceEntry> listener) {
        return new Negotiation(scenario, deadline, options, clock, listener);
    }

    /** As {@link #open(Scenario, Deadline, Session.Options, DoubleSupplier, Consumer)}, on the wall clock, without a listener. */
    public static Negotiation open(Scenario scenario, Deadline deadline, Session.Options options) {
        return new Negotiation(scenario, deadline, options, null, null);
    }

    /**
     * Opens the first round (or turn): the protocol's first public move, if it has one (the
     * mediator's first text), happens now.
     *
     * @throws IllegalStateException when it has begun already
     */
    public void begin() {
        if (begun) throw new IllegalStateException("The negotiation has begun already");
        begun = true;
        if (ending == null) rules.begin();
    }

    public Protocol protocol() { return options.protocol(); }

    public Scenario scenario() { return scenario; }

    public Deadline deadline() { return deadline; }

    public Session.Options options() { return options; }

    /** The negotiating parties' names, in turn order; a party's number is its position here. */
    public List<String> parties() { return names; }

    /** Party {@code j}'s window: its own profile and the public state, nothing of anybody else's. */
    public NegotiationView view(int j) {
        return views[checkParty(j)];
    }

    /** The current round, 0-based. */
    public int round() { return state.round; }

    /** Normalised time of the current turn or round. */
    public double time() { return state.time; }

    /** Whether the negotiation has ended: agreement, walk-out, deadline, fault, or the protocol's own end. */
    public boolean isOver() { return ending != null; }

    /** Whether party {@code j}'s move is awaited now (its turn; or, in a round of simultaneous moves, it has not moved yet). */
    public boolean awaits(int j) {
        checkParty(j);
        return begun && ending == null && rules.awaits(j);
    }

    /** The first party whose move is awaited (the lowest-numbered in a round of simultaneous moves), or -1 when over. */
    public int next() {
        return !begun || ending != null ? -1 : rules.next();
    }

    /**
     * Applies party {@code j}'s action. A refused action changes nothing; a simulation counts it as a
     * fault of the negotiator, a live room tells the party and waits.
     *
     * @return empty when applied; otherwise why the protocol refuses it (not the party's move, not an
     *         action this protocol allows, not an outcome of the domain, a commitment raised...)
     */
    public Optional<String> act(int j, Action action) {
        checkParty(j);
        if (!begun) return Optional.of("The negotiation has not begun");
        if (ending != null) return Optional.of("The negotiation is over");
        if (action == null) return Optional.of("No action");
        if (!rules.awaits(j)) return Optional.of(names.get(j) + " has no move now: " + rules.waitingFor());
        String refused;
        try {
            refused = rules.act(j, action);
        } catch (OutOfMemoryError e) {
            // the history's columns (or the protocol's own work) could not grow: what was kept stays consistent
            if (ending == null) end(null, Ending.MEMORY_LIMIT);
            return Optional.empty();
        }
        if (refused == null && ending == null && state.offers.size() >= options.maxOffers()) end(null, Ending.MEMORY_LIMIT);
        return Optional.ofNullable(refused);
    }

    /**
     * Brings the time up to the clock for a live driver: ends the negotiation at its deadline when the
     * time limit has passed, else sets the current turn's (or round's) time to now.
     *
     * @return whether the negotiation goes on
     */
    public boolean tick() {
        if (!begun || ending != null) return ending == null;
        if (deadline.seconds() > 0 && elapsed() >= deadline.seconds()) {
            end(null, Ending.DEADLINE);
            return false;
        }
        state.time = rules.now();
        return true;
    }

    /** Ends the negotiation with a fault of the negotiator that caused it (an exception, an overrun budget...). */
    public void fault(Fault f) {
        if (f == null) throw new IllegalArgumentException("A fault is needed");
        if (ending != null) throw new IllegalStateException("The negotiation is over");
        checkParty(f.party());
        fault = f;
        end(null, Ending.FAULT);
    }

    /**
     * Ratification, payoffs and metrics of the ended negotiation.
     *
     * @throws IllegalStateException while it goes on
     */
    public SessionResult result() {
        if (ending == null) throw new IllegalStateException("The negotiation goes on");
        double seconds = elapsed();
        List<Party> parties = scenario.parties();
        Outcome deal = agreement;
        Ending e = ending;
        if (deal != null) {
            int[] a = deal.toArray();
            for (Party p : parties) {
                if (p.role() == Role.RATIFIER && !p.profile().accepts(a)) {
                    e = Ending.rejectedBy(p.name());
                    deal = null;
                    break;
                }
            }
        }
        Evaluation.Basis basis = options.metrics()
                ? Evaluation.basis(scenario, AgreementAnalysis.Options.defaults())
                : Evaluation.basis(scenario, Optional.empty());
        Evaluation ev = Evaluation.of(scenario, basis, options.noAgreement(), Optional.ofNullable(deal), state.time,
                e.kind() == Ending.Kind.DEADLINE);
        List<TraceEntry> t = trace == null ? List.of() : trace;
        return new SessionResult(options.protocol(), Optional.ofNullable(deal), ev.parties(), roundsBegun, state.time, seconds, e,
                Optional.ofNullable(lastAnswer), Optional.ofNullable(fault), t, ev.metrics());
    }

    private int checkParty(int j) {
        if (j < 0 || j >= n) throw new IndexOutOfBoundsException("Party " + j + " is not one of the " + n + " negotiating parties");
        return j;
    }

    // ---- for the protocols' rules ----

    /** Ends the negotiation; {@code deal} is the agreement before ratification, or null. */
    void end(Outcome deal, Ending e) {
        agreement = deal;
        ending = e;
    }

    void answered(boolean zoneExists) { lastAnswer = zoneExists; }

    /** Why {@code o} is not an outcome of the domain, or null when it is (no allocation when it is). */
    String problemWith(Outcome o) {
        boolean valid = o.size() == domain.issueCount();
        for (int i = 0; valid && i < o.size(); i++) valid = o.value(i) >= 0 && o.value(i) < sizes[i];
        if (valid) return null;
        try {
            domain.checkOutcome(o.toArray());
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return e.getMessage();
        }
        return "not an outcome of the domain";
    }

    /** Negotiator j walks away. */
    void walkAway(int round, double t, int j) {
        record(round, t, j, "end", null);
        end(null, Ending.endedBy(names.get(j)));
    }

    /** Seconds since the negotiation started, by its clock. */
    double elapsed() {
        return clock.getAsDouble();
    }

    /** Whether the deadline has passed before round {@code round} (0-based) begins; ends the negotiation if so. */
    boolean expire(int round) {
        if ((deadline.rounds() > 0 && round >= deadline.rounds()) || (deadline.seconds() > 0 && elapsed() >= deadline.seconds())) {
            end(null, Ending.DEADLINE);
            return true;
        }
        return false;
    }

    /** Normalised time at the start of a round of simultaneous moves. */
    double timeAt(int round) {
        return deadline.time(round, deadline.seconds() > 0 ? elapsed() : 0);
    }

    /** Publishes the round and the time to every view. */
    void begin(int round, double t) {
        roundsBegun = round + 1;
        state.round = round;
        state.time = t;
    }

    /**
     * Adds a public move to the trace (when tracing) and hands it to the listener (when there is
     * one), with every party's utility of its outcome. Without either, nothing is kept per move.
     */
    void record(int round, double t, int party, String action, Outcome o) {
        if (trace == null && listener == null) return;
        double[] u = null;
        if (o != null) {
            u = new double[scenario.parties().size()];
            for (int k = 0; k < u.length; k++) u[k] = scenario.parties().get(k).profile().utility().utility(o);
        }
        TraceEntry e = new TraceEntry(round, t, party, action, o, u);
        if (trace != null) trace.add(e);
        if (listener != null) listener.accept(e);
    }

    /** The negotiating parties' profiles, in turn order (for the protocol's own decisions, never for a view). */
    List<Profile> negotiatorProfiles() { return negotiatorProfiles; }

    /**
     * The exact frontier over the given profiles' utilities of the outcomes crossing none of the
     * given red lines.
     *
     * @throws IllegalArgumentException when no exact frontier can be computed for this scenario
     */
    ParetoFrontier frontier(List<UtilityFunction> utilities, List<RedLine> lines) {
        try {
            return AgreementAnalysis.frontier(utilities, lines, AgreementAnalysis.Options.defaults().withListLimit(1));
        } catch (AnalysisLimitException e) {
            throw new IllegalArgumentException("The " + options.protocol() + " protocol needs an exact Pareto frontier: "
                    + e.getMessage());
        }
    }

    /** The public state every negotiator sees; holds nothing private to any party. */
    static final class PublicState {
        final Protocol protocol;
        final List<String> names;
        final Domain domain;
        final Deadline deadline;
        final NoAgreement noAgreement;
        final Conventions conventions;
        final OfferLog offers = new OfferLog();
        final List<OfferRecord> offersView = Collections.unmodifiableList(offers);
        final List<ProbeAnswer> answers = new ArrayList<>();
        final List<ProbeAnswer> answersView = Collections.unmodifiableList(answers);
        int round;
        double time;
        Outcome standing;
        int standingBy = -1;

        PublicState(Protocol protocol, List<String> names, Domain domain, Deadline deadline, NoAgreement noAgreement,
                    Conventions conventions) {
            this.protocol = protocol;
            this.noAgreement = noAgreement;
            this.conventions = conventions;
            this.names = names;
            this.domain = domain;
            this.deadline = deadline;
        }
    }

    /** One negotiator's window: the public state and its own private state, nobody else's. */
    static final class PartyView implements NegotiationView {
        private final PublicState state;
        private final int self;
        private final Profile profile;
        private final RandomGenerator random;
        private final ProfileStore store;
        Action.Commit commitment;
        int probesLeft;

        PartyView(PublicState state, int self, Profile profile, RandomGenerator random, int probes, ProfileStore store) {
            this.state = state;
            this.self = self;
            this.profile = profile;
            this.random = random;
            this.probesLeft = probes;
            this.store = store;
        }

        @Override public Protocol protocol() { return state.protocol; }
        @Override public int self() { return self; }
        @Override public List<String> parties() { return state.names; }
        @Override public Domain domain() { return state.domain; }
        @Override public Profile profile() { return profile; }
        @Override public Deadline deadline() { return state.deadline; }
        @Override public int round() { return state.round; }
        @Override public double time() { return state.time; }
        @Override public Optional<Outcome> standingOffer() { return Optional.ofNullable(state.standing); }
        @Override public int standingOfferBy() { return state.standingBy; }
        @Override public List<OfferRecord> offers() { return state.offersView; }
        @Override public List<ProbeAnswer> answers() { return state.answersView; }
        @Override public int probesLeft() { return probesLeft; }
        @Override public Optional<Action.Commit> commitment() { return Optional.ofNullable(commitment); }
        @Override public ProfileStore store() { return store; }
        @Override public NoAgreement noAgreement() { return state.noAgreement; }
        @Override public Conventions conventions() { return state.conventions; }
        @Override public RandomGenerator random() { return random; }
    }
}
