package org.pourparler.bench;

import java.util.List;
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
import org.pourparler.agents.TimeDependentAgent;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Session;
import org.pourparler.negotiation.SessionResult;

/**
 * One session of two Hardliners for 1,000 rounds (they never agree, so every round is played) on a
 * generated 2-party scenario of {@code issues} issues × 5 options: rounds per second = 1,000 / time.
 * Metrics off (no analysis), so this measures the protocol, the agents' offer look-ups and tracing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NegotiationBenchmark {
    @Param({"3"})
    int issues;

    Scenario scenario;

    @Setup
    public void setup() {
        scenario = SyntheticScenarios.linearAdditive(2, issues, 5, 11);
    }

    @Benchmark
    public SessionResult thousandRounds() {
        return Session.run(scenario, List.of(TimeDependentAgent.hardliner(), TimeDependentAgent.hardliner()),
                Deadline.rounds(1000), Session.Options.defaults().withMetrics(false));
    }
}
