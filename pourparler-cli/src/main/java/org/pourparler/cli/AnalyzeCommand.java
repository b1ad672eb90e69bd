package org.pourparler.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pourparler.analysis.AgreementAnalysis;
import org.pourparler.analysis.AnalysisLimitException;
import org.pourparler.io.ResultsJson;
import org.pourparler.io.Scenarios;
import org.pourparler.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pourparler analyze}: is a deal possible, which deals are efficient and fair, what would it take. */
@Command(name = "analyze", aliases = "analyse", mixinStandardHelpOptions = true,
        description = {"Analyse a scenario: the zone of agreement (outcomes every party rates at or above its reservation",
                "value and that cross no red line), the Pareto frontier, the Nash, Kalai–Smorodinsky, egalitarian and",
                "utilitarian solutions, and, when no deal is possible, who blocks it and what would open one."})
final class AnalyzeCommand implements Callable<Integer> {

    @Mixin
    ScenarioInput input;

    @Mixin
    OutputFormat.Option output;

    @Option(names = "--plot", paramLabel = "FILE", description = "Also draw the utility plane(s) to FILE.svg or FILE.png.")
    Path plot;

    @Option(names = "--limit", defaultValue = "10", paramLabel = "N",
            description = "List at most N frontier points and N outcomes behind each point (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for enumeration, at least 1 (default: all cores).")
    Integer threads;

    @Option(names = "--force", description = "Overwrite the --plot file when it exists (never the input).")
    boolean force;

    @Option(names = "--max-work", paramLabel = "STEPS",
            description = {"Stop with exit 2 once the analysis has taken this many steps (about one comparison of two",
                    "utility vectors each; 10^9 take about 10 s). Default: ${DEFAULT-VALUE}; raise it for large",
                    "frontiers (many parties), see docs/analysis.md."})
    long maxWork = AgreementAnalysis.Options.DEFAULT_MAX_WORK;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) throw new Main.UserException("--limit must be at least 1, but was " + limit);
        if (plot != null) OutputFiles.checkWritable(plot, "--plot", force, input.path);
        if (threads != null && threads < 1) throw new Main.UserException("--threads must be at least 1, but was " + threads);
        if (maxWork < 1) throw new Main.UserException("--max-work must be at least 1, but was " + maxWork);
        Scenarios.Loaded loaded = input.load();
        Scenario s = loaded.scenario();
        if (s.parties().isEmpty()) {
            throw new Main.UserException(input.path + ": the scenario has no parties (profiles) to analyse");
        }
        AgreementAnalysis.Options options = AgreementAnalysis.Options.defaults().withListLimit(limit);
        if (threads != null) options = options.withThreads(threads);
        options = options.withMaxWork(maxWork);
        AgreementAnalysis.Report report;
        try {
            report = AgreementAnalysis.analyze(s, options);
        } catch (AnalysisLimitException e) {
            throw new Main.UserException(input.path + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.format == OutputFormat.json) {
            out.println(ResultsJson.write(ResultsJson.analysis(report, loaded.warnings(), limit)));
        } else {
            new AnalysisReportText(report, loaded.warnings(), limit, out).print();
        }
        if (plot != null) {
            UtilityPlot.write(report, plot);
            spec.commandLine().getErr().println("wrote " + plot);
        }
        return 0;
    }
}
