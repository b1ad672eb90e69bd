package org.pourparler.io.pourparler;

import org.pourparler.io.source.ReadResult;
import org.pourparler.io.source.Written;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pourparler.model.IntegerIssue;
import org.pourparler.model.NoteTarget;
import org.pourparler.model.Party;
import org.pourparler.model.RealIssue;
import org.pourparler.model.Role;
import org.pourparler.model.Scenario;

/** The examples in {@code examples/} and in {@code docs/scenario-format.md} read cleanly. */
class PourparlerExamplesTest {
    /**
     * Example files whose warnings are expected, with a text every warning must contain. None
     * today: an example with un-normalised weights would be listed here.
     */
    static final Map<String, String> EXPECTED_WARNINGS = Map.of();

    /** The repository root: tests run in the module folder. */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("examples")) ? here : here.getParent();
    }

    static List<Path> examples() throws IOException {
        Path dir = root().resolve("examples");
        assertThat(dir).as("the examples folder").isDirectory();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleReadsWithoutUnexpectedWarnings() throws IOException {
        List<Path> files = examples();
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("labour-contract.yaml", "supplier-deal.yaml");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            ReadResult r = PourparlerFormat.read(f);
            String expected = EXPECTED_WARNINGS.get(f.getFileName().toString());
            if (expected == null) {
                assertThat(r.warnings()).as("warnings reading " + f).isEmpty();
            } else {
                assertThat(r.warnings()).allSatisfy(w -> assertThat(w).contains(expected));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRoundTripsInBothSyntaxes() throws IOException {
        return examples().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Scenario s = PourparlerFormat.read(f).scenario();
            for (PourparlerFormat.Syntax syntax : PourparlerFormat.Syntax.values()) {
                Written w = PourparlerFormat.write(s, syntax);
                assertThat(w.warnings()).isEmpty();
                Map.Entry<String, String> file = w.files().entrySet().iterator().next();
                ReadResult back = PourparlerFormat.parse(file.getValue(), file.getKey());
                assertThat(back.scenario()).isEqualTo(s);
                assertThat(back.warnings()).isEmpty();
            }
        }));
    }

    @Test
    void labourContractHasAnIntegerWageIssueAndARatifierWithARedLine() throws Exception {
        Scenario s = PourparlerFormat.read(root().resolve("examples/labour-contract.yaml")).scenario();
        assertThat(s.domain().issues()).hasSizeBetween(3, 4).anySatisfy(i -> assertThat(i).isInstanceOf(IntegerIssue.class));
        assertThat(s.negotiators()).extracting(Party::name).containsExactly("union", "hospital group");
        Party members = s.parties().stream().filter(p -> p.role() == Role.RATIFIER).findFirst().orElseThrow();
        assertThat(members.profile().redLines()).isNotEmpty();
        // "no 3-year term with less than 3% a year": 3 years and 2% crosses it, 3 years and 3% does not
        int term = s.domain().issueIndex("term");
        int wage = s.domain().issueIndex("wage increase");
        int[] o = new int[s.domain().issueCount()];
        o[term] = s.domain().issue(term).indexOf("3 years");
        o[wage] = s.domain().issue(wage).indexOf("2");
        assertThat(members.profile().crossesRedLine(o)).isTrue();
        o[wage] = s.domain().issue(wage).indexOf("3");
        assertThat(members.profile().crossesRedLine(o)).isFalse();
        assertProvenance(s);
    }

    @Test
    void supplierDealHasARealIssueWithAStep() throws Exception {
        Scenario s = PourparlerFormat.read(root().resolve("examples/supplier-deal.yaml")).scenario();
        RealIssue price = (RealIssue) s.domain().issue(s.domain().issueIndex("unit price"));
        assertThat(price.step()).isEqualByComparingTo("0.25");
        assertThat(price.size()).isEqualTo(25);
        assertThat(s.parties()).extracting(Party::name).containsExactly("bakery", "mill");
        assertProvenance(s);
    }

    /** Notes on the scenario, every party and every reservation value, and many more. */
    private static void assertProvenance(Scenario s) {
        assertThat(s.notes()).containsKey(NoteTarget.scenario());
        for (Party p : s.parties()) {
            assertThat(s.notes()).containsKeys(NoteTarget.party(p.name()), NoteTarget.reservation(p.name()));
        }
        assertThat(s.notes().size()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void theCompleteExampleInTheFormatDocumentReads() throws Exception {
        String doc = Files.readString(root().resolve("docs/scenario-format.md"));
        Matcher m = Pattern.compile("```yaml\n(format: pourparler/1\n.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("a complete ```yaml example starting with the format line").isTrue();
        ReadResult r = PourparlerFormat.parse(m.group(1), "scenario-format.md");
        assertThat(r.warnings()).isEmpty();
        Scenario s = r.scenario();
        assertThat(s.parties()).hasSize(2);
        assertThat(s.party("mill").profile().redLines()).hasSize(1);
        assertThat(s.notes()).containsKey(NoteTarget.utility("bakery", "delivery", "monthly"));
    }
}
