package org.pourparler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code negotiate --conventions}. */
class NegotiateConventionsTest {

    private static JsonNode negotiate(String conventions) throws Exception {
        String prop = System.getProperty("pourparler.shared");
        java.nio.file.Path shared = prop == null ? java.nio.file.Paths.get("..", "..", "shared") : java.nio.file.Paths.get(prop);
        if (!java.nio.file.Files.isDirectory(shared.resolve("scenarios")) && "true".equalsIgnoreCase(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail("the shared corpus (../shared/scenarios) is missing; under CI=true it must be present");
        }
        CliTest.Run r = CliTest.run("negotiate", CliTest.corpus("anac/y2011/Laptop").toString(), "--agents", "boulware,linear",
                "--rounds", "180", "--conventions", conventions, "--format", "json");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        return new ObjectMapper().readTree(r.out());
    }

    /** GENIUS's own session (shared/reference/genius-sessions/laptop.tsv, line 1): agreement in round 47 at t = 47/181. */
    @Test
    void geniusConventionsReplayGeniusSession() throws Exception {
        JsonNode g = negotiate("genius");
        assertThat(g.get("rounds").asInt()).isEqualTo(47);
        assertThat(g.get("time").asDouble()).isEqualTo(47.0 / 181);
        assertThat(g.get("agreement").toString()).contains("HP").contains("60 Gb").contains("19'' LCD");
        assertThat(negotiate("pourparler").get("rounds").asInt()).isEqualTo(52);
    }

    @Test
    void unknownConventionsExitWith2NamingTheOption() {
        CliTest.Run r = CliTest.run("negotiate", CliTest.example("supplier-deal.yaml").toString(), "--agents", "boulware,linear",
                "--conventions", "negmas");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--conventions").contains("'negmas'").contains("pourparler, genius");
    }
}
