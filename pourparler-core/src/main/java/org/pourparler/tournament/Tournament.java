package org.pourparler.tournament;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.pourparler.agents.Agents;
import org.pourparler.analysis.AgreementAnalysis;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Role;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Evaluation;
import org.pourparler.negotiation.Fault;
import org.pourparler.negotiation.Negotiator;
import org.pourparler.negotiation.PartyResult;
import org.pourparler.negotiation.ProfileCache;
import org.pourparler.negotiation.Session;
import org.pourparler.negotiation.SessionResult;

/**
 * A tournament ready to run: its specification, the scenarios it resolved to, and every
 * negotiation in a fixed order. Pure: reading the scenario files is {@code io.tournament.TournamentFormat.load}'s
 * job (package io). {@link #play} runs one negotiation and returns its rows; it is
 * thread-safe, and each scenario's analysis (for the metrics) is computed once.
 */
public final class Tournament {

    /** A resolved scenario: its key (path relative to the specification, "#domain" when chosen) and the scenario. */
    public record Entry(String key, Scenario scenario) { }

    private final TournamentSpec spec;
    private final List<Entry> scenarios;
    private final List<Match> matches;
    private final ConcurrentHashMap<Integer, Evaluation.Basis> analyses = new ConcurrentHashMap<>();
    private final Function<String, Negotiator> agentFactory;
    /** What agents compute from their own profile, shared by every negotiation of the tournament. */
    private final ProfileCache cache = ProfileCache.create();

    private Tournament(TournamentSpec spec, List<Entry> scenarios, Function<String, Negotiator> agentFactory) {
        this.spec = spec;
        this.agentFactory = agentFactory;
        this.scenarios = List.copyOf(scenarios);
        this.matches = schedule(spec, this.scenarios);
    }

    /** A tournament over already loaded scenarios (keys must be distinct), with the built-in agents ({@link Agents#create}). */
    public static Tournament of(TournamentSpec spec, List<Entry> scenarios) {
        return new Tournament(spec, scenarios, Agents::create);
    }

    /**
     * A tournament over already loaded scenarios (keys must be distinct), making agents from their
     * specifications with {@code agentFactory} (normally {@link Agents#create}; tests and embedding
     * programs can supply their own).
     */
    public static Tournament of(TournamentSpec spec, List<Entry> scenarios, Function<String, Negotiator> agentFactory) {
        return new Tournament(spec, scenarios, agentFactory);
    }

    /**
     * Every negotiation: scenario by scenario, agent tuples in order, then repetitions.
     *
     * @throws IllegalArgumentException when a scenario with negotiating parties would see no negotiation
     *         (fewer agents than negotiating positions, without self-play)
     */
    static List<Match> schedule(TournamentSpec spec, List<Entry> scenarios) {
        List<Match> out = new ArrayList<>();
        int a = spec.agents().size();
        for (int s = 0; s < scenarios.size(); s++) {
            int n = scenarios.get(s).scenario().negotiators().size();
            if (n < 2) continue;
            int before = out.size();
            int[] tuple = new int[n];
            while (true) {
                if (admissible(tuple, spec)) {
                    for (int r = 0; r < spec.repetitions(); r++) {
                        out.add(Match.of(s, scenarios.get(s).key(), tuple, spec.agents(), r, spec.seed()));
                    }
                }
                int p = n - 1;
                while (p >= 0 && ++tuple[p] == a) tuple[p--] = 0;
                if (p < 0) break;
            }
            if (out.size() == before) {
                throw new IllegalArgumentException("scenario '" + scenarios.get(s).key() + "' has " + n + " negotiating parties but the "
                        + "tournament has " + a + (a == 1 ? " agent" : " agents") + " and selfPlay is false, so it would play no "
                        + "negotiation there: add agents or set selfPlay: true");
            }
        }
        return List.copyOf(out);
    }

    private static boolean admissible(int[] tuple, TournamentSpec spec) {
        for (int i = 0; i < tuple.length; i++) {
            for (int j = i + 1; j < tuple.length; j++) {
                if (!spec.selfPlay() && tuple[i] == tuple[j]) return false;
                if (!spec.rotateRoles() && tuple[i] > tuple[j]) return false;   // one order per set of agents
            }
        }
        return true;
    }

    public TournamentSpec spec() { return spec; }

    public List<Entry> scenarios() { return scenarios; }

    /** Every negotiation, in schedule order. */
    public List<Match> matches() { return matches; }

    /**
     * Forgets what the negotiations of one scenario shared (its analysis, its profiles' offer tables):
     * called when its last negotiation is done, so that memory holds only the scenarios in play. A
     * later negotiation on it would compute them again.
     */
    public void release(int scenario) {
        analyses.remove(scenario);
        for (var p : scenarios.get(scenario).scenario().parties()) cache.forget(p.profile());
    }

