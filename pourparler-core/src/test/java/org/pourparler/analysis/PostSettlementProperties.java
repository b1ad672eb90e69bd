package org.pourparler.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.pourparler.model.Domain;
import org.pourparler.model.Party;
import org.pourparler.model.RedLine;
import org.pourparler.model.Scenario;
import org.pourparler.model.UtilityFunction;

/**
 * Post-settlement against brute force: every package of small random scenarios (coarse utilities, so
 * ties, zero gains and products equal but for round-off are common; red lines), every party's gain
 * over a random agreement, the Nash product multiplied out directly (equal to a relative 1e-9: tied; seed 1200 with two parties
 * has products 0.25 x 0.25 and 0.1875 x 1/3, equal but for the grid, which a 1e-12 tolerance split).
 */
class PostSettlementProperties {

    @Property(tries = 400)
    @net.jqwik.api.statistics.StatisticsReport(onFailureOnly = false)
    void theOfferedPackageIsTheBestImprovementByBruteForce(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int parties)
            throws AnalysisLimitException {
        check(seed, parties);
        net.jqwik.api.statistics.Statistics.coverage(c -> {
            c.check("improvable").percentage(p -> p > 10);
            c.check("efficient").percentage(p -> p > 5);
        });
    }

    /** Products equal in exact arithmetic, unequal on the grid by 1e-12 of the product: a tie, broken by the total gain. */
    @net.jqwik.api.Example
    void productsEqualButForTheGridTie() throws AnalysisLimitException {
        check(1200, 2);
    }

    private static void check(long seed, int parties) throws AnalysisLimitException {
        Scenario s = AnalysisProperties.randomScenario(seed, parties, true);
        Domain d = s.domain();
        List<UtilityFunction> ufs = s.parties().stream().map(p -> p.profile().utility()).toList();
        List<RedLine> lines = s.parties().stream().flatMap(p -> p.profile().redLines().stream()).toList();
        List<int[]> all = all(d);
        int[] agreement = all.get(new Random(seed).nextInt(all.size()));

        Optional<int[]> offered = PostSettlement.improvement(ufs, lines, agreement, AgreementAnalysis.Options.defaults());

        // brute force
        double[] base = utilities(ufs, agreement);
        int[] best = null;
        double bestProduct = -1;
        double bestTotal = -1;
        double bestLeast = -1;
        double[] bestU = null;
        for (int[] o : all) {
            if (lines.stream().anyMatch(l -> l.crossedBy(o))) continue;
            double[] u = utilities(ufs, o);
            boolean atLeast = true;
            boolean more = false;
            double product = 1;
            double total = 0;
            double least = Double.MAX_VALUE;
            for (int k = 0; k < u.length; k++) {
                double gain = u[k] - base[k];
                atLeast &= gain >= 0;
                more |= gain > 0;
                product *= gain;
                total += gain;
                least = Math.min(least, gain);
            }
            if (!atLeast || !more) continue;
            int c = best == null ? 1 : near(product, bestProduct, 1e-9 * Math.max(product, bestProduct));
            if (c == 0) c = near(total, bestTotal, 1e-9);
            if (c == 0) c = near(least, bestLeast, 1e-9);
            if (c == 0) c = java.util.Arrays.compare(u, bestU);
            if (c > 0) {
                best = o;
                bestProduct = product;
                bestTotal = total;
                bestLeast = least;
                bestU = u;
            }
        }
        net.jqwik.api.statistics.Statistics.collect(best != null ? "improvable" : "efficient");
        assertThat(offered.isPresent()).as("an improvement exists").isEqualTo(best != null);
        if (best != null) {
            // ties between packages of equal utilities may be broken either way: the utilities must agree
            assertThat(utilities(ufs, offered.get())).containsExactly(utilities(ufs, best));
            for (RedLine l : lines) assertThat(l.crossedBy(offered.get())).isFalse();
        }
    }

    /** Compares, taking values within {@code tolerance} as equal. */
    private static int near(double a, double b, double tolerance) {
        return Math.abs(a - b) <= tolerance ? 0 : Double.compare(a, b);
    }

    private static double[] utilities(List<UtilityFunction> ufs, int[] o) {
        double[] u = new double[ufs.size()];
        for (int k = 0; k < u.length; k++) u[k] = ParetoFrontier.onGrid(ufs.get(k).utility(o));
        return u;
    }

    private static List<int[]> all(Domain d) {
        List<int[]> out = new ArrayList<>();
        int[] o = new int[d.issueCount()];
        while (true) {
            out.add(o.clone());
            int i = 0;
            while (i < o.length && ++o[i] == d.issue(i).size()) o[i++] = 0;
            if (i == o.length) return out;
        }
    }
}
