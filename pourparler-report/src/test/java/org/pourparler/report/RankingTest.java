package org.pourparler.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pourparler.tournament.ResultRow;

/** The statistics of a ranking, each against an independent oracle (published quantiles, brute force, hand sums). */
class RankingTest {

    /** A negotiator row of a two-agent negotiation. */
    private static ResultRow row(String scenario, int repetition, int position, String agent, String opponent, double advantage,
                                 double utility, boolean agreement) {
        String match = scenario + "|" + (position == 0 ? agent + "," + opponent : opponent + "," + agent) + "|" + repetition;
        return new ResultRow(match, scenario, repetition, 1000L * repetition + scenario.hashCode(), "alternating", position, "p" + position,
                "negotiator", agent, opponent, agreement, "", utility, utility, advantage, advantage, 1.0, 1.0, 10, 0.5, Double.NaN,
                Double.NaN, Double.NaN, agreement ? "agreement" : "deadline", "", "");
    }

    /** One negotiation of A (position 0) against B, with these advantages. */
    private static List<ResultRow> negotiation(String scenario, int repetition, double a, double b) {
        return List.of(row(scenario, repetition, 0, "A", "B", a, a, true), row(scenario, repetition, 1, "B", "A", b, b, true));
    }

    @Test
    void identicalRepetitionsAreOneUnit() {
        List<ResultRow> once = new ArrayList<>();
        List<ResultRow> fiveTimes = new ArrayList<>();
        double[] a = {0.2, 0.5, 0.9};
        for (int s = 0; s < 3; s++) {
            once.addAll(negotiation("s" + s, 0, a[s], 0.1));
            for (int rep = 0; rep < 5; rep++) fiveTimes.addAll(negotiation("s" + s, rep, a[s], 0.1));   // deterministic: the same rows
        }
        Ranking one = Ranking.of(once, List.of("A", "B"));
        Ranking five = Ranking.of(fiveTimes, List.of("A", "B"));
        assertThat(five.negotiations()).isEqualTo(15);
        assertThat(five.units()).isEqualTo(3);
        Ranking.Standing a1 = one.standings().get(0);
        Ranking.Standing a5 = five.standings().get(0);
        assertThat(a5.rows()).isEqualTo(15);
        assertThat(a5.units()).isEqualTo(3);
        assertThat(a5.mean()).isEqualTo(a1.mean());
        assertThat(a5.ci95()).isEqualTo(a1.ci95());      // more copies of the same negotiation do not narrow the interval
        // repetitions that differ are distinct units
        List<ResultRow> varied = new ArrayList<>(once);
        varied.addAll(negotiation("s0", 1, 0.4, 0.1));
        assertThat(Ranking.of(varied, List.of("A", "B")).units()).isEqualTo(4);
    }

    @Test
    void theScoreIsTheMeanOverScenariosWithATIntervalOverScenarios() {
        List<ResultRow> rows = new ArrayList<>();
        rows.addAll(negotiation("s0", 0, 0.1, 0.0));
        rows.addAll(negotiation("s0", 1, 0.3, 0.0));       // s0: A's mean 0.2 over two distinct units
        rows.addAll(negotiation("s1", 0, 0.4, 0.0));
        rows.addAll(negotiation("s2", 0, 0.6, 0.0));
        Ranking.Standing a = Ranking.of(rows, List.of("A", "B")).standings().get(0);
        assertThat(a.agent()).isEqualTo("A");
        assertThat(a.scenarios()).isEqualTo(3);
        assertThat(a.mean()).isCloseTo(0.4, within(1e-12));
        // per-scenario values 0.2, 0.4, 0.6: sd 0.2, n 3; t(0.975, 2) = 4.302652729749464 (published tables)
        assertThat(a.ci95()).isCloseTo(4.302652729749464 * 0.2 / Math.sqrt(3), within(1e-9));
        // one scenario: no interval across scenarios
        assertThat(Ranking.of(negotiation("s0", 0, 0.5, 0.1), List.of("A", "B")).standings().get(0).ci95()).isNaN();
    }

