package org.pourparler.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pourparler.agents.AgentScenarios.moves;
import static org.pourparler.agents.AgentScenarios.offering;
import static org.pourparler.agents.AgentScenarios.split;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Session;
import org.pourparler.negotiation.SessionResult;
import org.pourparler.negotiation.TraceEntry;

/** The naive (NegMAS) and nice (Baarslag) tit-for-tat agents, by their definitions. */
class TitForTatTest {

    private static SessionResult run(Scenario s, List<? extends org.pourparler.negotiation.Negotiator> ns, int rounds) {
        return Session.run(s, ns, Deadline.rounds(rounds), Session.Options.defaults().withMetrics(false));
    }

    private static int share(TraceEntry e) { return e.outcome().value(0); }

    @Test
    void naiveTitForTatConcedesWhatTheOpponentConcededInItsOwnUtility() {
        int[] b = {0, 1, 1, 2, 3, 3, 4, 4, 4, 5};      // B's offers: A's share, i.e. A's utility × 10
        SessionResult r = run(split(10, 0, 0), List.of(NaiveTitForTatOffering.agent(), offering(b)), 40);
        List<TraceEntry> a = moves(r, 0, "offer");
        // round 0: its best; rounds 1-2: the opponent's concession plus the least step that reaches another package
        assertThat(share(a.get(0))).isEqualTo(10);
        assertThat(share(a.get(1))).isEqualTo(9);
        assertThat(share(a.get(2))).isEqualTo(9);
        for (int round = 3; round < a.size(); round++) {
            assertThat(share(a.get(round))).as("round %d", round).isEqualTo(10 - b[round - 1]);   // mirror of B's last offer
            if (round >= 4) {
                int mine = share(a.get(round - 1)) - share(a.get(round));
                int theirs = b[round - 1] - b[round - 2];
                assertThat(mine).as("round %d", round).isEqualTo(theirs);
            }
        }
        // it accepts the first offer worth at least half its range (B's share-5 offer), not before
        assertThat(r.agreement()).contains(Outcome.of(5));
        assertThat(moves(r, 0, "accept")).hasSize(1);
        assertThat(a).hasSize(b.length);
    }

    @Test
    void naiveTitForTatReciprocatesTheLeastConcessionAmongItsOpponents() {
        Scenario two = split(10, 0, 0);
        Scenario three = two.toBuilder().party(Party.negotiator("C", two.parties().get(1).profile())).build();
        int[] b = {0, 2, 4, 4, 4, 4, 4, 4};
        int[] c = {0, 1, 1, 2, 2, 3, 3, 3};
        SessionResult r = run(three, List.of(NaiveTitForTatOffering.agent(), offering(b), offering(c)), 8);
        List<TraceEntry> a = moves(r, 0, "offer");
        for (int round = 3; round < a.size(); round++) {
            assertThat(share(a.get(round))).isEqualTo(10 - Math.min(b[round - 1], c[round - 1]));
        }
        assertThat(a).hasSize(8);
    }

    @Test
    void niceTitForTatHoldsAgainstAHardlinerAndAcceptsItsOfferOnlyAtTheEnd() {
        SessionResult r = run(split(20, 0, 0), List.of(NiceTitForTatOffering.agent(), offering(6)), 100);
        assertThat(r.agreement()).contains(Outcome.of(6));
        TraceEntry accept = moves(r, 0, "accept").get(0);
        assertThat(accept.time()).isGreaterThanOrEqualTo(0.98);
        assertThat(accept.round()).isEqualTo(98);     // its first turn at t >= 0.98 (turn 196 of 200)
        // no concession to reciprocate: it stays at or above its Nash estimate's floor, 0.5
        for (TraceEntry e : moves(r, 0, "offer")) assertThat(e.utilities()[0]).isGreaterThanOrEqualTo(0.49);
    }

    @Test
    void niceTitForTatSettlesForLessThanTheOpponentOfferedBeforeOnlyWhenAtMostOneMoreOfferIsExpected() {
        int[] b = new int[100];
        java.util.Arrays.fill(b, 6);
        b[0] = 12;                                   // a better offer first, then a worse one forever
        SessionResult r = run(split(20, 0, 0), List.of(NiceTitForTatOffering.agent(), offering(b)), 100);
        // at t = 0.98 the window (0.96, 0.98] holds two offers and an earlier one was better: no;
        // at t = 0.99 the window (0.98, 0.99] holds one: yes
        assertThat(r.agreement()).contains(Outcome.of(6));
        assertThat(moves(r, 0, "accept").get(0).round()).isEqualTo(99);
        // when its planned offer is no better than the opponent's best, it offers that back
        assertThat(moves(r, 0, "offer")).anyMatch(e -> share(e) == 12);
    }

    @Test
    void niceTitForTatReciprocatesConcessionsTowardsItsNashEstimate() {
        int[] conceding = new int[60];
        for (int i = 0; i < conceding.length; i++) conceding[i] = Math.min(10, i / 4);
        SessionResult soft = run(split(20, 0, 0), List.of(NiceTitForTatOffering.agent(), offering(conceding)), 60);
        SessionResult hard = run(split(20, 0, 0), List.of(NiceTitForTatOffering.agent(), offering(0)), 60);
        List<TraceEntry> s = moves(soft, 0, "offer");
        List<TraceEntry> h = moves(hard, 0, "offer");
        double early = s.get(2).utilities()[0];
        double late = s.get(40).utilities()[0];
        assertThat(late).isLessThan(early);                                  // the opponent conceded, so did it
        assertThat(late).isLessThan(h.get(40).utilities()[0]);               // more than against a hardliner
        assertThat(h.get(40).utilities()[0]).isEqualTo(h.get(2).utilities()[0]);   // nothing to reciprocate
    }
}
