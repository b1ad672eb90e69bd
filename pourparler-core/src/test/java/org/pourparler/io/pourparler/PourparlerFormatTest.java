package org.pourparler.io.pourparler;

import org.pourparler.io.source.ReadResult;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.source.Written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pourparler.model.DiscreteIssue;
import org.pourparler.model.HyperRectangleUtility;
import org.pourparler.model.IntegerIssue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.NoteTarget;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.RealIssue;
import org.pourparler.model.Role;
import org.pourparler.model.Scenario;
import org.pourparler.model.SumOfGroupsUtility;
import org.pourparler.model.ValueFunction;

/** Reading, writing and rejecting {@code pourparler/1} files, one feature or error at a time. */
class PourparlerFormatTest {

    /** A small valid scenario that the error tests break in one place each. */
    static final String BASE = """
            format: pourparler/1
            title: Test deal
            issues:
              - name: price
                options: [low, high]
              - name: wage
                integer: {min: 0, max: 2}
            parties:
              - name: buyer
                utility:
                  issues:
                    price:
                      weight: 0.5
                      options: {low: 1, high: 0}
                    wage:
                      weight: 0.5
                      linear: {slope: 0.5, intercept: 0}
              - name: seller
                utility:
                  issues:
                    price: {weight: 0.75, options: {low: 0, high: 1}}
                    wage: {weight: 0.25, constant: 1}
            """;

    static ReadResult read(String yaml) throws ScenarioFormatException {
        return PourparlerFormat.parse(yaml, "test.yaml");
    }

    static Scenario scenario(String yaml) throws ScenarioFormatException {
        ReadResult r = read(yaml);
        assertThat(r.warnings()).isEmpty();
        return r.scenario();
    }

    static ScenarioFormatException error(String yaml) {
        try {
            read(yaml);
        } catch (ScenarioFormatException e) {
            assertThat(e.getMessage()).startsWith("test.yaml: ");
            return e;
        }
        throw new AssertionError("expected an error for:\n" + yaml);
    }

    /** BASE with one text replaced (which must occur in it). */
    static String base(String from, String to) {
        assertThat(BASE).contains(from);
        return BASE.replace(from, to);
    }

    static double u(Scenario s, String party, int... outcome) {
        return s.party(party).profile().utility().utility(outcome);
    }

    @Nested
    class Reading {
        @Test
        void readsTheBaseScenarioWithItsDefaults() throws Exception {
            Scenario s = scenario(BASE);
            assertThat(s.title()).isEqualTo("Test deal");
            assertThat(s.domain().name()).isEqualTo("Test deal");
            assertThat(s.description()).isEmpty();
            assertThat(s.domain().issues()).containsExactly(new DiscreteIssue("price", List.of("low", "high")),
                    new IntegerIssue("wage", 0, 2));
            Party buyer = s.party("buyer");
            assertThat(buyer.role()).isEqualTo(Role.NEGOTIATOR);
            assertThat(buyer.profile().reservation()).isEqualTo(0.0);
            assertThat(buyer.profile().discount()).isEqualTo(1.0);
            assertThat(buyer.profile().redLines()).isEmpty();
            assertThat(buyer.profile().utility()).isInstanceOf(LinearAdditiveUtility.class);
            assertThat(u(s, "buyer", 0, 2)).isEqualTo(0.5 * 1 + 0.5 * 1.0);
            assertThat(u(s, "buyer", 1, 1)).isEqualTo(0.5 * 0 + 0.5 * 0.5);
            assertThat(u(s, "seller", 1, 0)).isEqualTo(0.75 + 0.25);
            assertThat(s.notes()).isEmpty();
        }

        @Test
        void theSameTreeInJsonGivesTheSameScenario() throws Exception {
            String json = """
                    {"format": "pourparler/1", "title": "Test deal",
                     "issues": [{"name": "price", "options": ["low", "high"]},
                                {"name": "wage", "integer": {"min": 0, "max": 2}}],
                     "parties": [
                       {"name": "buyer", "utility": {"issues": {
                          "price": {"weight": 0.5, "options": {"low": 1, "high": 0}},
                          "wage": {"weight": 0.5, "linear": {"slope": 0.5, "intercept": 0}}}}},
                       {"name": "seller", "utility": {"issues": {
                          "price": {"weight": 0.75, "options": {"low": 0, "high": 1}},
                          "wage": {"weight": 0.25, "constant": 1}}}}]}
                    """;
            assertThat(PourparlerFormat.parse(json, "test.json").scenario()).isEqualTo(scenario(BASE));
        }

        @Test
        void readsFilesByExtension(@TempDir Path dir) throws Exception {
            Scenario s = scenario(BASE);
            Path yml = dir.resolve("a.yml");
            Files.writeString(yml, BASE);
            Path json = dir.resolve("b.json");
            Files.writeString(json, PourparlerFormat.toJson(s));
            assertThat(PourparlerFormat.read(yml).scenario()).isEqualTo(s);
            assertThat(PourparlerFormat.read(json).scenario()).isEqualTo(s);
            // .json files go to the JSON parser: YAML syntax there is a JSON error naming the line
            Path bad = dir.resolve("c.json");
            Files.writeString(bad, BASE);
            assertThatThrownBy(() -> PourparlerFormat.read(bad))
                    .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("JSON syntax error")
                    .hasMessageContaining("line 1");
        }

