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
 * and with which seed. Read from YAML by {@code io.TournamentFormat} (docs/tournaments.md).
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

    /** The session options of one negotiation with this seed, sharing the profile stores in {@code cache}. */
    public Session.Options sessionOptions(long negotiationSeed, ProfileCache cache) {
        return Session.Options.defaults().withCache(cache).withSeed(negotiationSeed).withProtocol(protocol).withNoAgreement(noAgreement)
                .withProbes(probes).withTimeBudget(timeBudget).withMetrics(false).withTrace(false).withConventions(conventions);
    }
}
