package org.pourparler.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.Outcome;

/** The HardHeaded frequency model learns from the opponent's offers by GENIUS's rule, its weights set directly. */
class FrequencyModelTest {

    private static Domain domain() {
        return Domain.of("d", List.of(Issue.discrete("a", List.of("a0", "a1", "a2")), Issue.integer("b", 0, 3),
                Issue.discrete("c", List.of("c0", "c1", "c2", "c3", "c4"))));
    }

    @Test
    void anIssueTheOpponentNeverChangesGainsWeightAndItsValueScoresHighest() {
        Domain d = domain();
        FrequencyModel m = new FrequencyModel(d);
        Random rnd = new Random(3);
        double previousWeight = m.weight(0);
        for (int k = 0; k < 30; k++) {
            m.update(Outcome.of(2, k % 4, (k * 3 + rnd.nextInt(2)) % 5), k / 30.0);   // issue 0 fixed at option 2; the others move every time
            if (k > 0 && k < 6) {          // grows while below the rule's cap 1 − n·g/S, then hovers at it
                assertThat(m.weight(0)).isGreaterThan(previousWeight);
                previousWeight = m.weight(0);
            }
        }
        assertThat(m.weight(0)).isGreaterThan(m.weight(1)).isGreaterThan(0.6);
        assertThat(m.weight(0)).isGreaterThan(m.weight(2));
        // the rule, applied directly, lets the sum fall below 1 once a capped issue stays unchanged; never above
        assertThat(m.weight(0) + m.weight(1) + m.weight(2)).isLessThanOrEqualTo(1.0 + 1e-12);
        assertThat(m.valueScore(0, 2)).isEqualTo(1.0);
        assertThat(m.valueScore(0, 0)).isLessThan(0.1);
        // the package with the fixed value is worth more to the modelled opponent than the same package without it
        assertThat(m.utility(new int[] {2, 1, 1})).isGreaterThan(m.utility(new int[] {0, 1, 1}) + 0.5);
    }

    @Test
    void theFirstOfferTeachesNothingAndTheSecondFollowsTheUpdateRule() {
        Domain d = domain();
        FrequencyModel m = new FrequencyModel(d);
        m.update(Outcome.of(1, 1, 1), 0.1);
        for (int i = 0; i < 3; i++) assertThat(m.weight(i)).isEqualTo(1.0 / 3);
        assertThat(m.utility(new int[] {1, 1, 1})).isCloseTo(1.0, within(1e-12));
        assertThat(m.utility(new int[] {0, 0, 0})).isCloseTo(1.0, within(1e-12));   // every score still 1

        m.update(Outcome.of(1, 2, 1), 0.2);     // issues 0 and 2 unchanged
        double g = 0.2 / 3;
        double total = 1 + 2 * g;
        assertThat(m.weight(0)).isCloseTo((1.0 / 3 + g) / total, within(1e-15));
        assertThat(m.weight(1)).isCloseTo((1.0 / 3) / total, within(1e-15));
        assertThat(m.weight(2)).isCloseTo((1.0 / 3 + g) / total, within(1e-15));
        assertThat(m.valueScore(1, 2)).isEqualTo(1.0);         // offered: score 2, the issue's maximum
        assertThat(m.valueScore(1, 1)).isEqualTo(0.5);         // the first offer's value was never counted
    }

    @Property(tries = 50)
    void estimatesStayWithinZeroAndOne(@ForAll long seed) {
        Domain d = domain();
        FrequencyModel m = new FrequencyModel(d, 0.3);
        Random rnd = new Random(seed);
        for (int k = 0; k < 40; k++) {
            m.update(Outcome.of(rnd.nextInt(3), rnd.nextInt(4), rnd.nextInt(2)), k / 40.0);
            int[] o = {rnd.nextInt(3), rnd.nextInt(4), rnd.nextInt(5)};
            assertThat(m.utility(o)).isBetween(0.0, 1.0 + 1e-12);
        }
    }
}