        @Test
        void missingFileIsAFormatError(@TempDir Path dir) {
            assertThatThrownBy(() -> PourparlerFormat.read(dir.resolve("none.yaml")))
                    .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("no such file");
        }

        @Test
        void domainNameDescriptionAndScenarioNotes() throws Exception {
            Scenario s = scenario(base("title: Test deal", """
                    title: Test deal
                    domain: prices and wages
                    description: |
                      Two lines
                      of description.
                    notes: From the 2024 brief."""));
            assertThat(s.domain().name()).isEqualTo("prices and wages");
            assertThat(s.description()).isEqualTo("Two lines\nof description.\n");
            assertThat(s.notes()).containsEntry(NoteTarget.scenario(), "From the 2024 brief.");
        }

        @Test
        void optionsMayCarryNotes() throws Exception {
            Scenario s = scenario(base("options: [low, high]", "notes: The unit price.\n    options:\n      - low\n"
                    + "      - name: high\n        notes: The seller's list price."));
            assertThat(s.domain().issue(0)).isEqualTo(new DiscreteIssue("price", List.of("low", "high")));
            assertThat(s.notes()).containsEntry(NoteTarget.issue("price"), "The unit price.")
                    .containsEntry(NoteTarget.option("price", "high"), "The seller's list price.")
                    .hasSize(2);
        }

        @Test
        void numericAndBooleanLabelsAreTheTextWritten() throws Exception {
            Scenario s = scenario(base("options: [low, high]", "options: [0.10, yes]")
                    .replace("{low: 1, high: 0}", "{\"0.10\": 1, \"yes\": 0}")
                    .replace("{low: 0, high: 1}", "{0.10: 0, yes: 1}"));
            assertThat(((DiscreteIssue) s.domain().issue(0)).values()).containsExactly("0.10", "yes");
            assertThat(u(s, "seller", 1, 0)).isEqualTo(1.0);
        }

        @Test
        void realIssuesKeepExactDecimals() throws Exception {
            Scenario s = scenario(base("integer: {min: 0, max: 2}", "real: {min: 0.10, max: 0.30, step: 0.10}")
                    .replace("linear: {slope: 0.5, intercept: 0}", "options: {0.1: 0, \"0.20\": 0.5, 0.3: 1}"));
            RealIssue r = (RealIssue) s.domain().issue(1);
            assertThat(r.min()).isEqualByComparingTo(new BigDecimal("0.1"));
            assertThat(r.step()).isEqualByComparingTo(new BigDecimal("0.1"));
            assertThat(r.size()).isEqualTo(3);
            assertThat(List.of(r.label(0), r.label(1), r.label(2))).containsExactly("0.1", "0.2", "0.3");
            assertThat(u(s, "buyer", 0, 1)).isEqualTo(0.5 + 0.5 * 0.5);
        }

        @Test
        void realGridStopsAtTheLastPointNotAboveMax() throws Exception {
            Scenario s = scenario(base("integer: {min: 0, max: 2}", "real: {min: 1, max: 2.2, step: 0.5}")
                    .replace("linear: {slope: 0.5, intercept: 0}", "linear: {slope: 1}"));
            assertThat(s.domain().issue(1).size()).isEqualTo(3);   // 1, 1.5, 2
            assertThat(u(s, "buyer", 1, 2)).isEqualTo(0.5 * 2);
        }

        @Test
        void weightsThatDoNotSumToOneAreNormalisedWithAWarning() throws Exception {
            ReadResult r = read(base("weight: 0.5\n          options: {low: 1, high: 0}", "weight: 3\n          options: {low: 1, high: 0}")
                    .replace("weight: 0.5\n          linear", "weight: 1\n          linear"));
            assertThat(r.warnings()).singleElement().asString()
                    .contains("test.yaml").contains("parties[0].utility").contains("'buyer'").contains("sum to 4");
            LinearAdditiveUtility u = (LinearAdditiveUtility) r.scenario().party("buyer").profile().utility();
            assertThat(u.weights()).containsExactly(0.75, 0.25);
        }

