package org.pourparler.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.Scenario;
import org.pourparler.model.UtilityFunction;
import org.pourparler.model.ValueFunction;
import org.pourparler.negotiation.Action;
import org.pourparler.negotiation.Conventions;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Session;
import org.pourparler.negotiation.SessionResult;
import org.pourparler.negotiation.TraceEntry;

/** KLH's choice of 5 offers from more than 4 within 0.01, under GENIUS conventions. */
class GeniusHardHeadedTest {
    /** The opponent's two offers: a fixed, b and c changed; both poor for HardHeaded (a's option 5). */
    private static final int[] FIRST = {5, 3, 3};
    private static final int[] SECOND = {5, 1, 1};

    /**
     * Three issues of six options. For HardHeaded (weights 0.5, 0.3, 0.2) the best package is
     * (0,0,0), then seven packages lie within 0.01 of the next best, each made of options 0 and 1
     * only: (1,0,0) 0.99705, (0,1,0) 0.99619, (0,0,1) 0.99572, (1,1,0) 0.99324, (1,0,1) 0.99277,
     * (0,1,1) 0.99191, (1,1,1) 0.98896; the next, (0,0,2) at 0.98254, is 0.0145 below.
     */
    private static Scenario dense() {
        List<String> options = List.of("o0", "o1", "o2", "o3", "o4", "o5");
        Domain d = Domain.of("dense", List.of(Issue.discrete("a", options), Issue.discrete("b", options), Issue.discrete("c", options)));
        UtilityFunction hardHeaded = LinearAdditiveUtility.of(d, new double[] {0.5, 0.3, 0.2}, List.of(
                new ValueFunction.Table(new double[] {1, 0.9941, 0.7, 0.5, 0.3, 0.05}),
                new ValueFunction.Table(new double[] {1, 0.9873, 0.93, 0.6, 0.3, 0.1}),
                new ValueFunction.Table(new double[] {1, 0.9786, 0.9127, 0.6, 0.3, 0})));
        UtilityFunction opponent = LinearAdditiveUtility.of(d, new double[] {0.5, 0.3, 0.2}, List.of(
                new ValueFunction.Table(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}),
                new ValueFunction.Table(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}),
                new ValueFunction.Table(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1})));
        return Scenario.builder(d).party(Party.negotiator("Opponent", Profile.of(opponent, 0)))
                .party(Party.negotiator("HardHeaded", Profile.of(hardHeaded, 0))).build();
    }

    /**
     * KLH's selection re-stated on its own: the candidates in a {@code java.util.TreeMap} keyed by
     * utility, inserted best first as KLH inserts them; 5 times: start from the highest, scan upwards,
     * take a candidate only when the model rates it strictly higher, queue that very map entry and
     * remove its key. The packages are read once all 5 are queued, as KLH offers them.
     */
    private static List<Outcome> klhChoice(UtilityFunction u, List<int[]> band, OpponentModel model) {
        TreeMap<Double, int[]> candidates = new TreeMap<>();
        for (int[] o : band) candidates.put(u.utility(o), o);
        List<Map.Entry<Double, int[]>> queue = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            Map.Entry<Double, int[]> best = candidates.lastEntry();
            for (Map.Entry<Double, int[]> e : candidates.entrySet()) {
                if (model.utility(e.getValue()) > model.utility(best.getValue())) best = e;
            }
            queue.add(best);
            candidates.remove(best.getKey());
        }
        List<Outcome> out = new ArrayList<>();
        for (Map.Entry<Double, int[]> e : queue) out.add(Outcome.of(e.getValue()));
        return out;
    }

    @Test
    void ofMoreThanFourWithinTheToleranceKlhOffersTheFiveItsOwnModelChooses() {
        Scenario s = dense();
        Domain d = s.domain();
        UtilityFunction u = s.parties().get(1).profile().utility();

        // every package by utility, best first; the band: the second best and those within 0.01 of it
        List<int[]> all = new ArrayList<>();
        for (long i = 0; i < d.outcomeCountExact(); i++) all.add(d.outcomeAt(i));
        all.sort(Comparator.comparingDouble((int[] o) -> u.utility(o)).reversed());
        List<int[]> band = new ArrayList<>();
        for (int k = 1; k < all.size() && u.utility(all.get(1)) - u.utility(all.get(k)) < 0.01; k++) band.add(all.get(k));
        assertThat(band).hasSize(7);
        assertThat(u.utility(band.get(6))).isGreaterThan(0.98);     // far above the floor p ≈ 0.979 of round 2

        // KLH's model after the opponent's two offers (checked by hand in GeniusHardHeadedModelTest):
        // set after c's weight, b's was lifted once more, so b outweighs c and b's offered option (1)
        // rates above c's; the frequency model weighs b and c alike
        GeniusHardHeadedModel klhModel = new GeniusHardHeadedModel(d);
        klhModel.learn(FIRST);
        klhModel.learn(SECOND);
        assertThat(klhModel.weight(1)).isGreaterThan(klhModel.weight(2));
        FrequencyModel frequency = new FrequencyModel(d);
        frequency.update(Outcome.of(FIRST), 0);
        frequency.update(Outcome.of(SECOND), 0);
        assertThat(frequency.weight(1)).isEqualTo(frequency.weight(2));

        List<Outcome> expected = klhChoice(u, band, klhModel);
        assertThat(expected).as("the choice matters here").isNotEqualTo(klhChoice(u, band, frequency));
        // by hand: KLH's model counts b1 and c1 twice, every other option of the band once; with b's
        // weight above c's it rates (0,1,1) = (1,1,1) highest, then (0,1,0) = (1,1,0), then (0,0,1) =
        // (1,0,1), last (1,0,0); equal ratings go to the lowest key (the highest never rates top).
        // The seven, inserted best first, make the red-black tree
        // (0,1,0)[(1,1,0)[(0,1,1)[(1,1,1), (1,0,1)], (0,0,1)], (1,0,0)]. Chosen: (1,1,1), (0,1,1); then
        // (1,1,0), whose entry has two children and takes its successor (0,0,1); then (0,1,0), the
        // root, whose entry takes (1,0,0); then (1,0,1). Neither (1,1,0) nor (0,1,0) is offered.
        assertThat(expected).containsExactly(Outcome.of(1, 1, 1), Outcome.of(0, 1, 1), Outcome.of(0, 0, 1),
                Outcome.of(1, 0, 0), Outcome.of(1, 0, 1));

        // HardHeaded moves second: round 1 its best package, round 2 (two offers received) it refills
        // the queue with 5 of the 7, offered in rounds 2 to 6
        SessionResult r = Session.run(s, List.of(AgentScenarios.scripted(Action.offer(FIRST), Action.offer(SECOND)), HardHeadedOffering.agent()),
                Deadline.rounds(180), Session.Options.defaults().withConventions(Conventions.GENIUS).withSeed(1));
        List<TraceEntry> offers = AgentScenarios.moves(r, 1, "offer");
        assertThat(offers.get(0).outcome()).isEqualTo(Outcome.of(0, 0, 0));
        List<Outcome> made = new ArrayList<>();
        for (int k = 1; k <= 5; k++) made.add(offers.get(k).outcome());
        assertThat(made).isEqualTo(expected);
    }

    /** A composition without opponent models (model=none) rates every candidate alike: KLH's loop then takes the highest keys. */
    @Test
    void withoutModelsTheFiveAreTheHighestKeys() {
        Scenario s = dense();
        UtilityFunction u = s.parties().get(1).profile().utility();
        List<int[]> band = new ArrayList<>();
        for (int[] o : List.of(new int[] {1, 0, 0}, new int[] {0, 1, 0}, new int[] {0, 0, 1}, new int[] {1, 1, 0}, new int[] {1, 0, 1},
                new int[] {0, 1, 1}, new int[] {1, 1, 1})) band.add(o);
        OpponentModel none = new OpponentModel() {
            @Override public void update(Outcome offer, double time) { }

            @Override public double utility(int[] outcome) { return 0; }
        };
        List<Outcome> expected = klhChoice(u, band, none);
        assertThat(expected).containsExactly(Outcome.of(1, 0, 0), Outcome.of(0, 1, 0), Outcome.of(0, 0, 1), Outcome.of(1, 1, 0),
                Outcome.of(1, 0, 1));
        SessionResult r = Session.run(s, List.of(AgentScenarios.scripted(Action.offer(FIRST), Action.offer(SECOND)),
                        Agents.create("boa:offering=hard-headed;model=none")),
                Deadline.rounds(180), Session.Options.defaults().withConventions(Conventions.GENIUS).withSeed(1));
        List<TraceEntry> offers = AgentScenarios.moves(r, 1, "offer");
        List<Outcome> made = new ArrayList<>();
        for (int k = 1; k <= 5; k++) made.add(offers.get(k).outcome());
        assertThat(made).isEqualTo(expected);
    }

    @Test
    void aChosenEntryWithTwoChildrenShowsItsSuccessorAsKlhsQueueDoes() {
        // keys 5, 4, 3, 2, 1 inserted in that order make the red-black tree 4[2[1, 3], 5]
        TreeMap<Double, int[]> candidates = new TreeMap<>();
        for (int k = 5; k >= 1; k--) candidates.put((double) k, new int[] {k});
        double[] rating = {0, 0.1, 0.9, 0.3, 0.8, 0.5};                  // by package: 2, then 4, then 5, 3, 1
        OpponentModel model = new OpponentModel() {
            @Override public void update(Outcome offer, double time) { }

            @Override public double utility(int[] outcome) { return rating[outcome[0]]; }
        };
        List<Integer> shown = new ArrayList<>();
        for (Map.Entry<Double, int[]> e : GeniusHardHeaded.chooseFive(candidates, model)) shown.add(e.getValue()[0]);
        // 2 is chosen with children 1 and 3: its entry takes 3; 4, the root, is chosen and takes 5;
        // then 5 (the highest, not beaten), 3, 1. Packages 2 and 4 are never offered, 3 and 5 twice
        assertThat(shown).containsExactly(3, 5, 5, 3, 1);
        assertThat(candidates).isEmpty();
    }
}
