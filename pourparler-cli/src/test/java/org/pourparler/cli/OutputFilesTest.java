package org.pourparler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command that writes: an existing file needs --force, an input is never overwritten, a results folder has one writer. */
class OutputFilesTest {

    private static final String USERS = "a file of the user's\n";

    private static Path scenario(Path dir) throws Exception {
        return Files.copy(CliTest.example("supplier-deal.yaml"), dir.resolve("deal.yaml"));
    }

    @Test
    void negotiateRefusesToOverwriteATraceOrPlotWithoutForce(@TempDir Path dir) throws Exception {
        Path s = scenario(dir);
        for (String option : List.of("--trace", "--plot")) {
            Path f = dir.resolve(option.equals("--trace") ? "t.csv" : "p.svg");
            Files.writeString(f, USERS);
            CliTest.Run r = CliTest.run("negotiate", s.toString(), "--agents", "boulware,conceder", option, f.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains(option + " " + f).contains("already exists").contains("--force");
            assertThat(r.out()).isEmpty();                          // refused before the session ran
            assertThat(Files.readString(f)).isEqualTo(USERS);
            CliTest.Run forced = CliTest.run("negotiate", s.toString(), "--agents", "boulware,conceder", option, f.toString(), "--force");
            assertThat(forced.code()).as(forced.err()).isZero();
            assertThat(Files.readString(f)).isNotEqualTo(USERS);
        }
    }

    @Test
    void noOptionOverwritesTheInputScenarioEvenWithForce(@TempDir Path dir) throws Exception {
        Path s = scenario(dir);
        String before = Files.readString(s);
        for (String option : List.of("--trace", "--plot")) {
            CliTest.Run r = CliTest.run("negotiate", s.toString(), "--agents", "boulware,conceder", option, s.toString(), "--force");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("is an input of this run");
        }
        CliTest.Run a = CliTest.run("analyze", s.toString(), "--plot", dir.resolve(".").resolve("deal.yaml").toString(), "--force");
        assertThat(a.code()).isEqualTo(2);
        assertThat(a.err()).contains("is an input of this run");
        // convert names its file after the title: the example's own name
        Path original = Files.copy(CliTest.example("supplier-deal.yaml"), dir.resolve("supplier-deal.yaml"));
        CliTest.Run c = CliTest.run("convert", original.toString(), "--to", "pourparler", "--out", dir.toString(), "--force");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("is an input of this run");
        assertThat(Files.readString(original)).isEqualTo(before);
        assertThat(Files.readString(s)).isEqualTo(before);
    }

    @Test
    void analyzeRefusesToOverwriteAPlotWithoutForce(@TempDir Path dir) throws Exception {
        Path s = scenario(dir);
        Path plot = dir.resolve("plane.svg");
        Files.writeString(plot, USERS);
        CliTest.Run r = CliTest.run("analyze", s.toString(), "--plot", plot.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--plot " + plot).contains("already exists");
        assertThat(Files.readString(plot)).isEqualTo(USERS);
        assertThat(CliTest.run("analyze", s.toString(), "--plot", plot.toString(), "--force").code()).isZero();
        assertThat(Files.readString(plot)).contains("<svg");
    }

    @Test
    void aTournamentRefusesAFolderHoldingTheUsersFilesWithoutForce(@TempDir Path dir) throws Exception {
        Path spec = TournamentCliTest.spec(dir, "");
        Path out = Files.createDirectories(dir.resolve("out"));
        for (String name : List.of("ranking.csv", "spec.yaml", "pairwise.svg")) {
            Path mine = out.resolve(name);
            Files.writeString(mine, USERS);
            CliTest.Run r = CliTest.run("tournament", spec.toString(), "--out", out.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains(mine.toString()).contains("already exists").contains("--force");
            assertThat(Files.readString(mine)).isEqualTo(USERS);
            Files.delete(mine);
        }
        Files.writeString(out.resolve("ranking.csv"), USERS);
        CliTest.Run forced = CliTest.run("tournament", spec.toString(), "--out", out.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(Files.readString(out.resolve("ranking.csv"))).startsWith("rank,");
    }

    @Test
    void aTournamentNeverOverwritesItsOwnSpecification(@TempDir Path dir) throws Exception {
        Path spec = Files.move(TournamentCliTest.spec(dir, ""), dir.resolve("spec.yaml"));
        String before = Files.readString(spec);
        CliTest.Run r = CliTest.run("tournament", spec.toString(), "--out", dir.toString(), "--force");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is an input of this run");
        assertThat(Files.readString(spec)).isEqualTo(before);
    }

    @Test
    void aFolderInUseByAnotherRunIsRefused(@TempDir Path dir) throws Exception {
        Path spec = TournamentCliTest.spec(dir, "");
        Path out = Files.createDirectories(dir.resolve("out"));
        try (FileChannel ch = FileChannel.open(out.resolve(OutputFiles.LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = ch.lock()) {
            CliTest.Run r = CliTest.run("tournament", spec.toString(), "--out", out.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("--out " + out).contains("in use by another run");
            assertThat(out.resolve("results.csv")).doesNotExist();
        }
        // released: the run goes ahead, and report takes the same lock
        assertThat(CliTest.run("tournament", spec.toString(), "--out", out.toString()).code()).isZero();
        try (FileChannel ch = FileChannel.open(out.resolve(OutputFiles.LOCK), StandardOpenOption.WRITE); FileLock held = ch.lock()) {
            CliTest.Run r = CliTest.run("report", out.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("in use by another run");
        }
    }

    @Test
    void controlCharactersAndEscapesInNamesReachTheTerminalEscaped(@TempDir Path dir) throws Exception {
        Path s = scenario(dir);
        Files.writeString(s, Files.readString(s).replace("name: bakery", "name: \"bak\\e[31mery\\rX\\u009b2J\""));
        for (String command : List.of("inspect", "analyze")) {
            CliTest.Run r = CliTest.run(command, s.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("bak\\u001B[31mery\\rX\\u009B2J").doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u009b");
        }
        CliTest.Run n = CliTest.run("negotiate", s.toString(), "--agents", "boulware,conceder");
        assertThat(n.out()).contains("bak\\u001B[31mery").doesNotContain("\u001b");
        CliTest.Run bad = CliTest.run("negotiate", s.toString(), "--agents", "boulware,conceder", "--parties", "x\u001b[2J");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).doesNotContain("\u001b").contains("\\u001B[2J");
    }
}
