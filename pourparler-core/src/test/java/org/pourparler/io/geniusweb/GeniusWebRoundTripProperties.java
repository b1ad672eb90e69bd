package org.pourparler.io.geniusweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.pourparler.io.source.Written;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.Scenario;
import org.pourparler.model.SumOfGroupsUtility;
import org.pourparler.model.UtilityFunction;
import org.pourparler.model.ValueFunction;

/**
 * Writing a scenario GeniusWeb can express exactly and reading it back changes nothing: the same
 * domain, the same utility for every outcome, the same reservation values and bids.
 */
class GeniusWebRoundTripProperties {

    /** A random domain of discrete and (linearly valued) real issues, and 1-3 parties. */
    static Scenario randomScenario(long seed) {
        Random r = new Random(seed);
        int issues = 1 + r.nextInt(4);
        List<Issue> list = new ArrayList<>();
        for (int i = 0; i < issues; i++) {
            if (r.nextInt(3) == 0) {
                int steps = 1 + r.nextInt(5);
                list.add(Issue.real("n" + i, Integer.toString(r.nextInt(5) - 2), Integer.toString(10 + r.nextInt(3)),
                        steps == 1 ? "0.5" : Integer.toString(steps)));
            } else {
                List<String> values = new ArrayList<>();
                for (int k = 0, n = 1 + r.nextInt(5); k < n; k++) values.add("v " + k + (r.nextBoolean() ? "" : "\"é"));
                list.add(Issue.discrete("issue " + i, values));
            }
        }
        Domain d = Domain.of("random" + Math.abs(seed % 1000), list);
        Scenario.Builder b = Scenario.builder(d);
        for (int p = 0, n = 1 + r.nextInt(3); p < n; p++) {
            UtilityFunction u = r.nextInt(4) == 0 && list.stream().noneMatch(Issue::isNumeric) ? groups(d, r) : linear(d, r);
            double reservation = 0;
            Optional<Outcome> bid = Optional.empty();
            int[] o = new int[d.issueCount()];
            for (int i = 0; i < o.length; i++) o[i] = r.nextInt(d.issue(i).size());
            switch (r.nextInt(3)) {
                case 0 -> { }
                case 1 -> reservation = u.utility(o);                 // reachable value, no bid stated
                default -> {
                    reservation = u.utility(o);
                    bid = Optional.of(Outcome.of(o));
                }
            }
            b.party(Party.negotiator("party" + p, new Profile(u, reservation, 1, List.of(), bid)));
        }
        return b.build();
    }

    private static LinearAdditiveUtility linear(Domain d, Random r) {
        double[] w = new double[d.issueCount()];
        List<ValueFunction> f = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextInt(5) == 0 ? 0 : r.nextDouble();
            Issue issue = d.issue(i);
            if (issue.isNumeric()) {
                double x0 = issue.numericValue(0);
                double x1 = issue.numericValue(issue.size() - 1);
                double y0 = r.nextDouble();
                double y1 = r.nextDouble();
                double slope = x1 == x0 ? 0 : (y1 - y0) / (x1 - x0);
                f.add(new ValueFunction.Linear(slope, y0 - slope * x0, false));
            } else {
                double[] t = new double[issue.size()];
                for (int k = 0; k < t.length; k++) t[k] = r.nextInt(4) == 0 ? 0 : r.nextDouble();
                f.add(new ValueFunction.Table(t));
            }
        }
        w[r.nextInt(w.length)] += 0.01;   // not all zero
        return LinearAdditiveUtility.of(d, w, f);
    }

    private static SumOfGroupsUtility groups(Domain d, Random r) {
        List<SumOfGroupsUtility.Group> groups = new ArrayList<>();
        int n = d.issueCount();
        int start = 0;
        while (start < n) {
            int len = 1 + r.nextInt(n - start);
            int[] is = new int[len];
            int combos = 1;
            for (int j = 0; j < len; j++) {
                is[j] = start + j;
                combos *= d.issue(start + j).size();
            }
            double[] t = new double[combos];
            for (int k = 0; k < combos; k++) t[k] = r.nextInt(3) == 0 ? 0 : r.nextDouble() / n;
            groups.add(new SumOfGroupsUtility.Group("g" + start, is, t));
            start += len;
        }
        return SumOfGroupsUtility.of(d, groups);
    }

    @Property(tries = 200)
    void writing_then_reading_changes_no_utility(@ForAll long seed) throws Exception {
        Scenario s = randomScenario(seed);
        Written w = GeniusWebJson.write(s);
        Scenario back = GeniusWebCorpusTest.readBack(w);
        // only an off-grid range end may need a word: the values stay the same
        assertThat(w.warnings()).allMatch(x -> x.contains("(the same values)"));
        Domain d = s.domain();
        for (int i = 0; i < d.issueCount(); i++) {
            Issue a = d.issue(i);
            Issue b = back.domain().issue(i);
            assertThat(b.name()).isEqualTo(a.name());
            assertThat(b.type()).isEqualTo(a.type());
            assertThat(b.size()).isEqualTo(a.size());
            for (int k = 0; k < a.size(); k++) assertThat(b.label(k)).isEqualTo(a.label(k));
        }
        if (w.warnings().isEmpty()) assertThat(back.domain()).isEqualTo(d);
        for (int p = 0; p < s.parties().size(); p++) {
            Profile a = s.parties().get(p).profile();
            Profile b = back.parties().get(p).profile();
            assertThat(back.parties().get(p).name()).isEqualTo(s.parties().get(p).name());
            assertThat(b.utility().kind()).isEqualTo(a.utility().kind());
            assertThat(b.reservation()).isCloseTo(a.reservation(), within(1e-12));
            // a reachable reservation value is written as a bid that has it
            if (a.reservationOutcome().isPresent()) assertThat(b.reservationOutcome()).isEqualTo(a.reservationOutcome());
            if (a.reservation() != 0) assertThat(b.reservationOutcome()).isPresent();
            for (long k = 0; k < d.outcomeCountExact(); k++) {
                int[] o = d.outcomeAt(k);
                assertThat(b.utility().utility(o)).isCloseTo(a.utility().utility(o), within(1e-12));
            }
        }
    }
}
