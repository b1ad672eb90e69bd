package org.pourparler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, messages, outputs. */
class CliTest {

    record Run(int code, String out, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static Path example(String name) {
        return Paths.get("..", "examples", name);
    }

    static Path corpus(String rel) {
        String prop = System.getProperty("pourparler.shared");
        Path p = prop == null ? Paths.get("..", "..", "shared") : Paths.get(prop);
        Path f = p.resolve("scenarios").resolve(rel);
        if (!Files.exists(f) && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(f + " is absent, and under CI no test may skip");
        }
        Assumptions.assumeTrue(Files.exists(f), "the shared scenario corpus is absent: skipping");
        return f;
    }

    @Test
    void versionAndHelpWork() {
        Run v = run("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out()).startsWith("pourparler ");
        for (String cmd : new String[] {"inspect", "convert", "analyze", "negotiate"}) {
            Run h = run(cmd, "--help");
            assertThat(h.code()).isZero();
            assertThat(h.out()).contains("Usage: pourparler " + cmd);
        }
    }

    @Test
    void inspectSummarisesAnExample() {
        Run r = run("inspect", example("labour-contract.yaml").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Outcomes:").contains("Issues (").contains("Parties (").contains("ratifier");
    }

    @Test
    void inspectJsonHasTheDocumentedShape() throws Exception {
        Run r = run("inspect", corpus("anac/y2011/Laptop").toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("outcomes").asText()).isEqualTo("27");
        assertThat(j.get("issues")).hasSize(3);
        assertThat(j.get("issues").get(0).get("type").asText()).isEqualTo("discrete");
        assertThat(j.get("issues").get(0).get("values")).hasSize(3);
        assertThat(j.get("parties")).hasSize(2);
        assertThat(j.get("parties").get(0).get("role").asText()).isEqualTo("negotiator");
        assertThat(j.get("parties").get(0).get("utility").asText()).isEqualTo("linear-additive");
        assertThat(j.has("warnings")).isTrue();
    }

    @Test
    void inspectCountsHugeDomainsExactly() throws Exception {
        Run r = run("inspect", corpus("anac/y2014/50issues").toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("outcomes").asText()).isEqualTo("1" + "0".repeat(40));
        assertThat(j.get("parties").get(0).get("utility").asText()).isEqualTo("hyper-rectangle");
    }

    @Test
    void missingFileIsAUserErrorWithoutStackTrace() {
        Run r = run("inspect", "no/such/file.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no/such/file.yaml").contains("no such file").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void badOptionIsAUserError() {
        Run r = run("inspect", example("labour-contract.yaml").toString(), "--format", "xml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--format");
    }

    @Test
    void brokenScenarioFileNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.yaml");
        Files.writeString(f, "format: pourparler/1\ntitle: x\nissues:\n  - name: a\n    options: [x, y\nparties: []\n");
        Run r = run("inspect", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("broken.yaml").containsPattern("line \\d+");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void unknownPartyIsAUserError() {
        Run r = run("inspect", example("labour-contract.yaml").toString(), "--parties", "Nobody");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no party 'Nobody'");
    }

    @Test
    void convertWritesEveryFormatAndReadsBack(@TempDir Path dir) throws Exception {
        for (String to : new String[] {"pourparler", "genius", "geniusweb"}) {
            Path out = dir.resolve(to);
            Run c = run("convert", example("labour-contract.yaml").toString(), "--to", to, "--out", out.toString());
            assertThat(c.code()).as(c.err()).isZero();
            assertThat(c.out()).contains("wrote");
            Run back = run("inspect", out.toString(), "--format", "json");
            assertThat(back.code()).as(back.err()).isZero();
            JsonNode j = new ObjectMapper().readTree(back.out());
            assertThat(j.get("issues").size()).isGreaterThan(0);
        }
        // red lines and ratifiers cannot be written to GENIUS: the user is told
        Run g = run("convert", example("labour-contract.yaml").toString(), "--to", "genius", "--out", dir.resolve("g2").toString());
        assertThat(g.err()).contains("warning");
    }

    @Test
    void convertRefusesToOverwrite(@TempDir Path dir) {
        assertThat(run("convert", example("labour-contract.yaml").toString(), "--to", "pourparler", "--out", dir.toString()).code()).isZero();
        Run again = run("convert", example("labour-contract.yaml").toString(), "--to", "pourparler", "--out", dir.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already exists").contains("--force");
        assertThat(run("convert", example("labour-contract.yaml").toString(), "--to", "pourparler", "--out", dir.toString(), "--force").code()).isZero();
    }

    @Test
    void analyzeFindsNoZoneInTheSeedScenarioAndNamesTheTerritoryClash() throws Exception {
        Run r = run("analyze", example("ukraine-2024-feelers.yaml").toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("agreementZone").get("exists").asBoolean()).isFalse();
        JsonNode sets = j.get("diagnosis").get("blockingSets");
        assertThat(sets).anySatisfy(s -> {
            assertThat(s.get("parties").toString()).contains("Moscow").contains("Kyiv");
            assertThat(s.get("parties")).hasSize(2);
            assertThat(s.get("issues").get(0).get("issue").asText()).isEqualTo("territory");
        });
        Run text = run("analyze", example("ukraine-2024-feelers.yaml").toString());
        assertThat(text.out()).contains("NONE").contains("Moscow + Kyiv").contains("clash on territory");
    }

    @Test
    void analyzeWithAidCutOpensAZoneWithANashPackage() throws Exception {
        Run r = run("analyze", example("ukraine-2024-aid-cut.yaml").toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("agreementZone").get("exists").asBoolean()).isTrue();
        assertThat(j.get("solutions").get("nash")).isNotEmpty();
        assertThat(j.get("solutions").get("nash").get(0).get("outcomes").get(0).has("territory")).isTrue();
    }

    @Test
    void analyzeJsonHasTheDocumentedShape() throws Exception {
        Run r = run("analyze", corpus("other/LaptopC").toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String key : new String[] {"scenario", "parties", "outcomes", "reservation", "agreementZone", "pareto", "paretoAll",
                "solutions", "diagnosis"}) {
            assertThat(j.has(key)).as(key).isTrue();
        }
        assertThat(j.get("outcomes").asText()).isEqualTo("27");
        assertThat(j.get("pareto").get("size").asInt()).isEqualTo(4);
        assertThat(j.get("pareto").get("points").get(0).has("tied")).isTrue();
        for (String s : new String[] {"nash", "kalaiSmorodinsky", "egalitarian", "utilitarian"}) {
            assertThat(j.get("solutions").get(s)).isNotEmpty();
        }
    }

    @Test
    void analyzeDrawsPlots(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("plane.svg");
        Path png = dir.resolve("matrix.png");
        assertThat(run("analyze", corpus("other/LaptopC").toString(), "--plot", svg.toString()).code()).isZero();
        assertThat(Files.readString(svg)).contains("<svg");
        assertThat(run("analyze", example("ukraine-2024-feelers.yaml").toString(), "--plot", png.toString()).code()).isZero();
        byte[] head = Files.readAllBytes(png);
        assertThat(head[1]).isEqualTo((byte) 'P');
        assertThat(run("analyze", corpus("other/LaptopC").toString(), "--plot", dir.resolve("x.gif").toString()).code()).isEqualTo(2);
    }

    @Test
    void negotiateRunsASessionAndReportsItAsJson(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.csv");
        Run r = run("negotiate", corpus("other/LaptopC").toString(), "--agents", "conceder,conceder", "--rounds", "50",
                "--format", "json", "--trace", trace.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("ending").asText()).isEqualTo("agreement");
        assertThat(j.get("agreement").has("Laptop")).isTrue();
        assertThat(j.get("utilities")).hasSize(2);
        assertThat(j.get("metrics").get("distancePareto").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(j.get("fault").isNull()).isTrue();
        List<String> lines = Files.readAllLines(trace);
        assertThat(lines.get(0)).startsWith("round,time,party,action");
        assertThat(lines.size()).isBetween(2 * j.get("rounds").asInt() - 1, 2 * j.get("rounds").asInt() + 1);
        assertThat(lines.get(lines.size() - 1)).contains("accept");
    }

    @Test
    void negotiateRefusesWrongAgentsAndProtocols() {
        Run count = run("negotiate", example("labour-contract.yaml").toString(), "--agents", "boulware");
        assertThat(count.code()).isEqualTo(2);
        assertThat(count.err()).contains("2 negotiating parties");
        Run unknown = run("negotiate", example("labour-contract.yaml").toString(), "--agents", "boulware,smart");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown agent 'smart'").contains("boulware");
        Run protocol = run("negotiate", example("labour-contract.yaml").toString(), "--agents", "boulware,linear", "--protocol", "auction");
        assertThat(protocol.code()).isEqualTo(2);
        assertThat(protocol.err()).contains("Unknown protocol 'auction'").contains("test-the-waters");
    }

    @Test
    void testingTheWatersReportsOnlyTheAnswers() {
        Run feelers = run("negotiate", example("ukraine-2024-feelers.yaml").toString(), "--agents", "boulware,conceder,linear",
                "--protocol", "test-the-waters");
        assertThat(feelers.code()).isZero();
        assertThat(feelers.out()).contains("(test the waters)").contains("Zone of agreement: not found").contains("Probe answers: no")
                .doesNotContain("yes (round");
        Run aidCut = run("negotiate", example("ukraine-2024-aid-cut.yaml").toString(), "--agents", "boulware,conceder,linear",
                "--protocol", "test-the-waters", "--probes", "5");
        assertThat(aidCut.out()).contains("Zone of agreement: exists").containsPattern("Probe answers: .*yes \\(round \\d+\\)");
    }
}