    @Test
    void theIntervalUsesStudentQuantilesOfPublishedTables() {
        double[][] table = {{2, 12.706204736174698}, {4, 3.182446305284263}, {5, 2.7764451051977987}, {11, 2.2281388519649385},
                {31, 2.0422724563012373}};
        for (double[] t : table) {
            int n = (int) t[0];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = i % 2;          // sd known in closed form
            double mean = Ranking.mean(v);
            double ss = 0;
            for (double x : v) ss += (x - mean) * (x - mean);
            assertThat(Ranking.halfWidth95(v)).isCloseTo(t[1] * Math.sqrt(ss / (n - 1)) / Math.sqrt(n), within(1e-9));
        }
    }

    @Test
    void agentsAreComparedPairedByScenarioWithAnExactSignedRankTest() {
        double[] a = {0.9, 0.8, 0.75, 0.3, 0.6, 0.95, 0.2};
        double[] b = {0.1, 0.5, 0.7, 0.45, 0.1, 0.05, 0.22};
        List<ResultRow> rows = new ArrayList<>();
        for (int s = 0; s < a.length; s++) rows.addAll(negotiation("s" + s, 0, a[s], b[s]));
        Ranking r = Ranking.of(rows, List.of("A", "B"));
        assertThat(r.comparisons()).singleElement().satisfies(c -> {
            assertThat(c.agent()).isEqualTo("A");
            assertThat(c.other()).isEqualTo("B");
            assertThat(c.scenarios()).isEqualTo(a.length);
            double[] d = new double[a.length];
            for (int i = 0; i < d.length; i++) d[i] = a[i] - b[i];
            assertThat(c.p()).isCloseTo(exactSignedRankP(d), within(1e-12));
            assertThat(c.pHolm()).isEqualTo(c.p());          // one comparison: nothing to correct
        });
    }

