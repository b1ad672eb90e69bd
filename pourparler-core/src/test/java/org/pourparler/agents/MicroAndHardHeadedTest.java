package org.pourparler.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pourparler.agents.AgentScenarios.moves;
import static org.pourparler.agents.AgentScenarios.split;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.pourparler.model.Outcome;
import org.pourparler.model.Profile;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Negotiator;
import org.pourparler.negotiation.Session;
import org.pourparler.negotiation.SessionResult;
import org.pourparler.negotiation.TraceEntry;
import org.pourparler.testing.RandomScenarios;

/** MiCRO and the HardHeaded-like agent, by their definitions, over random scenarios. */
class MicroAndHardHeadedTest {

    private static Scenario randomBilateral(long seed) {
        return RandomScenarios.scenario(new Random(seed), RandomScenarios.Options.simple().withParties(2, 2));
    }

    private static SessionResult run(Scenario s, List<? extends Negotiator> ns, int rounds, long seed) {
        return Session.run(s, ns, Deadline.rounds(rounds), Session.Options.defaults().withMetrics(false).withSeed(seed));
    }

    @Property(tries = 40)
    void microConcedesOnlyAsFastAsItsOpponentAndNeverBelowItsLastConcession(@ForAll long seed) {
        Scenario s = randomBilateral(seed);
        int me = (int) Math.floorMod(seed, 2L);
        Negotiator other = switch ((int) Math.floorMod(seed / 2, 3L)) {
            case 0 -> new RandomAgent();
            case 1 -> TimeDependentAgent.conceder();
            default -> MicroOffering.agent();
        };
        List<Negotiator> ns = me == 0 ? List.of(MicroOffering.agent(), other) : List.of(other, MicroOffering.agent());
        SessionResult r = run(s, ns, 60, seed);
        assertThat(r.fault()).isEmpty();
        Profile p = s.parties().get(me).profile();
        OfferIndex index = OfferIndex.of(p);
        boolean anyRational = index.max() >= p.reservation();
        Set<Outcome> theirs = new HashSet<>();
        List<Outcome> mine = new ArrayList<>();
        double least = Double.POSITIVE_INFINITY;
        for (TraceEntry e : r.trace()) {
            if (e.party() != me) {
                if (e.action().equals("offer")) theirs.add(e.outcome());
                continue;
            }
            double u = e.utilities()[me];
            if (e.action().equals("offer") && !mine.contains(e.outcome())) {
                mine.add(e.outcome());
                assertThat(mine.size()).isLessThanOrEqualTo(theirs.size() + 1);
                assertThat(u).isLessThanOrEqualTo(least);              // each new proposal: no better than the earlier ones
                if (anyRational) assertThat(u).isGreaterThanOrEqualTo(p.reservation());
                least = u;
            } else if (e.action().equals("accept")) {
                int next = index.size() - 1 - mine.size();
                double concession = next >= 0 ? index.utilityByRank(next) : Double.POSITIVE_INFINITY;
                assertThat(u).isGreaterThanOrEqualTo(p.reservation());
                assertThat(u).isGreaterThanOrEqualTo(Math.min(least, concession));
            }
        }
    }

    @Test
    void microMeetsItselfHalfWay() {
        SessionResult r = run(split(10, 0, 0), List.of(MicroOffering.agent(), MicroOffering.agent()), 40, 1);
        assertThat(r.agreement()).contains(Outcome.of(5));
        List<TraceEntry> a = moves(r, 0, "offer");
        for (int i = 0; i < a.size(); i++) assertThat(a.get(i).outcome().value(0)).isEqualTo(10 - i);   // one package per round
    }

    @Test
    void microRepeatsItselfAgainstAnOpponentThatDoesNotMove() {
        SessionResult r = run(split(10, 0, 0), List.of(MicroOffering.agent(), AgentScenarios.offering(0)), 30, 1);
        // the opponent has one distinct proposal, so MiCRO has at most two: 10 and 9
        assertThat(moves(r, 0, "offer")).allMatch(e -> e.outcome().value(0) >= 9);
        assertThat(r.agreement()).isEmpty();
    }

    @Property(tries = 40)
    void hardHeadedOffersStayHighUntilLate(@ForAll long seed) {
        Scenario s = randomBilateral(seed);
        SessionResult r = run(s, List.of(HardHeadedOffering.agent(), TimeDependentAgent.conceder()), 100, seed);
        assertThat(r.fault()).isEmpty();
        Profile p = s.parties().get(0).profile();
        OfferIndex index = OfferIndex.of(p);
        double pmax = index.max();
        double pmin = Math.min(pmax, Math.max(p.reservation(), 0.585 * (pmax > 0 ? pmax : 1)));
        List<TraceEntry> offers = moves(r, 0, "offer");
        if (!offers.isEmpty()) assertThat(offers.get(0).utilities()[0]).isEqualTo(pmax);
        double spread = Math.abs(pmax) * 1e-12;
        for (TraceEntry e : offers) {
            // until half-time it concedes at most Ka + (1 − Ka)·0.5^20 ≈ 5% of the way to its floor
            if (e.time() <= 0.5) assertThat(e.utilities()[0]).isGreaterThanOrEqualTo(pmin + 0.9499 * (pmax - pmin) - spread);
            // and never below the floor p(t) ≥ Pmin
            assertThat(e.utilities()[0]).isGreaterThanOrEqualTo(pmin - spread);
        }
    }

    @Test
    void hardHeadedConcedesLateAndAcceptsWhatBeatsItsLowestProposal() {
        SessionResult r = run(split(100, 0, 0), List.of(HardHeadedOffering.agent(), TimeDependentAgent.conceder()), 200, 1);
        assertThat(r.agreement()).isPresent();
        assertThat(r.payoff(0)).isGreaterThanOrEqualTo(0.585);
        List<TraceEntry> offers = moves(r, 0, "offer");
        double lowest = offers.stream().mapToDouble(e -> e.utilities()[0]).min().orElseThrow();
        assertThat(lowest).isLessThan(1.0);                     // it did concede
        assertThat(offers.get(offers.size() / 2).utilities()[0]).isGreaterThan(0.9);
    }
}
