package org.pourparler.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pourparler.analysis.AgreementAnalysis;
import org.pourparler.analysis.AnalysisLimitException;
import org.pourparler.analysis.Diagnosis;
import org.pourparler.analysis.FrontierPoint;
import org.pourparler.analysis.ParetoFrontier;
import org.pourparler.io.Scenarios;
import org.pourparler.model.Domain;
import org.pourparler.model.Party;
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
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(report, loaded.warnings(), limit)));
        } else {
            new AnalysisReportText(report, loaded.warnings(), limit, out).print();
        }
        if (plot != null) {
            UtilityPlot.write(report, plot);
            spec.commandLine().getErr().println("wrote " + plot);
        }
        return 0;
    }

    /** The documented JSON report (docs/cli.md). */
    static Map<String, Object> json(AgreementAnalysis.Report r, List<String> warnings, int limit) {
        Scenario s = r.scenario();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", s.title());
        List<Object> parties = new ArrayList<>();
        for (Party p : s.parties()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("role", p.role().name().toLowerCase(Locale.ROOT));
            parties.add(m);
        }
        root.put("parties", parties);
        root.put("outcomes", r.outcomes().toString());
        root.put("method", r.method());
        root.put("reservation", r.reservation());
        Map<String, Object> zone = new LinkedHashMap<>();
        zone.put("exists", r.zone().exists());
        zone.put("outcomes", r.zone().count().toString());
        zone.put("exact", r.zone().exact());
        if (!r.zone().exact()) {
            zone.put("lower", r.zone().lower().toString());
            zone.put("upper", r.zone().upper().toString());
            zone.put("confidence", 0.95);
            zone.put("sampled", r.zone().sampled());
            zone.put("sampledInZone", r.zone().hits());
        }
        root.put("agreementZone", zone);
        root.put("pareto", frontier(r.pareto(), s.domain(), limit));
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("size", r.paretoAll().size());
        all.put("outcomes", r.paretoAll().outcomeCount().toString());
        root.put("paretoAll", all);
        Map<String, Object> sol = new LinkedHashMap<>();
        sol.put("nash", points(r.solutions().nash(), s.domain(), limit));
        sol.put("kalaiSmorodinsky", points(r.solutions().kalaiSmorodinsky(), s.domain(), limit));
        sol.put("egalitarian", points(r.solutions().egalitarian(), s.domain(), limit));
        sol.put("utilitarian", points(r.solutions().utilitarian(), s.domain(), limit));
        root.put("solutions", sol);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("rationalFraction", r.statistics().rationalFraction());
        stats.put("rationalFractionExact", r.statistics().rationalFractionExact());
        stats.put("opposition", r.statistics().opposition());
        root.put("statistics", stats);
        root.put("diagnosis", r.diagnosis() == null ? null : diagnosis(r.diagnosis(), s.domain(), limit));
        root.put("warnings", warnings);
        return root;
    }

    private static Map<String, Object> frontier(ParetoFrontier f, Domain d, int limit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", f.size());
        m.put("outcomes", f.outcomeCount().toString());
        m.put("points", points(f.points().subList(0, Math.min(limit, f.size())), d, limit));
        m.put("listed", Math.min(limit, f.size()));
        return m;
    }

    static List<Object> points(List<FrontierPoint> points, Domain d, int limit) {
        List<Object> out = new ArrayList<>();
        for (FrontierPoint p : points) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("utilities", p.utilities());
            List<Object> outcomes = new ArrayList<>();
            for (int[] o : p.outcomes().subList(0, Math.min(limit, p.outcomes().size()))) outcomes.add(labels(o, d));
            m.put("outcomes", outcomes);
            m.put("tied", p.tied().toString());
            out.add(m);
        }
        return out;
    }

    static Map<String, String> labels(int[] o, Domain d) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < o.length; i++) m.put(d.issue(i).name(), d.issue(i).label(o[i]));
        return m;
    }

    private static Map<String, Object> diagnosis(Diagnosis dg, Domain d, int limit) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> sets = new ArrayList<>();
        for (Diagnosis.BlockingSet b : dg.blockingSets()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("parties", b.parties());
            List<Object> issues = new ArrayList<>();
            for (Diagnosis.IssueClash c : b.issues()) {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("issue", c.issue());
                y.put("losses", c.losses());
                issues.add(y);
            }
            x.put("issues", issues);
            sets.add(x);
        }
        m.put("blockingSets", sets);
        if (dg.uniformLowering() != null) {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("amount", dg.uniformLowering().amount());
            u.put("packages", points(dg.uniformLowering().packages(), d, limit));
            u.put("nash", points(dg.uniformLowering().nash(), d, limit));
            m.put("uniformLowering", u);
        } else {
            m.put("uniformLowering", null);
        }
        List<Object> single = new ArrayList<>();
        for (Diagnosis.PartyMove pm : dg.partyLowering()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("party", pm.party());
            x.put("amount", pm.amount());
            x.put("packages", points(pm.packages(), d, limit));
            x.put("nash", points(pm.nash(), d, limit));
            single.add(x);
        }
        m.put("partyLowering", single);
        List<Object> drops = new ArrayList<>();
        for (Diagnosis.RedLineMove rm : dg.redLinesToDrop()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("party", rm.party());
            x.put("redLine", rm.redLine());
            x.put("nash", points(rm.packages(), d, limit));
            drops.add(x);
        }
        m.put("redLinesToDrop", drops);
        return m;
    }
}
