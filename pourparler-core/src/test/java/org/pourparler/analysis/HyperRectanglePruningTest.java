package org.pourparler.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pourparler.model.Domain;
import org.pourparler.model.HyperRectangleUtility;
import org.pourparler.model.Issue;

/**
 * The hyper-rectangle search does no more work than it did when last measured, on fixed generated
 * scenarios shaped like ANAC 2014's (10 options per issue, rectangles on 2 to 4 issues, whole values
 * 1 to 100, scale 1 / maxutility). The search is deterministic, so its counts are the same on every
 * machine and run; a change that makes it prune less (as the EPS cut margins on lattice ties did
 * after issue 9) fails here. Correctness is the property tests' job; these only hold the work.
 *
 * <p>How the bounds were obtained: {@link HyperRectangleFrontier#counted} on these scenarios at the
 * commit that decided lattice parties exactly, plus about 10%. Measured (components solved /
 * candidates to the filter): two parties 575 / 440, three parties 1,009 / 790; with the EPS margins
 * before it, 913 / 2,617 and 1,393 / 3,289. A change that legitimately costs more work must
 * re-measure and say so.
 */
class HyperRectanglePruningTest {

    /** ANAC-2014-like profiles: {@code rects} rectangles per party over {@code issues} issues of 10 options. */
    static List<HyperRectangleUtility> anacLike(long seed, int parties, int issues, int rects) {
        Random r = new Random(seed);
        List<Issue> is = new ArrayList<>();
        for (int i = 0; i < issues; i++) is.add(Issue.integer("i" + i, 0, 9));
        Domain d = Domain.of("generated", is);
        List<HyperRectangleUtility> ufs = new ArrayList<>();
        for (int k = 0; k < parties; k++) {
            List<HyperRectangleUtility.Rectangle> rs = new ArrayList<>();
            for (int j = 0; j < rects; j++) {
                List<HyperRectangleUtility.Bound> inc = new ArrayList<>();
                int constrained = 2 + r.nextInt(3);
                List<Integer> used = new ArrayList<>();
                while (used.size() < constrained) {
                    int i = r.nextInt(issues);
                    if (!used.contains(i)) used.add(i);
                }
                for (int i : used) {
                    int a = r.nextInt(10);
                    inc.add(new HyperRectangleUtility.Bound(i, a, a + r.nextInt(10 - a)));
                }
                rs.add(new HyperRectangleUtility.Rectangle(1 + r.nextInt(100), inc, List.of()));
            }
            ufs.add(HyperRectangleUtility.of(d, rs, HyperRectangleUtility.Aggregation.SUM, 1.0 / (300 + r.nextInt(400))));
        }
        return ufs;
    }

    private static HyperRectangleFrontier.Counts counts(List<HyperRectangleUtility> ufs) throws AnalysisLimitException {
        return HyperRectangleFrontier.counted(ufs, List.of(), 3, 50_000_000L).counts();
    }

    @Test
    void twoPartySearchDoesNoMoreWorkThanMeasured() throws Exception {
        HyperRectangleFrontier.Counts c = counts(anacLike(2, 2, 12, 25));
        assertThat(c.nodes()).as("components solved").isLessThanOrEqualTo(635);
        assertThat(c.candidates()).as("candidates to the filter").isLessThanOrEqualTo(485);
    }

    @Test
    void threePartySearchDoesNoMoreWorkThanMeasured() throws Exception {
        HyperRectangleFrontier.Counts c = counts(anacLike(2, 3, 8, 15));
        assertThat(c.nodes()).as("components solved").isLessThanOrEqualTo(1110);
        assertThat(c.candidates()).as("candidates to the filter").isLessThanOrEqualTo(870);
    }
}
