package org.pourparler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.tournament.TournamentFormat;
import org.pourparler.report.Ranking;
import org.pourparler.report.ReportFormat;
import org.pourparler.tournament.ResultRow;
import org.pourparler.tournament.TournamentSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pourparler report}: the ranking, tables and charts of saved tournament results. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Re-print the ranking of a tournament's saved results and rewrite its tables and charts",
                "(ranking.csv, pairwise.csv, comparisons.csv, scenarios.csv, ranking.svg, pairwise.svg in the same folder).",
                "Statistics: docs/tournaments.md."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A tournament's results folder (holding results.csv).")
    Path dir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "How to print the ranking: text, csv, markdown, latex or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--metric", paramLabel = "COLUMN", defaultValue = "advantage",
            description = "The results column to rank by, e.g. advantage, utility, welfare, agreement (default: ${DEFAULT-VALUE}).")
    String metric;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(dir.resolve("results.csv"))) {
            throw new Main.UserException(dir + " holds no results.csv: give the --out folder of a tournament");
        }
        List<String> order = new ArrayList<>();
        Path saved = dir.resolve("spec.yaml");
        if (Files.isRegularFile(saved)) {
            try {
                for (TournamentSpec.AgentRef a : TournamentFormat.read(saved).agents()) order.add(a.name());
            } catch (ScenarioFormatException e) {
                spec.commandLine().getErr().println("note: " + e.getMessage() + " (agents listed in the order of the results)");
            }
        }
        ReportFormat f;
        try {
            f = ReportFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw new Main.UserException("--format: " + e.getMessage());
        }
        // not while a tournament writes into the folder (it reports itself when it ends)
        try (OutputFiles.FolderLock held = OutputFiles.lock(dir, "report")) {
            report(TournamentCommand.read(dir.resolve("results.csv")), dir, order, metric, f, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        return 0;
    }

    /** Prints the ranking of these rows by advantage as text and writes the tables and charts into {@code dir}. */
    static void report(List<ResultRow> rows, Path dir, List<String> agentOrder, PrintWriter out, PrintWriter err)
            throws Main.UserException {
        report(rows, dir, agentOrder, "advantage", ReportFormat.TEXT, out, err);
    }

    /** Prints the ranking of these rows by {@code metric} in {@code format} and writes the tables and charts into {@code dir}. */
    static void report(List<ResultRow> rows, Path dir, List<String> agentOrder, String metric, ReportFormat format, PrintWriter out,
                       PrintWriter err) throws Main.UserException {
        Ranking r;
        try {
            r = Ranking.of(rows, agentOrder, metric);
        } catch (IllegalArgumentException e) {
            throw new Main.UserException("--metric: " + e.getMessage());
        }
        out.print(format.render(r));
        out.flush();
        try {
            Files.writeString(dir.resolve("ranking.csv"), ReportFormat.rankingCsv(r), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("pairwise.csv"), ReportFormat.pairwiseCsv(r), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("comparisons.csv"), ReportFormat.comparisonsCsv(r), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("scenarios.csv"), ReportFormat.cellsCsv(r), StandardCharsets.UTF_8);
            if (!r.standings().isEmpty()) {
                VectorGraphicsEncoder.saveVectorGraphic(rankingChart(r), dir.resolve("ranking.svg").toString(),
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                VectorGraphicsEncoder.saveVectorGraphic(pairwiseChart(r), dir.resolve("pairwise.svg").toString(),
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
        } catch (IOException e) {
            throw new Main.UserException("cannot write the report into " + dir + ": " + e.getMessage());
        }
        err.println("wrote ranking.csv, pairwise.csv, comparisons.csv, scenarios.csv, ranking.svg and pairwise.svg in " + dir);
    }

    private static CategoryChart rankingChart(Ranking r) {
        CategoryChart c = new CategoryChartBuilder().width(900).height(500)
                .title("Mean " + r.metric() + " over scenarios with 95% confidence intervals").xAxisTitle("agent").yAxisTitle(r.metric()).build();
        List<String> names = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (Ranking.Standing s : r.standings()) {
            names.add(s.agent());
            means.add(Double.isNaN(s.mean()) ? 0.0 : s.mean());
            errors.add(Double.isNaN(s.ci95()) ? 0.0 : s.ci95());
        }
        c.addSeries("mean " + r.metric(), names, means, errors);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(30);
        return c;
    }

    private static HeatMapChart pairwiseChart(Ranking r) {
        HeatMapChart c = new HeatMapChartBuilder().width(800).height(700).title("Mean " + r.metric() + " of the row agent against the column agent")
                .build();
        List<String> agents = r.agents();
        List<Number[]> cells = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < agents.size(); i++) {
            for (int j = 0; j < agents.size(); j++) {
                double v = r.pairwise(i, j);
                if (Double.isFinite(v)) {
                    cells.add(new Number[] {j, i, v});
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        c.addSeries(r.metric(), agents, agents, cells);
        if (lo <= hi) {
            // XChart's colour gradient indexes past its end at the top of its own range (and for a single value):
            // give it a range that strictly contains every cell
            double margin = Math.max(1e-9, (hi - lo) * 1e-6);
            c.getStyler().setMin(lo - margin).setMax(hi + margin);
        }
        c.getStyler().setShowValue(true);
        c.getStyler().setXAxisLabelRotation(30);
        return c;
    }
}