    /** Fresh negotiators for a match, one per negotiating position. */
    public List<Negotiator> negotiators(Match m) {
        List<Negotiator> out = new ArrayList<>();
        for (int p = 0; p < m.agents().length; p++) out.add(agentFactory.apply(spec.agents().get(m.agent(p)).agent()));
        return out;
    }

    /** Runs one negotiation with the given negotiators (normally {@link #negotiators(Match)}) and returns one row per party. */
    public List<ResultRow> play(Match m, List<? extends Negotiator> negotiators) {
        return play(m, negotiators, Long.MAX_VALUE);
    }

    private static long maxOffers(long historyBytes, int negotiators) {
        return historyBytes == Long.MAX_VALUE ? Long.MAX_VALUE : Session.Options.historyLimit(historyBytes, negotiators);
    }

    /**
     * As {@link #play(Match, List)}, the negotiation's offer history kept within {@code historyBytes}
     * of memory ({@link Session.Options#historyLimit}): a negotiation that reaches it ends with
     * {@code memory limit} (a runner passes its share of the heap, {@link Session.Options#historyBytes}).
     */
    public List<ResultRow> play(Match m, List<? extends Negotiator> negotiators, long historyBytes) {
        Scenario s = scenarios.get(m.scenario()).scenario();
        SessionResult r;
        try {
            r = Session.run(s, negotiators, spec.deadline(), spec.sessionOptions(m.seed(), cache)
                    .withMaxOffers(maxOffers(historyBytes, negotiators.size())));
        } catch (RuntimeException e) {
            return failed(m, "", Fault.Kind.ERROR, "the negotiation could not run: " + e.getMessage());
        }
        String faultAgent = "";
        String fault = "";
        if (r.fault().isPresent()) {
            Fault f = r.fault().get();
            faultAgent = spec.agents().get(m.agent(f.party())).name();
            fault = f.kind() + ": " + f.message();
        }
        Evaluation e = Evaluation.of(s, basis(m.scenario()), spec.noAgreement(), r.agreement(), r.time(),
                r.atDeadline());
        return rows(m, r.agreement().orElse(null), e, r.rounds(), r.time(), r.ending().toString(), faultAgent, fault);
    }

    /** The rows of a negotiation that produced no session result (it could not run, or was abandoned as hung). */
    public List<ResultRow> failed(Match m, String faultAgent, Fault.Kind kind, String message) {
        Scenario s = scenarios.get(m.scenario()).scenario();
        Evaluation e = Evaluation.of(s, basis(m.scenario()), spec.noAgreement(), Optional.empty(), 0, false);
        return rows(m, null, e, 0, 0, "fault", faultAgent, kind + ": " + message);
    }

    private List<ResultRow> rows(Match m, Outcome agreement, Evaluation e, int rounds, double time, String ending,
                                 String faultAgent, String fault) {
        Scenario s = scenarios.get(m.scenario()).scenario();
        SessionResult.Metrics metrics = e.metrics();
        String outcome = agreement != null ? describe(s, agreement) : "";
        List<String> agentNames = new ArrayList<>();
        for (int p = 0; p < m.agents().length; p++) agentNames.add(spec.agents().get(m.agent(p)).name());
        List<ResultRow> out = new ArrayList<>();
        int position = 0;
        for (int k = 0; k < s.parties().size(); k++) {
            Party party = s.parties().get(k);
            PartyResult pr = e.parties().get(k);
            boolean negotiator = party.role() == Role.NEGOTIATOR;
            String agent = negotiator ? agentNames.get(position) : "";
            List<String> others = new ArrayList<>(agentNames);
            if (negotiator) others.remove(position);
            out.add(new ResultRow(m.id(), scenarios.get(m.scenario()).key(), m.repetition(), m.seed(), spec.protocol().id(), k,
                    party.name(), negotiator ? "negotiator" : "ratifier", agent, String.join("+", others), agreement != null, outcome,
                    pr.utility(), pr.payoff(), pr.advantage(), pr.utilityAdvantage(), metrics.welfare(), metrics.utilityWelfare(),
                    rounds, time, metrics.distancePareto(), metrics.distanceNash(), metrics.distanceKalaiSmorodinsky(),
                    ending, faultAgent, fault));
            if (negotiator) position++;
        }
        return out;
    }

    private static String describe(Scenario s, Outcome o) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < o.size(); i++) {
            if (i > 0) b.append("; ");
            b.append(s.domain().issue(i).name()).append('=').append(s.domain().issue(i).label(o.value(i)));
        }
        return b.toString();
    }

    private Evaluation.Basis basis(int scenario) {
        return analyses.computeIfAbsent(scenario, k -> Evaluation.basis(scenarios.get(k).scenario(),
                AgreementAnalysis.Options.defaults().withThreads(1)));
    }
}
