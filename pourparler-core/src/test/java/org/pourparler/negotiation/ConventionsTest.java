package org.pourparler.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pourparler.agents.TimeDependentAgent;
import org.pourparler.model.Scenario;

/** The clock of each convention, as GENIUS's DiscreteTimeline and our per-turn clock define it. */
class ConventionsTest {

    /** Offers A's share 5 on every turn and remembers the time it saw. */
    static final class Clocked implements Negotiator {
        final List<Double> times = new ArrayList<>();

        @Override public Action act(NegotiationView v) {
            times.add(v.time());
            return Action.offer(5);
        }
    }

    private static List<List<Double>> times(Conventions c, int rounds) {
        Clocked a = new Clocked();
        Clocked b = new Clocked();
        Session.run(SessionTest.split(0.9, 0.9), List.of(a, b), Deadline.rounds(rounds),
                Session.Options.defaults().withConventions(c));
        return List.of(a.times, b.times);
    }

    @Test
    void underGeniusConventionsRoundRIsAtRoundOverNPlusOneForBothParties() {
        List<List<Double>> t = times(Conventions.GENIUS, 3);
        // GENIUS's DiscreteTimeline(3): rounds 1, 2, 3 at 1/4, 2/4, 3/4; the deadline (1.0) is never played
        assertThat(t.get(0)).containsExactly(0.25, 0.5, 0.75);
        assertThat(t.get(1)).containsExactly(0.25, 0.5, 0.75);
    }

    @Test
    void underGeniusConventionsTheOpeningBidIsMadeAtOneOverNPlusOne() {
        assertThat(times(Conventions.GENIUS, 180).get(0).get(0)).isEqualTo(1.0 / 181);
    }

    @Test
    void underOurConventionsTimeAdvancesPerTurnFromZero() {
        List<List<Double>> t = times(Conventions.POURPARLER, 3);
        assertThat(t.get(0)).containsExactly(0.0, 2.0 / 6, 4.0 / 6);
        assertThat(t.get(1)).containsExactly(1.0 / 6, 3.0 / 6, 5.0 / 6);
    }

    @Test
    void aConcederOpensAlreadyConcededUnderGeniusConventions() {
        Scenario s = SessionTest.split(0, 0);
        SessionResult ours = Session.run(s, List.of(TimeDependentAgent.conceder(), TimeDependentAgent.hardliner()), Deadline.rounds(4),
                Session.Options.defaults());
        SessionResult genius = Session.run(s, List.of(TimeDependentAgent.conceder(), TimeDependentAgent.hardliner()), Deadline.rounds(4),
                Session.Options.defaults().withConventions(Conventions.GENIUS));
        // ours opens with the best package (10 of 10); at t = 1/5 the target is 1 - sqrt(0.2) = 0.553, nearest 0.6
        assertThat(ours.trace().get(0).outcome().value(0)).isEqualTo(10);
        assertThat(genius.trace().get(0).outcome().value(0)).isEqualTo(6);
        assertThat(genius.trace().get(0).time()).isCloseTo(0.2, within(1e-15));
    }

    @Test
    void underGeniusConventionsAnAgreementIsDiscountedToItsRoundOverNPlusOne() {
        Scenario s = SessionTest.split(0, 0);
        org.pourparler.model.Party a = s.parties().get(0);
        org.pourparler.model.Profile discounted = new org.pourparler.model.Profile(a.profile().utility(), 0, 0.5, List.of(),
                java.util.Optional.empty());
        Scenario d = Scenario.builder(s.domain()).party(org.pourparler.model.Party.negotiator("A", discounted))
                .party(s.parties().get(1)).build();
        // A offers 7 in rounds 1 and 2; B counter-offers in round 1 and accepts in round 2: t = 2 / (9 + 1) (ours: 3/18)
        SessionResult r = Session.run(d, List.of(SessionTest.scripted(Action.offer(7)),
                SessionTest.scripted(Action.offer(7), Action.accept())), Deadline.rounds(9),
                Session.Options.defaults().withConventions(Conventions.GENIUS));
        assertThat(r.rounds()).isEqualTo(2);
        assertThat(r.payoff(0)).isCloseTo(0.7 * Math.pow(0.5, 0.2), within(1e-12));
    }

    @Test
    void theDefaultIsOurs() {
        assertThat(Session.Options.defaults().conventions()).isEqualTo(Conventions.POURPARLER);
        assertThat(new NegotiationView() {
            public Protocol protocol() { return null; }
            public int self() { return 0; }
            public List<String> parties() { return null; }
            public org.pourparler.model.Domain domain() { return null; }
            public org.pourparler.model.Profile profile() { return null; }
            public Deadline deadline() { return null; }
            public int round() { return 0; }
            public double time() { return 0; }
            public java.util.Optional<org.pourparler.model.Outcome> standingOffer() { return java.util.Optional.empty(); }
            public int standingOfferBy() { return -1; }
            public List<OfferRecord> offers() { return List.of(); }
            public List<ProbeAnswer> answers() { return List.of(); }
            public int probesLeft() { return 0; }
            public java.util.Optional<Action.Commit> commitment() { return java.util.Optional.empty(); }
            public ProfileStore store() { return null; }
            public NoAgreement noAgreement() { return NoAgreement.RESERVATION; }
            public java.util.random.RandomGenerator random() { return null; }
        }.conventions()).isEqualTo(Conventions.POURPARLER);
    }

    @Test
    void conventionsAreNamedAndUnknownNamesListTheKnownOnes() {
        assertThat(Conventions.of(" GENIUS ")).isEqualTo(Conventions.GENIUS);
        assertThat(Conventions.of("pourparler")).isEqualTo(Conventions.POURPARLER);
        assertThatThrownBy(() -> Conventions.of("negmas")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'negmas'").hasMessageContaining("pourparler, genius");
    }
}
