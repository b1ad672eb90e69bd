package org.pourparler.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.tournament.TournamentFormat;
import org.pourparler.negotiation.Conventions;
import org.pourparler.testing.SharedCorpus;

/** {@code conventions:} in a tournament specification. */
class TournamentConventionsTest {

    static final String SPEC = """
            format: pourparler-tournament/1
            scenarios: [anac/y2011/Laptop]
            agents: [boulware, linear]
            deadline: {rounds: 180}
            %s
            """;

    @Test
    void conventionsAreOursUnlessTheSpecificationSaysGenius() throws Exception {
        Path base = Path.of("/tmp");
        assertThat(TournamentFormat.parse(SPEC.formatted(""), "spec.yaml", base).conventions()).isEqualTo(Conventions.POURPARLER);
        TournamentSpec g = TournamentFormat.parse(SPEC.formatted("conventions: genius"), "spec.yaml", base);
        assertThat(g.conventions()).isEqualTo(Conventions.GENIUS);
        assertThat(g.sessionOptions(1, null).conventions()).isEqualTo(Conventions.GENIUS);
    }

    @Test
    void unknownConventionsAreAnErrorNamingTheLineAndTheChoices() {
        assertThatThrownBy(() -> TournamentFormat.parse(SPEC.formatted("conventions: negmas"), "spec.yaml", Path.of("/tmp")))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessageContaining("spec.yaml").hasMessageContaining("line 5").hasMessageContaining("pourparler")
                .hasMessageContaining("genius");
    }

    /** GENIUS's own session (shared/reference/genius-sessions/laptop.tsv, line 1): agreement in round 47. */
    @Test
    void aTournamentUnderGeniusConventionsPlaysGeniusSessions() throws Exception {
        if (SharedCorpus.locate() == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail("the shared corpus (../shared/scenarios) is missing; under CI=true it must be present");
        }
        Path scenarios = SharedCorpus.scenarios();
        TournamentSpec spec = TournamentFormat.parse(SPEC.formatted("conventions: genius\nroles: fixed"), "spec.yaml", scenarios);
        Tournament t = TournamentFormat.load(spec);
        List<ResultRow> rows = TournamentTest.runAll(t, Set.of(), 1);
        ResultRow buyer = rows.stream().filter(r -> r.position() == 0).findFirst().orElseThrow();
        assertThat(buyer.agent()).isEqualTo("boulware");
        assertThat(buyer.agreement()).isTrue();
        assertThat(buyer.rounds()).isEqualTo(47);
        assertThat(buyer.time()).isCloseTo(47.0 / 181, within(1e-12));
    }
}
