package org.pourparler.io.pourparler;

import org.pourparler.io.Scenarios;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.tournament.TournamentFormat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pourparler.model.Party;
import org.pourparler.model.Scenario;
import org.pourparler.testing.SharedCorpus;

/** What is read, and how much of it: long YAML values, non-regular files, a GENIUS profile on its own. */
class SourceLimitsTest {

    /** The supplier-deal example with its description replaced. */
    private static String withDescription(String description) throws Exception {
        String text = Files.readString(Path.of("..", "examples", "supplier-deal.yaml"));
        String line = text.lines().filter(l -> l.startsWith("description:")).findFirst().orElseThrow();
        return text.replace(line, "description: " + description);
    }

    @Test
    void aFourMegabyteValueOnOneLineIsRefusedFastNamingTheLine() throws Exception {
        String text = withDescription("a".repeat(4 << 20));
        // SnakeYAML alone took 16 s over this (quadratic in the length of one line)
        ScenarioFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> org.assertj.core.api.Assertions.catchThrowableOfType(ScenarioFormatException.class,
                        () -> PourparlerFormat.parse(text, "long.yaml")));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("long.yaml").contains("line 6").contains("limited to " + PourparlerParser.MAX_YAML_LINE_CHARS);
    }

    @Test
    void aLongTextAsABlockScalarIsReadUpToTheValueLimit() throws Exception {
        String lines = ("  " + "b".repeat(78) + "\n").repeat(1000);
        Scenario s = PourparlerFormat.parse(withDescription("|\n" + lines), "ok.yaml").scenario();
        assertThat(s.description()).hasSize(79 * 1000);
        String tooLong = ("  " + "b".repeat(78) + "\n").repeat((PourparlerParser.MAX_STRING_CHARS / 79) + 10);
        assertThatThrownBy(() -> PourparlerFormat.parse(withDescription("|\n" + tooLong), "big.yaml"))
                .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("big.yaml");
    }

    @Test
    void aFifoIsRefusedInsteadOfReadForever(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("scenario.yaml");
        for (Path f : List.of(fifo, dir.resolve("spec.yaml"))) {
            assertThat(new ProcessBuilder("mkfifo", f.toString()).start().waitFor()).as("mkfifo").isZero();
        }
        ScenarioFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> org.assertj.core.api.Assertions.catchThrowableOfType(ScenarioFormatException.class, () -> Scenarios.read(fifo, null)));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("scenario.yaml").contains("not a regular file");
        ScenarioFormatException spec = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> org.assertj.core.api.Assertions.catchThrowableOfType(ScenarioFormatException.class,
                        () -> TournamentFormat.read(dir.resolve("spec.yaml"))));
        assertThat(spec).isNotNull();
        assertThat(spec.getMessage()).contains("not a regular file");
    }

    @Test
    void aGeniusProfileAloneReadsOnTheDomainBesideIt() throws Exception {
        Path folder = SharedCorpus.scenarios().resolve("anac/y2012/LaptopA");
        Scenario whole = Scenarios.read(folder, null).scenario();
        Scenario alone = Scenarios.read(folder.resolve("Laptop-A-prof1.xml"), null).scenario();
        assertThat(alone.parties()).extracting(Party::name).containsExactly("prof1");
        assertThat(alone.domain().sizes()).containsExactly(whole.domain().sizes());
        assertSameUtilities(whole.parties().get(0), alone.parties().get(0), whole);
    }

    @Test
    void aGeniusProfileWithoutItsDomainReadsTheIssuesItEmbeds(@TempDir Path dir) throws Exception {
        Path folder = SharedCorpus.scenarios().resolve("anac/y2012/LaptopA");
        Path copy = Files.copy(folder.resolve("Laptop-A-prof2.xml"), dir.resolve("Laptop-A-prof2.xml"));
        Scenarios.Loaded loaded = Scenarios.read(copy, null);
        assertThat(loaded.warnings()).anyMatch(w -> w.contains("read from the issues it embeds"));
        Scenario whole = Scenarios.read(folder, null).scenario();
        assertThat(loaded.scenario().parties()).hasSize(1);
        assertSameUtilities(whole.parties().get(1), loaded.scenario().parties().get(0), whole);
    }

    /** Every outcome of the domain (by value labels) has the same utility for both parties. */
    private static void assertSameUtilities(Party expected, Party actual, Scenario s) {
        int[] sizes = s.domain().sizes();
        int[] o = new int[sizes.length];
        int count = 0;
        while (true) {
            assertThat(actual.profile().utility().utility(o)).as("outcome %s", java.util.Arrays.toString(o))
                    .isCloseTo(expected.profile().utility().utility(o), org.assertj.core.api.Assertions.within(1e-12));
            count++;
            int i = sizes.length - 1;
            while (i >= 0 && ++o[i] == sizes[i]) o[i--] = 0;
            if (i < 0) break;
        }
        assertThat(count).isEqualTo(27);
        assertThat(actual.profile().reservation()).isEqualTo(expected.profile().reservation());
    }
}
