package org.pourparler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.pourparler.io.ScenarioFormatException;
import org.pourparler.io.TournamentFormat;
import org.pourparler.tournament.Ranking;
import org.pourparler.tournament.ResultRow;
import org.pourparler.tournament.TournamentSpec;
import org.pourparler.tournament.ResultsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pourparler report}: the ranking, tables and charts of saved tournament results. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Re-print the ranking of a tournament's saved results and rewrite its tables and charts",
                "(ranking.csv, pairwise.csv, ranking.svg, pairwise.svg in the same folder)."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A tournament's results folder (holding results.csv).")
    Path dir;

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
        // not while a tournament writes into the folder (it reports itself when it ends)
        try (OutputFiles.FolderLock held = OutputFiles.lock(dir, "report")) {
            report(dir, order, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        return 0;
    }

    /** Prints the ranking of {@code dir}/results.csv and writes the tables and charts next to it. */
    static void report(Path dir, List<String> agentOrder, PrintWriter out, PrintWriter err) throws Main.UserException {
        report(TournamentCommand.read(dir.resolve("results.csv")), dir, agentOrder, out, err);
    }

    /** Prints the ranking of these rows and writes the tables and charts into {@code dir}. */
    static void report(List<ResultRow> rows, Path dir, List<String> agentOrder, PrintWriter out, PrintWriter err)
            throws Main.UserException {
        Ranking r = Ranking.of(rows, agentOrder);
        long negotiations = rows.stream().map(ResultRow::match).distinct().count();
        out.printf(Locale.ROOT, "%d negotiations, %d agents%n", negotiations, r.standings().size());
        out.printf(Locale.ROOT, "%-4s %-24s %8s %18s %10s %8s %8s %6s%n", "rank", "agent", "rows", "advantage (95% CI)", "agreement",
                "utility", "welfare", "faults");
        int rank = 1;
        for (Ranking.Standing s : r.standings()) {
            out.printf(Locale.ROOT, "%-4d %-24s %8d %8.4f ± %-7s %9.1f%% %8.4f %8.4f %6d%n", rank++, s.agent(), s.negotiations(),
                    s.meanAdvantage(), Double.isNaN(s.ci95()) ? "n/a" : String.format(Locale.ROOT, "%.4f", s.ci95()),
                    100 * s.agreementRate(), s.meanUtility(), s.meanWelfare(), s.faults());
        }
        try {
            Files.writeString(dir.resolve("ranking.csv"), rankingCsv(r), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("pairwise.csv"), pairwiseCsv(r), StandardCharsets.UTF_8);
            if (!r.standings().isEmpty()) {
                VectorGraphicsEncoder.saveVectorGraphic(rankingChart(r), dir.resolve("ranking.svg").toString(),
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                VectorGraphicsEncoder.saveVectorGraphic(pairwiseChart(r), dir.resolve("pairwise.svg").toString(),
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
        } catch (IOException e) {
            throw new Main.UserException("cannot write the report into " + dir + ": " + e.getMessage());
        }
        err.println("wrote ranking.csv, pairwise.csv, ranking.svg and pairwise.svg in " + dir);
    }

    static String rankingCsv(Ranking r) {
        StringBuilder b = new StringBuilder("rank,agent,rows,meanAdvantage,ci95,agreementRate,meanUtility,meanWelfare,faults\n");
        int rank = 1;
        for (Ranking.Standing s : r.standings()) {
            b.append(rank++).append(',').append(ResultsTable.field(s.agent())).append(',').append(s.negotiations()).append(',').append(s.meanAdvantage())
                    .append(',').append(Double.isNaN(s.ci95()) ? "" : s.ci95()).append(',').append(s.agreementRate()).append(',')
                    .append(s.meanUtility()).append(',').append(s.meanWelfare()).append(',').append(s.faults()).append('\n');
        }
        return b.toString();
    }

    static String pairwiseCsv(Ranking r) {
        StringBuilder b = new StringBuilder("agent \\ opponent");
        for (String a : r.agents()) b.append(',').append(ResultsTable.field(a));
        b.append('\n');
        for (int i = 0; i < r.agents().size(); i++) {
            b.append(ResultsTable.field(r.agents().get(i)));
            for (int j = 0; j < r.agents().size(); j++) b.append(',').append(Double.isNaN(r.pairwise()[i][j]) ? "" : r.pairwise()[i][j]);
            b.append('\n');
        }
        return b.toString();
    }


    private static CategoryChart rankingChart(Ranking r) {
        CategoryChart c = new CategoryChartBuilder().width(900).height(500).title("Mean advantage with 95% confidence intervals")
                .xAxisTitle("agent").yAxisTitle("advantage").build();
        List<String> names = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (Ranking.Standing s : r.standings()) {
            names.add(s.agent());
            means.add(Double.isNaN(s.meanAdvantage()) ? 0.0 : s.meanAdvantage());
            errors.add(Double.isNaN(s.ci95()) ? 0.0 : s.ci95());
        }
        c.addSeries("mean advantage", names, means, errors);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(30);
        return c;
    }

    private static HeatMapChart pairwiseChart(Ranking r) {
        HeatMapChart c = new HeatMapChartBuilder().width(800).height(700).title("Mean advantage of the row agent against the column agent")
                .build();
        List<String> agents = r.agents();
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            for (int j = 0; j < agents.size(); j++) {
                double v = r.pairwise()[i][j];
                if (!Double.isNaN(v)) cells.add(new Number[] {j, i, v});
            }
        }
        c.addSeries("advantage", agents, agents, cells);
        c.getStyler().setShowValue(true);
        c.getStyler().setXAxisLabelRotation(30);
        return c;
    }
}
