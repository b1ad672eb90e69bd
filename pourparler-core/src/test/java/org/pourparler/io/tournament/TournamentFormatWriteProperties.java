package org.pourparler.io.tournament;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pourparler.negotiation.Conventions;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.NoAgreement;
import org.pourparler.negotiation.Protocol;
import org.pourparler.tournament.TournamentSpec;

/**
 * A specification written as JSON reads back as the same specification: the child JVMs that play
 * outside agents (and Spark's executors) rebuild the tournament from that file, so any value lost
 * or changed on the way would give them other negotiations and seeds than the parent's.
 */
class TournamentFormatWriteProperties {

    private static final Path BASE = Path.of("/data/tournaments");

    @Property(tries = 300)
    void aWrittenSpecificationReadsBackEqual(@ForAll("specs") TournamentSpec spec) throws Exception {
        String json = TournamentFormat.write(spec);
        assertThat(TournamentFormat.parse(json, "written.json", BASE)).isEqualTo(spec);
    }

    @Provide
    Arbitrary<TournamentSpec> specs() {
        // names a joined string would break on: separators, quotes, non-Latin letters, a leading '=' or '-'
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("boulware+conceder", "a,b", "\"quoted\"", "=SUM(A1)", "-x", "Ω ünïcode",
                        "tab\there", "x:y#z"),
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(12).filter(s -> !s.isBlank()));
        Arbitrary<String> agentSpecs = Arbitraries.of("boulware", "conceder", "hard-headed", "time-dependent:0.37", "time-dependent:1e-3",
                "boa:offering=boulware;acceptance=next|const:0.8;model=frequency;", "micro", "random");
        Arbitrary<List<TournamentSpec.AgentRef>> agents = Combinators.combine(names.list().ofMinSize(1).ofMaxSize(4).uniqueElements(),
                agentSpecs.list().ofSize(4)).as((ns, as) -> {
                    List<TournamentSpec.AgentRef> out = new java.util.ArrayList<>();
                    for (int i = 0; i < ns.size(); i++) out.add(new TournamentSpec.AgentRef(ns.get(i), as.get(i)));
                    return out;
                });
        Arbitrary<TournamentSpec.ScenarioRef> scenarios = Combinators.combine(
                Arbitraries.of("a.yaml", "anac/y2011/*", "../up/x.json", "/abs/path with space", "dir/**"),
                Arbitraries.of("Laptop", "réseau", "a#b").injectNull(0.5)).as(TournamentSpec.ScenarioRef::new);
        Arbitrary<Deadline> deadlines = Arbitraries.oneOf(
                Arbitraries.integers().between(1, Integer.MAX_VALUE).map(Deadline::rounds),
                Arbitraries.doubles().between(1e-3, 1e6).ofScale(6).map(Deadline::seconds),
                Combinators.combine(Arbitraries.integers().between(1, 1000), Arbitraries.doubles().between(0.1, 100)).as(Deadline::new));
        Arbitrary<double[]> limits = Arbitraries.doubles().between(0, 1e6).ofScale(7).injectDuplicates(0.2).list().ofSize(2)
                .map(l -> new double[] {l.get(0), l.get(1)});
        return Combinators.combine(names, Arbitraries.longs(), scenarios.list().ofMinSize(1).ofMaxSize(3), agents,
                Arbitraries.of(Protocol.values()), deadlines, Arbitraries.integers().between(1, 1_000_000), Arbitraries.of(true, false))
                .flatAs((name, seed, ss, as, protocol, deadline, repetitions, rotate) -> Combinators.combine(
                        Arbitraries.of(true, false), Arbitraries.of(NoAgreement.values()), Arbitraries.integers().between(1, 1000), limits,
                        Arbitraries.of(Conventions.values()))
                        .as((self, noAgreement, probes, l, conventions) -> new TournamentSpec(name, seed, ss, as, protocol, deadline,
                                repetitions, rotate, self, noAgreement, probes, l[0], l[1], BASE, conventions)));
    }
}
