package org.pourparler.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pourparler.io.tournament.TournamentFormat;
import org.pourparler.parquet.ParquetResults;
import org.pourparler.tournament.LocalRunner;
import org.pourparler.tournament.Match;
import org.pourparler.tournament.ResultRow;
import org.pourparler.tournament.ResultsTable;
import org.pourparler.tournament.Tournament;
import org.pourparler.tournament.TournamentSpec;

/** Spark in local mode against the local runner; one Spark session for the class (it takes seconds to start). */
class SparkTournamentTest {

    static SparkSession spark;
    @TempDir static Path shared;
    static Path spec;
    /** The local runner's rows with 1 thread, without seconds, sorted. */
    static List<ResultRow> local1;

    @TempDir Path dir;

    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("examples")) ? here : here.getParent();
    }

    @BeforeAll
    static void start() throws Exception {
        spec = shared.resolve("spec/tournament.yaml");
        Files.createDirectories(spec.getParent());
        // scenario paths relative to the specification's folder, as users write them
        Path examples = spec.getParent().relativize(root().resolve("examples"));
        Files.writeString(spec, """
                format: pourparler-tournament/1
                name: spark-test
                seed: 7
                scenarios: [%s/labour-contract.yaml, %s/supplier-deal.yaml]
                agents: [boulware, conceder, linear]
                deadline: {rounds: 200}
                repetitions: 2
                """.formatted(examples, examples));
        local1 = local(1);
        spark = SparkSession.builder().master("local[2]").appName("pourparler-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")            // stay on the loopback interface
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    static List<ResultRow> local(int threads) throws Exception {
        Tournament t = TournamentFormat.load(TournamentFormat.read(spec));
        List<ResultRow> rows = new ArrayList<>();
        LocalRunner.Summary s = LocalRunner.run(t, Set.of(), threads, (m, r, seconds) -> rows.addAll(r));
        assertThat(s.played()).isEqualTo(t.matches().size());
        return comparable(rows);
    }

    /** In (match, position) order. */
    static List<ResultRow> comparable(List<ResultRow> rows) {
        return rows.stream()
                .sorted(Comparator.comparing(ResultRow::match).thenComparingInt(ResultRow::position)).toList();
    }

    static List<ResultRow> rows(Dataset<Row> df) {
        return comparable(df.collectAsList().stream().map(SparkTournament::row).toList());
    }

    @Test
    void sparkLocalModeGivesTheLocalRunnersRows() throws Exception {
        assertThat(local(2)).as("the local runner with 2 threads").isEqualTo(local1);
        Tournament t = TournamentFormat.load(TournamentFormat.read(spec));
        assertThat(t.scenarios()).hasSize(2);
        assertThat(local1).hasSize(t.matches().size() * 2 + 12);   // labour contract: 3 parties (a ratifier), supplier deal: 2
        assertThat(local1).anyMatch(ResultRow::agreement).anyMatch(r -> !r.agreement());
        assertThat(local1).anyMatch(r -> r.role().equals("ratifier"));

        SparkTournament.Summary s = SparkTournament.run(spark, spec, dir);
        assertThat(s.negotiations()).isEqualTo(t.matches().size());
        assertThat(s.slices()).isEqualTo(Math.min(t.matches().size(), 4 * spark.sparkContext().defaultParallelism()));
        Dataset<Row> back = spark.read().parquet(dir.resolve(SparkTournament.RESULTS).toString());
        assertThat(back.schema().fieldNames()).containsExactlyElementsOf(ResultsTable.COLUMNS);
        List<ResultRow> sparkRows = rows(back);
        assertThat(sparkRows).isEqualTo(local1);
        // the same rows beside it as results.csv, for `pourparler report`
        List<ResultRow> csv = ResultsTable.parse(java.nio.file.Files.readString(dir.resolve(SparkTournament.CSV)));
        assertThat(comparable(csv)).isEqualTo(local1);
        // in canonical order, as a finished local run's file: the same text
        assertThat(ResultsTable.lines(csv)).isEqualTo(ResultsTable.lines(local1));
        // and the same report files, bit for bit
        List<String> agents = List.of("boulware", "conceder", "linear");
        org.pourparler.report.Ranking fromSpark = org.pourparler.report.Ranking.of(csv, agents);
        List<ResultRow> shuffled = new ArrayList<>(local(2));
        java.util.Collections.shuffle(shuffled, new java.util.Random(1));
        org.pourparler.report.Ranking fromLocal = org.pourparler.report.Ranking.of(shuffled, agents);
        for (java.util.function.Function<org.pourparler.report.Ranking, String> file : List.<java.util.function.Function<org.pourparler.report.Ranking, String>>of(
                org.pourparler.report.ReportFormat::rankingCsv, org.pourparler.report.ReportFormat::pairwiseCsv,
                org.pourparler.report.ReportFormat::comparisonsCsv, org.pourparler.report.ReportFormat::cellsCsv)) {
            assertThat(file.apply(fromSpark)).isEqualTo(file.apply(fromLocal));
        }
    }

    @Test
    void theSpecificationTravelsByValueAndAnySlicingGivesTheSameRows() throws Exception {
        TournamentSpec read = TournamentFormat.read(spec);
        assertThat(rows(SparkTournament.results(spark, read, 1))).isEqualTo(local1);
        int n = TournamentFormat.load(read).matches().size();
        assertThat(rows(SparkTournament.results(spark, read, n))).isEqualTo(local1);
        assertThat(rows(SparkTournament.results(spark, spec.toString(), 5))).isEqualTo(local1);
    }

    /**
     * A {@code class:} agent that calls {@code System.exit} on an executor ends only its own
     * negotiations: in local mode the executor is this JVM, so without containment the test run ends.
     */
    @Test
    void anOutsideAgentsSystemExitOnAnExecutorEndsOnlyItsOwnNegotiations() throws Exception {
        Path f = spec.getParent().resolve("exiting.yaml");
        Path examples = f.getParent().relativize(root().resolve("examples"));
        Files.writeString(f, """
                format: pourparler-tournament/1
                seed: 3
                scenarios: [%s/supplier-deal.yaml]
                agents:
                  - boulware
                  - hardliner
                  - {name: exiting, agent: "class:org.pourparler.spark.agents.ExitingAgent"}
                roles: fixed
                deadline: {rounds: 40}
                timeLimit: 20
                """.formatted(examples));
        Tournament t = TournamentFormat.load(TournamentFormat.read(f));
        List<ResultRow> sparkRows = rows(SparkTournament.results(spark, f.toString(), 2));
        assertThat(sparkRows).hasSize(t.matches().size() * 2);
        // fixed roles: the exiting agent is listed last, so it moves second and exits on its first turn
        assertThat(sparkRows).filteredOn(r -> r.match().contains("exiting")).hasSize(4).allSatisfy(r -> {
            assertThat(r.faultAgent()).isEqualTo("exiting");
            assertThat(r.fault()).startsWith("exit: the agent called System.exit(42)");
        });
        assertThat(sparkRows).filteredOn(r -> !r.match().contains("exiting")).hasSize(2).allSatisfy(r -> assertThat(r.fault()).isEmpty());
        // the same rows as a local run, whose class: agents play in child JVMs too
        List<ResultRow> localRows = new ArrayList<>();
        try (org.pourparler.isolation.ChildJvms children = new org.pourparler.isolation.ChildJvms(t)) {
            LocalRunner.run(t, Set.of(), 1, (m, r, seconds) -> localRows.addAll(r), children);
        }
        assertThat(sparkRows).isEqualTo(comparable(localRows));
    }

    @Test
    void theLocalParquetWriterWritesSparksSchema() throws Exception {
        SparkTournament.run(spark, spec, dir);
        Path folder = dir.resolve(SparkTournament.RESULTS);
        List<Path> parts;
        try (Stream<Path> files = Files.list(folder)) {
            parts = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
        }
        assertThat(parts).isNotEmpty();
        for (Path part : parts) assertThat(footerSchema(part)).isEqualTo(ParquetResults.SCHEMA);

        // and Spark reads the local writer's file back as the same table
        Path local = dir.resolve("local.parquet");
        ParquetResults.write(local1, local);
        Dataset<Row> fromLocal = spark.read().parquet(local.toString());
        assertThat(fromLocal.schema()).isEqualTo(spark.read().parquet(folder.toString()).schema());
        assertThat(rows(fromLocal)).isEqualTo(local1);
    }

    static MessageType footerSchema(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
            return r.getFooter().getFileMetaData().getSchema();
        }
    }

    @Test
    void aSliceLoadsOnlyItsScenariosAndRefusesAnUnknownNegotiation() throws Exception {
        Tournament t = TournamentFormat.load(TournamentFormat.read(spec));
        List<PlaySlice.ScenarioFile> files = PlaySlice.files(t);
        assertThat(files).extracting(PlaySlice.ScenarioFile::path).containsExactly(
                t.scenarios().get(0).key(), t.scenarios().get(1).key());
        // the second scenario's file is missing: a slice of the first scenario's negotiations does not read it
        List<PlaySlice.ScenarioFile> broken = List.of(files.get(0), new PlaySlice.ScenarioFile(files.get(1).key(), "missing.yaml", null));
        PlaySlice slice = new PlaySlice(new SpecSource.File(spec.toString()), broken);
        Match first = t.matches().get(0);
        List<ResultRow> rows = new ArrayList<>();
        slice.call(List.of(new PlaySlice.Work(first.id(), first.scenario())).iterator()).forEachRemaining(r -> rows.add(SparkTournament.row(r)));
        assertThat(comparable(rows)).isEqualTo(local1.stream().filter(r -> r.match().equals(first.id())).toList());

        Match last = t.matches().get(t.matches().size() - 1);
        assertThatThrownBy(() -> slice.call(List.of(new PlaySlice.Work(last.id(), last.scenario())).iterator()))
                .hasMessageContaining("missing.yaml");
        assertThatThrownBy(() -> slice.call(List.of(new PlaySlice.Work("elsewhere.yaml|boulware,linear|0", 0)).iterator()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("elsewhere.yaml|boulware,linear|0")
                .hasMessageContaining("same specification and scenario files");
    }

    @Test
    void scenarioKeysWithADomainSplitIntoPathAndDomain() throws Exception {
        TournamentSpec read = TournamentFormat.read(spec);
        TournamentSpec withDomain = new TournamentSpec(read.name(), read.seed(),
                List.of(new TournamentSpec.ScenarioRef("corpus/*", "Car-A-domain.xml"), new TournamentSpec.ScenarioRef("plain.yaml", null)),
                read.agents(), read.protocol(), read.deadline(), read.repetitions(), read.rotateRoles(), read.selfPlay(),
                read.noAgreement(), read.probes(), read.timeLimit(), read.timeBudget(), read.base());
        var scenario = TournamentFormat.load(read).scenarios().get(0).scenario();
        Tournament t = Tournament.of(withDomain, List.of(new Tournament.Entry("corpus/CarA#Car-A-domain.xml", scenario),
                new Tournament.Entry("plain.yaml", scenario)));
        assertThat(PlaySlice.files(t)).containsExactly(
                new PlaySlice.ScenarioFile("corpus/CarA#Car-A-domain.xml", "corpus/CarA", "Car-A-domain.xml"),
                new PlaySlice.ScenarioFile("plain.yaml", "plain.yaml", null));
        // and the values that carry a specification to the executors rebuild it exactly
        assertThat(SpecSource.Values.of(withDomain).spec()).isEqualTo(withDomain);
    }

    @Test
    void commandLine() throws Exception {
        Path out = dir.resolve("out");
        Result ok = execute("--master", "local[2]", spec.toString(), out.toString());
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("negotiations in").contains(SparkTournament.RESULTS);
        assertThat(rows(spark.read().parquet(out.resolve(SparkTournament.RESULTS).toString()))).isEqualTo(local1);

        Result again = execute(spec.toString(), out.toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
        assertThat(execute("--overwrite", "--slices", "2", spec.toString(), out.toString()).status()).isZero();

        assertThat(execute().err()).contains("expected SPEC.yaml and OUTDIR").contains("usage:");
        assertThat(execute("--slices", "0", spec.toString(), out.toString()).status()).isEqualTo(2);
        assertThat(execute("--frobnicate", spec.toString(), out.toString()).err()).contains("unknown option --frobnicate");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "format: pourparler-tournament/1\nagents: [boulware]\n");
        Result badSpec = execute(bad.toString(), out.toString());
        assertThat(badSpec.status()).isEqualTo(2);
        assertThat(badSpec.err()).contains("bad.yaml").contains("scenarios");
        assertThat(spark.sparkContext().isStopped()).as("the command stops only a session it started").isFalse();
    }

    record Result(int status, String out, String err) { }

    static Result execute(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SparkTournament.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
