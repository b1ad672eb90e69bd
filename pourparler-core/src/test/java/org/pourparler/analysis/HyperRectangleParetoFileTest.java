package org.pourparler.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pourparler.io.genius.GeniusXml;
import org.pourparler.model.Scenario;
import org.pourparler.model.UtilityFunction;
import org.pourparler.testing.SharedCorpus;

/**
 * The exact frontier of the nonlinear scenarios against the {@code pareto.xml} GENIUS shipped beside
 * them (CSV lines {@code u1, u2}, floats). For four of them the two agree point for point. For the
 * others the file is an approximation: every point it lists is weakly dominated by a point of ours,
 * each of ours is attained by the outcome listed with it (the analysis recomputes utilities from
 * it), and ours has at least as many points (10issueswithRV: 8 against 7;
 * S-1NIKFRT-2: its first file point (0.4706, 1.0) is strictly dominated; 30issues: 14 against
 * 10; 50issues: 23 against 12; S-1NIKFRT-3: 14 against 13). The branch and bound itself is checked
 * against enumeration in {@link HyperRectangleFrontierProperties}.
 */
class HyperRectangleParetoFileTest {
    private static final List<String> EQUAL = List.of("anac/y2014/10issues", "anac/y2014/10issuesDiscounted",
            "anac/y2014/10issuesDiscountedwithRV", "other/S-1NIKFRT-1");
    private static final List<String> DOMINATES = List.of("anac/y2014/10issueswithRV", "other/S-1NIKFRT-2",
            "anac/y2014/30issues", "anac/y2014/50issues", "other/S-1NIKFRT-3");

    @TestFactory
    Stream<DynamicTest> exactFrontierAgreesWithOrImprovesOnGeniusParetoFiles() {
        Path root = SharedCorpus.scenarios();
        List<DynamicTest> tests = new ArrayList<>();
        for (String dir : EQUAL) tests.add(DynamicTest.dynamicTest(dir, () -> check(root.resolve(dir), true)));
        for (String dir : DOMINATES) tests.add(DynamicTest.dynamicTest(dir, () -> check(root.resolve(dir), false)));
        return tests.stream();
    }

    private static void check(Path dir, boolean equal) throws Exception {
        Scenario s = GeniusXml.readFolder(dir, null).scenario();
        List<UtilityFunction> ufs = s.parties().stream().map(p -> p.profile().utility()).toList();
        ParetoFrontier ours = AgreementAnalysis.frontier(ufs, List.of(), AgreementAnalysis.Options.defaults(),
                AgreementAnalysis.Method.RECTANGLES);
        List<double[]> file = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("pareto.xml"))) {
            if (line.isBlank()) continue;
            String[] parts = line.split(",");
            file.add(new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())});
        }
        for (double[] t : file) {
            assertThat(ours.points()).as("a point of ours at least as good as %s, %s", t[0], t[1])
                    .anyMatch(p -> p.utility(0) >= t[0] - 1e-6 && p.utility(1) >= t[1] - 1e-6);
        }
        if (equal) {
            assertThat(ours.size()).isEqualTo(file.size());
            for (double[] t : file) {
                assertThat(ours.distanceTo(t)).as("distance of %s, %s to our frontier", t[0], t[1]).isLessThan(1e-6);
            }
        } else {
            assertThat(ours.size()).isGreaterThanOrEqualTo(file.size());
        }
    }
}
