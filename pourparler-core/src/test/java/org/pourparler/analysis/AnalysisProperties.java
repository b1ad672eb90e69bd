package org.pourparler.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.RedLine;
import org.pourparler.model.Scenario;
import org.pourparler.model.UtilityFunction;
import org.pourparler.model.ValueFunction;

/** Algebraic facts of the analysis on random linear-additive scenarios with 2-5 parties. */
class AnalysisProperties {

    /** A random linear-additive scenario; utilities on a coarse grid so that ties occur. */
    static Scenario randomScenario(long seed, int parties, boolean redLines) {
        Random r = new Random(seed);
        int issues = 1 + r.nextInt(4);
        List<Issue> is = new ArrayList<>();
        for (int i = 0; i < issues; i++) is.add(Issue.integer("i" + i, 0, r.nextInt(5)));
        Domain d = Domain.of("random", is);
        Scenario.Builder b = Scenario.builder(d);
        for (int k = 0; k < parties; k++) {
            double[] w = new double[issues];
            List<ValueFunction> fs = new ArrayList<>();
            for (int i = 0; i < issues; i++) {
                w[i] = 1 + r.nextInt(4);
                double[] t = new double[d.issue(i).size()];
                for (int v = 0; v < t.length; v++) t[v] = r.nextInt(5) / 4.0;
                fs.add(new ValueFunction.Table(t));
            }
            LinearAdditiveUtility u = LinearAdditiveUtility.of(d, w, fs);
            List<RedLine> lines = new ArrayList<>();
            if (redLines && r.nextInt(3) == 0) {
                int i = r.nextInt(issues);
                lines.add(RedLine.of("line" + k, List.of(new RedLine.Condition(i, new int[] {r.nextInt(d.issue(i).size())}))));
            }
            double reservation = r.nextInt(8) / 10.0;
            b.party(new Party("p" + k, k == parties - 1 && parties > 2 ? org.pourparler.model.Role.RATIFIER
                    : org.pourparler.model.Role.NEGOTIATOR, new Profile(u, reservation, 1.0, lines, java.util.Optional.empty())));
        }
        return b.build();
    }

    private static AgreementAnalysis.Options options() {
        return AgreementAnalysis.Options.defaults().withListLimit(1000);
    }

    private static List<UtilityFunction> ufs(Scenario s) {
        return s.parties().stream().map(p -> p.profile().utility()).toList();
    }

    private static List<RedLine> lines(Scenario s) {
        return s.parties().stream().flatMap(p -> p.profile().redLines().stream()).toList();
    }

    @Property(tries = 300)
    void mergedFrontierEqualsEnumeratedFrontier(@ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int parties,
                                                @ForAll boolean redLines) throws Exception {
        Scenario s = randomScenario(seed, parties, redLines);
        ParetoFrontier merged = AgreementAnalysis.frontier(ufs(s), lines(s), options(), AgreementAnalysis.Method.MERGE);
        ParetoFrontier enumerated = AgreementAnalysis.frontier(ufs(s), lines(s), options(), AgreementAnalysis.Method.ENUMERATION);
        assertThat(merged.size()).isEqualTo(enumerated.size());
        for (int q = 0; q < merged.size(); q++) {
            FrontierPoint a = merged.points().get(q);
            FrontierPoint e = enumerated.points().get(q);
            for (int k = 0; k < parties; k++) assertThat(a.utility(k)).isCloseTo(e.utility(k), within(1e-9));
            assertThat(a.tied()).isEqualTo(e.tied());
            // the same outcomes behind each point
            assertThat(a.outcomes().stream().map(java.util.Arrays::toString).sorted().toList())
                    .isEqualTo(e.outcomes().stream().map(java.util.Arrays::toString).sorted().toList());
        }
    }

    @Property(tries = 200)
    void frontierPointsAreAttainedAndUndominated(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int parties) throws Exception {
        Scenario s = randomScenario(seed, parties, true);
        ParetoFrontier f = AgreementAnalysis.frontier(ufs(s), lines(s), options(), AgreementAnalysis.Method.MERGE);
        Domain d = s.domain();
        List<double[]> all = new ArrayList<>();
        for (long i = 0; i < d.outcomeCountExact(); i++) {
            int[] o = d.outcomeAt(i);
            if (lines(s).stream().anyMatch(l -> l.crossedBy(o))) continue;
            all.add(ufs(s).stream().mapToDouble(u -> u.utility(o)).toArray());
        }
        for (FrontierPoint p : f.points()) {
            for (int[] o : p.outcomes()) {
                for (int k = 0; k < parties; k++) assertThat(ufs(s).get(k).utility(o)).isCloseTo(p.utility(k), within(1e-9));
            }
            for (double[] u : all) {
                boolean dominates = true;
                boolean strictly = false;
                for (int k = 0; k < parties; k++) {
                    if (u[k] < p.utility(k) - 1e-9) dominates = false;
                    if (u[k] > p.utility(k) + 1e-9) strictly = true;
                }
                assertThat(dominates && strictly).as("an outcome dominates frontier point %s", p).isFalse();
            }
        }
    }

