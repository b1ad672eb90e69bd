package org.pourparler.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.Scenario;
import org.pourparler.model.ValueFunction;

/** Generated scenarios of a given shape, for benchmarks (deterministic for a seed). */
public final class SyntheticScenarios {
    private SyntheticScenarios() { }

    /** Writes a generated scenario as Pourparler YAML: {@code PARTIES ISSUES OPTIONS FILE}. */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length != 4) {
            System.err.println("usage: SyntheticScenarios PARTIES ISSUES OPTIONS FILE.yaml");
            System.exit(2);
        }
        Scenario s = linearAdditive(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), 7);
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[3]), org.pourparler.io.pourparler.PourparlerFormat.toYaml(s));
    }

    /** {@code parties} linear-additive parties over {@code issues} discrete issues of {@code options} options each. */
    public static Scenario linearAdditive(int parties, int issues, int options, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Issue> is = new ArrayList<>();
        for (int i = 0; i < issues; i++) {
            List<String> labels = new ArrayList<>();
            for (int v = 0; v < options; v++) labels.add("o" + v);
            is.add(Issue.discrete("issue" + i, labels));
        }
        Domain d = Domain.of("synthetic-" + issues + "x" + options, is);
        Scenario.Builder b = Scenario.builder(d);
        for (int k = 0; k < parties; k++) {
            double[] w = new double[issues];
            List<ValueFunction> fs = new ArrayList<>();
            for (int i = 0; i < issues; i++) {
                w[i] = r.nextDouble() + 0.05;
                double[] t = new double[options];
                for (int v = 0; v < options; v++) t[v] = r.nextDouble();
                fs.add(new ValueFunction.Table(t));
            }
            b.party(Party.negotiator("p" + k, Profile.of(LinearAdditiveUtility.of(d, w, fs), 0.5)));
        }
        return b.build();
    }
}
