package org.pourparler.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class UtilityFunctionTest {

    private static final Domain DOMAIN = Domain.of("d", List.of(
            Issue.discrete("colour", List.of("red", "green", "blue")),
            Issue.integer("price", 10, 20),
            Issue.real("share", "0", "1", "0.25")));

    @Test
    void linearAdditiveIsTheNormalisedWeightedSum() {
        LinearAdditiveUtility u = LinearAdditiveUtility.of(DOMAIN, new double[] {2, 1, 1}, List.of(
                new ValueFunction.Table(new double[] {1, 0.5, 0}),
                new ValueFunction.Linear(-0.1, 2.0, true),      // 2 - 0.1 p, clamped
                new ValueFunction.Triangular(0, 0.5, 1)));
        // green, price 15 -> 0.5, share 0.25 -> 0.5
        assertThat(u.utility(new int[] {1, 5, 1})).isCloseTo(0.5 * 0.5 + 0.25 * 0.5 + 0.25 * 0.5, within(1e-15));
        // price 10 -> 2 - 1 = 1 (clamp keeps 1), share 0.5 -> 1
        assertThat(u.utility(new int[] {0, 0, 2})).isCloseTo(1.0, within(1e-15));
        assertThat(u.weights()).containsExactly(0.5, 0.25, 0.25);
        assertThat(u.maxUtility()).isCloseTo(1.0, within(1e-15));
        assertThat(u.minUtility()).isCloseTo(0.0, within(1e-15)); // blue 0; price 20 -> 2 - 2 = 0; share 0 -> 0
    }

    @Test
    void rejectsBadWeightsAndMismatchedFunctions() {
        List<ValueFunction> fs = List.of(new ValueFunction.Table(new double[] {1, 0, 0}), new ValueFunction.Constant(1),
                new ValueFunction.Constant(1));
        assertThatThrownBy(() -> LinearAdditiveUtility.of(DOMAIN, new double[] {1, Double.NaN, 1}, fs))
                .hasMessageContaining("weight of issue 'price'").hasMessageContaining("NaN");
        assertThatThrownBy(() -> LinearAdditiveUtility.of(DOMAIN, new double[] {1, -1, 1}, fs)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> LinearAdditiveUtility.of(DOMAIN, new double[] {0, 0, 0}, fs)).hasMessageContaining("all zero");
        assertThatThrownBy(() -> LinearAdditiveUtility.of(DOMAIN, new double[] {1, 1}, fs)).hasMessageContaining("3 issues");
        assertThatThrownBy(() -> LinearAdditiveUtility.of(DOMAIN, new double[] {1, 1, 1},
                List.of(new ValueFunction.Table(new double[] {1, 0}), new ValueFunction.Constant(1), new ValueFunction.Constant(1))))
                .hasMessageContaining("3 options, but 2 values");
        assertThatThrownBy(() -> LinearAdditiveUtility.of(DOMAIN, new double[] {1, 1, 1},
                List.of(new ValueFunction.Linear(1, 0, false), new ValueFunction.Constant(1), new ValueFunction.Constant(1))))
                .hasMessageContaining("'colour' is discrete");
    }

    @Property(tries = 200)
    void bulkEvaluationEqualsOneByOne(@ForAll @IntRange(min = 1, max = 5) int issues, @ForAll long seed,
                                      @ForAll @IntRange(min = 1, max = 400) int length) {
        Random r = new Random(seed);
        List<Issue> is = new ArrayList<>();
        List<ValueFunction> fs = new ArrayList<>();
        double[] w = new double[issues];
        for (int i = 0; i < issues; i++) {
            int n = 1 + r.nextInt(6);
            is.add(Issue.integer("i" + i, 0, n - 1));
            double[] t = new double[n];
            for (int v = 0; v < n; v++) t[v] = r.nextDouble();
            fs.add(new ValueFunction.Table(t));
            w[i] = r.nextDouble() + 0.01;
        }
        Domain d = Domain.of("d", is);
        LinearAdditiveUtility u = LinearAdditiveUtility.of(d, w, fs);
        long total = d.outcomeCountExact();
        int len = (int) Math.min(length, total);
        long first = (long) (r.nextDouble() * (total - len + 1));
        double[] out = new double[len];
        u.utilities(first, out);
        for (int k = 0; k < len; k++) {
            assertThat(out[k]).isCloseTo(u.utility(d.outcomeAt(first + k)), within(1e-12));
        }
    }

    @Test
    void piecewiseLinearInterpolatesAndExtends() {
        ValueFunction.PiecewiseLinear p = new ValueFunction.PiecewiseLinear(new double[] {0, 10}, new double[] {0.2, 1.0}, false);
        assertThat(p.at(5)).isCloseTo(0.6, within(1e-15));
        assertThat(p.at(-1)).isEqualTo(0.2);
        assertThat(p.at(11)).isEqualTo(1.0);
        ValueFunction.PiecewiseLinear z = new ValueFunction.PiecewiseLinear(new double[] {0, 10}, new double[] {0.2, 1.0}, true);
        assertThat(z.at(11)).isEqualTo(0.0);
        assertThatThrownBy(() -> new ValueFunction.PiecewiseLinear(new double[] {1, 1}, new double[] {0, 1}, false))
                .hasMessageContaining("increasing x");
    }

    @Test
    void hyperRectanglesSumTheRectanglesAnOutcomeLiesIn() {
        Domain d = Domain.of("n", List.of(Issue.integer("a", 0, 9), Issue.integer("b", 0, 9)));
        HyperRectangleUtility u = HyperRectangleUtility.of(d, List.of(
                new HyperRectangleUtility.Rectangle(30, List.of(new HyperRectangleUtility.Bound(0, 0, 4)), List.of()),
                new HyperRectangleUtility.Rectangle(70, List.of(new HyperRectangleUtility.Bound(1, 5, 9)),
                        List.of(new HyperRectangleUtility.Bound(0, 9, 9)))),
                HyperRectangleUtility.Aggregation.SUM, 1.0 / 100);
        assertThat(u.utility(new int[] {0, 9})).isCloseTo(1.0, within(1e-15));
        assertThat(u.utility(new int[] {5, 9})).isCloseTo(0.7, within(1e-15));
        assertThat(u.utility(new int[] {9, 9})).isCloseTo(0.0, within(1e-15));
        assertThat(u.utility(new int[] {3, 0})).isCloseTo(0.3, within(1e-15));
    }

    @Test
    void sumOfGroupsAddsEachGroupsJointValue() {
        Domain d = Domain.of("g", List.of(Issue.discrete("food", List.of("a", "b")), Issue.discrete("drink", List.of("x", "y", "z")),
                Issue.discrete("music", List.of("m", "n"))));
        SumOfGroupsUtility u = SumOfGroupsUtility.of(d, List.of(
                new SumOfGroupsUtility.Group("food&drink", new int[] {0, 1}, new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}),
                new SumOfGroupsUtility.Group("music", new int[] {2}, new double[] {0.0, 0.25})));
        assertThat(u.utility(new int[] {1, 2, 1})).isCloseTo(0.6 + 0.25, within(1e-15));
        assertThat(u.utility(new int[] {0, 1, 0})).isCloseTo(0.2, within(1e-15));
        assertThatThrownBy(() -> SumOfGroupsUtility.of(d, List.of(new SumOfGroupsUtility.Group("g", new int[] {0, 0}, new double[4]))))
                .hasMessageContaining("twice");
    }

    @Test
    void profileAcceptsOnlyAboveReservationAndOutsideRedLines() {
        LinearAdditiveUtility u = LinearAdditiveUtility.of(DOMAIN, new double[] {1, 0, 0}, List.of(
                new ValueFunction.Table(new double[] {1, 0.5, 0}), new ValueFunction.Constant(0), new ValueFunction.Constant(0)));
        RedLine noRedAtTen = RedLine.of("never red at 10",
                List.of(new RedLine.Condition(0, new int[] {0}), new RedLine.Condition(1, new int[] {0})));
        Profile p = new Profile(u, 0.5, 0.9, List.of(noRedAtTen), Optional.empty());
        assertThat(p.accepts(new int[] {1, 0, 0})).isTrue();     // green: 0.5 >= 0.5
        assertThat(p.accepts(new int[] {2, 3, 0})).isFalse();    // blue: 0 < 0.5
        assertThat(p.accepts(new int[] {0, 0, 0})).isFalse();    // red at 10: red line
        assertThat(p.accepts(new int[] {0, 1, 0})).isTrue();
        assertThat(p.discounted(1.0, 1.0)).isCloseTo(0.9, within(1e-15));
        assertThat(p.discounted(1.0, 0.0)).isEqualTo(1.0);
        assertThatThrownBy(() -> new Profile(u, 0, 0, List.of(), Optional.empty())).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> p.withRedLines(List.of(RedLine.of("x", List.of(new RedLine.Condition(0, new int[] {5}))))))
                .hasMessageContaining("index was 5");
    }

    @Test
    void scenarioRejectsProfilesOverAnotherDomainAndSelectsParties() {
        Domain other = Domain.of("other", List.of(Issue.integer("x", 0, 1)));
        Profile foreign = Profile.of(LinearAdditiveUtility.of(other, new double[] {1}, List.of(new ValueFunction.Constant(1))), 0);
        assertThatThrownBy(() -> Scenario.builder(DOMAIN).party(Party.negotiator("a", foreign)).build())
                .hasMessageContaining("not over the scenario's domain 'd'");
        Profile mine = Profile.of(LinearAdditiveUtility.of(DOMAIN, new double[] {1, 1, 1}, List.of(
                new ValueFunction.Constant(1), new ValueFunction.Constant(1), new ValueFunction.Constant(1))), 0);
        Scenario s = Scenario.builder(DOMAIN).party(Party.negotiator("a", mine)).party(Party.ratifier("b", mine)).build();
        assertThat(s.withParties(List.of("b")).parties()).extracting(Party::name).containsExactly("b");
        assertThat(s.negotiators()).extracting(Party::name).containsExactly("a");
        assertThatThrownBy(() -> s.withParties(List.of("c"))).hasMessageContaining("no party 'c'").hasMessageContaining("[a, b]");
    }
}
