package org.pourparler.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pourparler.agents.Agents;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.Scenario;
import org.pourparler.model.ValueFunction;
import org.pourparler.tournament.ResultRow;
import org.pourparler.tournament.Tournament;
import org.pourparler.tournament.TournamentSpec;

/**
 * A session bounded by seconds only keeps its offer history within the memory it was given: at
 * {@code maxOffers} it ends with {@code memory limit}, paid as walking away at that time, instead of
 * failing with an OutOfMemoryError (issue 9, 2.1: two hardliners filled any heap).
 */
class MemoryLimitTest {

    /** A split of 10 units; B discounts (d = 0.5) so that the time of the ending shows in its payoff. */
    static Scenario split() {
        Domain d = Domain.of("split", List.of(Issue.integer("share of A", 0, 10)));
        Profile a = Profile.of(LinearAdditiveUtility.of(d, new double[] {1}, List.of(new ValueFunction.Linear(0.1, 0, true))), 0.4);
        Profile b = new Profile(LinearAdditiveUtility.of(d, new double[] {1}, List.of(new ValueFunction.Linear(-0.1, 1, true))), 0.3, 0.5,
                List.of(), Optional.empty());
        return Scenario.builder(d).party(Party.negotiator("A", a)).party(Party.negotiator("B", b)).build();
    }

    @Test
    void twoHardlinersOnASecondsDeadlineStopAtTheOfferLimit() {
        long t0 = System.nanoTime();
        SessionResult r = Session.run(split(), List.of(Agents.hardliner(), Agents.hardliner()), Deadline.seconds(60),
                Session.Options.defaults().withTrace(false).withMaxOffers(10_000));
        assertThat(r.ending()).isEqualTo(Ending.MEMORY_LIMIT);
        assertThat(r.ending().toString()).isEqualTo("memory limit");
        assertThat((System.nanoTime() - t0) / 1e9).as("stopped by the limit, not the 60 s deadline").isLessThan(30);
        // stacked alternating offers, two parties: two offers a round; the 10,000th completes round 5,000,
        // and the session ends as round 5,001 begins (rounds count the rounds begun, as at a deadline)
        assertThat(r.rounds()).isEqualTo(5_001);
        assertThat(r.agreement()).isEmpty();
        assertThat(r.fault()).isEmpty();
        // no agreement, paid as walking away at the time it stopped: r, and r·d^t for the discounting party
        assertThat(r.time()).isGreaterThan(0).isLessThan(1);
        assertThat(r.payoff(0)).isEqualTo(0.4);
        assertThat(r.payoff(1)).isCloseTo(0.3 * Math.pow(0.5, r.time()), within(1e-12));
    }

    @Test
    void theLimitCountsEveryPublicOfferAndAppliesToRoundDeadlinesToo() {
        SessionResult r = Session.run(split(), List.of(Agents.hardliner(), Agents.hardliner()), Deadline.rounds(1_000_000),
                Session.Options.defaults().withMaxOffers(1_001));
        assertThat(r.ending()).isEqualTo(Ending.MEMORY_LIMIT);
        assertThat(r.trace()).hasSize(1_001);
        assertThat(r.rounds()).isEqualTo(501);
        // below the limit nothing changes: the same session with room to spare reaches its deadline
        SessionResult full = Session.run(split(), List.of(Agents.hardliner(), Agents.hardliner()), Deadline.rounds(500),
                Session.Options.defaults().withMaxOffers(1_000));
        assertThat(full.ending()).isEqualTo(Ending.DEADLINE);
        assertThat(full.trace()).hasSize(1_000);
    }

    @Test
    void byDefaultASessionKeepsEveryOffer() {
        assertThat(Session.Options.defaults().maxOffers()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> Session.Options.defaults().withMaxOffers(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLimitIsTheMemoryOverWhatAnOfferCostsPerNegotiator() {
        // 32 bytes for the history's columns, 16 for each negotiator's note of the offer
        assertThat(Session.Options.historyLimit(64_000_000, 2)).isEqualTo(1_000_000);
        assertThat(Session.Options.historyLimit(112_000_000, 5)).isEqualTo(1_000_000);
        assertThat(Session.Options.historyLimit(100, 2)).as("never below 1,000").isEqualTo(1_000);
        long heap = Runtime.getRuntime().maxMemory();
        assertThat(Session.Options.historyBytes(3)).isEqualTo(heap / 4 * 3 / 3);
    }

    @Test
    void aTournamentRowRecordsTheMemoryLimit() {
        TournamentSpec spec = TournamentSpec.builder("t").agent(new TournamentSpec.AgentRef("h1", "hardliner"))
                .agent(new TournamentSpec.AgentRef("h2", "hardliner")).scenario("split").deadline(Deadline.seconds(60)).timeLimit(0).build();
        Tournament t = Tournament.of(spec, List.of(new Tournament.Entry("split", split())));
        var m = t.matches().get(0);
        // 64,000 bytes hold 1,000 offers of two negotiators (32 + 2 × 16 bytes each)
        List<ResultRow> rows = t.play(m, t.negotiators(m), 64_000);
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.ending()).isEqualTo("memory limit");
            assertThat(row.rounds()).isEqualTo(501);
            assertThat(row.agreement()).isFalse();
            assertThat(row.fault()).isEmpty();
        });
    }
}
