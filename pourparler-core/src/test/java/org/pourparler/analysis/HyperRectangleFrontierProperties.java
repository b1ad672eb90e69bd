package org.pourparler.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.pourparler.model.Domain;
import org.pourparler.model.HyperRectangleUtility;
import org.pourparler.model.Issue;
import org.pourparler.model.RedLine;
import org.pourparler.model.UtilityFunction;

/** The branch and bound over hyper-rectangles finds exactly the enumerated frontier. */
class HyperRectangleFrontierProperties {
    private static final int LIST_LIMIT = 10_000;

    /**
     * A random rectangle: each issue bounded from inside, from outside (excluded) or not at all; its
     * value drawn last, as {@code value} says.
     */
    static HyperRectangleUtility.Rectangle rectangle(Random r, Domain d, java.util.function.DoubleSupplier value) {
        List<HyperRectangleUtility.Bound> inc = new ArrayList<>();
        List<HyperRectangleUtility.Bound> exc = new ArrayList<>();
        for (int i = 0; i < d.issueCount(); i++) {
            int size = d.issue(i).size();
            int a = r.nextInt(size);
            int b = a + r.nextInt(size - a);
            switch (r.nextInt(4)) {
                case 0 -> inc.add(new HyperRectangleUtility.Bound(i, a, b));
                case 1 -> exc.add(new HyperRectangleUtility.Bound(i, a, b));
                default -> { }
            }
        }
        return new HyperRectangleUtility.Rectangle(value.getAsDouble(), inc, exc);
    }

    static List<UtilityFunction> random(long seed, int parties, Domain d) {
        Random r = new Random(seed);
        List<UtilityFunction> ufs = new ArrayList<>();
        for (int k = 0; k < parties; k++) {
            List<HyperRectangleUtility.Rectangle> rects = new ArrayList<>();
            int count = 1 + r.nextInt(6);
            for (int j = 0; j < count; j++) {
                rects.add(rectangle(r, d, () -> r.nextInt(5) - 1));
            }
            ufs.add(HyperRectangleUtility.of(d, rects, HyperRectangleUtility.Aggregation.SUM, 0.25));
        }
        return ufs;
    }

    /**
     * Few rectangles on one or two issues each over many issues: the search splits into
     * independent parts and leaves issues free. With {@code cap} the utilities are capped there
     * (infinite: uncapped).
     */
    static List<UtilityFunction> sparse(long seed, int parties, Domain d, double cap) {
        Random r = new Random(seed);
        List<UtilityFunction> ufs = new ArrayList<>();
        for (int k = 0; k < parties; k++) {
            List<HyperRectangleUtility.Rectangle> rects = new ArrayList<>();
            int count = 1 + r.nextInt(5);
            for (int j = 0; j < count; j++) {
                List<HyperRectangleUtility.Bound> inc = new ArrayList<>();
                List<HyperRectangleUtility.Bound> exc = new ArrayList<>();
                int constrained = 1 + r.nextInt(2);
                for (int c = 0; c < constrained; c++) {
                    int i = r.nextInt(d.issueCount());
                    int size = d.issue(i).size();
                    int a = r.nextInt(size);
                    int b = a + r.nextInt(size - a);
                    if (r.nextInt(4) == 0) exc.add(new HyperRectangleUtility.Bound(i, a, b));
                    else inc.add(new HyperRectangleUtility.Bound(i, a, b));
                }
                rects.add(new HyperRectangleUtility.Rectangle(r.nextInt(6) - 1, inc, exc));
            }
            ufs.add(HyperRectangleUtility.of(d, rects, HyperRectangleUtility.Aggregation.SUM, 0.25, cap));
        }
        return ufs;
    }

    @Property(tries = 300)
    void branchAndBoundEqualsEnumeration(@ForAll long seed, @ForAll @IntRange(min = 2, max = 3) int parties,
                                         @ForAll boolean withRedLine) throws Exception {
        Random r = new Random(seed ^ 0x5DEECE66DL);
        List<Issue> is = new ArrayList<>();
        int issues = 1 + r.nextInt(4);
        for (int i = 0; i < issues; i++) is.add(Issue.integer("i" + i, 0, r.nextInt(4)));
        Domain d = Domain.of("h", is);
        List<UtilityFunction> ufs = random(seed, parties, d);
        List<RedLine> lines = withRedLine
                ? List.of(RedLine.of("no", List.of(new RedLine.Condition(0, new int[] {r.nextInt(d.issue(0).size())}))))
                : List.of();
        assertSameFrontier(ufs, lines);
    }

