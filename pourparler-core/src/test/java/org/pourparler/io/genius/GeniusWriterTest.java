package org.pourparler.io.genius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pourparler.io.source.ReadResult;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.source.Written;
import org.pourparler.model.DiscreteIssue;
import org.pourparler.model.Domain;
import org.pourparler.model.HyperRectangleUtility;
import org.pourparler.model.HyperRectangleUtility.Bound;
import org.pourparler.model.HyperRectangleUtility.Rectangle;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.NoteTarget;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.RedLine;
import org.pourparler.model.Scenario;
import org.pourparler.model.SumOfGroupsUtility;
import org.pourparler.model.ValueFunction;

/** Writing GENIUS XML: what round-trips exactly, and what is reported when GENIUS cannot express it. */
class GeniusWriterTest {
    @TempDir
    Path dir;

    private static final Domain MIXED = Domain.of("Deal", List.of(
            Issue.discrete("color", List.of("red", "blue", "green")),
            Issue.integer("qty", 1, 5),
            Issue.real("share", "0", "1", "0.25")));

    private static Profile additive(Domain d, double[] weights, List<ValueFunction> f, double reservation, double discount) {
        return new Profile(LinearAdditiveUtility.of(d, weights, f), reservation, discount, List.of(), Optional.empty());
    }

    private static Scenario mixed() {
        Profile a = additive(MIXED, new double[] {0.5, 0.3, 0.2}, List.of(
                new ValueFunction.Table(new double[] {0.2, 0.6, 1.0}),
                new ValueFunction.Linear(0.25, -0.25, true),
                new ValueFunction.Triangular(0, 0.5, 1)), 0.4, 0.8);
        Profile b = additive(MIXED, new double[] {0.2, 0.2, 0.6}, List.of(
                new ValueFunction.Table(new double[] {1, 0, 0.5}),
                new ValueFunction.Constant(0.3),
                new ValueFunction.Linear(-1, 1, false)), 0, 1);
        return Scenario.builder(MIXED).title("Deal").description("Two firms\nsplit a market")
                .party(Party.negotiator("A", a)).party(Party.negotiator("B", b)).build();
    }

    /** Writes the files to the temporary folder and reads the folder back. */
    private ReadResult roundTrip(Written w) throws IOException, ScenarioFormatException {
        for (Map.Entry<String, String> f : w.files().entrySet()) Files.writeString(dir.resolve(f.getKey()), f.getValue());
        return GeniusXml.readFolder(dir, null);
    }

    @Test
    void discreteIntegerAndRealIssuesRoundTripExactly() throws Exception {
        Scenario s = mixed();
        Written w = GeniusXml.write(s);
        assertThat(w.files()).containsOnlyKeys("Deal-domain.xml", "Deal-A.xml", "Deal-B.xml");
        assertThat(w.warnings()).isEmpty();
        ReadResult r = roundTrip(w);
        assertThat(r.warnings()).isEmpty();
        Scenario back = r.scenario();
        assertThat(back.domain()).isEqualTo(s.domain());
        assertThat(back.title()).isEqualTo("Deal");
        assertThat(back.description()).isEqualTo("Two firms\nsplit a market");
        for (Party p : s.parties()) {
            Party q = back.party(p.name());
            assertThat(q.profile().reservation()).isEqualTo(p.profile().reservation());
            assertThat(q.profile().discount()).isEqualTo(p.profile().discount());
            GeniusCorpusTest.assertSameUtilities(p.name(), p.profile().utility(), q.profile().utility(), new Random(1));
        }
    }

    @Test
    void aTableWhoseBestValueIsBelowOneIsRescaledWithAWarning() throws Exception {
        Domain d = Domain.of("Deal", List.of(Issue.discrete("color", List.of("red", "blue", "green")),
                Issue.discrete("size", List.of("S", "L"))));
        Profile p = additive(d, new double[] {0.5, 0.5}, List.of(new ValueFunction.Table(new double[] {0.2, 0.4, 0.8}),
                new ValueFunction.Table(new double[] {0, 1})), 0.45, 1);
        Scenario s = Scenario.builder(d).party(Party.negotiator("A", p)).build();
        Written w = GeniusXml.write(s);
        assertThat(w.warnings()).anyMatch(x -> x.contains("party 'A'") && x.contains("divided by 0.9"));
        Profile back = roundTrip(w).scenario().party("A").profile();
        for (long i = 0; i < d.outcomeCountExact(); i++) {
            int[] o = d.outcomeAt(i);
            assertThat(back.utility().utility(o)).isCloseTo(p.utility().utility(o) / 0.9, within(1e-12));
        }
        assertThat(back.reservation()).isCloseTo(0.45 / 0.9, within(1e-12));
    }

