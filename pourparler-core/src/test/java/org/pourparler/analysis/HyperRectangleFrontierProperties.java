package org.pourparler.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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

    static List<UtilityFunction> random(long seed, int parties, Domain d) {
        Random r = new Random(seed);
        List<UtilityFunction> ufs = new ArrayList<>();
        for (int k = 0; k < parties; k++) {
            List<HyperRectangleUtility.Rectangle> rects = new ArrayList<>();
            int count = 1 + r.nextInt(6);
            for (int j = 0; j < count; j++) {
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
                rects.add(new HyperRectangleUtility.Rectangle(r.nextInt(5) - 1, inc, exc));
            }
            ufs.add(HyperRectangleUtility.of(d, rects, HyperRectangleUtility.Aggregation.SUM, 0.25));
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
        AgreementAnalysis.Options o = AgreementAnalysis.Options.defaults().withListLimit(10_000);
        ParetoFrontier bb = AgreementAnalysis.frontier(ufs, lines, o, AgreementAnalysis.Method.RECTANGLES);
        ParetoFrontier en = AgreementAnalysis.frontier(ufs, lines, o, AgreementAnalysis.Method.ENUMERATION);
        assertThat(bb.size()).isEqualTo(en.size());
        for (int q = 0; q < bb.size(); q++) {
            for (int k = 0; k < parties; k++) {
                assertThat(bb.points().get(q).utility(k)).isCloseTo(en.points().get(q).utility(k), within(1e-9));
            }
            assertThat(bb.points().get(q).tied()).isEqualTo(en.points().get(q).tied());
            assertThat(bb.points().get(q).outcomes().stream().map(Arrays::toString).sorted().toList())
                    .isEqualTo(en.points().get(q).outcomes().stream().map(Arrays::toString).sorted().toList());
        }
    }
}
