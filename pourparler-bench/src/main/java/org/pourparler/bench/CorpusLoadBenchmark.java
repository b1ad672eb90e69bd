package org.pourparler.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.Scenarios;

/**
 * Reading the whole public corpus (every scenario folder under {@code corpus}: GENIUS XML,
 * GeniusWeb JSON, ANL 2023), one folder after another on one thread. Run from the repository root
 * so that the default path {@code ../shared/scenarios} resolves.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class CorpusLoadBenchmark {
    @Param({"../shared/scenarios"})
    String corpus;

    List<Path> folders;

    @Setup
    public void setup() throws IOException {
        folders = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Paths.get(corpus), 2)) {
            s.filter(Files::isDirectory).filter(CorpusLoadBenchmark::holdsScenario).sorted().forEach(folders::add);
        }
        if (folders.isEmpty()) throw new IllegalStateException("no scenario folders under " + corpus);
    }

    private static boolean holdsScenario(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".json"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Returns the number of parties read, so that nothing is optimised away. */
    @Benchmark
    public int loadAll() throws ScenarioFormatException {
        int parties = 0;
        for (Path f : folders) parties += Scenarios.read(f, null).scenario().parties().size();
        return parties;
    }
}
