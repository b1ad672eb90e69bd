package org.pourparler.io;

import org.pourparler.io.pourparler.PourparlerFormat;
import org.pourparler.io.source.Written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pourparler.io.genius.GeniusXml;
import org.pourparler.io.geniusweb.GeniusWebJson;
import org.pourparler.model.Domain;
import org.pourparler.model.Scenario;
import org.pourparler.testing.RandomScenarios;
import org.pourparler.testing.SharedCorpus;

/**
 * GENIUS → ours → GENIUS and GeniusWeb → ours → GeniusWeb keep every utility of every outcome
 * (exhaustively up to 200,000 outcomes, on 20,000 sampled outcomes above), every reservation value
 * and every discount, for every folder of the corpus.
 */
class CrossFormatRoundTripTest {
    private static final long EXHAUSTIVE = 200_000;

    @TestFactory
    Stream<DynamicTest> geniusThroughOursBackToGenius() throws Exception {
        return folders(Scenarios.Format.GENIUS).map(dir -> DynamicTest.dynamicTest(rel(dir), () -> {
            Scenario original = GeniusXml.readFolder(dir, null).scenario();
            Scenario ours = throughOurs(original);
            Written back = GeniusXml.write(ours);
            String domainFile = back.files().keySet().stream().filter(f -> f.endsWith("-domain.xml")).findFirst().orElseThrow();
            Map<String, String> profiles = new java.util.TreeMap<>(back.files());
            String domainXml = profiles.remove(domainFile);
            Scenario again = GeniusXml.parse(domainFile, domainXml, profiles).scenario();
            assertSameUtilities(original, again);
        }));
    }

    @TestFactory
    Stream<DynamicTest> geniusWebThroughOursBackToGeniusWeb() throws Exception {
        return folders(Scenarios.Format.GENIUSWEB).map(dir -> DynamicTest.dynamicTest(rel(dir), () -> {
            Scenario original = GeniusWebJson.readFolder(dir, null).scenario();
            Scenario ours = throughOurs(original);
            Written back = GeniusWebJson.write(ours);
            String domainFile = original.domain().name() + ".json";
            Map<String, String> profiles = new java.util.TreeMap<>();
            String domainJson = null;
            for (Map.Entry<String, String> f : back.files().entrySet()) {
                if (f.getValue().contains("\"issuesValues\"") && !f.getValue().contains("Utilit")) domainJson = f.getValue();
                else profiles.put(f.getKey().replaceAll("\\.json$", ""), f.getValue());
            }
            assertThat(domainJson).as("a domain file among " + back.files().keySet() + " (" + domainFile + ")").isNotNull();
            Scenario again = GeniusWebJson.parse(domainJson, profiles).scenario();
            assertSameUtilities(original, again);
        }));
    }

    /** Our YAML, read back; it must be equal to what was written. */
    private static Scenario throughOurs(Scenario s) throws Exception {
        String yaml = PourparlerFormat.toYaml(s);
        Scenario back = PourparlerFormat.parse(yaml, "roundtrip.yaml").scenario();
        assertThat(back).isEqualTo(s);
        return back;
    }

    private static void assertSameUtilities(Scenario a, Scenario b) {
        assertThat(b.domain().issueCount()).isEqualTo(a.domain().issueCount());
        assertThat(b.domain().outcomeCount()).isEqualTo(a.domain().outcomeCount());
        assertThat(b.parties()).hasSameSizeAs(a.parties());
        for (int k = 0; k < a.parties().size(); k++) {
            assertThat(b.parties().get(k).profile().reservation())
                    .isCloseTo(a.parties().get(k).profile().reservation(), within(1e-12));
            assertThat(b.parties().get(k).profile().discount()).isCloseTo(a.parties().get(k).profile().discount(), within(1e-12));
        }
        Domain d = a.domain();
        List<int[]> outcomes = new ArrayList<>();
        if (d.isEnumerable(EXHAUSTIVE)) {
            for (long i = 0; i < d.outcomeCountExact(); i++) outcomes.add(d.outcomeAt(i));
        } else {
            outcomes = RandomScenarios.sampleOutcomes(d, new Random(7), 20_000);
        }
        for (int[] o : outcomes) {
            for (int k = 0; k < a.parties().size(); k++) {
                double ua = a.parties().get(k).profile().utility().utility(o);
                double ub = b.parties().get(k).profile().utility().utility(o);
                assertThat(ub).as("party %d, outcome %s", k, java.util.Arrays.toString(o)).isCloseTo(ua, within(1e-12));
            }
        }
    }

    private static Stream<Path> folders(Scenarios.Format format) throws Exception {
        Path root = SharedCorpus.scenarios();
        List<Path> out = new ArrayList<>();
        for (String group : format == Scenarios.Format.GENIUS ? List.of("anac", "other") : List.of("geniusweb", "anl2023")) {
            try (Stream<Path> s = Files.walk(root.resolve(group), 2)) {
                s.filter(Files::isDirectory).filter(p -> hasFiles(p, format == Scenarios.Format.GENIUS ? ".xml" : ".json"))
                        .sorted().forEach(out::add);
            }
        }
        // folders with several domain files need a choice: the corpus has none in these groups
        return out.stream();
    }

    private static boolean hasFiles(Path dir, String ending) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(ending));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String rel(Path dir) {
        return dir.getParent().getFileName() + "/" + dir.getFileName();
    }
}
