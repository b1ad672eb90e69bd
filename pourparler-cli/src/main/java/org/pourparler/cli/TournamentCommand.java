package org.pourparler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.pourparler.io.source.SourceFiles;
import org.pourparler.io.tournament.TournamentFormat;
import org.pourparler.isolation.ChildJvms;
import org.pourparler.tournament.LocalRunner;
import org.pourparler.tournament.Match;
import org.pourparler.tournament.ResultRow;
import org.pourparler.tournament.ResultsTable;
import org.pourparler.tournament.Tournament;
import org.pourparler.tournament.TournamentSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pourparler tournament}: every agent against every other, on every scenario (docs/tournaments.md). */
@Command(name = "tournament", mixinStandardHelpOptions = true,
        description = {"Run a tournament from a specification (docs/tournaments.md) on all cores, appending results as",
                "negotiations complete, and print the ranking. A stopped run resumes with --resume."})
final class TournamentCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "The tournament specification.")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Where results go (default: SPEC-results next to the specification).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--resume", description = "Continue the run whose results are in --out, skipping finished negotiations.")
    boolean resume;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Run on Apache Spark (docs/spark.md), e.g. 'local[*]'.")
    String spark;

    @Option(names = "--force", description = "Start a new run in --out even though it holds a previous run's files (spec.yaml, "
            + "report tables and charts), replacing them; never the specification itself.")
    boolean force;

    @Spec
    CommandSpec spec;

    /** What a run writes into its folder besides results.csv (which only --resume continues). */
    /** Wall-clock seconds per negotiation, the one thing of a run that differs between machines and runs. */
    static final String TIMINGS = "timings.csv";

    static final List<String> WRITTEN = List.of("spec.yaml", TIMINGS, "results.parquet", "ranking.csv", "pairwise.csv", "comparisons.csv",
            "scenarios.csv", "ranking.svg", "pairwise.svg");

    /** Refuses to start a new run over files in {@code dir} it would replace, unless --force (never the specification). */
    private void checkFresh(Path dir) throws Main.UserException {
        for (String name : WRITTEN) OutputFiles.checkWritable(dir.resolve(name), "--out", force, specFile);
    }

    @Override
    public Integer call() throws Exception {
        String specText = SourceFiles.read(specFile);
        TournamentSpec ts = TournamentFormat.read(specFile);
        Path dir = out != null ? out : defaultOut(specFile);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new Main.UserException("--out " + Terminal.safe(dir.toString()) + " is a file: give a folder");
        }
        if (!resume && Files.exists(dir.resolve("results.csv"))) {
            throw new Main.UserException(dir.resolve("results.csv") + " exists: add --resume to continue that run, or choose another --out");
        }
        if (!Files.exists(dir.resolve("results.csv"))) checkFresh(dir);
        // a specification error is reported before anything is written (the lock creates the folder)
        Tournament t = spark == null ? TournamentFormat.load(ts) : null;
        // one run at a time in a folder: a second one would interleave its rows with ours
        try (OutputFiles.FolderLock held = OutputFiles.lock(dir, "--out")) {
            return spark != null ? onSpark(ts, specText) : local(t, specText, dir);
        }
    }

    private int local(Tournament t, String specText, Path dir) throws Exception {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) throw new Main.UserException("--threads must be at least 1, but was " + n);
        Path results = dir.resolve("results.csv");
        Path savedSpec = dir.resolve("spec.yaml");
        PrintWriter err = spec.commandLine().getErr();

        Set<String> done = new HashSet<>();
        if (Files.exists(results)) {
            if (!resume) {
                throw new Main.UserException(results + " exists: add --resume to continue that run, or choose another --out");
            }
            if (Files.exists(savedSpec) && !SourceFiles.read(savedSpec).equals(specText)) {
                throw new Main.UserException("--resume: " + savedSpec + " differs from " + specFile
                        + "; a run resumes only with the specification it started with");
            }
            List<ResultRow> kept = complete(t, read(results));
            for (ResultRow r : kept) done.add(r.match());
            // rewrite without a torn or partial last negotiation, then append
            Path tmp = dir.resolve("results.csv.tmp");
            Files.writeString(tmp, ResultsTable.header() + ResultsTable.lines(kept), StandardCharsets.UTF_8);
            Files.move(tmp, results, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            err.println("resuming: " + done.size() + " of " + t.matches().size() + " negotiations already done");
        } else {
            try {
                Files.createDirectories(dir);
                Files.writeString(savedSpec, specText, StandardCharsets.UTF_8);
                Files.writeString(results, ResultsTable.header(), StandardCharsets.UTF_8);
                Files.writeString(dir.resolve(TIMINGS), "match,seconds\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new Main.UserException("cannot write to --out " + dir + ": " + e.getMessage());
            }
        }

        int todo = t.matches().size() - done.size();
        long started = System.nanoTime();
        LocalRunner.Summary summary;
        try (Writer w = Files.newBufferedWriter(results, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
             Writer timings = Files.newBufferedWriter(dir.resolve(TIMINGS), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND);
             ProgressBar bar = progressBar(todo)) {
            Object lock = new Object();
            boolean[] closed = {false};
            // Ctrl-C: wait for the negotiation being written, then close; the file stays whole and resumable
            Thread hook = new Thread(() -> {
                synchronized (lock) {
                    closed[0] = true;
                    try {
                        w.flush();
                        timings.flush();
                    } catch (IOException ignored) {
                        // nothing more can be done while the process exits
                    }
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            IOException[] failure = {null};
            long[] flushed = {System.nanoTime()};
            // class: agents are outside code: their negotiations run in child JVMs (docs/negotiation.md)
            ChildJvms isolation = ChildJvms.needed(t) ? new ChildJvms(t) : null;
            summary = LocalRunner.run(t, done, n, (Match m, List<ResultRow> rows, double took) -> {
                String lines = ResultsTable.lines(rows);
                synchronized (lock) {
                    if (closed[0] || failure[0] != null) return;
                    try {
                        w.write(lines);
                        timings.write(ResultsTable.field(m.id()) + "," + took + "\n");
                        // to disk at most every 0.2 s: a hard kill loses at most that much work (resume replays it)
                        if (System.nanoTime() - flushed[0] > 200_000_000L) {
                            w.flush();
                            timings.flush();
                            flushed[0] = System.nanoTime();
                        }
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
                if (bar != null) bar.step();
            }, isolation == null ? org.pourparler.tournament.Isolation.NONE : isolation);
            if (isolation != null) isolation.close();
            Runtime.getRuntime().removeShutdownHook(hook);
            if (failure[0] != null) throw new Main.UserException("cannot append to " + results + ": " + failure[0].getMessage());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf(java.util.Locale.ROOT, "%d negotiations played in %.2f s (%.0f per second, %d threads; %d skipped as done, "
                + "%d abandoned as hung); results in %s%n", summary.played(), seconds, summary.played() / Math.max(seconds, 1e-9), n,
                summary.skipped(), summary.hung(), dir);
        List<ResultRow> all = ResultsTable.canonical(read(results));   // once, for the Parquet file and the report
        if (!summary.interrupted()) {
            // appended in completion order during the run; a finished run's file is in canonical order (docs/tournaments.md)
            Path tmp = dir.resolve("results.csv.tmp");
            Files.writeString(tmp, ResultsTable.header() + ResultsTable.lines(all), StandardCharsets.UTF_8);
            Files.move(tmp, results, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            writeParquet(all, dir);
        }
        ReportCommand.report(all, dir, t.spec().agents().stream().map(TournamentSpec.AgentRef::name).toList(), spec.commandLine().getOut(), err);
        return 0;
    }

    /**
     * The same tournament on Apache Spark (docs/spark.md): the Spark module plays it and writes
     * results.parquet; the rows come back to write results.csv and the report as a local run does.
     */
    private int onSpark(TournamentSpec ts, String specText) throws Exception {
        if (resume) throw new Main.UserException("--resume: a Spark run cannot resume; run again into a new --out");
        if (threads != null) throw new Main.UserException("--threads: Spark decides the parallelism (its master, e.g. 'local[4]')");
        Path dir = out != null ? out : defaultOut(specFile);
        if (Files.exists(dir.resolve("results.csv")) || Files.exists(dir.resolve("results.parquet"))) {
            throw new Main.UserException(dir + " already holds results: choose another --out");
        }
        java.lang.reflect.Method run;
        try {
            run = Class.forName("org.pourparler.spark.SparkTournament").getMethod("runForCli", String.class, Path.class, Path.class);
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            throw new Main.UserException("--spark needs the Spark module and Spark on the class path: the ./pourparler launcher adds "
                    + "them when --spark is given; or use spark-submit (docs/spark.md)");
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("spec.yaml"), specText, StandardCharsets.UTF_8);
        long started = System.nanoTime();
        List<ResultRow> rows;
        try {
            @SuppressWarnings("unchecked")
            List<ResultRow> got = (List<ResultRow>) run.invoke(null, spark, specFile, dir);
            rows = got;
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof org.pourparler.io.source.ScenarioFormatException sfe) throw sfe;
            throw new Main.UserException("--spark " + spark + ": the tournament failed: " + cause);
        }
        rows = ResultsTable.canonical(rows);
        Files.writeString(dir.resolve("results.csv"), ResultsTable.header() + ResultsTable.lines(rows), StandardCharsets.UTF_8);
        PrintWriter err = spec.commandLine().getErr();
        long negotiations = rows.stream().map(ResultRow::match).distinct().count();
        err.printf(java.util.Locale.ROOT, "%d negotiations played on Spark (%s) in %.2f s; results in %s%n", negotiations, spark,
                (System.nanoTime() - started) / 1e9, dir);
        ReportCommand.report(rows, dir, ts.agents().stream().map(TournamentSpec.AgentRef::name).toList(), spec.commandLine().getOut(), err);
        return 0;
    }

    /** results.parquet from the rows of results.csv, in order of the match ids, with Spark's schema (docs/spark.md). */
    static void writeParquet(List<ResultRow> all, Path dir) throws Main.UserException {
        try {
            org.pourparler.parquet.ParquetResults.write(ResultsTable.canonical(all), dir.resolve("results.parquet"));
        } catch (IOException e) {
            throw new Main.UserException("cannot write " + dir.resolve("results.parquet") + ": " + e.getMessage());
        }
    }

    static Path defaultOut(Path specFile) {
        String name = specFile.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        Path parent = specFile.toAbsolutePath().getParent();
        return parent.resolve(name + "-results");
    }

    static List<ResultRow> read(Path results) throws Main.UserException {
        try {
            SourceFiles.requireRegularFile(results);
        } catch (org.pourparler.io.source.ScenarioFormatException e) {
            throw new Main.UserException(e.getMessage());
        }
        try {
            return ResultsTable.parse(Files.readString(results, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Main.UserException("cannot read " + results + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Main.UserException(results + ": " + e.getMessage());
        }
    }

    /** The rows of negotiations that were written whole (one row per party of their scenario). */
    private static List<ResultRow> complete(Tournament t, List<ResultRow> rows) {
        Map<String, Integer> parties = new HashMap<>();
        for (Match m : t.matches()) parties.put(m.id(), t.scenarios().get(m.scenario()).scenario().parties().size());
        Map<String, Integer> count = new HashMap<>();
        for (ResultRow r : rows) count.merge(r.match(), 1, Integer::sum);
        List<ResultRow> kept = new ArrayList<>();
        for (ResultRow r : rows) {
            if (count.get(r.match()).equals(parties.get(r.match()))) kept.add(r);
        }
        return kept;
    }

    /** A progress bar with rate and ETA on an interactive terminal; none when output is redirected. */
    private static ProgressBar progressBar(int total) {
        if (System.console() == null || total == 0) return null;
        return new ProgressBarBuilder().setTaskName("negotiations").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .showSpeed().setUpdateIntervalMillis(250).build();
    }
}
