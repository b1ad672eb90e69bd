package org.pourparler.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared scenario corpus ({@code ../shared} beside the repository). Tests that need it call
 * {@link #root()}, which skips the test with a message when the corpus is absent (and fails it under CI).
 */
public final class SharedCorpus {
    private SharedCorpus() { }

    /** The shared folder, or null when absent. */
    public static Path locate() {
        String prop = System.getProperty("pourparler.shared");
        Path p = prop != null ? Paths.get(prop) : Paths.get("..", "..", "shared");
        if (Files.isDirectory(p.resolve("scenarios"))) return p.toAbsolutePath().normalize();
        Path alt = Paths.get("..", "shared");
        return Files.isDirectory(alt.resolve("scenarios")) ? alt.toAbsolutePath().normalize() : null;
    }

    /** The shared folder; skips the calling test when it is absent, and fails it under CI (CI=true). */
    public static Path root() {
        Path p = locate();
        if (p == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("the shared scenario corpus (../shared/scenarios) is absent, and under CI no test may skip");
        }
        Assumptions.assumeTrue(p != null,
                "the shared scenario corpus (../shared/scenarios) is absent: skipping the tests that read it");
        return p;
    }

    /** {@code shared/scenarios}; skips the calling test when it is absent. */
    public static Path scenarios() {
        return root().resolve("scenarios");
    }

    /** The points of an ANAC 2014 {@code pareto.xml}, which is not XML but CSV lines {@code u1, u2}. */
    public static java.util.List<double[]> paretoPoints(Path file) throws java.io.IOException {
        java.util.List<double[]> points = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) continue;
            String[] parts = line.split(",");
            points.add(new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())});
        }
        return points;
    }
}
