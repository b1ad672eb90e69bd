package org.pourparler.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.pourparler.analysis.AgreementAnalysis;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.Role;
import org.pourparler.model.Scenario;

/**
 * Runs one negotiation under the stacked alternating offers protocol (docs/negotiation.md):
 * negotiators take turns in scenario order; on its turn a negotiator accepts the standing offer,
 * makes a new one (which replaces it), or ends the negotiation. An offer is agreed when every other
 * negotiator has accepted it in turn. A round is one turn of every negotiator; the first negotiator
 * cannot accept on the first turn (nothing stands). Ratifiers make no moves: an agreement stands
 * only if every ratifier's profile accepts it (at or above its reservation value, no red line
 * crossed). The same seed gives the same session when the deadline counts rounds only.
 */
public final class Session {

    /** What no agreement pays: the reservation value (default) or zero (GENIUS-compatible). */
    public enum NoAgreement { RESERVATION, ZERO }

    /**
     * @param seed        the master seed; negotiator k's random source derives from it
     * @param noAgreement the payoff of no agreement
     * @param metrics     whether to compute the agreement's distances to the frontier and solutions
     *                    (runs the scenario's analysis once)
     */
    public record Options(long seed, NoAgreement noAgreement, boolean metrics) {
        public static Options defaults() { return new Options(1, NoAgreement.RESERVATION, true); }

        public Options withSeed(long s) { return new Options(s, noAgreement, metrics); }
    }

    private Session() { }

