package org.pourparler.io.genius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pourparler.io.source.ReadResult;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.source.Written;
import org.pourparler.model.Domain;
import org.pourparler.model.HyperRectangleUtility;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Party;
import org.pourparler.model.Scenario;
import org.pourparler.model.UtilityFunction;
import org.pourparler.testing.SharedCorpus;

/**
 * Reads every GENIUS scenario of the shared corpus and checks it against the corpus's INDEX.md,
 * the independent reference utilities and the Pareto files of the nonlinear scenarios, then
 * writes each one back and reads it again.
 */
class GeniusCorpusTest {
    private static final Pattern ROW =
            Pattern.compile("^\\| `([^`]+)` \\| (\\d+) \\| ([a-z/]+) \\| (\\d+) \\| (\\d+) \\|");
    private static final long EXHAUSTIVE_LIMIT = 1_000_000;

    record Row(String folder, int issues, String kinds, BigInteger outcomes, int profiles) { }

    private static Path scenarios;
    private static final List<Row> ROWS = new ArrayList<>();
    private static final Map<String, ReadResult> LOADED = new LinkedHashMap<>();
    private static final Map<String, String> FAILED = new LinkedHashMap<>();

    @BeforeAll
    static void readCorpus() throws IOException {
        scenarios = SharedCorpus.scenarios();
        for (String line : Files.readAllLines(scenarios.resolve("INDEX.md"))) {
            Matcher m = ROW.matcher(line);
            if (!m.find()) continue;
            String folder = m.group(1);
            if (!folder.startsWith("anac/") && !folder.startsWith("other/")) continue; // JSON formats
            ROWS.add(new Row(folder, Integer.parseInt(m.group(2)), m.group(3), new BigInteger(m.group(4)),
                    Integer.parseInt(m.group(5))));
        }
        for (Row r : ROWS) {
            try {
                LOADED.put(r.folder(), GeniusXml.readFolder(scenarios.resolve(r.folder()), null));
            } catch (ScenarioFormatException e) {
                FAILED.put(r.folder(), e.getMessage());
            }
        }
    }

    @Test
    void theIndexListsEveryGeniusFolderOfTheCorpus() throws IOException {
        Set<String> onDisk = new TreeSet<>();
        for (String group : List.of("anac", "other")) {
            try (Stream<Path> s = Files.walk(scenarios.resolve(group), 2)) {
                s.filter(Files::isDirectory).filter(GeniusCorpusTest::holdsXml)
                        .forEach(p -> onDisk.add(scenarios.relativize(p).toString().replace('\\', '/')));
            }
        }
        assertThat(ROWS).hasSizeGreaterThan(150);
        assertThat(ROWS.stream().map(Row::folder)).containsExactlyInAnyOrderElementsOf(onDisk);
    }

