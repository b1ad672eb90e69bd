package org.pourparler.negotiation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
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
 * What every protocol shares: the negotiators and their views, the clock and the deadline, time
 * budgets, faults, the trace, and the end of a session (ratification, payoffs, metrics). A protocol
 * ({@link AlternatingOffers}, {@link SingleNegotiatingText}, {@link BlindBidding}, {@link TestTheWaters})
 * drives the rounds and returns an {@link Ending}.
 */
final class SessionRun {

    /** How the protocol ended: the agreement (or null), the ending, and the probe verdict. */
    record End(Outcome agreement, Ending ending, Boolean zoneExists) {
        static final End FAULT = new End(null, Ending.FAULT, null);
        static final End DEADLINE = new End(null, Ending.DEADLINE, null);

        static End agreement(Outcome o) { return new End(o, Ending.AGREEMENT, null); }
    }

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
    private final List<? extends Negotiator> negotiators;
    private final List<Profile> negotiatorProfiles;
    private final List<TraceEntry> trace;
    /** Receives every public move as it happens (streamed, not kept), or null. */
    private final java.util.function.Consumer<TraceEntry> listener;
    private final long startNanos;
    private final long budgetNanos;
    private final long[] spent;
    private Fault fault;
    private int roundsBegun;

    SessionRun(Scenario scenario, List<? extends Negotiator> negotiators, Deadline deadline, Session.Options options,
               java.util.function.Consumer<TraceEntry> listener) {
        List<Party> parties = scenario.parties();
        List<Integer> negotiating = new ArrayList<>();
        for (int k = 0; k < parties.size(); k++) if (parties.get(k).role() == Role.NEGOTIATOR) negotiating.add(k);
        this.n = negotiating.size();
        if (negotiators.size() != n) {
            throw new IllegalArgumentException("Scenario '" + scenario.title() + "' has " + n + " negotiating parties, but "
                    + negotiators.size() + " negotiators were given");
        }
        if (n < 2) throw new IllegalArgumentException("A negotiation needs at least two negotiating parties, but there are " + n);
        this.scenario = scenario;
        this.deadline = deadline;
        this.options = options;
        this.domain = scenario.domain();
        this.sizes = domain.sizes();
        this.negotiators = List.copyOf(negotiators);
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
        this.budgetNanos = (long) (options.timeBudget() * 1e9);
        this.spent = new long[n];
        this.startNanos = System.nanoTime();
    }

    /** Calls every negotiator's {@code start}; false after a fault. */
    boolean start() {
        for (int j = 0; j < n; j++) {
            long t0 = budgetNanos > 0 ? System.nanoTime() : 0;
            try {
                negotiators.get(j).start(views[j]);
            } catch (RuntimeException | StackOverflowError e) {
                fault(j, Fault.Kind.EXCEPTION, "start failed: " + e);
                return false;
            } catch (OutOfMemoryError e) {
                fault(j, Fault.Kind.OUT_OF_MEMORY, "start ran out of memory: " + e.getMessage());
                return false;
            }
            if (overran(j, t0)) return false;
        }
        return true;
    }

    /** Negotiator j's action on its turn, or null after recording a fault. */
    Action act(int j) {
        long t0 = budgetNanos > 0 ? System.nanoTime() : 0;
        Action a;
        try {
            a = negotiators.get(j).act(views[j]);
        } catch (RuntimeException | StackOverflowError e) {
            fault(j, Fault.Kind.EXCEPTION, e.toString());
            return null;
        } catch (OutOfMemoryError e) {
            // what the agent allocated in this call is unreachable again once its frames are gone
            fault(j, Fault.Kind.OUT_OF_MEMORY, "ran out of memory: " + e.getMessage());
            return null;
        }
        if (overran(j, t0)) return null;
        if (a == null) {
            fault(j, Fault.Kind.ILLEGAL_ACTION, "returned no action");
            return null;
        }
        return a;
    }

    private boolean overran(int j, long t0) {
        if (budgetNanos <= 0) return false;
        spent[j] += System.nanoTime() - t0;
        if (spent[j] <= budgetNanos) return false;
        fault(j, Fault.Kind.TIMEOUT, String.format(Locale.ROOT, "used %.3f s of its %.3f s time budget", spent[j] / 1e9,
                options.timeBudget()));
        return true;
    }

    /** Records an illegal action by negotiator j; returns {@link End#FAULT}. */
    End illegal(int j, String message) {
        fault(j, Fault.Kind.ILLEGAL_ACTION, message);
        return End.FAULT;
    }

    private void fault(int j, Fault.Kind kind, String message) {
        fault = new Fault(j, negotiators.get(j).name(), kind, message);
    }

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

    /** The ending when negotiator j walks away. */
    End walkedAway(int round, double t, int j) {
        record(round, t, j, "end", null);
        return new End(null, Ending.endedBy(names.get(j)), null);
    }

    /** Seconds since the session started (0 when neither the deadline nor a budget needs the clock). */
    double elapsed() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Whether the deadline has passed before round {@code round} (0-based) begins. */
    boolean expired(int round) {
        return (deadline.rounds() > 0 && round >= deadline.rounds())
                || (deadline.seconds() > 0 && elapsed() >= deadline.seconds());
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

    /** Ratification, payoffs and metrics. */
    SessionResult finish(End end) {
        double seconds = elapsed();
        List<Party> parties = scenario.parties();
        Outcome agreement = end.agreement();
        Ending ending = fault != null ? Ending.FAULT : end.ending();
        if (fault != null) agreement = null;
        if (agreement != null) {
            int[] a = agreement.toArray();
            for (Party p : parties) {
                if (p.role() == Role.RATIFIER && !p.profile().accepts(a)) {
                    ending = Ending.rejectedBy(p.name());
                    agreement = null;
                    break;
                }
            }
        }
        Evaluation.Basis basis = options.metrics()
                ? Evaluation.basis(scenario, AgreementAnalysis.Options.defaults())
                : Evaluation.basis(scenario, Optional.empty());
        Evaluation e = Evaluation.of(scenario, basis, options.noAgreement(), Optional.ofNullable(agreement), state.time,
                ending.kind() == Ending.Kind.DEADLINE);
        List<TraceEntry> t = trace == null ? List.of() : trace;
        return new SessionResult(options.protocol(), Optional.ofNullable(agreement), e.parties(), roundsBegun, state.time, seconds, ending,
                Optional.ofNullable(end.zoneExists()), Optional.ofNullable(fault), t, e.metrics());
    }

    /** The public state every negotiator sees; holds nothing private to any party. */
    static final class PublicState {
        final Protocol protocol;
        final List<String> names;
        final Domain domain;
        final Deadline deadline;
        final NoAgreement noAgreement;
        final Conventions conventions;
        final List<OfferRecord> offers = new ArrayList<>();
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
