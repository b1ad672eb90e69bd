package org.pourparler.tournament;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pourparler.negotiation.NoAgreement;
import org.pourparler.negotiation.Conventions;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.ProfileCache;
import org.pourparler.negotiation.Protocol;
import org.pourparler.negotiation.Session;

/**
 * A tournament: which agents meet on which scenarios, under which protocol and deadline, how often,
 * and with which seed. Read from YAML by {@code io.tournament.TournamentFormat} (docs/tournaments.md).
 *
 * @param name        a title for reports
 * @param seed        the master seed; each negotiation's seed derives from it and the negotiation's coordinates
 * @param scenarios   scenario files or folders, as written (globs allowed), relative to {@code base}
 * @param agents      the agents, with unique display names
 * @param protocol    the protocol
 * @param deadline    the deadline of each negotiation
 * @param repetitions how many times each pairing meets on each scenario
 * @param rotateRoles every agent plays every role (all orders of the same agents); else one order per set of agents
 * @param selfPlay    whether an agent may meet itself
 * @param noAgreement the payoff of no agreement
 * @param probes      test the waters: probes per negotiator
 * @param timeLimit   seconds of wall-clock time a negotiation may take before it is abandoned as hung (0: none)
 * @param timeBudget  seconds of computation each agent may spend per negotiation (0: no limit)
 * @param base        the folder scenario paths are relative to (the specification's folder)
 * @param conventions whose conventions the sessions follow and GENIUS files are read with (ours by default)
 */