        @Test
        void weightsNear1e308AreDividedByTheLargestFirstInsteadOfOverflowing() throws Exception {
            // their sum is Infinity: the reader used to stop with a stack trace, and dividing by it gives 0
            ReadResult r = read(base("weight: 0.5\n          options: {low: 1, high: 0}", "weight: 1e308\n          options: {low: 1, high: 0}")
                    .replace("weight: 0.5\n          linear", "weight: 1.5e308\n          linear"));
            assertThat(r.warnings()).singleElement().asString()
                    .contains("test.yaml").contains("'buyer'").contains("more than the largest number");
            LinearAdditiveUtility u = (LinearAdditiveUtility) r.scenario().party("buyer").profile().utility();
            assertThat(u.weights()[0]).isCloseTo(0.4, org.assertj.core.api.Assertions.within(1e-15));
            assertThat(u.weights()[1]).isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-15));
            assertThat(u.maxUtility()).isGreaterThan(0);
        }

        @Test
        void weightsSummingToOneUpToRoundingAreKeptExactly() throws Exception {
            // 0.45 + 0.15 + 0.25 + 0.15 = 1.0000000000000002 in floating point
            String yaml = """
                    format: pourparler/1
                    title: t
                    issues: [{name: a, options: [x]}, {name: b, options: [x]}, {name: c, options: [x]}, {name: d, options: [x]}]
                    parties:
                      - name: p
                        utility:
                          weights: {a: 0.45, b: 0.15, c: 0.25, d: 0.15}
                          issues: {a: {constant: 1}, b: {constant: 1}, c: {constant: 1}, d: {constant: 1}}
                    """;
            LinearAdditiveUtility u = (LinearAdditiveUtility) scenario(yaml).party("p").profile().utility();
            assertThat(u.weights()).containsExactly(0.45, 0.15, 0.25, 0.15);
        }

        @Test
        void weightsMayBeGivenApartWithNotes() throws Exception {
            Scenario s = scenario(base("      issues:\n        price:\n          weight: 0.5\n",
                    "      weights:\n        price: {value: 0.5, notes: Price matters as much as wages.}\n"
                            + "      issues:\n        price:\n"));
            assertThat(u(s, "buyer", 0, 2)).isEqualTo(1.0);
            assertThat(s.notes()).containsEntry(NoteTarget.weight("buyer", "price"), "Price matters as much as wages.");
        }

        @Test
        void notesOnWeightsAndOptionUtilities() throws Exception {
            Scenario s = scenario(base("weight: 0.5\n          options: {low: 1, high: 0}",
                    "weight: 0.5\n          notes: From the survey.\n          options:\n"
                            + "            low: {utility: 1, notes: Best case.}\n            high: 0"));
            assertThat(s.notes()).containsEntry(NoteTarget.weight("buyer", "price"), "From the survey.")
                    .containsEntry(NoteTarget.utility("buyer", "price", "low"), "Best case.").hasSize(2);
            assertThat(u(s, "buyer", 0, 0)).isEqualTo(0.5);
        }

        @Test
        void numericOptionsAreNamedByTheirNumbers() throws Exception {
            Scenario s = scenario(base("linear: {slope: 0.5, intercept: 0}", "options: {0: 0.1, \"1\": {utility: 0.2, notes: n}, 2: 0.3}"));
            assertThat(u(s, "buyer", 1, 1)).isEqualTo(0.5 * 0.2);
            assertThat(s.notes()).containsEntry(NoteTarget.utility("buyer", "wage", "1"), "n");
        }

        @Test
        void valueFunctions() throws Exception {
            Scenario s = scenario(base("linear: {slope: 0.5, intercept: 0}", "triangular: {low: 0, peak: 1, high: 2}")
                    .replace("wage: {weight: 0.25, constant: 1}", "wage: {weight: 0.25, piecewise: [[0.5, 0], [1.5, 1]]}"));
            assertThat(u(s, "buyer", 1, 1)).isEqualTo(0.5);
            assertThat(u(s, "buyer", 1, 2)).isEqualTo(0.0);
            assertThat(u(s, "seller", 0, 0)).isEqualTo(0.0);   // below the first point: its value
            assertThat(u(s, "seller", 0, 1)).isEqualTo(0.25 * 0.5);
            assertThat(u(s, "seller", 0, 2)).isEqualTo(0.25);  // above the last point: its value
        }

        @Test
        void piecewiseZeroOutsideAndClampedLinear() throws Exception {
            Scenario s = scenario(base("linear: {slope: 0.5, intercept: 0}", "linear: {slope: 2, intercept: -1, clamp: true}")
                    .replace("wage: {weight: 0.25, constant: 1}",
                            "wage: {weight: 0.25, piecewise: {points: [[0.5, 1], [1.5, 1]], outside: zero}}"));
            assertThat(u(s, "buyer", 1, 0)).isEqualTo(0.0);    // -1 clamped
            assertThat(u(s, "buyer", 1, 2)).isEqualTo(0.5);    // 3 clamped to 1
            assertThat(u(s, "seller", 0, 0)).isEqualTo(0.0);
            assertThat(u(s, "seller", 0, 1)).isEqualTo(0.25);
            ValueFunction f = ((LinearAdditiveUtility) s.party("seller").profile().utility()).functions().get(1);
            assertThat(((ValueFunction.PiecewiseLinear) f).zeroOutside()).isTrue();
        }

        @Test
        void reservationDiscountRoleAndRedLines() throws Exception {
            Scenario s = scenario(base("  - name: seller\n", """
                      - name: seller
                        role: ratifier
                        notes: The board.
                        reservation: {value: 0.4, notes: Spot market.}
                        discount: {value: 0.9, notes: Storage costs.}
                        redLines:
                          - description: Never cheap and slow
                            notes: Board resolution.
                            when: {price: low, wage: [0, 1]}
                    """));
            Profile p = s.party("seller").profile();
            assertThat(s.party("seller").role()).isEqualTo(Role.RATIFIER);
            assertThat(p.reservation()).isEqualTo(0.4);
            assertThat(p.discount()).isEqualTo(0.9);
            assertThat(p.redLines()).singleElement().satisfies(r -> {
                assertThat(r.description()).isEqualTo("Never cheap and slow");
                assertThat(r.crossedBy(new int[] {0, 1})).isTrue();
                assertThat(r.crossedBy(new int[] {0, 2})).isFalse();
                assertThat(r.crossedBy(new int[] {1, 0})).isFalse();
            });
            assertThat(s.notes()).containsEntry(NoteTarget.party("seller"), "The board.")
                    .containsEntry(NoteTarget.reservation("seller"), "Spot market.")
                    .containsEntry(NoteTarget.discount("seller"), "Storage costs.")
                    .containsEntry(NoteTarget.redLine("seller", "Never cheap and slow"), "Board resolution.");
        }

        @Test
        void reservationAsAnOutcomeDefaultsToItsUtility() throws Exception {
            Scenario s = scenario(base("  - name: seller\n", "  - name: seller\n    reservation: {outcome: {wage: 1, price: high}}\n"));
            Profile p = s.party("seller").profile();
            assertThat(p.reservationOutcome()).contains(Outcome.of(1, 1));
            assertThat(p.reservation()).isEqualTo(u(s, "seller", 1, 1));
        }

        @Test
        void hyperRectangleUtility() throws Exception {
            Scenario s = scenario(base("""
                    utility:
                          issues:
                            price: {weight: 0.75, options: {low: 0, high: 1}}
                            wage: {weight: 0.25, constant: 1}""", """
                    utility:
                          kind: hyper-rectangle
                          aggregation: max
                          scale: 2
                          rectangles:
                            - utility: 3
                              includes: [{issue: wage, from: 1, to: 2}]
                            - utility: 5
                              includes: [{issue: price, from: high}]
                              excludes: [{issue: wage, indexes: [2, 2]}]
                            - utility: 1"""));
            HyperRectangleUtility h = (HyperRectangleUtility) s.party("seller").profile().utility();
            assertThat(h.aggregation()).isEqualTo(HyperRectangleUtility.Aggregation.MAX);
            assertThat(h.rectangles().get(0).includes()).containsExactly(new HyperRectangleUtility.Bound(1, 1, 2));
            assertThat(u(s, "seller", 0, 0)).isEqualTo(2 * 1.0);
            assertThat(u(s, "seller", 0, 1)).isEqualTo(2 * 3.0);
            assertThat(u(s, "seller", 1, 1)).isEqualTo(2 * 5.0);
            assertThat(u(s, "seller", 1, 2)).isEqualTo(2 * 3.0);
        }

        @Test
        void sumOfGroupsUtilityWithMissingCombinationsZero() throws Exception {
            Scenario s = scenario(base("""
                    utility:
                          issues:
                            price: {weight: 0.75, options: {low: 0, high: 1}}
                            wage: {weight: 0.25, constant: 1}""", """
                    utility:
                          kind: sum-of-groups
                          groups:
                            - issues: [wage, price]
                              utilities:
                                - [0, low, 0.5]
                                - [2, high, 0.25]
                            - name: price alone
                              issues: [price]
                              utilities: [[high, 0.125]]"""));
            SumOfGroupsUtility g = (SumOfGroupsUtility) s.party("seller").profile().utility();
            assertThat(g.groups().get(0).name()).isEqualTo("wage & price");
            assertThat(g.groups().get(1).name()).isEqualTo("price alone");
            assertThat(u(s, "seller", 0, 0)).isEqualTo(0.5);
            assertThat(u(s, "seller", 1, 2)).isEqualTo(0.25 + 0.125);
            assertThat(u(s, "seller", 1, 1)).isEqualTo(0.125);
            assertThat(u(s, "seller", 0, 1)).isEqualTo(0.0);
        }

        @Test
        void otherNotesOfEveryKind() throws Exception {
            Scenario s = scenario(BASE + """
                    otherNotes:
                      - {about: scenario, notes: s}
                      - {about: issue, issue: wage, notes: i}
                      - {about: option, issue: wage, option: 2, notes: o}
                      - {about: party, party: buyer, notes: p}
                      - {about: weight, party: buyer, issue: wage, notes: w}
                      - {about: utility, party: buyer, issue: wage, option: "1", notes: u}
                      - {about: reservation, party: seller, notes: r}
                      - {about: discount, party: seller, notes: d}
                    """);
            assertThat(s.notes()).containsEntry(NoteTarget.scenario(), "s").containsEntry(NoteTarget.issue("wage"), "i")
                    .containsEntry(NoteTarget.option("wage", "2"), "o").containsEntry(NoteTarget.party("buyer"), "p")
                    .containsEntry(NoteTarget.weight("buyer", "wage"), "w")
                    .containsEntry(NoteTarget.utility("buyer", "wage", "1"), "u")
                    .containsEntry(NoteTarget.reservation("seller"), "r").containsEntry(NoteTarget.discount("seller"), "d")
                    .hasSize(8);
        }

        @Test
        void optionNotesOfNumericIssues() throws Exception {
            Scenario s = scenario(base("integer: {min: 0, max: 2}", "integer: {min: 0, max: 2}\n    optionNotes: {1: one, \"2\": two}"));
            assertThat(s.notes()).containsEntry(NoteTarget.option("wage", "1"), "one")
                    .containsEntry(NoteTarget.option("wage", "2"), "two");
        }

        @Test
        void yamlCommentsAndQuotedNumbersAreAccepted() throws Exception {
            Scenario s = scenario(base("weight: 0.5\n          linear", "weight: \"0.5\"  # quoted is fine\n          linear"));
            assertThat(s).isEqualTo(scenario(BASE));
        }
    }

    @Nested
    class Writing {
        @Test
        void writesOneFileNamedAfterTheTitle() throws Exception {
            Scenario s = scenario(BASE.replace("title: Test deal", "title: \"Ukraine / Russia: 2024 feelers!\""));
            Written y = PourparlerFormat.write(s, PourparlerFormat.Syntax.YAML);
            Written j = PourparlerFormat.write(s, PourparlerFormat.Syntax.JSON);
            assertThat(y.files()).containsOnlyKeys("ukraine-russia-2024-feelers.yaml");
            assertThat(j.files()).containsOnlyKeys("ukraine-russia-2024-feelers.json");
            assertThat(y.warnings()).isEmpty();
            assertThat(y.files().values().iterator().next()).isEqualTo(PourparlerFormat.toYaml(s));
            assertThat(j.files().values().iterator().next()).isEqualTo(PourparlerFormat.toJson(s));
        }

        @Test
        void fileNamesAreSanitised() {
            assertThat(PourparlerFormat.fileName("  ", PourparlerFormat.Syntax.YAML)).isEqualTo("scenario.yaml");
            assertThat(PourparlerFormat.fileName("../../etc/passwd", PourparlerFormat.Syntax.JSON)).isEqualTo("etc-passwd.json");
            assertThat(PourparlerFormat.fileName("Переговоры 2024", PourparlerFormat.Syntax.YAML)).isEqualTo("переговоры-2024.yaml");
            assertThat(PourparlerFormat.fileName("x".repeat(300), PourparlerFormat.Syntax.YAML)).hasSize(85);
        }

        @Test
        void writesTheReadableInlineForm() throws Exception {
            String yaml = PourparlerFormat.toYaml(scenario(BASE));
            assertThat(yaml).startsWith("format: pourparler/1\ntitle: Test deal\n")
                    .contains("options: [low, high]")
                    .contains("integer: {min: 0, max: 2}")
                    .contains("options: {low: 1, high: 0}")
                    .contains("linear: {slope: 0.5, intercept: 0}")
                    .contains("constant: 1")
                    .doesNotContain("kind:")            // linear-additive is the default
                    .doesNotContain("reservation")      // 0 is the default
                    .doesNotContain("discount");        // 1 is the default
        }

        @Test
        void preservesEveryNoteNextToWhatItDescribes() throws Exception {
            Scenario s = scenario(BASE);
            Scenario.Builder b = s.toBuilder()
                    .note(NoteTarget.scenario(), "scenario note")
                    .note(NoteTarget.option("price", "low"), "option note")
                    .note(NoteTarget.option("wage", "2"), "numeric option note")
                    .note(NoteTarget.weight("buyer", "price"), "weight note")
                    .note(NoteTarget.utility("buyer", "price", "high"), "utility note")
                    .note(NoteTarget.utility("buyer", "wage", "1"), "utility of a function value")
                    .note(NoteTarget.reservation("seller"), "reservation note")
                    .note(NoteTarget.discount("seller"), "discount note");
            Scenario noted = b.build();
            String yaml = PourparlerFormat.toYaml(noted);
            assertThat(yaml).contains("- name: low\n        notes: option note")
                    .contains("optionNotes:\n      \"2\": numeric option note")
                    .contains("weight: 0.5\n          notes: weight note")
                    .contains("high:\n              utility: 0\n              notes: utility note")
                    .contains("otherNotes:\n  - about: utility\n    party: buyer\n    issue: wage\n    option: \"1\"");
            assertThat(PourparlerFormat.parse(yaml, "x.yaml").scenario()).isEqualTo(noted);
        }

        @Test
        void notesOnThingsThatDoNotExistAreDroppedWithAWarning() throws Exception {
            Scenario s = scenario(BASE).toBuilder().note(NoteTarget.party("nobody"), "lost").build();
            Written w = PourparlerFormat.write(s, PourparlerFormat.Syntax.YAML);
            assertThat(w.warnings()).singleElement().asString().contains("party nobody").contains("lost");
            assertThat(w.files().values().iterator().next()).doesNotContain("lost");
        }

        @Test
        void doublesAreWrittenShortestAndReadBackBitForBit() throws Exception {
            String yaml = base("{low: 1, high: 0}", "{low: 0.1, high: -0.0}").replace("{low: 0, high: 1}", "{low: 5e-324, high: 1e22}");
            Scenario s = scenario(yaml);
            String written = PourparlerFormat.toYaml(s);
            assertThat(written).contains("{low: 0.1, high: -0.0}").contains("{low: 5e-324, high: 1e22}");
            Scenario back = PourparlerFormat.parse(written, "x.yaml").scenario();
            double high = ((LinearAdditiveUtility) back.party("buyer").profile().utility()).value(0, 1);
            assertThat(Double.doubleToRawLongBits(high)).isEqualTo(Double.doubleToRawLongBits(-0.0));
            assertThat(back).isEqualTo(s);
        }

        @Test
        void multiLineNotesBecomeLiteralBlocks() throws Exception {
            Scenario s = scenario(BASE).toBuilder().note(NoteTarget.scenario(), "First line.\nSecond: with colon.\n").build();
            String yaml = PourparlerFormat.toYaml(s);
            assertThat(yaml).contains("notes: |\n  First line.\n  Second: with colon.\n");
            assertThat(PourparlerFormat.parse(yaml, "x.yaml").scenario().notes()).isEqualTo(s.notes());
        }

        @Test
        void veryLongNamesUseExplicitYamlKeys() throws Exception {
            String issue = "issue " + "x".repeat(1500);
            String option = "option " + "y".repeat(1200);
            // YAML limits implicit keys to 1024 characters, so build the scenario from JSON
            String json = PourparlerFormat.toJson(scenario(BASE)).replace("price", issue).replace("low", option);
            Scenario s = PourparlerFormat.parse(json, "x.json").scenario();
            String yaml = PourparlerFormat.toYaml(s);
            assertThat(yaml).contains("? " + issue);
            assertThat(PourparlerFormat.parse(yaml, "x.yaml").scenario()).isEqualTo(s);
        }

        @Test
        void textThatCouldBeMisreadIsQuoted() {
            assertThat(PourparlerEmitter.yamlBlockScalar("yes")).isEqualTo("\"yes\"");
            assertThat(PourparlerEmitter.yamlBlockScalar("0.10")).isEqualTo("\"0.10\"");
            assertThat(PourparlerEmitter.yamlBlockScalar("2024-01-01 10:00:00")).isEqualTo("\"2024-01-01 10:00:00\"");
            assertThat(PourparlerEmitter.yamlBlockScalar("a: b")).isEqualTo("\"a: b\"");
            assertThat(PourparlerEmitter.yamlBlockScalar("x #y")).isEqualTo("\"x #y\"");
            assertThat(PourparlerEmitter.yamlBlockScalar(" lead")).isEqualTo("\" lead\"");
            assertThat(PourparlerEmitter.yamlBlockScalar("sep\u2028x")).isEqualTo("\"sep\\u2028x\"");
            assertThat(PourparlerEmitter.yamlBlockScalar("2 years")).isEqualTo("2 years");
            assertThat(PourparlerEmitter.yamlBlockScalar("Price, in euros; 10% off")).isEqualTo("Price, in euros; 10% off");
            assertThat(PourparlerEmitter.yamlScalar("a, b")).isEqualTo("\"a, b\"");   // a comma would split a flow list
        }
    }

    @Nested
    class Errors {
        @Test
        void missingFormatNamesTheSupportedVersion() {
            ScenarioFormatException e = error(base("format: pourparler/1\n", ""));
            assertThat(e.getMessage()).contains("format").contains("pourparler/1").contains("missing");
        }

        @Test
        void otherFormatVersionNamesTheSupportedVersion() {
            ScenarioFormatException e = error(base("format: pourparler/1", "format: pourparler/2\nfuture: key"));
            assertThat(e.getMessage()).contains("line 1").contains("'pourparler/2' is not supported")
                    .contains("supports format pourparler/1");
        }

        @Test
        void unknownKeyNamesTheAllowedKeysAndTheNearestOne() {
            ScenarioFormatException e = error(base("weight: 0.75", "weigth: 0.75"));
            assertThat(e.getMessage()).contains("line 21").contains("parties[1].utility.issues.price.weigth")
                    .contains("unknown key 'weigth'").contains("did you mean 'weight'?")
                    .contains("weight, notes, options, linear, triangular, piecewise, constant");
            assertThat(error(base("issues:", "isues:")).getMessage()).contains("did you mean 'issues'?");
        }

        @Test
        void duplicateNamesAreErrors() {
            assertThat(error(base("- name: wage", "- name: price")).getMessage())
                    .contains("issues[1].name").contains("two issues are named 'price'").contains("line 4");
            assertThat(error(base("[low, high]", "[low, low]")).getMessage())
                    .contains("issues[0].options[1]").contains("lists option 'low' twice");
            assertThat(error(base("- name: seller", "- name: buyer")).getMessage())
                    .contains("parties[1].name").contains("two parties are named 'buyer'");
        }

        @Test
        void duplicateKeysAreErrorsWithTheirLine() {
            ScenarioFormatException e = error(base("title: Test deal", "title: Test deal\ntitle: Other"));
            assertThat(e.getMessage()).contains("line 3").contains("the key 'title' appears twice").contains("first at line 2");
        }

        @Test
        void missingWeightNamesPartyAndIssue() {
            ScenarioFormatException e = error(base("wage: {weight: 0.25, constant: 1}", "wage: {constant: 1}"));
            assertThat(e.getMessage()).contains("parties[1].utility.issues.wage.weight")
                    .contains("party 'seller' gives no weight for issue 'wage'");
        }

        @Test
        void missingOptionUtilityNamesPartyIssueAndOption() {
            ScenarioFormatException e = error(base("{low: 0, high: 1}", "{low: 0}"));
            assertThat(e.getMessage()).contains("parties[1].utility.issues.price.options")
                    .contains("party 'seller' gives no utility for option 'high' of issue 'price'");
        }

        @Test
        void missingIssueEntryNamesIt() {
            ScenarioFormatException e = error(base("    wage: {weight: 0.25, constant: 1}\n", ""));
            assertThat(e.getMessage()).contains("parties[1].utility.issues").contains("no utilities for issue 'wage'");
        }

        @Test
        void unknownIssueAndOptionNamesSuggestTheNearest() {
            assertThat(error(base("wage: {weight: 0.25", "wgae: {weight: 0.25")).getMessage())
                    .contains("there is no issue 'wgae'").contains("did you mean 'wage'?").contains("[price, wage]");
            assertThat(error(base("{low: 0, high: 1}", "{low: 0, hihg: 1}")).getMessage())
                    .contains("issue 'price' has no option 'hihg'").contains("did you mean 'high'?");
            assertThat(error(base("  - name: seller\n", "  - name: seller\n    redLines: [{when: {wage: 7}}]\n")).getMessage())
                    .contains("redLines[0].when.wage").contains("no option '7'").contains("integers 0 to 2");
        }

        @Test
        void badWeights() {
            assertThat(error(base("weight: 0.75", "weight: -1")).getMessage())
                    .contains("parties[1].utility.issues.price.weight").contains("must be >= 0");
            assertThat(error(base("weight: 0.75", "weight: .nan")).getMessage()).contains("finite");
            assertThat(error(base("weight: 0.75", "weight: .inf")).getMessage()).contains("finite");
            assertThat(error(base("weight: 0.75", "weight: NaN")).getMessage()).contains("finite");
            assertThat(error(base("weight: 0.75", "weight: 1e400")).getMessage()).contains("too large");
            assertThat(error(base("weight: 0.75", "weight: 1e-400")).getMessage()).contains("too small");
            assertThat(error(base("weight: 0.75", "weight: 0x10")).getMessage()).contains("plain decimal");
            assertThat(error(base("weight: 0.75", "weight: heavy")).getMessage()).contains("expected a number")
                    .contains("the text 'heavy'");
            assertThat(error(base("0.75", "0").replace("0.25", "0")).getMessage()).contains("all weights").contains("zero");
        }

        @Test
        void weightGivenTwiceIsAnError() {
            String yaml = base("  - name: seller\n    utility:\n", "  - name: seller\n    utility:\n      weights: {price: 1}\n");
            assertThat(error(yaml).getMessage()).contains("the weight of issue 'price' is given twice");
        }

        @Test
        void wrongTypes() {
            assertThat(error(base("options: [low, high]", "options: {low: 1}")).getMessage())
                    .contains("issues[0].options").contains("expected the list of options").contains("a mapping");
            assertThat(error(base("title: Test deal", "title: [a, b]")).getMessage()).contains("title").contains("a list");
            assertThat(error(base("linear: {slope: 0.5, intercept: 0}", "linear: {slope: 0.5, clamp: maybe}")).getMessage())
                    .contains("clamp").contains("true or false");
            assertThat(error(base("  - name: seller\n", "  - name: seller\n    role: chair\n")).getMessage())
                    .contains("parties[1].role").contains("negotiator, ratifier");
            assertThat(error("- a\n- b\n").getMessage()).contains("must be a mapping").contains("a list");
            assertThat(error("just text\n").getMessage()).contains("must be a mapping");
        }

        @Test
        void issueKinds() {
            assertThat(error(base("integer: {min: 0, max: 2}", "integer: {min: 0, max: 2}\n    options: [a]")).getMessage())
                    .contains("issues[1]").contains("exactly one of").contains("options and integer");
            assertThat(error(base("integer: {min: 0, max: 2}", "integer: {min: 0.5, max: 2}")).getMessage())
                    .contains("issues[1].integer.min").contains("whole number");
            assertThat(error(base("integer: {min: 0, max: 2}", "integer: {min: 3, max: 2}")).getMessage())
                    .contains("issues[1].integer").contains("below");
            assertThat(error(base("integer: {min: 0, max: 2}", "real: {min: 0, max: 1, step: 0}")).getMessage())
                    .contains("issues[1].real").contains("step must be positive");
            assertThat(error(base("integer: {min: 0, max: 2}", "integer: {min: 0, max: 99999999999999999999}")).getMessage())
                    .contains("issues[1].integer.max").contains("64-bit");
            assertThat(error(base("options: [low, high]", "options: []")).getMessage()).contains("at least one option");
            assertThat(error(base("  - name: wage\n    integer: {min: 0, max: 2}\n", "")).getMessage())
                    .contains("no issue 'wage'");
        }

        @Test
        void functionsMustFitTheIssue() {
            assertThat(error(base("options: {low: 1, high: 0}", "linear: {slope: 1}")).getMessage())
                    .contains("parties[0].utility.issues.price.linear").contains("discrete");
            assertThat(error(base("linear: {slope: 0.5, intercept: 0}", "linear: {slope: 0.5}\n          constant: 1")).getMessage())
                    .contains("exactly one way").contains("linear and constant");
            assertThat(error(base("linear: {slope: 0.5, intercept: 0}", "triangular: {low: 2, peak: 1, high: 3}")).getMessage())
                    .contains("triangular").contains("low <= peak <= high");
            assertThat(error(base("linear: {slope: 0.5, intercept: 0}", "piecewise: [[1, 0], [1, 1]]")).getMessage())
                    .contains("piecewise[1][0]").contains("must increase");
            assertThat(error(base("linear: {slope: 0.5, intercept: 0}", "piecewise: [[1, 0, 2]]")).getMessage())
                    .contains("piecewise[0]").contains("pair [x, y]");
        }

        @Test
        void discountOutOfRange() {
            assertThat(error(base("  - name: seller\n", "  - name: seller\n    discount: 0\n")).getMessage())
                    .contains("parties[1].discount").contains("(0, 1]");
            assertThat(error(base("  - name: seller\n", "  - name: seller\n    discount: {value: 1.5}\n")).getMessage())
                    .contains("parties[1].discount.value").contains("(0, 1]");
        }

        @Test
        void aNoteGivenTwiceIsAnError() {
            String yaml = base("  - name: seller\n", "  - name: seller\n    notes: one\n")
                    + "otherNotes: [{about: party, party: seller, notes: two}]\n";
            assertThat(error(yaml).getMessage()).contains("otherNotes[0].notes").contains("a second note")
                    .contains("party seller").contains("line 19");
        }

        @Test
        void otherNotesAreChecked() {
            assertThat(error(BASE + "otherNotes: [{about: weight, party: buyer, notes: x}]\n").getMessage())
                    .contains("otherNotes[0].issue").contains("missing 'issue'");
            assertThat(error(BASE + "otherNotes: [{about: party, party: nobody, notes: x}]\n").getMessage())
                    .contains("no party 'nobody'");
            assertThat(error(BASE + "otherNotes: [{about: party, party: buyer, issue: wage, notes: x}]\n").getMessage())
                    .contains("takes only party");
            assertThat(error(BASE + "otherNotes: [{about: red-line, party: buyer, redLine: x, notes: x}]\n").getMessage())
                    .contains("no red line described as 'x'");
        }

        @Test
        void groupsAndRectanglesAreChecked() {
            String groups = base("""
                    utility:
                          issues:
                            price: {weight: 0.75, options: {low: 0, high: 1}}
                            wage: {weight: 0.25, constant: 1}""", """
                    utility:
                          kind: sum-of-groups
                          groups: [{issues: [wage, price], utilities: [[0, low, 1], [0, low, 2]]}]""");
            assertThat(error(groups).getMessage()).contains("groups[0].utilities[1]").contains("already has a utility");
            assertThat(error(groups.replace("[0, low, 2]", "[0, 2]")).getMessage()).contains("one option of each");
            String rects = base("""
                    utility:
                          issues:
                            price: {weight: 0.75, options: {low: 0, high: 1}}
                            wage: {weight: 0.25, constant: 1}""", """
                    utility:
                          kind: hyper-rectangle
                          rectangles: [{utility: 1, includes: [{issue: wage, from: 2, to: 0}]}]""");
            assertThat(error(rects).getMessage()).contains("includes[0].to").contains("must not come after");
            assertThat(error(rects.replace("from: 2, to: 0", "indexes: [0, 3]")).getMessage())
                    .contains("includes[0].indexes").contains("<= 2");
            assertThat(error(rects.replace("kind: hyper-rectangle", "kind: hyper-rectangles")).getMessage())
                    .contains("did you mean 'hyper-rectangle'?");
        }

        @Test
        void yamlSyntaxErrorsNameLineAndColumn() {
            ScenarioFormatException e = error(base("options: [low, high]", "options: [low, high"));
            assertThat(e.getMessage()).contains("YAML syntax error").containsPattern("line \\d+, column \\d+");
            assertThat(e.location()).startsWith("line ");
            ScenarioFormatException bad = error("format: pourparler/1\ntitle: x\n  issues: []\n");
            assertThat(bad.getMessage()).contains("line 3");
        }

        @Test
        void jsonSyntaxErrorsNameLineAndColumn() {
            ScenarioFormatException e = catchJson("{\"format\": \"pourparler/1\",\n \"title\": \"x\",,\n}");
            assertThat(e.getMessage()).startsWith("t.json: line 2, column").contains("JSON syntax error");
            assertThat(catchJson("{\"format\": \"pourparler/1\", \"format\": \"x\"}").getMessage())
                    .contains("appears twice");
        }

        private ScenarioFormatException catchJson(String json) {
            try {
                PourparlerFormat.parse(json, "t.json");
            } catch (ScenarioFormatException e) {
                return e;
            }
            throw new AssertionError("expected an error");
        }

        @Test
        void emptyAndMultiDocumentFiles() {
            assertThat(error("").getMessage()).contains("is empty").contains("pourparler/1");
            assertThat(error("# only a comment\n").getMessage()).contains("is empty");
            assertThat(error(BASE + "---\nformat: pourparler/1\n").getMessage()).contains("second YAML document");
        }
    }

}