    private static boolean holdsXml(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".xml"));
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void everyFolderLoadsWithTheIssuesOutcomesAndProfilesOfTheIndex() {
        assertThat(FAILED).as("folders that failed to load").isEmpty();
        List<String> mismatches = new ArrayList<>();
        for (Row r : ROWS) {
            Scenario s = LOADED.get(r.folder()).scenario();
            Domain d = s.domain();
            Set<Issue.Type> kinds = EnumSet.noneOf(Issue.Type.class);
            for (Issue i : d.issues()) kinds.add(i.type());
            Set<Issue.Type> expectedKinds = EnumSet.noneOf(Issue.Type.class);
            for (String k : r.kinds().split("/")) expectedKinds.add(Issue.Type.valueOf(k.toUpperCase()));
            if (d.issueCount() != r.issues() || !d.outcomeCount().equals(r.outcomes())
                    || s.parties().size() != r.profiles() || !kinds.equals(expectedKinds)) {
                mismatches.add(r + " but read " + d.issueCount() + " issues " + kinds + ", " + d.outcomeCount()
                        + " outcomes, " + s.parties().size() + " parties");
            }
            assertThat(s.parties()).allMatch(p -> p.role() == org.pourparler.model.Role.NEGOTIATOR);
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void utilitiesLieWithinZeroAndOne() {
        Random random = new Random(2024);
        for (Map.Entry<String, ReadResult> e : LOADED.entrySet()) {
            for (Party p : e.getValue().scenario().parties()) {
                UtilityFunction u = p.profile().utility();
                String what = e.getKey() + " / " + p.name();
                if (u instanceof LinearAdditiveUtility lau) {
                    // Exact extremes of an additive utility: the sums of each issue's best and worst terms.
                    assertThat(lau.minUtility()).as(what).isGreaterThanOrEqualTo(-1e-9);
                    assertThat(lau.maxUtility()).as(what).isLessThanOrEqualTo(1 + 1e-9);
                }
                for (int k = 0; k < 2000; k++) {
                    assertThat(u.utility(randomOutcome(u.domain(), random))).as(what).isBetween(-1e-9, 1 + 1e-9);
                }
            }
        }
    }

    @Test
    void referenceSolutionsHaveTheReferenceUtilitiesAndReservationValues() throws IOException {
        JsonNode ref = new ObjectMapper().readTree(SharedCorpus.root().resolve("reference/genius-semantics.json").toFile());
        int checked = 0;
        for (JsonNode sc : ref.get("scenarios")) {
            String folder = sc.get("scenario").asText().replaceFirst("^scenarios/", "");
            Scenario s = LOADED.get(folder).scenario();
            Domain d = s.domain();
            assertThat(d.outcomeCount()).isEqualTo(BigInteger.valueOf(sc.get("outcomes").asLong()));
            for (int k = 0; k < s.parties().size(); k++) {
                assertThat(s.parties().get(k).profile().reservation()).as(folder)
                        .isCloseTo(sc.get("reservation").get(k).asDouble(), within(1e-9));
            }
            for (String concept : List.of("nash", "kalaiSmorodinsky", "egalitarian", "maxWelfare")) {
                for (JsonNode point : sc.get(concept)) {
                    int[] outcome = new int[d.issueCount()];
                    for (int i = 0; i < outcome.length; i++) {
                        outcome[i] = d.issue(i).indexOf(point.get("outcome").get(i).asText());
                        assertThat(outcome[i]).as(folder + " " + point.get("outcome")).isNotNegative();
                    }
                    for (int k = 0; k < s.parties().size(); k++) {
                        assertThat(s.parties().get(k).profile().utility().utility(outcome))
                                .as(folder + " " + concept + " party " + k)
                                .isCloseTo(point.get("utilities").get(k).asDouble(), within(1e-9));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(30);
    }

    /** The Pareto files list utility pairs that are sums of whole rectangle utilities over maxutility. */
    @Test
    void paretoFilesListUtilitiesOnTheGridOfOneOverMaxutility() throws IOException {
        int checked = 0;
        for (Map.Entry<String, ReadResult> e : LOADED.entrySet()) {
            Path pareto = scenarios.resolve(e.getKey()).resolve("pareto.xml");
            if (!Files.exists(pareto)) continue;
            List<Party> parties = e.getValue().scenario().parties();
            for (double[] point : SharedCorpus.paretoPoints(pareto)) {
                for (int k = 0; k < 2; k++) {
                    double maxUtility = 1 / ((HyperRectangleUtility) parties.get(k).profile().utility()).scale();
                    double raw = point[k] * maxUtility;
                    assertThat(Math.abs(raw - Math.rint(raw))).as(e.getKey() + " " + Arrays.toString(point))
                            .isLessThan(2e-3);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(200);
    }

    /**
     * An end point of the Pareto frontier of S-1NIKFRT-1, recomputed by the analysis (branch and
     * bound over the rectangles): the best outcome for the first party, and among those the best for
     * the second, read this way, has the utilities GENIUS listed in pareto.xml.
     */
    @Test
    void theParetoEndPointOfTheFirstPartyIsReproduced() throws Exception {
        String folder = "other/S-1NIKFRT-1";
        Scenario s = LOADED.get(folder).scenario();
        org.pourparler.analysis.FrontierPoint end = org.pourparler.analysis.AgreementAnalysis
                .analyze(s, org.pourparler.analysis.AgreementAnalysis.Options.defaults()).paretoAll().points().get(0);
        int[] best = end.outcomes().get(0);
        HyperRectangleUtility first = (HyperRectangleUtility) s.parties().get(0).profile().utility();
        HyperRectangleUtility second = (HyperRectangleUtility) s.parties().get(1).profile().utility();
        double[] endPoint = SharedCorpus.paretoPoints(scenarios.resolve(folder).resolve("pareto.xml")).stream()
                .filter(p -> p[0] == 1.0).findFirst().orElseThrow();
        assertThat(first.utility(best)).isEqualTo(1.0);
        assertThat(second.utility(best)).isCloseTo(endPoint[1], within(1e-6));
    }

    /**
     * GENIUS returns min(1, sum / maxutility); in 10issueswithRV the second profile's rectangles
     * reach 642 against a maxutility of 625 (the witness was found by branch and bound).
     */
    @Test
    void nonlinearUtilitiesAreCappedAtOneWhereTheRectanglesReachAboveMaxutility() {
        HyperRectangleUtility u = (HyperRectangleUtility) LOADED.get("anac/y2014/10issueswithRV").scenario()
                .parties().get(1).profile().utility();
        int[] witness = {0, 6, 9, 7, 0, 4, 9, 1, 5, 5};
        double raw = 0;
        for (HyperRectangleUtility.Rectangle r : u.rectangles()) if (r.contains(witness)) raw += r.utility();
        assertThat(raw * u.scale()).isGreaterThan(1.02);
        assertThat(u.utility(witness)).isEqualTo(1.0);
    }


    @Test
    void writingAndReadingBackKeepsEveryUtilityReservationAndDiscount() throws ScenarioFormatException {
        Random random = new Random(7);
        for (Map.Entry<String, ReadResult> e : LOADED.entrySet()) {
            Scenario original = e.getValue().scenario();
            Written w = GeniusXml.write(original);
            assertThat(w.warnings()).as(e.getKey()).noneMatch(x -> x.contains("divided by") || x.contains("discrete issue"));
            List<String> names = new ArrayList<>(w.files().keySet());
            Map<String, String> profiles = new LinkedHashMap<>();
            for (String n : names.subList(1, names.size())) profiles.put(n, w.files().get(n));
            Scenario back = GeniusXml.parse(names.get(0), w.files().get(names.get(0)), profiles).scenario();

            assertThat(back.domain()).as(e.getKey()).isEqualTo(original.domain());
            assertThat(back.title()).isEqualTo(original.title());
            for (int k = 0; k < original.parties().size(); k++) {
                Party before = original.parties().get(k);
                Party after = back.party(FileNames.stem(names.get(k + 1)));
                String what = e.getKey() + " / " + before.name();
                assertThat(after).as(what).isNotNull();
                assertThat(after.profile().reservation()).as(what).isEqualTo(before.profile().reservation());
                assertThat(after.profile().discount()).as(what).isEqualTo(before.profile().discount());
                assertSameUtilities(what, before.profile().utility(), after.profile().utility(), random);
            }
        }
    }

    static void assertSameUtilities(String what, UtilityFunction a, UtilityFunction b, Random random) {
        Domain d = a.domain();
        if (d.isEnumerable(EXHAUSTIVE_LIMIT)) {
            long n = d.outcomeCountExact();
            int[] o = new int[d.issueCount()];
            for (long i = 0; i < n; i++) {
                d.outcomeAt(i, o);
                double x = a.utility(o);
                double y = b.utility(o);
                if (Math.abs(x - y) > 1e-12) {
                    assertThat(y).as(what + " outcome " + Arrays.toString(o)).isCloseTo(x, within(1e-12));
                }
            }
        } else {
            for (int k = 0; k < 20_000; k++) {
                int[] o = randomOutcome(d, random);
                assertThat(b.utility(o)).as(what + " outcome " + Arrays.toString(o)).isCloseTo(a.utility(o), within(1e-12));
            }
        }
    }

    static int[] randomOutcome(Domain d, Random random) {
        int[] o = new int[d.issueCount()];
        for (int i = 0; i < o.length; i++) o[i] = random.nextInt(d.issue(i).size());
        return o;
    }
}