    /** Two-sided exact p of the signed-rank test by enumerating all 2^n sign patterns (distinct non-zero |d|). */
    private static double exactSignedRankP(double[] d) {
        int n = d.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (i, j) -> Double.compare(Math.abs(d[i]), Math.abs(d[j])));
        int[] rank = new int[n];
        for (int k = 0; k < n; k++) rank[order[k]] = k + 1;
        int w = 0;
        for (int i = 0; i < n; i++) if (d[i] > 0) w += rank[i];
        int below = 0;
        int above = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            int s = 0;
            for (int i = 0; i < n; i++) if ((mask >> i & 1) == 1) s += rank[i];
            if (s <= w) below++;
            if (s >= w) above++;
        }
        return Math.min(1, 2.0 * Math.min(below, above) / (1 << n));
    }

    @Test
    void holmsCorrectionStepsDown() {
        // by hand from the definition: m = 5, sorted p times 5, 4, 3, 2, 1, then running maxima
        double[] adjusted = Holm.adjust(new double[] {0.04, 0.01, 0.05, 0.03, 0.02});
        assertThat(adjusted).containsExactly(new double[] {0.09, 0.05, 0.09, 0.09, 0.08}, within(1e-15));
        assertThat(Holm.adjust(new double[] {0.5, Double.NaN, 0.4})).containsExactly(new double[] {0.8, Double.NaN, 0.8}, within(1e-15));
        assertThat(Holm.adjust(new double[] {0.6, 0.7})).containsExactly(1.0, 1.0);
    }

    @Test
    void theSameRowsInAnyOrderGiveTheSameFiles() {
        List<ResultRow> rows = new ArrayList<>();
        Random random = new Random(3);
        for (int s = 0; s < 6; s++) {
            for (int rep = 0; rep < 4; rep++) {
                // magnitudes far apart, so that a sum in another order would differ in the last bits
                rows.addAll(negotiation("s" + s, rep, random.nextDouble() * Math.pow(10, random.nextInt(12) - 6), random.nextDouble()));
            }
        }
        String expected = files(Ranking.of(rows, List.of("A", "B")));
        for (int k = 0; k < 20; k++) {
            List<ResultRow> shuffled = new ArrayList<>(rows);
            Collections.shuffle(shuffled, new Random(k));
            assertThat(files(Ranking.of(shuffled, List.of("A", "B")))).isEqualTo(expected);
        }
    }

    private static String files(Ranking r) {
        return ReportFormat.rankingCsv(r) + ReportFormat.pairwiseCsv(r) + ReportFormat.comparisonsCsv(r) + ReportFormat.cellsCsv(r)
                + ReportFormat.JSON.render(r);
    }

    @Test
    void opponentsComeFromTheNegotiationNotFromSplittingNames() {
        List<ResultRow> rows = new ArrayList<>();
        rows.add(row("s", 0, 0, "x+y", "z", 0.7, 0.7, true));
        rows.add(row("s", 0, 1, "z", "x+y", 0.2, 0.2, true));
        Ranking r = Ranking.of(rows, List.of("x+y", "z"));
        assertThat(r.agents()).containsExactly("x+y", "z");
        assertThat(r.pairwise(0, 1)).isEqualTo(0.7);
        assertThat(r.pairwise(1, 0)).isEqualTo(0.2);
        assertThat(r.pairwise(0, 0)).isNaN();
    }

    @Test
    void anyNumericColumnCanBeTheMetricAndEveryMetricHasAPerScenarioTable() {
        List<ResultRow> rows = new ArrayList<>();
        rows.addAll(negotiation("s0", 0, 0.9, 0.1));
        rows.add(row("s1", 0, 0, "A", "B", 0.1, 0.3, false));
        rows.add(row("s1", 0, 1, "B", "A", 0.8, 0.6, false));
        Ranking byUtility = Ranking.of(rows, List.of("A", "B"), "utility");
        assertThat(byUtility.metric()).isEqualTo("utility");
        assertThat(byUtility.standings().get(0).mean()).isCloseTo((0.9 + 0.3) / 2, within(1e-15));
        assertThat(Ranking.of(rows, List.of("A", "B"), "agreement").standings().get(0).mean()).isEqualTo(0.5);
        assertThat(byUtility.metrics()).contains("utility", "advantage", "welfare", "agreement", "rounds").doesNotContain("seconds", "seed");
        assertThat(byUtility.cells()).hasSize(4);
        Ranking.Cell bOnS1 = byUtility.cells().stream().filter(c -> c.scenario().equals("s1") && c.agent().equals("B")).findFirst().orElseThrow();
        assertThat(bOnS1.means().get(byUtility.metrics().indexOf("advantage"))).isEqualTo(0.8);
        assertThat(bOnS1.means().get(byUtility.metrics().indexOf("agreement"))).isEqualTo(0.0);
        assertThatThrownBy(() -> Ranking.of(rows, List.of(), "speed")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no metric column 'speed'").hasMessageContaining("advantage");
    }

    @Test
    void everyFormatRendersTheRanking() throws Exception {
        List<ResultRow> rows = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            rows.add(row("s" + s, 0, 0, "A_&_100%", "B|C", 0.5 + s / 10.0, 0.5, true));
            rows.add(row("s" + s, 0, 1, "B|C", "A_&_100%", 0.2, 0.5, true));
        }
        Ranking r = Ranking.of(rows, List.of());
        assertThat(ReportFormat.TEXT.render(r)).contains("3 negotiations (3 independent), 2 agents").contains("A_&_100%")
                .contains("0.6000 ± ").contains("Wilcoxon");
        assertThat(ReportFormat.MARKDOWN.render(r)).contains("| 1 | A_&_100% |").contains("B\\|C");
        assertThat(ReportFormat.LATEX.render(r)).contains("A\\_\\&\\_100\\%").contains("\\begin{tabular}");
        assertThat(ReportFormat.CSV.render(r)).isEqualTo(ReportFormat.rankingCsv(r)).startsWith("rank,agent,");
        JsonNode json = new ObjectMapper().readTree(ReportFormat.JSON.render(r));
        assertThat(json.get("standings").get(0).get("agent").asText()).isEqualTo("A_&_100%");
        assertThat(json.get("standings").get(0).get("mean").asDouble()).isEqualTo(r.standings().get(0).mean());
        assertThat(json.get("comparisons")).hasSize(1);
        assertThat(json.get("scenarios")).hasSize(6);
        assertThatThrownBy(() -> ReportFormat.of("html")).hasMessageContaining("text, csv, markdown, latex, json");
    }
}
