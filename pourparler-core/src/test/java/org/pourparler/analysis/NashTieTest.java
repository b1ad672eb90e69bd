package org.pourparler.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pourparler.io.pourparler.PourparlerFormat;
import org.pourparler.model.Scenario;

/**
 * Nash products equal in exact arithmetic tie. The solutions are computed from the frontier points'
 * own utilities (sums of the profile's terms, round-off about 1e-16), not from the 1e-12 grid that
 * dominance compares on, so log products within 1e-12 suffice; on the grid the same products would
 * differ by 1e-11 here (the grid's round-off of 1/30 on small gains), which is why the
 * post-settlement rule, which compares on the grid, ties within 1e-9 instead.
 */
class NashTieTest {

    /**
     * Reservation values 0, one issue: packages p (gains 1/40, 1/40) and q (gains 3/160, 1/30) both
     * have the product 1/1600; r (1/10, 1/200) has 1/2000. Small gains would amplify a grid round-off of
     * 1/30 to 1e-11 of the product, ten times the tolerance.
     */
    @Test
    void productsEqualInExactArithmeticBothCountAsNash() throws Exception {
        String yaml = """
                format: pourparler/1
                title: tie
                issues:
                  - {name: x, options: [p, q, r, s]}
                parties:
                  - name: a
                    reservation: 0
                    utility: {issues: {x: {weight: 1, options: {p: %s, q: %s, r: %s, s: 1}}}}
                  - name: b
                    reservation: 0
                    utility: {issues: {x: {weight: 1, options: {p: %s, q: %s, r: %s, s: 0}}}}
                """.formatted(1 / 40.0, 3 / 160.0, 1 / 10.0, 1 / 40.0, 1 / 30.0, 1 / 200.0);
        Scenario s = PourparlerFormat.parse(yaml, "tie.yaml").scenario();
        AgreementAnalysis.Report r = AgreementAnalysis.analyze(s, AgreementAnalysis.Options.defaults().withListLimit(10));
        assertThat(r.solutions().nash()).hasSize(2);
        assertThat(r.solutions().nash()).allSatisfy(p -> assertThat(p.utility(0) * p.utility(1)).isCloseTo(1 / 1600.0,
                org.assertj.core.api.Assertions.within(1e-15)));
        // and nothing else ties: r's product is 20% lower
        assertThat(r.solutions().nash()).noneSatisfy(p -> assertThat(p.utility(0)).isEqualTo(0.1));
    }
}
