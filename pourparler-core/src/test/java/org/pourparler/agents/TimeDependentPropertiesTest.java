package org.pourparler.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.Role;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Session;
import org.pourparler.negotiation.SessionResult;
import org.pourparler.negotiation.TraceEntry;
import org.pourparler.testing.RandomScenarios;

/** The time-dependent agents do what their curve says, on random scenarios. */
class TimeDependentPropertiesTest {

    @Property(tries = 60)
    void boulwareConcedesLittleUntilNearTheDeadlineAndNeverGoesBack(@ForAll @LongRange(min = 1, max = 100_000) long seed) {
        Scenario s = RandomScenarios.scenario(new Random(seed), RandomScenarios.Options.simple().withParties(2, 2).withIssues(2, 4));
        List<Party> negotiators = s.parties().stream().filter(p -> p.role() == Role.NEGOTIATOR).toList();
        if (negotiators.size() != 2) return;
        SessionResult r = Session.run(s, List.of(TimeDependentAgent.boulware(), TimeDependentAgent.hardliner()), Deadline.rounds(200),
                Session.Options.defaults().withMetrics(false));
        Profile mine = negotiators.get(0).profile();
        OfferIndex index = OfferIndex.of(mine);
        double pmax = index.max();
        double pmin = Math.min(pmax, Math.max(mine.reservation(), index.min()));
        double previous = Double.POSITIVE_INFINITY;
        // the index sums a package's terms in another order than utility(): allow rounding relative to the scale
        double eps = 1e-12 * Math.max(1, Math.abs(pmax));
        for (TraceEntry e : r.trace()) {
            if (e.party() != 0 || !e.action().equals("offer")) continue;
            double u = mine.utility().utility(e.outcome());
            double target = pmin + (pmax - pmin) * (1 - Math.pow(e.time(), 5));
            assertThat(u).as("at t = %s", e.time()).isGreaterThanOrEqualTo(target - 8 * eps);     // never below its curve
            if (e.time() <= 0.5) assertThat(u).isGreaterThanOrEqualTo(pmin + 0.96 * (pmax - pmin) - 8 * eps);
            assertThat(u).isLessThanOrEqualTo(previous + 8 * eps);                                // concessions only
            previous = u;
        }
    }

    @Property(tries = 40)
    void aConcederIsNeverTougherThanABoulwareAgentAtTheSameTime(@ForAll @LongRange(min = 1, max = 100_000) long seed) {
        Scenario s = RandomScenarios.scenario(new Random(seed), RandomScenarios.Options.simple().withParties(2, 2).withIssues(2, 4));
        if (s.negotiators().size() != 2) return;
        double[] boulware = ownOffers(s, TimeDependentAgent.boulware());
        double[] conceder = ownOffers(s, TimeDependentAgent.conceder());
        for (int i = 0; i < Math.min(boulware.length, conceder.length); i++) {
            assertThat(conceder[i]).isLessThanOrEqualTo(boulware[i] + 1e-12);
        }
    }

    /** The agent's own utility of each of its offers, round by round, against a Hardliner. */
    private static double[] ownOffers(Scenario s, BoaAgent agent) {
        SessionResult r = Session.run(s, List.of(agent, TimeDependentAgent.hardliner()), Deadline.rounds(100),
                Session.Options.defaults().withMetrics(false));
        Profile mine = s.negotiators().get(0).profile();
        return r.trace().stream().filter(e -> e.party() == 0 && e.action().equals("offer"))
                .mapToDouble(e -> mine.utility().utility(e.outcome())).toArray();
    }
}
