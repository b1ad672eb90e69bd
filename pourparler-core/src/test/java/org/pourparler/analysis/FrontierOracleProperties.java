package org.pourparler.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.pourparler.model.Domain;
import org.pourparler.model.HyperRectangleUtility;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.RedLine;
import org.pourparler.model.Role;
import org.pourparler.model.Scenario;
import org.pourparler.model.UtilityFunction;
import org.pourparler.model.ValueFunction;

/**
 * Every frontier path (linear-additive merge, hyper-rectangle branch and bound, enumeration; 1 to 6
 * parties) against a brute force written here: every outcome enumerated, its utilities from the
 * utility functions, rounded as documented, and an O(m^2) non-dominance test. Tables are built to
 * make near-ties (values one ulp, EPS/2 or 2 EPS apart, sums that differ only by rounding), tiny and
 * huge utilities, single-option issues and duplicates.
 */
class FrontierOracleProperties {

    /** The brute-force frontier: rounded utility vector to tie count. */
    static Map<List<Double>, BigInteger> oracle(List<UtilityFunction> ufs, List<RedLine> lines) {
        Domain d = ufs.get(0).domain();
        int n = ufs.size();
        List<double[]> rows = new ArrayList<>();
        for (long i = 0; i < d.outcomeCountExact(); i++) {
            int[] o = d.outcomeAt(i);
            if (lines.stream().anyMatch(l -> l.crossedBy(o))) continue;
            double[] u = new double[n];
            for (int k = 0; k < n; k++) u[k] = DominanceTest.rounded(ufs.get(k).utility(o));
            rows.add(u);
        }
        Map<List<Double>, BigInteger> out = new HashMap<>();
        for (double[] x : rows) {
            boolean dominated = false;
            for (double[] y : rows) {
                boolean atLeast = true;
                boolean better = false;
                for (int k = 0; k < n; k++) {
                    if (y[k] < x[k]) atLeast = false;
                    if (y[k] > x[k]) better = true;
                }
                if (atLeast && better) {
                    dominated = true;
                    break;
                }
            }
            if (dominated) continue;
            List<Double> key = new ArrayList<>();
            for (double v : x) key.add(v);
            out.merge(key, BigInteger.ONE, BigInteger::add);
        }
        return out;
    }

    static Map<List<Double>, BigInteger> points(ParetoFrontier f) {
        Map<List<Double>, BigInteger> out = new HashMap<>();
        for (FrontierPoint p : f.points()) {
            List<Double> key = new ArrayList<>();
            for (int k = 0; k < f.parties(); k++) key.add(DominanceTest.rounded(p.utility(k)));
            assertThat(out.put(key, p.tied())).as("two frontier points round to %s", key).isNull();
        }
        return out;
    }

    /** A value near a base one: the same, one ulp off, EPS/2 off, 2 EPS off. */
    private static double near(Random r, double b) {
        return near(r, b, 0);
    }

    /**
     * As {@link #near(Random, double)}, every value moved by {@code shift} EPS first. Sums of values
     * EPS/2 apart from round numbers sit exactly halfway between grid values, the one place where
     * the summation order decides the rounding (docs/analysis.md); a path that adds in another order
     * than the utility functions is tested with the same EPS/2 differences, off that halfway point.
     */
    private static double near(Random r, double b, double shift) {
        double x = b + shift * Dominance.EPS;
        return switch (r.nextInt(6)) {
            case 0 -> Math.nextUp(x);
            case 1 -> Math.nextDown(x);
            case 2 -> x + Dominance.EPS / 2;
            case 3 -> x + 2 * Dominance.EPS;
            default -> x;
        };
    }

    /** Linear-additive parties whose sums make near-ties; scaled tiny or huge in some tries. */
    static List<UtilityFunction> nearTieLinear(long seed, int parties, Domain d) {
        Random r = new Random(seed);
        double[] base = {0, 0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 1};
        double scale = switch (r.nextInt(5)) {
            case 0 -> 1e-200;
            case 1 -> 1e200;
            case 2 -> 1e6;
            default -> 1;
        };
        List<UtilityFunction> ufs = new ArrayList<>();
        for (int k = 0; k < parties; k++) {
            double[] w = new double[d.issueCount()];
            List<ValueFunction> fs = new ArrayList<>();
            for (int i = 0; i < w.length; i++) {
                w[i] = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 1;
                double[] t = new double[d.issue(i).size()];
                for (int v = 0; v < t.length; v++) t[v] = near(r, base[r.nextInt(base.length)]) * scale;
                fs.add(new ValueFunction.Table(t));
            }
            ufs.add(LinearAdditiveUtility.of(d, w, fs));
        }
        return ufs;
    }

    static Domain domain(Random r, int maxIssues, int maxSize) {
        List<Issue> is = new ArrayList<>();
        int issues = 1 + r.nextInt(maxIssues);
        for (int i = 0; i < issues; i++) is.add(Issue.integer("i" + i, 0, r.nextInt(maxSize)));   // sizes 1..maxSize
        return Domain.of("d", is);
    }

    static List<RedLine> redLines(Random r, Domain d, int count) {
        return redLines(r, d, count, -1);
    }