    @Test
    void aNumericIssueGeniusCannotEvaluateIsWrittenAsDiscrete() throws Exception {
        Domain d = Domain.of("Deal", List.of(Issue.integer("qty", 1, 5), Issue.real("share", "0", "1", "0.5")));
        Profile p = additive(d, new double[] {0.5, 0.5}, List.of(
                new ValueFunction.Table(new double[] {0, 1, 0, 1, 0}),
                new ValueFunction.PiecewiseLinear(new double[] {0, 0.5, 1}, new double[] {1, 0, 1}, false)), 0, 1);
        Scenario s = Scenario.builder(d).party(Party.negotiator("A", p)).build();
        Written w = GeniusXml.write(s);
        assertThat(w.warnings()).anyMatch(x -> x.contains("'qty' is written as a discrete issue"));
        assertThat(w.warnings()).anyMatch(x -> x.contains("'share' is written as a discrete issue"));
        Scenario back = roundTrip(w).scenario();
        assertThat(back.domain().issue(0)).isInstanceOf(DiscreteIssue.class);
        assertThat(((DiscreteIssue) back.domain().issue(0)).values()).containsExactly("1", "2", "3", "4", "5");
        assertThat(((DiscreteIssue) back.domain().issue(1)).values()).containsExactly("0", "0.5", "1");
        GeniusCorpusTest.assertSameUtilities("A", p.utility(), back.parties().get(0).profile().utility(), new Random(1));
    }

    private static final Domain CUBE = Domain.of("Cube", List.of(Issue.integer("x", 0, 3), Issue.integer("y", 10, 13),
            Issue.integer("z", 0, 3)));

    @Test
    void hyperRectanglesWithExcludedRangesRoundTripExactly() throws Exception {
        HyperRectangleUtility h = HyperRectangleUtility.of(CUBE, List.of(
                new Rectangle(5, List.of(new Bound(0, 1, 2)), List.of(new Bound(1, 0, 0), new Bound(2, 3, 3))),
                new Rectangle(2, List.of(new Bound(2, 0, 1), new Bound(1, 1, 3)), List.of()),
                new Rectangle(1, List.of(), List.of())), HyperRectangleUtility.Aggregation.SUM, 0.125, 1.0);
        Profile p = new Profile(h, 0.25, 0.5, List.of(), Optional.empty());
        Scenario s = Scenario.builder(CUBE).party(Party.negotiator("solo", p)).build();
        Written w = GeniusXml.write(s);
        assertThat(w.warnings()).isEmpty();
        assertThat(w.files().get("Cube-solo.xml")).contains("type=\"nonlinear\"").contains("maxutility=\"8.0\"");
        Profile back = roundTrip(w).scenario().party("solo").profile();
        assertThat(back.reservation()).isEqualTo(0.25);
        assertThat(back.discount()).isEqualTo(0.5);
        GeniusCorpusTest.assertSameUtilities("solo", h, back.utility(), new Random(1));
    }

    @Test
    void anUncappedUtilityThatMayExceedOneIsReported() throws Exception {
        HyperRectangleUtility h = HyperRectangleUtility.of(CUBE, List.of(new Rectangle(3, List.of(), List.of()),
                new Rectangle(3, List.of(new Bound(0, 0, 0)), List.of())), HyperRectangleUtility.Aggregation.SUM, 0.25);
        Scenario s = Scenario.builder(CUBE).party(Party.negotiator("solo", Profile.of(h, 0))).build();
        assertThat(GeniusXml.write(s).warnings()).anyMatch(x -> x.contains("caps nonlinear utilities at 1")
                && x.contains("1.5"));
    }