    /**
     * Many issues, few rectangles: components, free issues (tie counts multiply), capped
     * utilities (the tied outcomes of a capped point come from a second search) and red lines
     * across components.
     */
    @Property(tries = 250)
    void decomposedSearchEqualsEnumeration(@ForAll long seed, @ForAll @IntRange(min = 2, max = 3) int parties,
                                           @ForAll @IntRange(min = 0, max = 2) int redLines,
                                           @ForAll @IntRange(min = 0, max = 2) int capKind) throws Exception {
        Random r = new Random(seed ^ 0x2545F4914F6CDD1DL);
        List<Issue> is = new ArrayList<>();
        int issues = 5 + r.nextInt(5);
        for (int i = 0; i < issues; i++) is.add(Issue.integer("i" + i, 0, 1 + (issues <= 7 ? r.nextInt(2) : 0)));
        Domain d = Domain.of("h", is);
        double cap = switch (capKind) {
            case 0 -> Double.POSITIVE_INFINITY;
            case 1 -> 0.5;
            default -> 0.75;
        };
        List<UtilityFunction> ufs = sparse(seed, parties, d, cap);
        List<RedLine> lines = new ArrayList<>();
        for (int j = 0; j < redLines; j++) {
            int a = r.nextInt(issues);
            int b = r.nextInt(issues);
            List<RedLine.Condition> conditions = new ArrayList<>();
            conditions.add(new RedLine.Condition(a, new int[] {r.nextInt(d.issue(a).size())}));
            if (b != a) conditions.add(new RedLine.Condition(b, new int[] {r.nextInt(d.issue(b).size())}));
            lines.add(RedLine.of("line " + j, conditions));
        }
        assertSameFrontier(ufs, lines);
    }

    @Example
    void aSearchPastItsLimitSaysSo() {
        Random r = new Random(11);
        List<Issue> is = new ArrayList<>();
        for (int i = 0; i < 8; i++) is.add(Issue.integer("i" + i, 0, 4));
        Domain d = Domain.of("h", is);
        List<HyperRectangleUtility> ufs = new ArrayList<>();
        for (UtilityFunction u : random(r.nextLong(), 2, d)) ufs.add((HyperRectangleUtility) u);
        assertThatThrownBy(() -> HyperRectangleFrontier.compute(ufs, List.of(), 10, 3))
                .isInstanceOf(AnalysisLimitException.class)
                .hasMessageContaining("passed 3 search steps");
    }

    /** Same points, tie counts and (when the list limit holds all) outcomes as enumeration. */
    private static void assertSameFrontier(List<UtilityFunction> ufs, List<RedLine> lines) throws Exception {
        AgreementAnalysis.Options o = AgreementAnalysis.Options.defaults().withListLimit(LIST_LIMIT);
        ParetoFrontier bb = AgreementAnalysis.frontier(ufs, lines, o, AgreementAnalysis.Method.RECTANGLES);
        ParetoFrontier en = AgreementAnalysis.frontier(ufs, lines, o, AgreementAnalysis.Method.ENUMERATION);
        int parties = ufs.size();
        assertThat(bb.size()).isEqualTo(en.size());
        for (int q = 0; q < bb.size(); q++) {
            FrontierPoint b = bb.points().get(q);
            FrontierPoint e = en.points().get(q);
            for (int k = 0; k < parties; k++) assertThat(b.utility(k)).isCloseTo(e.utility(k), within(1e-9));
            assertThat(b.tied()).isEqualTo(e.tied());
            if (b.tied().compareTo(BigInteger.valueOf(LIST_LIMIT)) <= 0) {
                assertThat(b.outcomes().stream().map(Arrays::toString).sorted().toList())
                        .isEqualTo(e.outcomes().stream().map(Arrays::toString).sorted().toList());
            } else {
                // more ties than listed: as many distinct outcomes, each really at this point
                Set<String> distinct = new HashSet<>();
                for (int[] outcome : b.outcomes()) {
                    distinct.add(Arrays.toString(outcome));
                    for (int k = 0; k < parties; k++) {
                        assertThat(ufs.get(k).utility(outcome)).isCloseTo(b.utility(k), within(1e-9));
                    }
                }
                assertThat(distinct).hasSize(LIST_LIMIT);
            }
        }
    }
}
