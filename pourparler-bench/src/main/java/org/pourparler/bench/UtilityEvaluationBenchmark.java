package org.pourparler.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.ValueFunction;

/**
 * Linear-additive utility evaluation, in outcomes per second on one core (ops/s x batch):
 * {@code random} evaluates outcomes stored as option-index arrays in a flat buffer (the access
 * pattern of agents and analysis filters); {@code sequential} evaluates consecutive outcome numbers
 * with running partial sums (the access pattern of enumeration).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UtilityEvaluationBenchmark {
    static final int BATCH = 1 << 16;

    @Param({"10"})
    int issues;

    @Param({"10"})
    int options;

    LinearAdditiveUtility utility;
    int[] flat;          // BATCH outcomes, issues ints each
    int[][] outcomes;    // the same as arrays
    double[] out;
    long first;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(42);
        List<Issue> is = new ArrayList<>();
        List<ValueFunction> fs = new ArrayList<>();
        double[] w = new double[issues];
        for (int i = 0; i < issues; i++) {
            is.add(Issue.integer("i" + i, 0, options - 1));
            double[] t = new double[options];
            for (int v = 0; v < options; v++) t[v] = r.nextDouble();
            fs.add(new ValueFunction.Table(t));
            w[i] = r.nextDouble() + 0.1;
        }
        Domain d = Domain.of("bench", is);
        utility = LinearAdditiveUtility.of(d, w, fs);
        outcomes = new int[BATCH][];
        flat = new int[BATCH * issues];
        for (int k = 0; k < BATCH; k++) {
            outcomes[k] = new int[issues];
            for (int i = 0; i < issues; i++) {
                outcomes[k][i] = r.nextInt(options);
                flat[k * issues + i] = outcomes[k][i];
            }
        }
        out = new double[BATCH];
        first = d.outcomeCountExact() / 3;
    }

    /** One call of {@link LinearAdditiveUtility#utility(int[])} per outcome. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double random() {
        double s = 0;
        for (int[] o : outcomes) s += utility.utility(o);
        return s;
    }

    /** {@link LinearAdditiveUtility#utilities(long, double[])} over a batch of consecutive outcomes. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double[] sequential() {
        utility.utilities(first, out);
        return out;
    }
}
