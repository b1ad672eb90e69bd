package org.pourparler.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pourparler.agents.Agents;
import org.pourparler.agents.OfferIndex;
import org.pourparler.analysis.AgreementAnalysis;
import org.pourparler.negotiation.ProfileCache;
import org.pourparler.io.Scenarios;
import org.pourparler.model.Party;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Conventions;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Negotiator;
import org.pourparler.negotiation.Protocol;
import org.pourparler.negotiation.Session;
import org.pourparler.negotiation.SessionResult;
import org.pourparler.negotiation.TraceEntry;
import org.pourparler.tournament.ResultsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pourparler negotiate}: one session between automated agents. */
@Command(name = "negotiate", mixinStandardHelpOptions = true,
        description = {"Run one negotiation between automated agents, one per negotiating party (in scenario order),",
                "and report how it went: agreement, utilities, rounds and the agreement's quality."})
final class NegotiateCommand implements Callable<Integer> {

    @Mixin
    ScenarioInput input;

    @Option(names = "--agents", required = true, split = ",", paramLabel = "AGENT",
            description = "One agent per negotiating party: boulware, linear, conceder, hardliner, random, naive-tit-for-tat, "
                    + "nice-tit-for-tat, micro, hard-headed, or time-dependent:E (docs/agents.md).")
    List<String> agents;

    @Option(names = "--protocol", defaultValue = "alternating", paramLabel = "NAME",
            description = "alternating (stacked alternating offers; default), single-text (a mediator's text, accepted or rejected), "
                    + "blind (visible proposals, hidden acceptances) or test-the-waters (committed levels, probes answer only "
                    + "whether a zone exists).")
    String protocol;

    @Option(names = "--probes", defaultValue = "3", paramLabel = "N",
            description = "test-the-waters: probes per negotiator (default: ${DEFAULT-VALUE}).")
    int probes;

    @Option(names = "--time-budget", paramLabel = "SECONDS",
            description = "Computation time each agent may spend over the session; an overrun is a fault (default: none).")
    Double timeBudget;

    @Option(names = "--rounds", paramLabel = "N", description = "Deadline in rounds (default 100 when --time is not given).")
    Integer rounds;

