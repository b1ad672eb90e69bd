package org.pourparler.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.pourparler.negotiation.NoAgreement;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.tournament.TournamentFormat;
import org.pourparler.negotiation.Conventions;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Protocol;
import org.pourparler.tournament.TournamentSpec;

/**
 * How an executor gets the tournament's specification. {@link TournamentSpec} is not serialisable
 * (it holds a {@link Path} and a {@link Deadline}), so it travels as a file name or as its values.
 */
sealed interface SpecSource extends Serializable {

    /** The specification, read or rebuilt on this machine. */
    TournamentSpec spec() throws ScenarioFormatException;

    /** A specification file, read on each machine (a relative name against that machine's working folder). */
    record File(String path) implements SpecSource {
        @Override public TournamentSpec spec() throws ScenarioFormatException {
            return TournamentFormat.read(Path.of(path));
        }
    }

    /** A specification's values; the lists are serialisable copies. */
    record Values(String name, long seed, List<String> scenarioPaths, List<String> scenarioDomains, List<String> agentNames,
                  List<String> agentSpecs, Protocol protocol, int rounds, double seconds, int repetitions, boolean rotateRoles,
                  boolean selfPlay, NoAgreement noAgreement, int probes, double timeLimit, double timeBudget, String base,
                  Conventions conventions)
            implements SpecSource {

        static Values of(TournamentSpec s) {
            // ArrayList, not List.copyOf: scenario domains may be null, which immutable lists refuse
            return new Values(s.name(), s.seed(),
                    new java.util.ArrayList<>(s.scenarios().stream().map(TournamentSpec.ScenarioRef::path).toList()),
                    new java.util.ArrayList<>(s.scenarios().stream().map(TournamentSpec.ScenarioRef::domain).toList()),
                    new java.util.ArrayList<>(s.agents().stream().map(TournamentSpec.AgentRef::name).toList()),
                    new java.util.ArrayList<>(s.agents().stream().map(TournamentSpec.AgentRef::agent).toList()),
                    s.protocol(), s.deadline().rounds(), s.deadline().seconds(), s.repetitions(), s.rotateRoles(), s.selfPlay(),
                    s.noAgreement(), s.probes(), s.timeLimit(), s.timeBudget(), s.base().toString(), s.conventions());
        }

        @Override public TournamentSpec spec() {
            List<TournamentSpec.ScenarioRef> scenarios = new java.util.ArrayList<>();
            for (int i = 0; i < scenarioPaths.size(); i++) scenarios.add(new TournamentSpec.ScenarioRef(scenarioPaths.get(i), scenarioDomains.get(i)));
            List<TournamentSpec.AgentRef> agents = new java.util.ArrayList<>();
            for (int i = 0; i < agentNames.size(); i++) agents.add(new TournamentSpec.AgentRef(agentNames.get(i), agentSpecs.get(i)));
            return new TournamentSpec(name, seed, scenarios, agents, protocol, new Deadline(rounds, seconds), repetitions, rotateRoles,
                    selfPlay, noAgreement, probes, timeLimit, timeBudget, Path.of(base), conventions);
        }
    }
}
