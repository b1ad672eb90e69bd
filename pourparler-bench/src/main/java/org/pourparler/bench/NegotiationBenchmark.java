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
import org.pourparler.agents.Agents;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Protocol;
import org.pourparler.negotiation.Session;
import org.pourparler.negotiation.SessionResult;

/**
 * One session of 1,000 rounds on a generated 2-party scenario of {@code issues} issues × 5 options:
 * two Hardliners (they never agree, so every round is played) or two Boulware agents (they agree
 * near the deadline), under a protocol, with or without the trace. Rounds per second = rounds played
 * / time. Metrics off (no analysis), so this measures the protocol, the agents (including building
 * their offer index at start) and tracing.
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

    @Param({"hardliner", "boulware"})
    String agent;

    @Param({"alternating"})
    String protocol;

    @Param({"true", "false"})
    boolean trace;

    Scenario scenario;

    @Setup
    public void setup() {
        scenario = SyntheticScenarios.linearAdditive(2, issues, 5, 11);
    }

    @Benchmark
    public SessionResult thousandRounds() {
        return Session.run(scenario, List.of(Agents.create(agent), Agents.create(agent)), Deadline.rounds(1000),
                Session.Options.defaults().withMetrics(false).withTrace(trace).withProtocol(Protocol.of(protocol)));
    }
}
