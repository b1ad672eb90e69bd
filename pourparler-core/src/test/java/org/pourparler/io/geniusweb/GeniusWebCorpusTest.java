package org.pourparler.io.geniusweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pourparler.io.source.ReadResult;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.source.Written;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.Party;
import org.pourparler.model.Scenario;
import org.pourparler.testing.SharedCorpus;

/**
 * Every GeniusWeb and ANL 2023 folder of the shared corpus: it loads, its counts agree with the
 * independent INDEX.md, ANL 2023 reference utilities agree with ours, and writing then reading
 * it back changes no utility.
 *
 * <p>INDEX.md counts profile <em>files</em>; an ordering profile (jobs1partial20.json, a
 * DefaultPartialOrdering) is a file but no party, so parties + skipped unsupported profiles =
 * INDEX's count.
 */
class GeniusWebCorpusTest {

    private static final Pattern ROW = Pattern.compile(
            "^\\| `([^`]+)` \\| (\\d+) \\| ([^|]+) \\| (\\d+|\\?) \\| (\\d+) \\|.*$");

    /** One INDEX.md row. */
    record IndexRow(String folder, int issues, String kinds, BigInteger outcomes, int profiles) { }

    static Map<String, IndexRow> index() throws IOException {
        Map<String, IndexRow> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(SharedCorpus.scenarios().resolve("INDEX.md"))) {
            Matcher m = ROW.matcher(line);
            if (!m.matches()) continue;
            rows.put(m.group(1), new IndexRow(m.group(1), Integer.parseInt(m.group(2)), m.group(3).trim(),
                    m.group(4).equals("?") ? null : new BigInteger(m.group(4)), Integer.parseInt(m.group(5))));
        }
        return rows;
    }

    static List<Path> folders() throws IOException {
        List<Path> out = new ArrayList<>();
        Path root = SharedCorpus.scenarios();
        for (String group : List.of("geniusweb", "anl2023")) {
            try (Stream<Path> s = Files.list(root.resolve(group))) {
                s.filter(Files::isDirectory).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static String key(Path folder) {
        return folder.getParent().getFileName() + "/" + folder.getFileName();
    }

    @TestFactory
    Stream<DynamicTest> every_folder_loads_with_the_counts_of_the_index() throws IOException {
        Map<String, IndexRow> index = index();
        List<Path> folders = folders();
        assertThat(folders).hasSizeGreaterThanOrEqualTo(32);
        return folders.stream().map(f -> DynamicTest.dynamicTest(key(f), () -> {
            IndexRow row = index.get(key(f));
            assertThat(row).as("INDEX.md row for " + key(f)).isNotNull();
            ReadResult r = GeniusWebJson.readFolder(f, null);
            Scenario s = r.scenario();
            assertThat(s.domain().issueCount()).isEqualTo(row.issues());
            assertThat(s.domain().outcomeCount()).isEqualTo(row.outcomes());
            String kind = row.kinds().equals("number") ? "REAL" : "DISCRETE";
            assertThat(s.domain().issues()).allSatisfy(i -> assertThat(i.type().name()).isEqualTo(kind));
            long unsupported = r.warnings().stream().filter(w -> w.contains("which Pourparler cannot read")).count();
            assertThat(s.parties().size() + unsupported).isEqualTo(row.profiles());
            assertThat(s.parties()).isNotEmpty();
            // parties sorted by file name, all negotiators
            List<String> names = s.parties().stream().map(Party::name).toList();
            assertThat(names).isSorted();
            assertThat(s.negotiators()).hasSameSizeAs(s.parties());
            // no warning about specials.json; every warning names a file
            assertThat(r.warnings()).noneMatch(w -> w.contains("specials"));
            assertThat(r.warnings()).allMatch(w -> w.contains(".json"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> the_ordering_profile_is_skipped_with_a_warning_naming_its_type() throws IOException {
        Path jobs = SharedCorpus.scenarios().resolve("geniusweb/jobs");
        return Stream.of(DynamicTest.dynamicTest("jobs", () -> {
            ReadResult r = GeniusWebJson.readFolder(jobs, null);
            assertThat(r.scenario().parties()).extracting(Party::name).containsExactly("jobs1");
            assertThat(r.warnings()).anyMatch(w -> w.contains("jobs1partial20.json") && w.contains("DefaultPartialOrdering"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> anl2023_reference_utilities_equal_ours() throws IOException {
        ObjectMapper json = new ObjectMapper();
        return folders().stream().filter(f -> f.getParent().getFileName().toString().equals("anl2023"))
                .map(f -> DynamicTest.dynamicTest(key(f), () -> {
                    Scenario s = GeniusWebJson.readFolder(f, null).scenario();
                    assertThat(s.parties()).extracting(Party::name).containsExactly("profileA", "profileB");
                    JsonNode specials = json.readTree(f.resolve("specials.json").toFile());
                    List<JsonNode> points = new ArrayList<>();
                    for (String k : List.of("nash", "kalai", "social_welfare")) points.add(specials.get(k));
                    specials.get("pareto_front").forEach(points::add);
                    assertThat(points.size()).isGreaterThan(3);
                    assertThat(specials.get("size").asLong()).isEqualTo(s.domain().outcomeCountExact());
                    for (JsonNode point : points) {
                        Map<String, String> bid = new HashMap<>();
                        for (Iterator<Map.Entry<String, JsonNode>> it = point.get("bid").fields(); it.hasNext(); ) {
                            Map.Entry<String, JsonNode> e = it.next();
                            bid.put(e.getKey(), e.getValue().asText());
                        }
                        int[] o = s.domain().outcomeOf(bid);
                        for (int p = 0; p < 2; p++) {
                            assertThat(s.parties().get(p).profile().utility().utility(o))
                                    .as(key(f) + " " + bid + " party " + p)
                                    .isCloseTo(point.get("utility").get(p).asDouble(), within(1e-9));
                        }
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> writing_and_reading_back_keeps_every_utility() throws IOException {
        return folders().stream().map(f -> DynamicTest.dynamicTest(key(f), () -> {
            Scenario s = GeniusWebJson.readFolder(f, null).scenario();
            Written w = GeniusWebJson.write(s);
            // GeniusWeb data needs no repair: nothing to warn about
            assertThat(w.warnings()).isEmpty();
            Scenario back = readBack(w);
            assertSameUtilities(s, back);
        }));
    }

    /** Reads written files back: the first file is the domain, the others the parties. */
    static Scenario readBack(Written w) throws ScenarioFormatException {
        Iterator<Map.Entry<String, String>> it = w.files().entrySet().iterator();
        String domain = it.next().getValue();
        Map<String, String> profiles = new LinkedHashMap<>();
        while (it.hasNext()) {
            Map.Entry<String, String> e = it.next();
            profiles.put(e.getKey().substring(0, e.getKey().length() - 5), e.getValue());
        }
        ReadResult r = GeniusWebJson.parse(domain, profiles);
        assertThat(r.warnings()).isEmpty();
        return r.scenario();
    }

    /** Same domain and parties; every outcome (or 200,000 sampled) has the same utility; same reservation values. */
    static void assertSameUtilities(Scenario s, Scenario back) {
        Domain d = s.domain();
        assertThat(back.domain()).isEqualTo(d);
        assertThat(back.parties()).extracting(Party::name).containsExactlyElementsOf(s.parties().stream().map(Party::name).toList());
        for (int p = 0; p < s.parties().size(); p++) {
            var a = s.parties().get(p).profile();
            var b = back.parties().get(p).profile();
            assertThat(b.reservation()).as("reservation of " + s.parties().get(p).name()).isCloseTo(a.reservation(), within(1e-12));
            assertThat(b.reservationOutcome()).isEqualTo(a.reservationOutcome());
            assertThat(b.utility().kind()).isEqualTo(a.utility().kind());
            if (d.isEnumerable(1_000_000)) {
                for (long k = 0; k < d.outcomeCountExact(); k++) {
                    int[] o = d.outcomeAt(k);
                    assertThat(b.utility().utility(o)).isCloseTo(a.utility().utility(o), within(1e-12));
                }
            } else {
                Random random = new Random(42);
                int[] sizes = d.sizes();
                for (int k = 0; k < 200_000; k++) {
                    int[] o = new int[sizes.length];
                    for (int i = 0; i < o.length; i++) o[i] = random.nextInt(sizes[i]);
                    assertThat(b.utility().utility(o)).isCloseTo(a.utility().utility(o), within(1e-12));
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> issue_kinds_of_number_domains_are_real_grids() throws IOException {
        Path seven = SharedCorpus.scenarios().resolve("geniusweb/7issues");
        return Stream.of(DynamicTest.dynamicTest("7issues", () -> {
            Scenario s = GeniusWebJson.readFolder(seven, null).scenario();
            for (Issue i : s.domain().issues()) {
                assertThat(i.size()).isEqualTo(10);
                assertThat(i.label(0)).isEqualTo("0");
                assertThat(i.label(9)).isEqualTo("9");
            }
        }));
    }
}