    /**
     * Runs the negotiators (one per negotiating party of the scenario, in order) to the deadline.
     *
     * @throws IllegalArgumentException when the number of negotiators does not match
     */
    public static SessionResult run(Scenario scenario, List<? extends Negotiator> negotiators, Deadline deadline, Options options) {
        List<Party> parties = scenario.parties();
        List<Integer> negotiating = new ArrayList<>();
        for (int k = 0; k < parties.size(); k++) if (parties.get(k).role() == Role.NEGOTIATOR) negotiating.add(k);
        int n = negotiating.size();
        if (negotiators.size() != n) {
            throw new IllegalArgumentException("Scenario '" + scenario.title() + "' has " + n + " negotiating parties, but "
                    + negotiators.size() + " negotiators were given");
        }
        if (n < 2) throw new IllegalArgumentException("A negotiation needs at least two negotiating parties, but there are " + n);
        Domain domain = scenario.domain();
        List<String> names = negotiating.stream().map(k -> parties.get(k).name()).toList();
        SplittableRandom master = new SplittableRandom(options.seed());
        State state = new State(scenario, deadline, names);
        List<View> views = new ArrayList<>();
        for (int j = 0; j < n; j++) views.add(new View(state, j, parties.get(negotiating.get(j)).profile(), master.split()));
        long start = System.nanoTime();
        List<TraceEntry> trace = new ArrayList<>();
        Fault fault = null;
        String ending = "deadline";
        Outcome agreement = null;
        for (int j = 0; j < n && fault == null; j++) {
            try {
                negotiators.get(j).start(views.get(j));
            } catch (RuntimeException | StackOverflowError e) {
                fault = new Fault(j, negotiators.get(j).name(), "exception", "start failed: " + e);
            }
        }
        int acceptances = 0;
        int turn = 0;
        int rounds = 0;
        loop:
        while (fault == null) {
            int round = turn / n;
            int j = turn % n;
            double elapsed = (System.nanoTime() - start) / 1e9;
            double t = deadline.time(round, elapsed);
            if (deadline.rounds() > 0) t = Math.min(1.0, Math.max(t, (double) turn / ((long) deadline.rounds() * n)));
            if ((deadline.rounds() > 0 && round >= deadline.rounds()) || (deadline.seconds() > 0 && elapsed >= deadline.seconds())) {
                ending = "deadline";
                break;
            }
            rounds = round + 1;
            state.round = round;
            state.time = t;
            Action action;
            try {
                action = negotiators.get(j).act(views.get(j));
            } catch (RuntimeException | StackOverflowError e) {
                fault = new Fault(j, negotiators.get(j).name(), "exception", e.toString());
                break;
            }
            if (action instanceof Action.Accept) {
                if (state.standing == null || state.standingBy == j) {
                    fault = new Fault(j, negotiators.get(j).name(), "illegal-action",
                            state.standing == null ? "accepted, but no offer stands" : "accepted its own offer");
                    break;
                }
                trace.add(entry(scenario, round, t, j, "accept", state.standing));
                if (++acceptances == n - 1) {
                    agreement = state.standing;
                    ending = "agreement";
                    break;
                }
            } else if (action instanceof Action.Offer offer) {
                try {
                    domain.checkOutcome(offer.outcome().toArray());
                } catch (RuntimeException e) {
                    fault = new Fault(j, negotiators.get(j).name(), "illegal-action", "offered a non-outcome: " + e.getMessage());
                    break;
                }
                state.standing = offer.outcome();
                state.standingBy = j;
                acceptances = 0;
                state.offers.add(new OfferRecord(round, t, j, offer.outcome()));
                trace.add(entry(scenario, round, t, j, "offer", offer.outcome()));
            } else if (action instanceof Action.End) {
                trace.add(new TraceEntry(round, t, j, "end", null, null));
                ending = "ended by " + names.get(j);
                break loop;
            } else {
                fault = new Fault(j, negotiators.get(j).name(), "illegal-action", "returned no action");
                break;
            }
            turn++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (fault != null) ending = "fault";
        if (agreement != null) {
            for (Party p : parties) {
                if (p.role() == Role.RATIFIER && !p.profile().accepts(agreement.toArray())) {
                    ending = "rejected by ratifier " + p.name();
                    agreement = null;
                    break;
                }
            }
        }
        double[] utilities = new double[parties.size()];
        for (int k = 0; k < parties.size(); k++) {
            Profile p = parties.get(k).profile();
            utilities[k] = agreement != null ? p.discounted(p.utility().utility(agreement), state.time)
                    : options.noAgreement() == NoAgreement.ZERO ? 0.0 : p.reservation();
        }
        SessionResult.Metrics metrics = agreement != null && options.metrics() ? metrics(scenario, agreement, utilities) : null;
        return new SessionResult(agreement, utilities, rounds, state.time, seconds, ending, fault, List.copyOf(trace), metrics);
    }

    private static TraceEntry entry(Scenario s, int round, double t, int party, String action, Outcome o) {
        double[] u = new double[s.parties().size()];
        for (int k = 0; k < u.length; k++) u[k] = s.parties().get(k).profile().utility().utility(o);
        return new TraceEntry(round, t, party, action, o, u);
    }

    private static SessionResult.Metrics metrics(Scenario s, Outcome agreement, double[] payoff) {
        double[] raw = new double[s.parties().size()];
        double[] advantage = new double[raw.length];
        double welfare = 0;
        AgreementAnalysis.Report report;
        try {
            report = AgreementAnalysis.analyze(s, AgreementAnalysis.Options.defaults().withListLimit(1));
        } catch (org.pourparler.analysis.AnalysisLimitException e) {
            report = null;
        }
        for (int k = 0; k < raw.length; k++) {
            Profile p = s.parties().get(k).profile();
            raw[k] = p.utility().utility(agreement);
            double best = Double.NEGATIVE_INFINITY;
            if (report != null) for (var q : report.paretoAll().points()) best = Math.max(best, q.utility(k));
            advantage[k] = (raw[k] - p.reservation()) / (best - p.reservation());
            welfare += payoff[k];
        }
        if (report == null) return new SessionResult.Metrics(advantage, welfare, Double.NaN, Double.NaN, Double.NaN);
        AgreementAnalysis.Distances d = report.distances(raw);
        return new SessionResult.Metrics(advantage, welfare, d.pareto(), d.nash(), d.kalaiSmorodinsky());
    }

    /** The public state every negotiator sees. */
    private static final class State {
        final Scenario scenario;
        final Deadline deadline;
        final List<String> names;
        final List<OfferRecord> offers = new ArrayList<>();
        int round;
        double time;
        Outcome standing;
        int standingBy = -1;

        State(Scenario scenario, Deadline deadline, List<String> names) {
            this.scenario = scenario;
            this.deadline = deadline;
            this.names = names;
        }
    }

    /** One negotiator's window on the state: its own profile, nobody else's. */
    private static final class View implements NegotiationView {
        private final State state;
        private final int self;
        private final Profile profile;
        private final RandomGenerator random;

        View(State state, int self, Profile profile, RandomGenerator random) {
            this.state = state;
            this.self = self;
            this.profile = profile;
            this.random = random;
        }

        @Override public String protocol() { return "alternating"; }
        @Override public int self() { return self; }
        @Override public List<String> parties() { return state.names; }
        @Override public Domain domain() { return state.scenario.domain(); }
        @Override public Profile profile() { return profile; }
        @Override public Deadline deadline() { return state.deadline; }
        @Override public int round() { return state.round; }
        @Override public double time() { return state.time; }
        @Override public Optional<Outcome> standingOffer() { return Optional.ofNullable(state.standing); }
        @Override public int standingOfferBy() { return state.standingBy; }
        @Override public List<OfferRecord> offers() { return java.util.Collections.unmodifiableList(state.offers); }
        @Override public RandomGenerator random() { return random; }
    }
}