    /** Red lines on random issues, or all on {@code issue} when it is not negative. */
    static List<RedLine> redLines(Random r, Domain d, int count, int issue) {
        List<RedLine> lines = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            int i = issue >= 0 ? issue : r.nextInt(d.issueCount());
            lines.add(RedLine.of("line " + j, List.of(new RedLine.Condition(i, new int[] {r.nextInt(d.issue(i).size())}))));
        }
        return lines;
    }

    private static AgreementAnalysis.Options options() {
        return AgreementAnalysis.Options.defaults().withListLimit(1).withThreads(2);
    }

    @Property(tries = 400)
    void mergeAndEnumerationEqualTheBruteForce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int parties,
                                               @ForAll @IntRange(min = 0, max = 2) int lineCount) throws Exception {
        Random r = new Random(seed);
        Domain d = domain(r, parties <= 3 ? 4 : 3, parties <= 3 ? 5 : 4);
        List<UtilityFunction> ufs = nearTieLinear(r.nextLong(), parties, d);
        List<RedLine> lines = redLines(r, d, lineCount);
        Map<List<Double>, BigInteger> expected = oracle(ufs, lines);
        assertThat(points(AgreementAnalysis.frontier(ufs, lines, options(), AgreementAnalysis.Method.ENUMERATION)))
                .as("enumeration").isEqualTo(expected);
        // the merge adds the terms of issues named by red lines last, as one block: the same sums as
        // the utility functions' (issue order) when that block is the last issue alone (docs/analysis.md)
        List<RedLine> onLast = redLines(r, d, lineCount, d.issueCount() - 1);
        assertThat(points(AgreementAnalysis.frontier(ufs, onLast, options(), AgreementAnalysis.Method.MERGE)))
                .as("merge").isEqualTo(oracle(ufs, onLast));
    }

    /** Hyper-rectangles whose utilities make near-ties; the branch and bound against the brute force. */
    @Property(tries = 500)
    void branchAndBoundEqualsTheBruteForce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int parties,
                                           @ForAll @IntRange(min = 0, max = 1) int lineCount,
                                           @ForAll boolean capped) throws Exception {
        Random r = new Random(seed);
        Domain d = domain(r, 5, 3);
        double[] base = {1, 2, 0.1, 0.2, 0.3, -1};
        List<UtilityFunction> ufs = new ArrayList<>();
        for (int k = 0; k < parties; k++) {
            List<HyperRectangleUtility.Rectangle> rects = new ArrayList<>();
            int count = 1 + r.nextInt(5);
            for (int j = 0; j < count; j++) {
                rects.add(HyperRectangleFrontierProperties.rectangle(r, d, () -> near(r, base[r.nextInt(base.length)], 0.1234)));
            }
            ufs.add(capped ? HyperRectangleUtility.of(d, rects, HyperRectangleUtility.Aggregation.SUM, 0.25, 0.5)
                    : HyperRectangleUtility.of(d, rects, HyperRectangleUtility.Aggregation.SUM, 0.25));
        }
        List<RedLine> lines = redLines(r, d, lineCount);
        assertThat(points(AgreementAnalysis.frontier(ufs, lines, options(), AgreementAnalysis.Method.RECTANGLES)))
                .isEqualTo(oracle(ufs, lines));
    }

    /** The reproduction of issue 9, through the whole analysis and every method that applies. */
    @Example
    void aSumThatDiffersOnlyByRoundingIsNotAFrontierPointBesideItsDominator() throws Exception {
        Domain d = Domain.of("two", List.of(Issue.integer("a", 0, 1), Issue.integer("b", 0, 1)));
        // A: weights {1, 1}, tables {0.2, 0.6} and {0.4, 0}: A(0,0) = 0.30000000000000004, A(1,1) = 0.3
        UtilityFunction a = LinearAdditiveUtility.of(d, new double[] {1, 1},
                List.of(new ValueFunction.Table(new double[] {0.2, 0.6}), new ValueFunction.Table(new double[] {0.4, 0})));
        // B(0,0) = 0.2, B(1,1) = 0.5, B(1,0) = 0.05, B(0,1) = 0.65
        UtilityFunction b = LinearAdditiveUtility.of(d, new double[] {1, 1},
                List.of(new ValueFunction.Table(new double[] {0.4, 0.1}), new ValueFunction.Table(new double[] {0, 0.9})));
        assertThat(a.utility(new int[] {0, 0})).isEqualTo(0.30000000000000004);
        assertThat(a.utility(new int[] {1, 1})).isEqualTo(0.3);
        Scenario s = Scenario.builder(d)
                .party(new Party("A", Role.NEGOTIATOR, Profile.of(a, 0)))
                .party(new Party("B", Role.NEGOTIATOR, Profile.of(b, 0)))
                .build();
        Map<List<Double>, BigInteger> expected = Map.of(
                List.of(0.5, 0.05), BigInteger.ONE, List.of(0.3, 0.5), BigInteger.ONE, List.of(0.1, 0.65), BigInteger.ONE);
        assertThat(oracle(List.of(a, b), List.of())).isEqualTo(expected);
        for (AgreementAnalysis.Method m : List.of(AgreementAnalysis.Method.MERGE, AgreementAnalysis.Method.ENUMERATION)) {
            assertThat(points(AgreementAnalysis.frontier(List.of(a, b), List.of(), options(), m))).as(m.label).isEqualTo(expected);
        }
        assertThat(points(AgreementAnalysis.analyze(s, options()).paretoAll())).isEqualTo(expected);
    }
}