    @Property(tries = 200)
    void solutionsLieOnTheZoneFrontierAndAreRational(@ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int parties)
            throws Exception {
        Scenario s = randomScenario(seed, parties, true);
        AgreementAnalysis.Report r = AgreementAnalysis.analyze(s, options());
        BargainingSolutions sol = r.solutions();
        for (List<FrontierPoint> points : List.of(sol.nash(), sol.kalaiSmorodinsky(), sol.egalitarian(), sol.utilitarian())) {
            assertThat(points.isEmpty()).isEqualTo(!r.zone().exists());
            for (FrontierPoint p : points) {
                assertThat(r.pareto().points()).contains(p);
                for (int k = 0; k < parties; k++) assertThat(p.utility(k)).isGreaterThanOrEqualTo(r.reservation(k));
            }
        }
    }

    @Property(tries = 200)
    void droppingARedLineNeverShrinksTheZone(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int parties) throws Exception {
        Scenario s = randomScenario(seed, parties, true);
        AgreementAnalysis.Report with = AgreementAnalysis.analyze(s, options());
        for (Party p : s.parties()) {
            if (p.profile().redLines().isEmpty()) continue;
            List<Party> changed = new ArrayList<>();
            for (Party q : s.parties()) {
                changed.add(q == p ? new Party(q.name(), q.role(), q.profile().withRedLines(List.of())) : q);
            }
            AgreementAnalysis.Report without = AgreementAnalysis.analyze(s.toBuilder().parties(changed).build(), options());
            assertThat(without.zone().count()).isGreaterThanOrEqualTo(with.zone().count());
        }
    }

    @Property(tries = 200)
    void diagnosisMovesReallyOpenAZone(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int parties) throws Exception {
        Scenario s = randomScenario(seed, parties, true);
        AgreementAnalysis.Report r = AgreementAnalysis.analyze(s, options());
        if (r.zone().exists()) {
            assertThat(r.diagnosis()).isEmpty();
            return;
        }
        Diagnosis d = r.diagnosis().orElseThrow();
        assertThat(d.blockingSets()).isNotEmpty();
        if (d.uniformLowering().isPresent()) {
            double amount = d.uniformLowering().get().amount();
            assertThat(amount).isPositive();
            assertThat(zoneAfter(s, k -> k.profile().reservation() - amount - 1e-12)).isTrue();
            // and a clearly smaller lowering does not
            assertThat(zoneAfter(s, k -> k.profile().reservation() - amount + 1e-6)).isFalse();
        }
        for (Diagnosis.PartyMove m : d.partyLowering()) {
            if (m.amount().isEmpty()) continue;
            assertThat(zoneAfter(s, k -> k.name().equals(m.party()) ? k.profile().reservation() - m.amount().getAsDouble() - 1e-12
                    : k.profile().reservation())).isTrue();
        }
        for (Diagnosis.RedLineMove m : d.redLinesToDrop()) {
            assertThat(m.packages()).isNotEmpty();
        }
    }

    private static boolean zoneAfter(Scenario s, java.util.function.ToDoubleFunction<Party> reservation) throws Exception {
        List<Party> changed = new ArrayList<>();
        for (Party q : s.parties()) {
            changed.add(new Party(q.name(), q.role(), q.profile().withRedLines(q.profile().redLines())
                    .withReservation(reservation.applyAsDouble(q)).withRedLines(q.profile().redLines())));
        }
        return AgreementAnalysis.analyze(s.toBuilder().parties(changed).build(), options()).zone().exists();
    }

    @Property(tries = 100)
    void zoneCountMatchesBruteForce(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int parties) throws Exception {
        Scenario s = randomScenario(seed, parties, true);
        AgreementAnalysis.Report r = AgreementAnalysis.analyze(s, options());
        long count = 0;
        Domain d = s.domain();
        for (long i = 0; i < d.outcomeCountExact(); i++) {
            int[] o = d.outcomeAt(i);
            if (s.parties().stream().allMatch(p -> p.profile().accepts(o))) count++;
        }
        assertThat(r.zone().exact()).isTrue();
        assertThat(r.zone().count()).isEqualTo(BigInteger.valueOf(count));
        assertThat(r.zone().exists()).isEqualTo(count > 0);
    }
}
