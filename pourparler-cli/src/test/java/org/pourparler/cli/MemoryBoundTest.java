package org.pourparler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long session keeps in memory only what was asked for: no trace without --trace, and a --trace
 * file streamed rather than kept. Checked in a child JVM whose heap holds the agents' offer history
 * of a million rounds (about 120 bytes a round, docs/negotiation.md) but not a kept trace besides.
 */
class MemoryBoundTest {

    private static final Path SUPPLIER = Path.of("..", "examples", "supplier-deal.yaml").toAbsolutePath().normalize();

    private static String negotiate(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx200m",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "negotiate", SUPPLIER.toString(),
                "--agents", "hardliner,hardliner", "--rounds", "1000000"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aMillionRoundSessionWithoutTraceRunsInASmallHeap() throws Exception {
        String out = negotiate();
        assertThat(out).contains("Ended: deadline after 1000000 rounds").contains("2000000 moves");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aMillionRoundTraceIsStreamedToItsFile(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.csv");
        String out = negotiate("--trace", trace.toString());
        assertThat(out).contains("2000000 moves").contains("wrote " + trace);
        long lines = 0;
        String last = null;
        try (BufferedReader r = Files.newBufferedReader(trace)) {
            for (String line; (line = r.readLine()) != null; ) {
                lines++;
                last = line;
            }
        }
        assertThat(lines).isEqualTo(1 + 2_000_000);
        assertThat(last).startsWith("999999,");
        assertThat(dir.resolve("t.csv.part")).doesNotExist();
    }

    /**
     * Bounded by seconds only, two hardliners fill any heap (issue 9, 2.1: 5.9 GB, then an
     * OutOfMemoryError with a stack trace): the session stops at the memory limit, says so and how to
     * go further, and the command ends normally long before its 60 s.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aSessionBoundedBySecondsOnlyStopsAtTheMemoryLimitWithoutAStackTrace() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "negotiate", SUPPLIER.toString(),
                "--agents", "hardliner,hardliner", "--time", "60").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out + err).isZero();
        assertThat(out).contains("Ended: memory limit after").contains("No agreement.");
        assertThat(err).contains("its history of offers filled the memory set aside for it").contains("--rounds")
                .contains("POURPARLER_JAVA_OPTS").doesNotContain("Exception").doesNotContain("\tat ");
    }
}