    @Option(names = "--time", paramLabel = "SECONDS", description = "Deadline in wall-clock seconds (makes the run depend on timing).")
    Double time;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-agreement", defaultValue = "reservation", paramLabel = "reservation|zero",
            description = "What no agreement pays (default: ${DEFAULT-VALUE}; zero as in GENIUS tournaments).")
    String noAgreement;

    @Option(names = "--conventions", defaultValue = "pourparler", paramLabel = "pourparler|genius",
            description = {"Whose conventions the session follows (default: ${DEFAULT-VALUE}). genius reproduces GENIUS 10.4's "
                    + "sessions for the time-dependent agents and hard-headed: its round clock, its nearest-bid look-up, "
                    + "acceptance without reservation floor, GENIUS files read with weights as given (docs/agents.md)."})
    String conventions;

    @Mixin
    OutputFormat.Option output;

    @Option(names = "--trace", paramLabel = "FILE.csv", description = "Write every move to a CSV file.")
    Path trace;

    @Option(names = "--plot", paramLabel = "FILE", description = {"Also draw the session to FILE.svg or FILE.png: the packages "
            + "put on the table in the utility plane(s), with the Pareto frontier, reservation lines and the agreement, and "
            + "every party's utility of them over time."})
    Path plot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Protocol chosen;
        Session.Options options;
        try {
            chosen = Protocol.of(protocol);
            options = Session.Options.defaults().withSeed(seed).withProtocol(chosen).withProbes(probes)
                    .withTimeBudget(timeBudget == null ? 0 : timeBudget);
        } catch (IllegalArgumentException e) {
            throw new Main.UserException("--protocol/--probes/--time-budget: " + e.getMessage());
        }
        Session.NoAgreement payoff = switch (noAgreement) {
            case "reservation" -> Session.NoAgreement.RESERVATION;
            case "zero" -> Session.NoAgreement.ZERO;
            default -> throw new Main.UserException("--no-agreement must be 'reservation' or 'zero', but was '" + noAgreement + "'");
        };
        Deadline deadline;
        try {
            deadline = new Deadline(rounds == null ? (time == null ? 100 : 0) : rounds, time == null ? 0 : time);
        } catch (IllegalArgumentException e) {
            throw new Main.UserException(e.getMessage());
        }
        Conventions chosenConventions;
        try {
            chosenConventions = Conventions.of(conventions);
        } catch (IllegalArgumentException e) {
            throw new Main.UserException("--conventions: " + e.getMessage());
        }
        options = options.withConventions(chosenConventions);
        Scenarios.Loaded loaded = input.load(chosenConventions);
        Scenario s = loaded.scenario();
        if (plot != null) SessionPlot.check(plot, s);
        List<Party> negotiating = s.negotiators();
        if (agents.size() != negotiating.size()) {
            throw new Main.UserException(input.path + ": the scenario has " + negotiating.size() + " negotiating parties "
                    + negotiating.stream().map(Party::name).toList() + ", but " + agents.size() + " agents were given");
        }
        List<Negotiator> ns = new ArrayList<>();
        for (String a : agents) {
            try {
                ns.add(Agents.create(a));
            } catch (IllegalArgumentException e) {
                throw new Main.UserException("--agents: " + e.getMessage());
            }
        }
        SessionResult r;
        // on all cores at once: every negotiator's offer table, and the analysis the metrics need
        ProfileCache cache = ProfileCache.create();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors()), task -> {
                    Thread t = new Thread(task, "pourparler-prepare");
                    t.setDaemon(true);
                    return t;
                });
        try {
            java.util.concurrent.Future<AgreementAnalysis.Report> analysis = pool.submit(
                    () -> AgreementAnalysis.analyze(s, AgreementAnalysis.Options.defaults().withListLimit(1).withThreads(1)));
            List<java.util.concurrent.Future<?>> tables = new ArrayList<>();
            for (Party p : negotiating) tables.add(pool.submit(() -> OfferIndex.prepare(cache, p.profile())));
            for (java.util.concurrent.Future<?> f : tables) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // an agent that cannot use a table says so itself when the session starts
                }
            }
            r = Session.run(s, ns, deadline, options.withNoAgreement(payoff).withCache(cache).withMetrics(false));
            if (r.agreement() != null) {
                AgreementAnalysis.Report report;
                try {
                    report = analysis.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    report = null;       // too large to analyse exactly: metrics without distances
                }
                r = new SessionResult(r.protocol(), r.agreement(), r.utilities(), r.rounds(), r.time(), r.seconds(), r.ending(),
                        r.zoneExists(), r.fault(), r.trace(), SessionResult.Metrics.of(report, s, r.agreement(), r.utilities()));
            }
        } catch (IllegalArgumentException e) {
            throw new Main.UserException(input.path + ": " + e.getMessage());
        } finally {
            pool.shutdownNow();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.format == OutputFormat.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(s, r)));
        } else {
            text(s, ns, r, out);
        }
        if (trace != null) writeTrace(s, r);
        if (plot != null) {
            SessionPlot.write(s, r, plot, spec.commandLine().getErr());
            spec.commandLine().getErr().println("wrote " + plot);
        }
        return 0;
    }

    static Map<String, Object> json(Scenario s, SessionResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", r.protocol().id());
        m.put("agreement", r.agreement() == null ? null : AnalyzeCommand.labels(r.agreement().toArray(), s.domain()));
        m.put("parties", s.parties().stream().map(Party::name).toList());
        m.put("utilities", r.utilities());
        m.put("rounds", r.rounds());
        m.put("time", r.time());
        m.put("seconds", r.seconds());
        m.put("ending", r.ending());
        if (r.protocol() == Protocol.TEST_THE_WATERS) m.put("zoneExists", r.zoneExists());
        Map<String, Object> metrics = null;
        if (r.metrics() != null) {
            metrics = new LinkedHashMap<>();
            metrics.put("advantage", r.metrics().advantage());
            metrics.put("welfare", r.metrics().welfare());
            metrics.put("distancePareto", r.metrics().pareto());
            metrics.put("distanceNash", r.metrics().nash());
            metrics.put("distanceKalaiSmorodinsky", r.metrics().kalaiSmorodinsky());
        }
        m.put("metrics", metrics);
        if (r.fault() == null) {
            m.put("fault", null);
        } else {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("party", s.negotiators().get(r.fault().party()).name());
            f.put("agent", r.fault().negotiator());
            f.put("kind", r.fault().kind());
            f.put("message", r.fault().message());
            m.put("fault", f);
        }
        return m;
    }

    private void text(Scenario s, List<Negotiator> ns, SessionResult r, PrintWriter out) {
        List<Party> neg = s.negotiators();
        List<String> who = new ArrayList<>();
        for (int j = 0; j < neg.size(); j++) who.add(neg.get(j).name() + " = " + ns.get(j).name());
        out.println(s.title() + ": " + String.join(", ", who) + " (" + describe(r.protocol()) + ")");
        out.printf(Locale.ROOT, "Ended: %s after %d round%s (t = %.3f, %.3f s, %d moves)%n", r.ending(), r.rounds(),
                r.rounds() == 1 ? "" : "s", r.time(), r.seconds(), r.trace().size());
        if (r.fault() != null) out.println("Fault: " + r.fault().negotiator() + " (" + r.fault().kind() + "): " + r.fault().message());
        if (r.protocol() == Protocol.TEST_THE_WATERS) {
            out.println("Zone of agreement: " + (r.zoneExists() == null ? "not probed" : r.zoneExists() ? "exists" : "not found"));
            List<String> answers = new ArrayList<>();
            for (TraceEntry e : r.trace()) {
                if (e.party() < 0) answers.add((e.action().equals("zone") ? "yes" : "no") + " (round " + (e.round() + 1) + ")");
            }
            if (!answers.isEmpty()) out.println("Probe answers: " + String.join(", ", answers));
        }
        if (r.agreement() != null) {
            out.println("Agreement: " + AnalyzeCommand.labels(r.agreement().toArray(), s.domain()));
        } else {
            out.println("No agreement.");
        }
        for (int k = 0; k < s.parties().size(); k++) {
            out.printf(Locale.ROOT, "  %-16s utility %.4f%s%n", s.parties().get(k).name(), r.utilities()[k],
                    r.metrics() == null ? "" : String.format(Locale.ROOT, "   advantage %.4f", r.metrics().advantage()[k]));
        }
        if (r.metrics() != null) {
            out.printf(Locale.ROOT, "Welfare %.4f; distance to the Pareto frontier %.4f, to Nash %.4f, to Kalai-Smorodinsky %.4f%n",
                    r.metrics().welfare(), r.metrics().pareto(), r.metrics().nash(), r.metrics().kalaiSmorodinsky());
        }
    }

    private static String describe(Protocol p) {
        return switch (p) {
            case ALTERNATING -> "stacked alternating offers";
            case SINGLE_TEXT -> "single negotiating text";
            case BLIND -> "blind bidding with hidden acceptances";
            case TEST_THE_WATERS -> "test the waters";
        };
    }

    private void writeTrace(Scenario s, SessionResult r) throws Main.UserException {
        StringBuilder b = new StringBuilder("round,time,party,action");
        for (var issue : s.domain().issues()) b.append(',').append(ResultsTable.field("issue:" + issue.name()));
        for (Party p : s.parties()) b.append(',').append(ResultsTable.field("utility:" + p.name()));
        b.append('\n');
        for (TraceEntry e : r.trace()) {
            b.append(e.round()).append(',').append(String.format(Locale.ROOT, "%.6f", e.time())).append(',')
                    .append(e.party() < 0 ? (r.protocol() == Protocol.SINGLE_TEXT ? "mediator" : "protocol")
                            : ResultsTable.field(s.negotiators().get(e.party()).name())).append(',').append(e.action());
            for (int i = 0; i < s.domain().issueCount(); i++) {
                b.append(',').append(e.outcome() == null ? "" : ResultsTable.field(s.domain().issue(i).label(e.outcome().value(i))));
            }
            for (int k = 0; k < s.parties().size(); k++) b.append(',').append(e.utilities() == null ? "" : e.utilities()[k]);
            b.append('\n');
        }
        try {
            Path parent = trace.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(trace, b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Main.UserException("cannot write --trace " + trace + ": " + e.getMessage());
        }
        spec.commandLine().getErr().println("wrote " + trace);
    }

}
