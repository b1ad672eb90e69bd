package org.pourparler.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.UtilityFunction;
import org.pourparler.model.ValueFunction;

/**
 * A GENIUS file whose weights sum above 1, read under GENIUS conventions, caps utility at 1: the sum
 * of terms is then not the utility, so the frontier must not be merged from terms. Checked against
 * the brute-force frontier of every outcome's capped utilities.
 */
class CappedFrontierTest {

    @Test
    void aCappedSumIsAnalysedAsItsCappedUtilities() throws Exception {
        Domain d = Domain.of("two", List.of(Issue.discrete("a", List.of("a0", "a1", "a2")), Issue.discrete("b", List.of("b0", "b1", "b2"))));
        var tableA = List.<ValueFunction>of(new ValueFunction.Table(new double[] {0, 0.5, 1}), new ValueFunction.Table(new double[] {0, 0.5, 1}));
        var tableB = List.<ValueFunction>of(new ValueFunction.Table(new double[] {1, 0.9, 0}), new ValueFunction.Table(new double[] {1, 0.2, 0}));
        LinearAdditiveUtility capped = LinearAdditiveUtility.asGiven(d, new double[] {0.7, 0.7}, tableA);
        LinearAdditiveUtility other = LinearAdditiveUtility.of(d, new double[] {0.5, 0.5}, tableB);
        assertThat(capped.isAdditive()).isFalse();
        List<UtilityFunction> ufs = List.of(capped, other);
        ParetoFrontier f = AgreementAnalysis.frontier(ufs, List.of(), AgreementAnalysis.Options.defaults());
        // brute force over the 9 outcomes
        List<double[]> all = new ArrayList<>();
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) all.add(new double[] {capped.utility(new int[] {a, b}), other.utility(new int[] {a, b})});
        List<double[]> front = new ArrayList<>();
        for (double[] p : all) {
            boolean dominated = all.stream().anyMatch(q -> q[0] >= p[0] && q[1] >= p[1] && (q[0] > p[0] || q[1] > p[1]));
            if (!dominated && front.stream().noneMatch(q -> q[0] == p[0] && q[1] == p[1])) front.add(p);
        }
        front.sort(Comparator.comparingDouble(p -> p[0]));
        List<double[]> found = new ArrayList<>(f.points().stream().map(FrontierPoint::utilities).toList());
        found.sort(Comparator.comparingDouble(p -> p[0]));
        assertThat(found).hasSameSizeAs(front);
        for (int i = 0; i < front.size(); i++) assertThat(found.get(i)).containsExactly(front.get(i));
        assertThat(found).allSatisfy(p -> assertThat(p[0]).isLessThanOrEqualTo(1.0));
    }
}
