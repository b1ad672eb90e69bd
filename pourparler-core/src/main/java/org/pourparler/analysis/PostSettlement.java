package org.pourparler.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.pourparler.model.RedLine;
import org.pourparler.model.UtilityFunction;

/**
 * Post-settlement (Raiffa's "negotiation after the deal"): once the parties have agreed, is there a
 * package that every party values at least as much as the agreement and at least one party more?
 * If so, the one to put to them is the package with the largest Nash product of the gains over the
 * agreement (products equal to a relative 1e-9 are tied: {@link #TIE}); when no package improves on it for everybody strictly (every
 * product is 0), or among tied products, the one with the largest total gain; then the largest least gain; then the larger utilities, party by
 * party in order (packages with the same utilities are all alike: the first the frontier lists). Packages crossing a red line are
 * never offered. Utilities are compared on the grid Pareto dominance uses ({@link ParetoFrontier#onGrid}).
 *
 * <p>Such a package, if one exists, lies on the Pareto frontier (a package that dominates the agreement
 * is dominated by, or is, a frontier point that dominates it too; the product and the sum grow with
 * every gain), so only the frontier is searched.
 *
 * <pre>{@code
 * Optional<int[]> better = PostSettlement.improvement(utilities, redLines, agreement.toArray(), AgreementAnalysis.Options.defaults());
 * }</pre>
 */
public final class PostSettlement {
    private PostSettlement() { }

    /**
     * The package to offer after the agreement, or empty when the agreement is Pareto-efficient.
     *
     * @param utilities every party's utility function (ratifiers too: they must ratify the new package)
     * @param redLines  every party's red lines
     * @param agreement the agreed package
     * @throws AnalysisLimitException when no exact frontier can be computed for these utilities
     */
    public static Optional<int[]> improvement(List<UtilityFunction> utilities, List<RedLine> redLines, int[] agreement,
                                              AgreementAnalysis.Options options) throws AnalysisLimitException {
        int k = utilities.size();
        double[] base = new double[k];
        for (int i = 0; i < k; i++) base[i] = ParetoFrontier.onGrid(utilities.get(i).utility(agreement));
        ParetoFrontier frontier = AgreementAnalysis.frontier(utilities, redLines, options.withListLimit(1));
        FrontierPoint best = null;
        double[] bestKey = null;
        for (FrontierPoint p : frontier.points()) {
            double[] key = key(p, base);
            if (key != null && (bestKey == null || compare(key, bestKey) > 0)) {
                best = p;
                bestKey = key;
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.outcomes().get(0));
    }

    /**
     * The point's rank as an improvement, greater is better: log of the Nash product of the gains
     * (−∞ when a gain is 0), total gain, least gain, then the utilities; null when it is no improvement.
     */
    private static double[] key(FrontierPoint p, double[] base) {
        int k = base.length;
        double[] key = new double[3 + k];
        boolean more = false;
        double least = Double.POSITIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            double u = ParetoFrontier.onGrid(p.utility(i));
            double gain = u - base[i];
            if (gain < 0) return null;
            more |= gain > 0;
            key[1] += gain;
            least = Math.min(least, gain);
            key[3 + i] = u;
        }
        key[0] = BargainingSolutions.logNashProduct(Arrays.copyOfRange(key, 3, 3 + k), base);
        key[2] = least;
        return more ? key : null;
    }

    /**
     * How close two log products (a relative difference of the products), totals or least gains must be
     * to tie: 1e-9. The gains are differences of utilities on the 1e-12 grid, so two packages whose
     * products are equal in exact arithmetic (0.25 × 0.25 and 0.1875 × 1/3) differ on the grid by about
     * 1e-12 of the product; a tolerance at the grid's own size would split such ties by round-off.
     */
    static final double TIE = 1e-9;

    /** Log products within {@link #TIE} (a relative difference of the products) tie, as do totals and least gains within it. */
    private static int compare(double[] a, double[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] == b[i] || Math.abs(a[i] - b[i]) <= TIE) continue;
            return Double.compare(a[i], b[i]);
        }
        return Arrays.compare(a, 3, a.length, b, 3, b.length);
    }
}
