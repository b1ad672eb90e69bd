package org.pourparler.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;
import org.pourparler.tournament.ResultRow;

/**
 * The statistics of a tournament's results for one metric column (by default {@code advantage}).
 *
 * <p>How it counts (docs/tournaments.md): only negotiators' rows; identical repetitions are one unit
 * ({@link Units}); an agent's value on a scenario is the mean of the metric over its rows in that
 * scenario's units (non-finite values, such as an undefined advantage, left out); its score is the
 * mean of its per-scenario values, with a 95% Student t interval over them (n = scenarios): the
 * interval says how the score would vary over scenarios like these, not over reruns of the same
 * scenario. Two agents are compared paired by scenario (Wilcoxon signed-rank test, exact for small
 * samples, by Apache Commons Statistics) and the p-values of all pairs are corrected with Holm's
 * method. Every sum runs in canonical order, so the same rows give the same bits whatever order they
 * come in.
 */
public final class Ranking {

    /**
     * One agent's line.
     *
     * @param rows      its negotiator rows (every repetition)
     * @param units     its rows in independent units
     * @param scenarios scenarios on which it has a value
     * @param mean      the mean over scenarios of its per-scenario mean of the metric (NaN when it has none)
     * @param ci95      half-width of the 95% t interval over scenarios (NaN for fewer than 2 scenarios)
     * @param agreementRate the same estimator for the agreement column (0 or 1)
     * @param meanPayoff    the same estimator for the payoff column
     * @param meanWelfare   the same estimator for the welfare column
     * @param faults    rows in which its own fault ended the negotiation (every repetition)
     */
    public record Standing(String agent, int rows, int units, int scenarios, double mean, double ci95, double agreementRate,
                           double meanPayoff, double meanWelfare, int faults) { }

    /**
     * A paired comparison of two agents over the scenarios on which both have a value.
     *
     * @param meanDifference mean over those scenarios of (agent's value − other's value)
     * @param statistic      the Wilcoxon signed-rank statistic W+ (NaN when it is undefined)
     * @param p              two-sided p-value (1 when every difference is 0; NaN with no scenario)
     * @param pHolm          the p-value corrected for all the comparisons of the table (Holm)
     */
    public record Comparison(String agent, String other, int scenarios, double meanDifference, double statistic, double p, double pHolm) { }

    /** One agent on one scenario: its units and rows there, and the mean of every metric column ({@link #metrics()} order). */
    public record Cell(String scenario, String agent, int units, int rows, List<Double> means) {
        public Cell {
            means = List.copyOf(means);
        }
    }

    private final String metric;
    private final int negotiations;
    private final int units;
    private final List<String> agents;
    private final List<Standing> standings;
    private final double[][] pairwise;
    private final List<Comparison> comparisons;
    private final List<String> metrics;
    private final List<Cell> cells;

    private Ranking(String metric, int negotiations, int units, List<String> agents, List<Standing> standings, double[][] pairwise,
                    List<Comparison> comparisons, List<String> metrics, List<Cell> cells) {
        this.metric = metric;
        this.negotiations = negotiations;
        this.units = units;
        this.agents = List.copyOf(agents);
        this.standings = List.copyOf(standings);
        this.pairwise = pairwise;
        this.comparisons = List.copyOf(comparisons);
        this.metrics = List.copyOf(metrics);
        this.cells = List.copyOf(cells);
    }

    /** The ranking by mean advantage. */
    public static Ranking of(List<ResultRow> rows, List<String> agentOrder) {
        return of(rows, agentOrder, "advantage");
    }

