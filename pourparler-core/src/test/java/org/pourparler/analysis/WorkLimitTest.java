package org.pourparler.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.Role;
import org.pourparler.model.Scenario;
import org.pourparler.model.ValueFunction;

/** The analysis stops at its work limit at once, and skips work whose answer is known (issue 9, items 2.2 and 2.6). */
class WorkLimitTest {

    /** Issues x options linear-additive, random tables: the frontier grows fast with the parties. */
    static Scenario random(int parties, int issues, int options, double reservation) {
        Random r = new Random(42);
        List<Issue> is = new ArrayList<>();
        for (int i = 0; i < issues; i++) is.add(Issue.integer("i" + i, 0, options - 1));
        Domain d = Domain.of("d", is);
        Scenario.Builder b = Scenario.builder(d);
        for (int k = 0; k < parties; k++) {
            double[] w = new double[issues];
            List<ValueFunction> fs = new ArrayList<>();
            for (int i = 0; i < issues; i++) {
                w[i] = r.nextDouble();
                double[] t = new double[options];
                for (int v = 0; v < options; v++) t[v] = r.nextDouble();
                fs.add(new ValueFunction.Table(t));
            }
            b.party(new Party("p" + k, Role.NEGOTIATOR, Profile.of(LinearAdditiveUtility.of(d, w, fs), reservation)));
        }
        return b.build();
    }

    @Test
    void fivePartiesOnTenByTenStopAtTheWorkLimitWithAMessageSayingHowToRaiseIt() {
        // used to run for minutes in the N-party filter; 10^8 steps is a fraction of a second
        Scenario s = random(5, 10, 10, 0.3);
        long start = System.nanoTime();
        assertThatThrownBy(() -> AgreementAnalysis.analyze(s, AgreementAnalysis.Options.defaults().withMaxWork(100_000_000L)))
                .isInstanceOf(AnalysisWorkLimitException.class)
                .hasMessageContaining("work limit of 100000000 steps")
                .hasMessageContaining("--max-work")
                .satisfies(e -> assertThat(((AnalysisWorkLimitException) e).limit()).isEqualTo(100_000_000L));
        assertThat((System.nanoTime() - start) / 1e9).as("seconds until refused").isLessThan(30);
    }

    @Test
    void theDefaultLimitLetsFourPartiesOnTenByTenFinish() throws Exception {
        AgreementAnalysis.Report r = AgreementAnalysis.analyze(random(4, 10, 10, 0.3), AgreementAnalysis.Options.defaults());
        assertThat(r.paretoAll().size()).isGreaterThan(1000);
    }

    @Test
    void theFrontierAloneHonoursTheLimitToo() {
        Scenario s = random(5, 10, 10, 0.3);
        List<org.pourparler.model.UtilityFunction> ufs = s.parties().stream().map(p -> p.profile().utility()).toList();
        assertThatThrownBy(() -> AgreementAnalysis.frontier(ufs, List.of(), AgreementAnalysis.Options.defaults().withMaxWork(1_000_000L)))
                .isInstanceOf(AnalysisWorkLimitException.class);
    }

    @Test
    void aWorkLimitBelowOneIsAProgrammingError() {
        assertThatThrownBy(() -> AgreementAnalysis.Options.defaults().withMaxWork(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWork must be at least 1, but was 0");
    }

    @Test
    void withReservationValuesAtZeroTheZoneIsEveryOutcomeCountedExactlyWithoutSampling() throws Exception {
        // 10^30 outcomes: too many to enumerate; it used to be estimated from 200,000 samples
        AgreementAnalysis.Report r = AgreementAnalysis.analyze(random(2, 30, 10, 0), AgreementAnalysis.Options.defaults());
        assertThat(r.zone().exact()).isTrue();
        assertThat(r.zone().count()).isEqualTo(BigInteger.TEN.pow(30));
        assertThat(r.statistics().rationalFraction()).isEqualTo(1.0);
        assertThat(r.statistics().rationalFractionExact()).isTrue();
    }

    @Test
    void hyperRectanglesWithoutNegativeValuesAndZeroReservationValuesMakeEveryOutcomeTheZone() throws Exception {
        Random r = new Random(3);
        List<Issue> is = new ArrayList<>();
        for (int i = 0; i < 30; i++) is.add(Issue.integer("i" + i, 0, 9));
        Domain d = Domain.of("h", is);
        Scenario.Builder b = Scenario.builder(d);
        for (int k = 0; k < 2; k++) {
            List<org.pourparler.model.HyperRectangleUtility.Rectangle> rects = new ArrayList<>();
            for (int j = 0; j < 5; j++) {
                int i = r.nextInt(30);
                rects.add(new org.pourparler.model.HyperRectangleUtility.Rectangle(1 + r.nextInt(3),
                        List.of(new org.pourparler.model.HyperRectangleUtility.Bound(i, 0, r.nextInt(10))), List.of()));
            }
            b.party(new Party("p" + k, Role.NEGOTIATOR, Profile.of(org.pourparler.model.HyperRectangleUtility.of(d, rects,
                    org.pourparler.model.HyperRectangleUtility.Aggregation.SUM, 0.1), 0)));
        }
        AgreementAnalysis.Report rep = AgreementAnalysis.analyze(b.build(), AgreementAnalysis.Options.defaults());
        assertThat(rep.zone().exact()).isTrue();
        assertThat(rep.zone().count()).isEqualTo(BigInteger.TEN.pow(30));
    }

    @Test
    void aPositiveReservationValueStillSamplesAndSaysHowManySamplesHit() throws Exception {
        AgreementAnalysis.Report r = AgreementAnalysis.analyze(random(2, 30, 10, 0.5), AgreementAnalysis.Options.defaults());
        assertThat(r.zone().exact()).isFalse();
        assertThat(r.zone().sampled()).isEqualTo(200_000);
        assertThat(r.zone().hits()).isBetween(1L, 199_999L);
        assertThat(r.zone().onlyBounded()).isFalse();
    }
}