public record TournamentSpec(String name, long seed, List<ScenarioRef> scenarios, List<AgentRef> agents, Protocol protocol,
                             Deadline deadline, int repetitions, boolean rotateRoles, boolean selfPlay,
                             NoAgreement noAgreement, int probes, double timeLimit, double timeBudget, Path base,
                             Conventions conventions) {

    /** A scenario entry: a path or glob, and for a folder holding several domains, which one. */
    public record ScenarioRef(String path, String domain) { }

    /** An agent: its display name and its specification for {@link org.pourparler.agents.Agents#create}. */
    public record AgentRef(String name, String agent) { }

    /** A specification under our conventions. */
    public TournamentSpec(String name, long seed, List<ScenarioRef> scenarios, List<AgentRef> agents, Protocol protocol,
                          Deadline deadline, int repetitions, boolean rotateRoles, boolean selfPlay,
                          NoAgreement noAgreement, int probes, double timeLimit, double timeBudget, Path base) {
        this(name, seed, scenarios, agents, protocol, deadline, repetitions, rotateRoles, selfPlay, noAgreement, probes, timeLimit,
                timeBudget, base, Conventions.POURPARLER);
    }

    public TournamentSpec {
        if (conventions == null) throw new IllegalArgumentException("A tournament needs conventions (Conventions.POURPARLER or GENIUS)");
        scenarios = List.copyOf(scenarios);
        agents = List.copyOf(agents);
        if (scenarios.isEmpty()) throw new IllegalArgumentException("A tournament needs at least one scenario");
        if (agents.isEmpty()) throw new IllegalArgumentException("A tournament needs at least one agent");
        Set<String> names = new HashSet<>();
        for (AgentRef a : agents) {
            if (!names.add(a.name())) throw new IllegalArgumentException("Two agents are named '" + a.name() + "'; display names must be distinct");
        }
        if (repetitions < 1) throw new IllegalArgumentException("The number of repetitions must be >= 1, but was " + repetitions);
        if (probes < 1) throw new IllegalArgumentException("The number of probes must be >= 1, but was " + probes);
        if (!(timeLimit >= 0) || Double.isInfinite(timeLimit)) throw new IllegalArgumentException("The time limit must be >= 0 seconds, but was " + timeLimit);
        if (!(timeBudget >= 0) || Double.isInfinite(timeBudget)) throw new IllegalArgumentException("The time budget must be >= 0 seconds, but was " + timeBudget);
    }

    /**
     * A builder with every default of a specification file (docs/tournaments.md): seed 1, stacked
     * alternating offers, 1,000 rounds, one repetition, roles rotated, no self-play, the reservation
     * value as the no-agreement payoff, 3 probes, a 60 s time limit, no time budget, our conventions,
     * paths relative to the working folder.
     *
     * <pre>{@code
     * TournamentSpec spec = TournamentSpec.builder("my tournament")
     *         .scenario("examples/labour-contract.yaml").agent("boulware").agent("conceder")
     *         .deadline(Deadline.rounds(500)).repetitions(3).build();
     * }</pre>
     */
    public static Builder builder(String name) { return new Builder(name); }

    /** A builder starting from this specification (to change a few parts). */
    public Builder toBuilder() {
        Builder b = new Builder(name).seed(seed).protocol(protocol).deadline(deadline).repetitions(repetitions)
                .rotateRoles(rotateRoles).selfPlay(selfPlay).noAgreement(noAgreement).probes(probes).timeLimit(timeLimit)
                .timeBudget(timeBudget).base(base).conventions(conventions);
        b.scenarios.addAll(scenarios);
        b.agents.addAll(agents);
        return b;
    }

    /** Builds a {@link TournamentSpec}; every part has the default of a specification file until set. */
    public static final class Builder {
        private final String name;
        private long seed = 1;
        private final List<ScenarioRef> scenarios = new java.util.ArrayList<>();
        private final List<AgentRef> agents = new java.util.ArrayList<>();
        private Protocol protocol = Protocol.ALTERNATING;
        private Deadline deadline = Deadline.rounds(1000);
        private int repetitions = 1;
        private boolean rotateRoles = true;
        private boolean selfPlay;
        private NoAgreement noAgreement = NoAgreement.RESERVATION;
        private int probes = 3;
        private double timeLimit = 60;
        private double timeBudget;
        private Path base = Path.of("");
        private Conventions conventions = Conventions.POURPARLER;

        private Builder(String name) { this.name = name; }

        public Builder seed(long s) { seed = s; return this; }

        /** A scenario file or folder (or glob), relative to the base folder. */
        public Builder scenario(String path) { return scenario(new ScenarioRef(path, null)); }

        public Builder scenario(ScenarioRef ref) { scenarios.add(ref); return this; }

        /** An agent named by its specification. */
        public Builder agent(String spec) { return agent(new AgentRef(spec, spec)); }

        public Builder agent(AgentRef ref) { agents.add(ref); return this; }

        /** Replaces the agents. */
        public Builder agents(List<AgentRef> refs) { agents.clear(); agents.addAll(refs); return this; }

        public Builder protocol(Protocol p) { protocol = p; return this; }

        public Builder deadline(Deadline d) { deadline = d; return this; }

        public Builder repetitions(int n) { repetitions = n; return this; }

        public Builder rotateRoles(boolean r) { rotateRoles = r; return this; }

        public Builder selfPlay(boolean s) { selfPlay = s; return this; }

        public Builder noAgreement(NoAgreement a) { noAgreement = a; return this; }

        public Builder probes(int n) { probes = n; return this; }

        public Builder timeLimit(double seconds) { timeLimit = seconds; return this; }

        public Builder timeBudget(double seconds) { timeBudget = seconds; return this; }

        public Builder base(Path folder) { base = folder; return this; }

        public Builder conventions(Conventions c) { conventions = c; return this; }

        /**
         * @throws IllegalArgumentException naming the part that is missing or out of range
         */
        public TournamentSpec build() {
            return new TournamentSpec(name, seed, scenarios, agents, protocol, deadline, repetitions, rotateRoles, selfPlay, noAgreement,
                    probes, timeLimit, timeBudget, base, conventions);
        }
    }

    /** The session options of one negotiation with this seed, sharing the profile stores in {@code cache}. */
    public Session.Options sessionOptions(long negotiationSeed, ProfileCache cache) {
        return Session.Options.defaults().withCache(cache).withSeed(negotiationSeed).withProtocol(protocol).withNoAgreement(noAgreement)
                .withProbes(probes).withTimeBudget(timeBudget).withMetrics(false).withTrace(false).withConventions(conventions);
    }
}
