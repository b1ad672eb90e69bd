package org.pourparler.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.tournament.TournamentFormat;

/** What identifies a negotiation: ids that never collide, seeds that follow what the agents are, CSV texts that stay text. */
class TournamentIdentityTest {

    private static Tournament load(String agents, long seed) throws ScenarioFormatException {
        return TournamentFormat.load(TournamentTest.spec("""
                format: pourparler-tournament/1
                seed: %d
                scenarios: [supplier-deal.yaml]
                agents: %s
                deadline: {rounds: 40}
                repetitions: 2
                """.formatted(seed, agents)));
    }

    /** The numbers of a negotiator row, in negotiation order: what must not change when only names change. */
    private static List<List<Object>> numbers(List<ResultRow> rows) {
        return TournamentTest.normalised(rows).stream().map(r -> List.<Object>of(r.position(), r.repetition(), r.seed(), r.agreement(),
                r.outcome(), r.utility(), r.advantage(), r.welfare(), r.rounds(), r.time(), r.ending())).toList();
    }

    @Test
    void renamingAnAgentLeavesItsResultsUnchanged() throws Exception {
        // "random" draws from the negotiation's seed: a seed made from the display name would change its moves
        List<ResultRow> plain = TournamentTest.runAll(load("[random, conceder]", 3), Set.of(), 1);
        List<ResultRow> renamed = TournamentTest.runAll(load("[{name: Dice, agent: ' Random'}, {name: C, agent: conceder}]", 3), Set.of(), 1);
        assertThat(numbers(renamed)).isEqualTo(numbers(plain));
        assertThat(renamed).extracting(ResultRow::agent).contains("Dice", "C").doesNotContain("random");
        // the oracle can tell: another master seed does move the random agent
        assertThat(numbers(TournamentTest.runAll(load("[random, conceder]", 4), Set.of(), 1))).isNotEqualTo(numbers(plain));
    }

    @Test
    void equalSpecificationsWrittenDifferentlyAreTheSameAgent() {
        assertThat(Match.canonical(" Time-Dependent:0.50 ")).isEqualTo(Match.canonical("time-dependent:.5"));
        assertThat(Match.canonical("boa:model=frequency; offering=time-dependent:0.10;"))
                .isEqualTo(Match.canonical("boa:offering=time-dependent:0.1;model=frequency"));
        assertThat(Match.canonical("class:com.example.Mine")).isNotEqualTo(Match.canonical("class:com.example.MINE"));
        assertThat(Match.canonical("time-dependent:0.5")).isNotEqualTo(Match.canonical("time-dependent:0.6"));
    }

    @Test
    void namesWithSeparatorsGiveDistinctIdsAndResumeWhole() throws Exception {
        // joined with "," these pairings had one id: "supplier-deal.yaml|x,y,z|0"
        Tournament t = load("[{name: x, agent: random}, {name: 'x,y', agent: boulware}, {name: 'y,z', agent: conceder},"
                + " {name: z, agent: linear}, {name: 'a+b|c%', agent: hardliner}]", 1);
        Set<String> ids = new HashSet<>();
        for (Match m : t.matches()) ids.add(m.id());
        assertThat(ids).hasSize(t.matches().size());
        List<ResultRow> rows = TournamentTest.runAll(t, Set.of(), 2);
        Set<String> done = new HashSet<>();
        for (ResultRow r : rows) done.add(r.match());
        assertThat(done).isEqualTo(ids);
        assertThat(LocalRunner.run(t, done, 1, (m, r, seconds) -> { }).played()).isZero();
        assertThat(rows).filteredOn(r -> r.agent().equals("a+b|c%")).hasSize(2 * 2 * 4);
        assertThat(ResultsTable.parse(ResultsTable.header() + ResultsTable.lines(rows))).isEqualTo(rows);
    }

    @Test
    void aScenarioThatWouldSeeNoNegotiationIsASpecificationError() {
        assertThatThrownBy(() -> load("[boulware]", 1)).isInstanceOf(ScenarioFormatException.class)
                .hasMessageContaining("'supplier-deal.yaml' has 2 negotiating parties").hasMessageContaining("1 agent")
                .hasMessageContaining("selfPlay");
    }

    @Test
    void textsThatASpreadsheetWouldRunAsFormulasAreEscapedAndReadBack() {
        List<String> texts = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'quoted", "''", "plain",
                "", "a=b");
        for (String s : texts) {
            ResultRow r = new ResultRow(s + "|m", s, 0, 1, "alternating", 0, s, "negotiator", s, s, true, s, -0.5, -0.25, -1.0, -0.5, 0.25, -2.5, 3, 0.5,
                    Double.NaN, -1e-9, 0.1, s, s, s);
            String line = ResultsTable.lines(List.of(r));
            for (String cell : cells(line)) {
                assertThat(cell).as("cell %s of %s", cell, line).doesNotMatch("(?s)[=+@\t\r].*");
                if (cell.startsWith("-")) assertThat(Double.parseDouble(cell)).isNegative();   // only numbers may lead with a minus
            }
            assertThat(ResultsTable.parse(ResultsTable.header() + line)).containsExactly(r);
        }
    }

    /** The cells of one CSV line, without their quotes (a minimal independent reader for the test). */
    private static List<String> cells(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length() - 1; i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && line.charAt(i + 1) == '"') {
                f.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
