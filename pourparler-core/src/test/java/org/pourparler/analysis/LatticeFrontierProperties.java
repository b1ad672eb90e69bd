package org.pourparler.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.pourparler.model.Domain;
import org.pourparler.model.HyperRectangleUtility;
import org.pourparler.model.RedLine;
import org.pourparler.model.UtilityFunction;

/**
 * The branch and bound on lattice parties (whole-numbered rectangles times a scale, as ANAC 2014
 * writes them), against the brute force of {@link FrontierOracleProperties#oracle}. The scale is
 * 1 / maxutility with a maxutility that is not a power of two, as in GENIUS files, so sums of the
 * same whole number of units taken in different orders differ in their last bits; rectangle values
 * come from a few small numbers, so that many outcomes tie exactly and many bounds meet known points
 * exactly: the cases the search decides on the lattice (DominatedRegion, HyperRectangleFrontier).
 */
class LatticeFrontierProperties {

    /** Lattice profiles: whole rectangle values from a small set, scale 1 / maxutility; capped at 1 when asked. */
    static List<UtilityFunction> lattice(Random r, Domain d, int parties, boolean capped) {
        int[] values = {1, 2, 3, 7, 10};
        List<UtilityFunction> ufs = new ArrayList<>();
        for (int k = 0; k < parties; k++) {
            List<HyperRectangleUtility.Rectangle> rects = new ArrayList<>();
            int count = 2 + r.nextInt(6);
            for (int j = 0; j < count; j++) {
                int v = values[r.nextInt(values.length)];
                rects.add(HyperRectangleFrontierProperties.rectangle(r, d, () -> v));
            }
            double scale = 1.0 / (3 + r.nextInt(30));
            ufs.add(capped ? HyperRectangleUtility.of(d, rects, HyperRectangleUtility.Aggregation.SUM, scale, 1)
                    : HyperRectangleUtility.of(d, rects, HyperRectangleUtility.Aggregation.SUM, scale));
        }
        return ufs;
    }

    @Property(tries = 400)
    void branchAndBoundOnALatticeEqualsTheBruteForce(@ForAll long seed, @ForAll @IntRange(min = 2, max = 3) int parties,
                                                     @ForAll @IntRange(min = 0, max = 1) int lineCount,
                                                     @ForAll boolean capped) throws Exception {
        Random r = new Random(seed);
        Domain d = FrontierOracleProperties.domain(r, 6, 4);
        List<UtilityFunction> ufs = lattice(r, d, parties, capped);
        List<RedLine> lines = FrontierOracleProperties.redLines(r, d, lineCount);
        AgreementAnalysis.Options o = AgreementAnalysis.Options.defaults().withListLimit(1);
        assertThat(FrontierOracleProperties.points(AgreementAnalysis.frontier(ufs, lines, o, AgreementAnalysis.Method.RECTANGLES)))
                .isEqualTo(FrontierOracleProperties.oracle(ufs, lines));
    }
}