    /**
     * The ranking of these rows by the metric column {@code metric} ({@link Columns#metricNames()});
     * agents in {@code agentOrder} (others appended in the order of the rows) in the pairwise tables.
     *
     * @throws IllegalArgumentException when there is no such metric column
     */
    public static Ranking of(List<ResultRow> rows, List<String> agentOrder, String metric) {
        ToDoubleFunction<ResultRow> value = Columns.metric(metric);
        Units u = Units.of(rows);
        List<String> agents = new ArrayList<>(agentOrder);
        for (List<ResultRow> unit : u.units()) {
            for (ResultRow r : unit) if (negotiator(r) && !agents.contains(r.agent())) agents.add(r.agent());
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < agents.size(); i++) index.put(agents.get(i), i);
        int a = agents.size();

        // each agent's negotiator rows per scenario (units only), and per opponent
        List<TreeMap<String, List<ResultRow>>> byScenario = new ArrayList<>();
        for (int i = 0; i < a; i++) byScenario.add(new TreeMap<>());
        List<List<List<ResultRow>>> against = new ArrayList<>();
        for (int i = 0; i < a; i++) {
            List<List<ResultRow>> row = new ArrayList<>();
            for (int j = 0; j < a; j++) row.add(new ArrayList<>());
            against.add(row);
        }
        int[] unitRows = new int[a];
        for (List<ResultRow> unit : u.units()) {
            for (ResultRow r : unit) {
                if (!negotiator(r)) continue;
                int i = index.get(r.agent());
                unitRows[i]++;
                byScenario.get(i).computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(r);
                // the opponents are the other negotiators of the same negotiation, by position: no joined names to split
                for (ResultRow o : unit) if (negotiator(o) && o.position() != r.position()) against.get(i).get(index.get(o.agent())).add(r);
            }
        }
        int[] allRows = new int[a];
        int[] faults = new int[a];
        for (ResultRow r : rows) {
            if (!negotiator(r)) continue;
            int i = index.get(r.agent());
            allRows[i]++;
            if (r.faultAgent().equals(r.agent())) faults[i]++;
        }

        List<Map<String, Double>> perScenario = new ArrayList<>();
        List<Standing> standings = new ArrayList<>();
        for (int i = 0; i < a; i++) {
            Map<String, Double> values = scenarioMeans(byScenario.get(i), value);
            perScenario.add(values);
            if (allRows[i] == 0) continue;
            double[] v = values.values().stream().mapToDouble(Double::doubleValue).toArray();
            standings.add(new Standing(agents.get(i), allRows[i], unitRows[i], v.length, mean(v), halfWidth95(v),
                    mean(scenarioMeans(byScenario.get(i), Columns.metric("agreement"))),
                    mean(scenarioMeans(byScenario.get(i), Columns.metric("payoff"))),
                    mean(scenarioMeans(byScenario.get(i), Columns.metric("welfare"))), faults[i]));
        }
        standings.sort(Comparator.comparingDouble((Standing s) -> Double.isNaN(s.mean()) ? Double.NEGATIVE_INFINITY : s.mean())
                .reversed().thenComparing(Standing::agent));

        double[][] pairwise = new double[a][a];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < a; j++) pairwise[i][j] = mean(Columns.finite(against.get(i).get(j), value));
        }
        return new Ranking(metric, u.negotiations(), u.units().size(), agents, standings, pairwise,
                comparisons(agents, perScenario, allRows), Columns.metricNames(), cells(agents, byScenario));
    }

    private static boolean negotiator(ResultRow r) {
        return r.role().equals("negotiator");
    }

    /** Per scenario (in key order) the mean of the finite values of the metric over these rows; scenarios without one left out. */
    private static Map<String, Double> scenarioMeans(TreeMap<String, List<ResultRow>> byScenario, ToDoubleFunction<ResultRow> metric) {
        Map<String, Double> out = new LinkedHashMap<>();
        byScenario.forEach((scenario, rs) -> {
            double m = mean(Columns.finite(rs, metric));
            if (!Double.isNaN(m)) out.put(scenario, m);
        });
        return out;
    }

    private static double mean(Map<String, Double> values) {
        return mean(values.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The mean, summed in the given order (NaN for no values). */
    static double mean(double[] v) {
        if (v.length == 0) return Double.NaN;
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** Half-width of the 95% Student t interval of the mean of {@code v} (NaN for fewer than 2 values). */
    static double halfWidth95(double[] v) {
        int n = v.length;
        if (n < 2) return Double.NaN;
        double m = mean(v);
        double ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        double sd = Math.sqrt(ss / (n - 1));
        return TDistribution.of(n - 1).inverseSurvivalProbability(0.025) * sd / Math.sqrt(n);
    }

    private static List<Comparison> comparisons(List<String> agents, List<Map<String, Double>> perScenario, int[] rows) {
        List<int[]> pairs = new ArrayList<>();
        List<double[]> diffs = new ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            for (int j = i + 1; j < agents.size(); j++) {
                if (rows[i] == 0 || rows[j] == 0) continue;
                List<Double> d = new ArrayList<>();
                for (Map.Entry<String, Double> e : perScenario.get(i).entrySet()) {
                    Double other = perScenario.get(j).get(e.getKey());
                    if (other != null) d.add(e.getValue() - other);
                }
                pairs.add(new int[] {i, j});
                diffs.add(d.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        double[] p = new double[pairs.size()];
        double[] w = new double[pairs.size()];
        for (int k = 0; k < p.length; k++) {
            double[] d = diffs.get(k);
            if (d.length == 0) {
                p[k] = Double.NaN;
                w[k] = Double.NaN;
            } else if (Arrays.stream(d).allMatch(x -> x == 0)) {
                p[k] = 1;        // no scenario tells them apart
                w[k] = 0;
            } else {
                WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.withDefaults().test(d);
                p[k] = r.getPValue();
                w[k] = r.getStatistic();
            }
        }
        double[] holm = Holm.adjust(p);
        List<Comparison> out = new ArrayList<>();
        for (int k = 0; k < p.length; k++) {
            out.add(new Comparison(agents.get(pairs.get(k)[0]), agents.get(pairs.get(k)[1]), diffs.get(k).length, mean(diffs.get(k)), w[k],
                    p[k], holm[k]));
        }
        return out;
    }

    private static List<Cell> cells(List<String> agents, List<TreeMap<String, List<ResultRow>>> byScenario) {
        TreeMap<String, List<Cell>> byKey = new TreeMap<>();
        for (int i = 0; i < agents.size(); i++) {
            for (Map.Entry<String, List<ResultRow>> e : byScenario.get(i).entrySet()) {
                List<Double> means = new ArrayList<>();
                for (String m : Columns.metricNames()) means.add(mean(Columns.finite(e.getValue(), Columns.metric(m))));
                int unitsThere = (int) e.getValue().stream().map(ResultRow::match).distinct().count();
                byKey.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new Cell(e.getKey(), agents.get(i), unitsThere,
                        e.getValue().size(), means));
            }
        }
        List<Cell> out = new ArrayList<>();
        byKey.values().forEach(out::addAll);
        return out;
    }

    /** The metric column ranked on. */
    public String metric() { return metric; }

    /** Negotiations in the rows (every repetition). */
    public int negotiations() { return negotiations; }

    /** Independent units among them ({@link Units}). */
    public int units() { return units; }

    /** The agents, in the order of the pairwise table. */
    public List<String> agents() { return agents; }

    /** The agents' lines, best first (by mean, then name). */
    public List<Standing> standings() { return standings; }

    /** The mean of the metric of {@code agent} in negotiations where {@code opponent} was an opponent (indexes into {@link #agents()}; NaN if none). */
    public double pairwise(int agent, int opponent) { return pairwise[agent][opponent]; }

    /** Every pair of agents compared, in {@link #agents()} order. */
    public List<Comparison> comparisons() { return comparisons; }

    /** The metric columns of {@link Cell#means()}. */
    public List<String> metrics() { return metrics; }

    /** The per-scenario × agent table: scenarios in key order, agents in {@link #agents()} order within each. */
    public List<Cell> cells() { return cells; }
}
