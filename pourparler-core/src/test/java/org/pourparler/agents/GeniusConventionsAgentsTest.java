package org.pourparler.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.junit.jupiter.api.Test;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Outcome;
import org.pourparler.model.Scenario;
import org.pourparler.model.ValueFunction;
import org.pourparler.negotiation.Conventions;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Session;
import org.pourparler.negotiation.SessionResult;

/** What agents do differently under GENIUS conventions: no reservation floor, KLH's bid list. */
class GeniusConventionsAgentsTest {

    private static SessionResult acceptAtLeast(double c, Conventions conventions) {
        Scenario s = AgentScenarios.split(10, 0.5, 0);
        BoaAgent a = new BoaAgent("A", new TimeDependentOffering(0), AcceptanceCondition.constant(c), null);
        return Session.run(s, List.of(a, AgentScenarios.offering(2)), Deadline.rounds(5),
                Session.Options.defaults().withConventions(conventions));
    }

    @Test
    void underGeniusConventionsAcceptanceHasNoReservationFloor() {
        // A's reservation value is 0.5; B offers A 0.2; A's condition accepts anything worth 0.1
        assertThat(acceptAtLeast(0.1, Conventions.GENIUS).agreement()).contains(Outcome.of(2));
        assertThat(acceptAtLeast(0.1, Conventions.POURPARLER).agreement()).isEmpty();
    }

    @Test
    void klhKeysItsBidListByUtilityMinusAnOffsetGrowingWithEveryInsertionOfAPass() {
        Domain d = Domain.of("d", List.of(Issue.discrete("x", List.of("x0", "x1")), Issue.discrete("y", List.of("y0", "y1"))));
        LinearAdditiveUtility u = LinearAdditiveUtility.of(d, new double[] {0.5, 0.5},
                List.of(new ValueFunction.Table(new double[] {0.2, 0.8}), new ValueFunction.Table(new double[] {0.6, 0.4})));
        NavigableMap<Double, int[]> list = GeniusHardHeaded.bidList(u);
        // pass x: (x0,y0) then (x1,y0); pass y over those in ascending key order, offsets 1e-8 .. 4e-8
        List<Double> keys = new ArrayList<>(list.keySet());
        double e = 0.00000001;
        assertThat(keys).containsExactly(
                u.utility(new int[] {0, 1}) - (e + e),
                u.utility(new int[] {0, 0}) - e,
                u.utility(new int[] {1, 1}) - (e + e + e + e),
                u.utility(new int[] {1, 0}) - (e + e + e));
        assertThat(list.firstEntry().getValue()).containsExactly(0, 1);
        assertThat(list.lastEntry().getValue()).containsExactly(1, 0);
        assertThat(list.entrySet()).extracting(Map.Entry::getValue).hasSize(4);
    }

    @Test
    void hardHeadedUnderGeniusConventionsOpensWithTheBestPackageAndNeverOffersBelowItsFloorUntilConceding() {
        Scenario s = AgentScenarios.mixed(2);
        SessionResult r = Session.run(s, List.of(HardHeadedOffering.agent(), TimeDependentAgent.hardliner()), Deadline.rounds(50),
                Session.Options.defaults().withConventions(Conventions.GENIUS));
        var offers = AgentScenarios.moves(r, 0, "offer");
        assertThat(offers.get(0).utilities()[0]).isEqualTo(s.parties().get(0).profile().utility().utility(
                GeniusHardHeaded.bidList(s.parties().get(0).profile().utility()).lastEntry().getValue()));
        for (var o : offers) assertThat(o.utilities()[0]).isGreaterThanOrEqualTo(0.585 - 1e-12);
    }
}
