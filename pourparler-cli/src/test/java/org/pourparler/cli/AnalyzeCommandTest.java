package org.pourparler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code analyze}'s own options and wording (issue 9, items 2.2 and 2.6). */
class AnalyzeCommandTest {

    /** A scenario of the shared corpus: missing, it skips on a workstation and fails under CI=true. */
    static Path shared(String rel) {
        return CliTest.corpus(rel);
    }

    @Test
    void negativeThreadsAreRefusedWithExit2() {
        CliTest.Run r = CliTest.run("analyze", CliTest.example("supplier-deal.yaml").toString(), "--threads", "-3");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--threads must be at least 1, but was -3").doesNotContain("Exception");
    }

    @Test
    void partiesWithoutNamesAreRefusedWithExit2() {
        for (String parties : new String[] {",", "bakery,,mill", ""}) {
            CliTest.Run r = CliTest.run("analyze", CliTest.example("supplier-deal.yaml").toString(), "--parties", parties);
            assertThat(r.code()).as("--parties '%s'", parties).isEqualTo(2);
            assertThat(r.err()).contains("--parties needs party names");
        }
    }

    @Test
    void anAnalysisPastMaxWorkStopsWithExit2AndSaysWhichLimitAndHowToRaiseIt() {
        CliTest.Run r = CliTest.run("analyze", CliTest.example("supplier-deal.yaml").toString(), "--max-work", "1000");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("supplier-deal.yaml").contains("work limit of 1000 steps").contains("--max-work")
                .doesNotContain("Exception");
        assertThat(CliTest.run("analyze", CliTest.example("supplier-deal.yaml").toString(), "--max-work", "0").code()).isEqualTo(2);
    }

    @Test
    void aZoneTheSampleMissedIsReportedAsAtLeastOneOutcomeWithAnUpperBound() {
        // 10^30 outcomes, a zone the frontier proves but no random sample hits: "about 1 outcomes (1 .. 1.9e25)" before
        CliTest.Run r = CliTest.run("analyze", shared("anac/y2014/30issuesDiscountedwithRV").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Zone of agreement: YES - at least 1 outcome").contains("None of 200,000")
                .contains("95% confidence").doesNotContain("about 1 outcomes");
    }
}
