package org.pourparler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pourparler.tournament.ResultRow;

/** Outside agents ({@code class:}) that exit, exhaust memory or never return end only their own negotiation. */
class ContainmentTest {

    private static final String AGENTS = "org.pourparler.cli.agents.";
    private static final Path SUPPLIER = Path.of("..", "examples", "supplier-deal.yaml").toAbsolutePath().normalize();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aTournamentSurvivesAgentsThatExitExhaustMemoryOrHang(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, """
                format: pourparler-tournament/1
                seed: 2
                scenarios: [%s]
                agents:
                  - boulware
                  - {name: exiting, agent: "class:%sExitingAgent"}
                  - {name: hoarding, agent: "class:%sHoardingAgent"}
                  - {name: sleeping, agent: "class:%sSleepingAgent"}
                roles: fixed
                deadline: {rounds: 30}
                timeLimit: 3
                """.formatted(SUPPLIER, AGENTS, AGENTS, AGENTS));
        // a small heap for the agents' JVMs, so the hoarder fails fast
        String before = System.getProperty("pourparler.agentJvmOptions");
        System.setProperty("pourparler.agentJvmOptions", "-Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        CliTest.Run r;
        try {
            r = CliTest.run("tournament", f.toString(), "--threads", "2");
        } finally {
            if (before == null) System.clearProperty("pourparler.agentJvmOptions");
            else System.setProperty("pourparler.agentJvmOptions", before);
        }
        assertThat(r.code()).as(r.err()).isZero();
        // a ranking of all four agents, printed and written
        assertThat(r.out()).contains("6 negotiations").contains("4 agents").contains("boulware").contains("exiting").contains("hoarding").contains("sleeping");
        Path out = dir.resolve("t-results");
        assertThat(out.resolve("ranking.csv")).exists();
        List<ResultRow> rows = TournamentCliTest.rows(out.resolve("results.csv"));
        assertThat(rows).hasSize(12);
        // fixed roles: the first-listed agent moves first, so each misbehaving agent acts before a later one
        assertThat(rows).filteredOn(x -> x.match().contains("exiting")).hasSize(6)
                .allSatisfy(x -> {
                    assertThat(x.faultAgent()).isEqualTo("exiting");
                    assertThat(x.fault()).startsWith("exit: the agent called System.exit(42)");
                });
        assertThat(rows).filteredOn(x -> x.match().contains("hoarding") && !x.match().contains("exiting")).hasSize(4)
                .allSatisfy(x -> {
                    assertThat(x.faultAgent()).isEqualTo("hoarding");
                    assertThat(x.fault()).startsWith("out-of-memory");
                });
        assertThat(rows).filteredOn(x -> x.match().contains("boulware") && x.match().contains("sleeping")).hasSize(2)
                .allSatisfy(x -> {
                    assertThat(x.faultAgent()).isEqualTo("sleeping");
                    assertThat(x.fault()).startsWith("hung").contains("sleeping was moving");
                });
        assertThat(r.err()).contains("1 abandoned as hung");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void negotiateEndsASessionWhoseAgentNeverReturnsWithinItsTimeLimit() {
        long t0 = System.nanoTime();
        CliTest.Run r = CliTest.run("negotiate", SUPPLIER.toString(), "--agents", "boulware,class:" + AGENTS + "SleepingAgent",
                "--time-limit", "1");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Ended: fault").contains("Fault: SleepingAgent (hung)").contains("time limit of 1.0 s")
                .contains("No agreement.");
        assertThat(seconds).isLessThan(15);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void negotiateRecordsAnAgentThatRunsOutOfMemoryAsItsFault() throws Exception {
        // in a child JVM with a small heap, as a user's run would be, so the hoarder fails fast
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "negotiate", SUPPLIER.toString(),
                "--agents", "boulware,class:" + AGENTS + "HoardingAgent").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("Fault: HoardingAgent (out-of-memory)").contains("No agreement.");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void negotiateContainsAnAgentThatCallsSystemExit() throws Exception {
        // in a JVM of its own: the agent's System.exit must end its session with a fault, not the command
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "negotiate", SUPPLIER.toString(), "--agents", "boulware,class:" + AGENTS + "ExitingAgent", "--rounds", "30",
                "--format", "json");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);
        assertThat(json.path("ending").asText()).as(out).isEqualTo("fault");
        assertThat(json.path("fault").path("kind").asText()).isEqualTo("exit");
        assertThat(json.toString()).contains("exit").contains("called System.exit during the session");
        // Ctrl-C (SIGTERM here) still ends the command as asked, not as an agent's fault
        Path log = Files.createTempFile("pourparler-sigterm", ".txt");
        Process q = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "negotiate", SUPPLIER.toString(), "--agents", "hardliner,hardliner", "--time", "60")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Thread.sleep(3000);
        q.destroy();
        assertThat(q.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log)).doesNotContain("System.exit");
        Files.delete(log);
        assertThat(q.exitValue()).isNotZero();
    }
}
