package org.pourparler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pourparler.tournament.ResultRow;
import org.pourparler.tournament.ResultsTable;

/** {@code tournament} and {@code report}: files, ranking, refusal to overwrite, resumption. */
class TournamentCliTest {

    static Path spec(Path dir, String extra) throws Exception {
        Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, """
                format: pourparler-tournament/1
                name: cli
                seed: 5
                scenarios: [%s/labour-contract.yaml, %s/supplier-deal.yaml]
                agents: [boulware, conceder, micro]
                deadline: {rounds: 80}
                """.formatted(examples, examples) + extra);
        return f;
    }

    static List<ResultRow> rows(Path results) throws Exception {
        return ResultsTable.parse(Files.readString(results, StandardCharsets.UTF_8)).stream()
                .sorted(Comparator.comparing(ResultRow::match).thenComparingInt(ResultRow::position)).toList();
    }

    @Test
    void aTournamentWritesItsResultsAndPrintsTheRanking(@TempDir Path dir) throws Exception {
        Path f = spec(dir, "");
        CliTest.Run r = CliTest.run("tournament", f.toString(), "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("12 negotiations (12 independent), 3 agents").contains("advantage (95% CI)").contains("boulware");
        Path out = dir.resolve("t-results");
        for (String name : List.of("results.csv", "results.parquet", "spec.yaml", "ranking.csv", "pairwise.csv", "comparisons.csv",
                "scenarios.csv", "ranking.svg", "pairwise.svg")) {
            assertThat(out.resolve(name)).exists();
        }
        // 6 negotiations on the labour contract (3 parties: one ratifier) and 6 on the supplier deal (2 parties)
        assertThat(rows(out.resolve("results.csv"))).hasSize(6 * 3 + 6 * 2);
        byte[] parquet = Files.readAllBytes(out.resolve("results.parquet"));
        assertThat(new String(parquet, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");     // a Parquet file, magic at both ends
        assertThat(new String(parquet, parquet.length - 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        CliTest.Run report = CliTest.run("report", out.toString());
        assertThat(report.code()).isZero();
        assertThat(report.out()).isEqualTo(r.out());
    }

    @Test
    void existingResultsAreNeverOverwritten(@TempDir Path dir) throws Exception {
        Path f = spec(dir, "");
        assertThat(CliTest.run("tournament", f.toString()).code()).isZero();
        CliTest.Run again = CliTest.run("tournament", f.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("exists: add --resume");
        Files.writeString(f, Files.readString(f).replace("rounds: 80", "rounds: 90"));
        CliTest.Run changed = CliTest.run("tournament", f.toString(), "--resume");
        assertThat(changed.code()).isEqualTo(2);
        assertThat(changed.err()).contains("differs from");
    }

    @Test
    void aResumedRunGivesTheResultsOfAnUninterruptedOne(@TempDir Path dir) throws Exception {
        Path f = spec(dir, "");
        assertThat(CliTest.run("tournament", f.toString(), "--out", dir.resolve("full").toString()).code()).isZero();
        List<ResultRow> full = rows(dir.resolve("full/results.csv"));
        // a run killed part-way: the first lines of the file, the last one torn
        Path part = dir.resolve("part");
        assertThat(CliTest.run("tournament", f.toString(), "--out", part.toString()).code()).isZero();
        List<String> lines = Files.readAllLines(part.resolve("results.csv"));
        String torn = String.join("\n", lines.subList(0, 14)) + "\n" + lines.get(14).substring(0, 20);
        Files.writeString(part.resolve("results.csv"), torn);
        CliTest.Run resumed = CliTest.run("tournament", f.toString(), "--out", part.toString(), "--resume");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming:");
        assertThat(rows(part.resolve("results.csv"))).isEqualTo(full);
    }

    @Test
    void aRunStoppedBySigtermLeavesAWholeFileThatResumesToTheSameResults(@TempDir Path dir) throws Exception {
        Path f = spec(dir, "repetitions: 400\n");      // 2 scenarios x 6 pairings x 400 = 4800 negotiations
        Path killed = dir.resolve("killed");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "tournament", f.toString(), "--out", killed.toString(),
                "--threads", "2").redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        Path results = killed.resolve("results.csv");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (p.isAlive() && System.nanoTime() < deadline
                && (!Files.exists(results) || Files.size(results) < 20_000)) {
            Thread.sleep(20);
        }
        boolean stoppedEarly = p.isAlive();
        p.destroy();                                        // SIGTERM: the shutdown hook runs, as on Ctrl-C
        p.waitFor();
        String text = Files.readString(results, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");                    // no torn line
        List<ResultRow> partial = ResultsTable.parse(text);
        assertThat(stoppedEarly).as("the run was still going when stopped (log: %s)", Files.readString(dir.resolve("log.txt"))).isTrue();
        assertThat(partial.size()).isGreaterThan(0).isLessThan(4800 * 5 / 2);
        CliTest.Run resumed = CliTest.run("tournament", f.toString(), "--out", killed.toString(), "--resume", "--threads", "2");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        CliTest.Run full = CliTest.run("tournament", f.toString(), "--out", dir.resolve("full").toString(), "--threads", "2");
        assertThat(full.code()).isZero();
        assertThat(rows(results)).isEqualTo(rows(dir.resolve("full/results.csv")));
        assertSameFiles(killed, dir.resolve("full"));
    }

    /** The files a finished run writes, byte for byte (timings.csv, the wall-clock seconds, is the only file that may differ). */
    static void assertSameFiles(Path a, Path b) throws Exception {
        for (String name : List.of("results.csv", "ranking.csv", "pairwise.csv", "comparisons.csv", "scenarios.csv")) {
            assertThat(Files.readAllBytes(a.resolve(name))).as(name).isEqualTo(Files.readAllBytes(b.resolve(name)));
        }
        assertThat(Files.readAllLines(a.resolve("timings.csv")).get(0)).isEqualTo("match,seconds");
    }

    @Test
    void oneThreadTwoThreadsAndAResumedRunWriteTheSameFiles(@TempDir Path dir) throws Exception {
        Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, """
                format: pourparler-tournament/1
                seed: 11
                scenarios: [%s/labour-contract.yaml, %s/supplier-deal.yaml, %s/ukraine-2024-feelers.yaml]
                agents: [boulware, random, {name: "=Nice, +tit", agent: nice-tit-for-tat}, {name: "x+y,z", agent: conceder}]
                deadline: {rounds: 60}
                repetitions: 3
                """.formatted(examples, examples, examples));
        for (String[] run : List.of(new String[] {"one", "1"}, new String[] {"two", "2"}, new String[] {"part", "2"})) {
            CliTest.Run r = CliTest.run("tournament", f.toString(), "--out", dir.resolve(run[0]).toString(), "--threads", run[1]);
            assertThat(r.code()).as(r.err()).isZero();
        }
        // the third run killed part-way (its file cut inside a line), then resumed
        Path part = dir.resolve("part/results.csv");
        String text = Files.readString(part);
        Files.writeString(part, text.substring(0, text.length() * 2 / 5));
        CliTest.Run resumed = CliTest.run("tournament", f.toString(), "--out", dir.resolve("part").toString(), "--resume", "--threads", "2");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming:");
        assertSameFiles(dir.resolve("one"), dir.resolve("two"));
        assertSameFiles(dir.resolve("one"), dir.resolve("part"));
        // deterministic agents' repetitions collapse: fewer independent units than negotiations
        assertThat(resumed.out()).containsPattern("(\\d+) negotiations \\((\\d+) independent\\)");
        String ranking = Files.readString(dir.resolve("one/ranking.csv"));
        assertThat(ranking).contains("\"'=Nice, +tit\"").contains("\"x+y,z\"");
        assertThat(Files.readString(dir.resolve("one/pairwise.csv")).lines().skip(1))
                .allSatisfy(line -> assertThat(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)).hasSize(5));
    }

    @Test
    void reportPrintsEveryFormatAndRanksByAnyMetric(@TempDir Path dir) throws Exception {
        Path f = spec(dir, "");
        assertThat(CliTest.run("tournament", f.toString()).code()).isZero();
        Path out = dir.resolve("t-results");
        assertThat(CliTest.run("report", out.toString(), "--format", "markdown").out()).contains("| rank | agent |");
        assertThat(CliTest.run("report", out.toString(), "--format", "latex").out()).contains("\\begin{tabular}");
        assertThat(CliTest.run("report", out.toString(), "--format", "json").out()).contains("\"metric\" : \"advantage\"");
        assertThat(CliTest.run("report", out.toString(), "--format", "csv").out()).isEqualTo(Files.readString(out.resolve("ranking.csv")));
        CliTest.Run byUtility = CliTest.run("report", out.toString(), "--metric", "utility");
        assertThat(byUtility.code()).isZero();
        assertThat(byUtility.out()).contains("by mean utility");
        assertThat(Files.readString(out.resolve("ranking.csv"))).contains(",utility,");
        CliTest.Run bad = CliTest.run("report", out.toString(), "--metric", "speed");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("no metric column 'speed'").doesNotContain("Exception");
        CliTest.Run badFormat = CliTest.run("report", out.toString(), "--format", "html");
        assertThat(badFormat.code()).isEqualTo(2);
        assertThat(badFormat.err()).contains("unknown report format 'html'");
    }

    @Test
    void aTournamentThatWouldPlayNothingIsASpecificationError(@TempDir Path dir) throws Exception {
        Path f = spec(dir, "");
        Files.writeString(f, Files.readString(f).replace("agents: [boulware, conceder, micro]", "agents: [boulware]"));
        CliTest.Run r = CliTest.run("tournament", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("negotiating parties").contains("1 agent").contains("selfPlay").doesNotContain("Exception");
        assertThat(dir.resolve("t-results")).doesNotExist();
    }

    @Test
    void withoutTheSparkModuleOnTheClassPathSparkIsAUserError(@TempDir Path dir) throws Exception {
        CliTest.Run r = CliTest.run("tournament", spec(dir, "").toString(), "--spark", "local[1]");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--spark needs the Spark module").contains("launcher");
        CliTest.Run resume = CliTest.run("tournament", spec(dir, "").toString(), "--spark", "local[1]", "--resume");
        assertThat(resume.err()).contains("a Spark run cannot resume");
    }

    @Test
    void badSpecificationsAndFoldersAreUserErrors(@TempDir Path dir) throws Exception {
        Path f = spec(dir, "deadlines: {rounds: 3}\n");
        CliTest.Run r = CliTest.run("tournament", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("t.yaml").contains("line 7").contains("unknown key 'deadlines'").doesNotContain("Exception");
        CliTest.Run report = CliTest.run("report", dir.toString());
        assertThat(report.code()).isEqualTo(2);
        assertThat(report.err()).contains("no results.csv");
    }
}
