package org.pourparler.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pourparler.analysis.AgreementAnalysis;
import org.pourparler.model.Scenario;

/** The whole analysis of a generated linear-additive scenario that is never enumerated (10^issues outcomes). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AnalysisBenchmark {
    @Param({"2"})
    int parties;

    @Param({"30"})
    int issues;

    Scenario scenario;

    @Setup
    public void setup() {
        scenario = SyntheticScenarios.linearAdditive(parties, issues, 10, 7);
    }

    @Benchmark
    public AgreementAnalysis.Report analyze() throws Exception {
        return AgreementAnalysis.analyze(scenario, AgreementAnalysis.Options.defaults());
    }
}
