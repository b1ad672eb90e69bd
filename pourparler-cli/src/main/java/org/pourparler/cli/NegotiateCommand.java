package org.pourparler.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pourparler.negotiation.NoAgreement;
import org.pourparler.negotiation.PartyResult;
import org.pourparler.negotiation.Evaluation;
import org.pourparler.agents.Agents;
import org.pourparler.agents.OfferIndex;
import org.pourparler.analysis.AgreementAnalysis;
import org.pourparler.negotiation.ProfileCache;
import org.pourparler.io.ResultsJson;
import org.pourparler.io.Scenarios;
import org.pourparler.model.Party;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Conventions;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Negotiator;
import org.pourparler.negotiation.Protocol;
import org.pourparler.negotiation.Ending;
import org.pourparler.negotiation.Session;
import org.pourparler.negotiation.SessionResult;
import org.pourparler.negotiation.TraceEntry;
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
                    + "nice-tit-for-tat, micro, hard-headed, time-dependent:E, a BOA composition "
                    + "'boa:offering=O;acceptance=AC;model=M' (O: time-dependent:E, boulware, linear, conceder, hardliner, "
                    + "hard-headed, naive-tit-for-tat, nice-tit-for-tat, micro, random; AC: own, next, next:A:B, const:C, "
                    + "time:T, prev, joined by | or &; M: own, frequency, none), or class:NAME for your own Negotiator "
                    + "(docs/agents.md).")
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

    @Option(names = "--no-agreement", defaultValue = "reservation", paramLabel = "reservation|reservation-undiscounted|zero",
            description = "What no agreement pays: the reservation value discounted to the end as GENIUS does (default), "
                    + "the reservation value undiscounted, or zero.")
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

    @Option(names = "--force", description = "Overwrite the --trace and --plot files when they exist (never an input).")
    boolean force;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Wall-clock seconds the session may take before it is abandoned as hung, with a fault against the agent "
                    + "that was moving (default: 60, plus the --time deadline; 0: none).")
    Double timeLimit;

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
        NoAgreement payoff = NoAgreement.byId(noAgreement).orElseThrow(() -> new Main.UserException(
                "--no-agreement must be one of " + NoAgreement.ids() + ", but was '" + noAgreement + "'"));
        Deadline deadline;
        try {
            deadline = new Deadline(rounds == null ? (time == null ? 100 : 0) : rounds, time == null ? 0 : time);
        } catch (IllegalArgumentException e) {
            throw new Main.UserException(e.getMessage());
        }
        double limit = timeLimit != null ? timeLimit : 60 + (time == null ? 0 : time);
        if (!(limit >= 0) || Double.isInfinite(limit)) throw new Main.UserException("--time-limit must be >= 0 seconds, but was " + timeLimit);
        if (trace != null) OutputFiles.checkWritable(trace, "--trace", force, input.path);
        if (plot != null) OutputFiles.checkWritable(plot, "--plot", force, input.path, trace);
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
        Moves moves = new Moves(trace == null ? null : TraceFile.open(trace, s, options.protocol()));
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
            // only --plot keeps the moves; a --trace file receives them as they happen
            // a session bounded by seconds only ends at the memory limit instead of failing (docs/negotiation.md)
            Session.Options chosenOptions = options.withNoAgreement(payoff).withCache(cache).withMetrics(false).withTrace(plot != null)
                    .withMaxOffers(Session.Options.historyLimit(Session.Options.historyBytes(1), ns.size()));
            r = Watchdog.run(s, ns, deadline, chosenOptions, moves, limit);
            Optional<AgreementAnalysis.Report> report;
            try {
                report = Optional.of(analysis.get());
            } catch (java.util.concurrent.ExecutionException e) {
                report = Optional.empty();       // refused as too large to analyse exactly: metrics without distances
            }
            r = r.with(Evaluation.of(s, Evaluation.basis(s, report), payoff, r.agreement(), r.time(),
                    r.atDeadline()));
        } catch (IllegalArgumentException e) {
            moves.abandon();
            throw new Main.UserException(input.path + ": " + e.getMessage());
        } finally {
            pool.shutdownNow();
        }
        if (r.ending().kind() == Ending.Kind.MEMORY_LIMIT) {
            spec.commandLine().getErr().printf(Locale.ROOT, "pourparler: the session stopped after %d rounds: its history of offers filled "
                    + "the memory set aside for it (%d MB of this JVM's %d MB); bound it with --rounds, or give Java more memory, "
                    + "e.g. POURPARLER_JAVA_OPTS=-Xmx8g%n", r.rounds(), Session.Options.historyBytes(1) >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.format == OutputFormat.json) {
            out.println(ResultsJson.write(ResultsJson.session(s, r)));
        } else {
            text(s, ns, r, moves, out);
        }
        if (trace != null) {
            moves.finish();
            spec.commandLine().getErr().println("wrote " + trace);
        }
        if (plot != null) {
            SessionPlot.write(s, r, plot, spec.commandLine().getErr());
            spec.commandLine().getErr().println("wrote " + plot);
        }
        return 0;
    }

    private void text(Scenario s, List<Negotiator> ns, SessionResult r, Moves moves, PrintWriter out) {
        List<Party> neg = s.negotiators();
        List<String> who = new ArrayList<>();
        for (int j = 0; j < neg.size(); j++) who.add(neg.get(j).name() + " = " + ns.get(j).name());
        out.println(s.title() + ": " + String.join(", ", who) + " (" + describe(r.protocol()) + ")");
        out.printf(Locale.ROOT, "Ended: %s after %d round%s (t = %.3f, %.3f s, %d moves)%n", r.ending(), r.rounds(),
                r.rounds() == 1 ? "" : "s", r.time(), r.seconds(), moves.count());
        r.fault().ifPresent(f -> out.println("Fault: " + f.negotiator() + " (" + f.kind() + "): " + f.message()));
        if (r.protocol() == Protocol.TEST_THE_WATERS) {
            out.println("Zone of agreement: " + r.zoneExists().map(z -> z ? "exists" : "not found").orElse("not probed"));
            List<String> answers = moves.probeAnswers();
            if (!answers.isEmpty()) out.println("Probe answers: " + String.join(", ", answers));
        }
        if (r.agreement().isPresent()) {
            out.println("Agreement: " + ResultsJson.outcome(s.domain(), r.agreement().get()));
        } else {
            out.println("No agreement.");
        }
        for (PartyResult p : r.parties()) {
            out.printf(Locale.ROOT, "  %-16s utility %.4f   payoff %.4f   advantage %s%n", p.party(), p.utility(), p.payoff(),
                    Double.isNaN(p.advantage()) ? "n/a" : String.format(Locale.ROOT, "%.4f", p.advantage()));
        }
        SessionResult.Metrics mx = r.metrics();
        out.printf(Locale.ROOT, "Welfare %.4f", mx.welfare());
        if (r.agreement().isPresent() && !Double.isNaN(mx.distancePareto())) {
            out.printf(Locale.ROOT, "; distance to the Pareto frontier %.4f, to Nash %.4f, to Kalai-Smorodinsky %.4f",
                    mx.distancePareto(), mx.distanceNash(), mx.distanceKalaiSmorodinsky());
        } else if (r.agreement().isPresent()) {
            out.print("; distances not computed (the scenario is too large to analyse exactly)");
        }
        out.println();
    }

    private static String describe(Protocol p) {
        return switch (p) {
            case ALTERNATING -> "stacked alternating offers";
            case SINGLE_TEXT -> "single negotiating text";
            case BLIND -> "blind bidding with hidden acceptances";
            case TEST_THE_WATERS -> "test the waters";
        };
    }

    /**
     * Counts the session's moves, keeps the probe answers (a few) and streams every move to the
     * --trace file when there is one: nothing per move stays in memory.
     */
    static final class Moves implements java.util.function.Consumer<TraceEntry> {
        private final TraceFile file;
        private final List<String> answers = new ArrayList<>();
        private long count;

        Moves(TraceFile file) { this.file = file; }

        @Override
        public void accept(TraceEntry e) {
            count++;
            if (e.party() < 0 && (e.action().equals("zone") || e.action().equals("no-zone"))) {
                answers.add((e.action().equals("zone") ? "yes" : "no") + " (round " + (e.round() + 1) + ")");
            }
            if (file != null) file.write(e);
        }

        long count() { return count; }

        List<String> probeAnswers() { return answers; }

        void finish() throws Main.UserException {
            if (file != null) file.close(true);
        }

        void abandon() {
            if (file != null) {
                try {
                    file.close(false);
                } catch (Main.UserException ignored) {
                    // the run already fails with its own message
                }
            }
        }
    }


}