    @Test
    void utilitiesGeniusCannotExpressAreErrors() {
        HyperRectangleUtility max = HyperRectangleUtility.of(CUBE, List.of(new Rectangle(1, List.of(), List.of())),
                HyperRectangleUtility.Aggregation.MAX, 1);
        assertThatThrownBy(() -> GeniusXml.write(Scenario.builder(CUBE).party(Party.negotiator("m", Profile.of(max, 0))).build()))
                .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("party 'm'").hasMessageContaining("max");

        SumOfGroupsUtility groups = SumOfGroupsUtility.of(CUBE, List.of(
                new SumOfGroupsUtility.Group("g", new int[] {0}, new double[] {0, 0.5, 1, 1})));
        assertThatThrownBy(() -> GeniusXml.write(Scenario.builder(CUBE).party(Party.negotiator("g", Profile.of(groups, 0))).build()))
                .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("sum-of-groups");

        Domain d = Domain.of("D", List.of(Issue.discrete("c", List.of("a", "b"))));
        HyperRectangleUtility onDiscrete = HyperRectangleUtility.of(d, List.of(new Rectangle(1, List.of(new Bound(0, 0, 0)),
                List.of())), HyperRectangleUtility.Aggregation.SUM, 1);
        assertThatThrownBy(() -> GeniusXml.write(Scenario.builder(d).party(Party.negotiator("r", Profile.of(onDiscrete, 0))).build()))
                .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("integer issues only");

        Profile allNegative = additive(d, new double[] {1}, List.of(new ValueFunction.Table(new double[] {-1, 0})), 0, 1);
        assertThatThrownBy(() -> GeniusXml.write(Scenario.builder(d).party(Party.negotiator("n", allNegative)).build()))
                .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("issue 'c'");
    }

    @Test
    void whatGeniusHasNoPlaceForIsReported() throws Exception {
        Scenario base = mixed();
        Profile a = base.party("A").profile().withRedLines(List.of(
                RedLine.of("never red", List.of(new RedLine.Condition(0, new int[] {0})))));
        Profile b = base.party("B").profile();
        Profile withOutcome = new Profile(b.utility(), b.utility().utility(new int[] {0, 0, 0}), 1, List.of(),
                Optional.of(Outcome.of(0, 0, 0)));
        Scenario s = base.toBuilder().parties(List.of(Party.negotiator("A", a), Party.ratifier("B", withOutcome)))
                .note(NoteTarget.reservation("A"), "from the briefing").build();
        List<String> warnings = GeniusXml.write(s).warnings();
        assertThat(warnings).anyMatch(x -> x.contains("red line") && x.contains("'A'"));
        assertThat(warnings).anyMatch(x -> x.contains("ratifier") && x.contains("'B'"));
        assertThat(warnings).anyMatch(x -> x.contains("reservation as an outcome"));
        assertThat(warnings).anyMatch(x -> x.contains("1 provenance note"));
    }

    @Test
    void namesBecomeSafeUniqueFileNamesAndLabelsSurviveEscaping() throws Exception {
        Domain d = Domain.of("Peace / Talks", List.of(Issue.discrete("terms", List.of("a & b", "<x>", "\"q\" 'r'", "two\nlines"))));
        Profile p = additive(d, new double[] {1}, List.of(new ValueFunction.Table(new double[] {0.1, 0.4, 0.7, 1})), 0, 1);
        Scenario s = Scenario.builder(d).party(Party.negotiator("Kyiv/West", p)).party(Party.negotiator("Kyiv West", p)).build();
        Written w = GeniusXml.write(s);
        assertThat(w.files()).containsOnlyKeys("Peace_Talks-domain.xml", "Peace_Talks-Kyiv_West.xml", "Peace_Talks-Kyiv_West_2.xml");
        assertThat(w.warnings()).anyMatch(x -> x.contains("'Kyiv/West' is written as Peace_Talks-Kyiv_West.xml"));
        Scenario back = roundTrip(w).scenario();
        assertThat(back.title()).isEqualTo("Peace / Talks");
        assertThat(back.domain()).isEqualTo(d);
        assertThat(back.parties()).extracting(Party::name).containsExactly("Kyiv_West", "Kyiv_West_2");
    }

    @Test
    void writtenFilesAreStrictlyWellFormed() throws Exception {
        for (Map.Entry<String, String> f : new LinkedHashMap<>(GeniusXml.write(mixed()).files()).entrySet()) {
            assertThat(SafeXml.parse(f.getKey(), f.getValue()).repairs()).as(f.getKey()).isEmpty();
        }
    }
}
