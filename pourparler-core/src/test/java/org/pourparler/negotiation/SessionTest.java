package org.pourparler.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.pourparler.negotiation.NoAgreement;
import org.pourparler.agents.AcceptanceCondition;
import org.pourparler.agents.BoaAgent;
import org.pourparler.agents.OfferIndex;
import org.pourparler.agents.TimeDependentOffering;
import org.pourparler.agents.RandomAgent;
import org.pourparler.agents.TimeDependentAgent;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.RedLine;
import org.pourparler.model.Scenario;
import org.pourparler.model.ValueFunction;

/** The stacked alternating offers protocol, rule by rule, and the basic agents. */
class SessionTest {

    /** Two parties with opposed preferences over one 11-option issue (a split of 10 units). */
    static Scenario split(double reservationA, double reservationB) {
        Domain d = Domain.of("split", List.of(Issue.integer("share of A", 0, 10)));
        Profile a = Profile.of(LinearAdditiveUtility.of(d, new double[] {1}, List.of(new ValueFunction.Linear(0.1, 0, true))), reservationA);
        Profile b = Profile.of(LinearAdditiveUtility.of(d, new double[] {1}, List.of(new ValueFunction.Linear(-0.1, 1, true))), reservationB);
        return Scenario.builder(d).party(Party.negotiator("A", a)).party(Party.negotiator("B", b)).build();
    }

    static Negotiator scripted(Action... actions) {
        return new Negotiator() {
            int i;
            @Override public Action act(NegotiationView v) { return actions[Math.min(i++, actions.length - 1)]; }
        };
    }

    private static SessionResult run(Scenario s, List<? extends Negotiator> ns, int rounds) {
        return Session.run(s, ns, Deadline.rounds(rounds), Session.Options.defaults());
    }

    @Test
    void anOfferAcceptedByTheOtherIsAnAgreement() {
        SessionResult r = run(split(0, 0), List.of(scripted(Action.offer(7)), scripted(Action.accept())), 10);
        assertThat(r.ending().toString()).isEqualTo("agreement");
        assertThat(r.agreement()).contains(Outcome.of(7));
        assertThat(r.payoff(0)).isCloseTo(0.7, within(1e-12));
        assertThat(r.payoff(1)).isCloseTo(0.3, within(1e-12));
        assertThat(r.trace()).extracting(TraceEntry::action).containsExactly("offer", "accept");
        assertThat(r.metrics().welfare()).isCloseTo(1.0, within(1e-12));
        assertThat(r.metrics().distancePareto()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void acceptingWithNothingOnTheTableIsAFault() {
        SessionResult r = run(split(0.2, 0.3), List.of(scripted(Action.accept()), scripted(Action.offer(1))), 10);
        assertThat(r.ending().toString()).isEqualTo("fault");
        assertThat(r.fault().orElseThrow().party()).isZero();
        assertThat(r.fault().orElseThrow().kind()).isEqualTo(Fault.Kind.ILLEGAL_ACTION);
        assertThat(r.agreement()).isEmpty();
        assertThat(r.payoffs()).containsExactly(0.2, 0.3);   // the no-agreement payoff
    }

    @Test
    void aNegotiatorThatThrowsEndsItsSessionWithAFault() {
        Negotiator broken = v -> { throw new IllegalStateException("boom"); };
        SessionResult r = run(split(0, 0), List.of(scripted(Action.offer(5)), broken), 10);
        assertThat(r.fault().orElseThrow().party()).isEqualTo(1);
        assertThat(r.fault().orElseThrow().kind()).isEqualTo(Fault.Kind.EXCEPTION);
        assertThat(r.fault().orElseThrow().message()).contains("boom");
    }

    @Test
    void offeringANonOutcomeIsAFault() {
        SessionResult r = run(split(0, 0), List.of(scripted(Action.offer(11)), scripted(Action.accept())), 10);
        assertThat(r.fault().orElseThrow().kind()).isEqualTo(Fault.Kind.ILLEGAL_ACTION);
        assertThat(r.fault().orElseThrow().message()).contains("non-outcome");
    }

    @Test
    void endingStopsWithoutAgreementAndZeroPayoffIsASetting() {
        SessionResult r = Session.run(split(0.2, 0.3), List.of(scripted(Action.offer(5)), scripted(Action.end())),
                Deadline.rounds(10), Session.Options.defaults().withNoAgreement(NoAgreement.ZERO));
        assertThat(r.ending().toString()).isEqualTo("ended by B");
        assertThat(r.payoffs()).containsExactly(0.0, 0.0);
    }

    @Test
    void hardlinersReachTheDeadline() {
        SessionResult r = run(split(0, 0), List.of(TimeDependentAgent.hardliner(), TimeDependentAgent.hardliner()), 20);
        assertThat(r.ending().toString()).isEqualTo("deadline");
        assertThat(r.rounds()).isEqualTo(20);
        assertThat(r.trace()).hasSize(40);
    }

    @Test
    void inAMultilateralSessionEveryOtherNegotiatorMustAccept() {
        Scenario two = split(0, 0);
        Profile third = two.parties().get(0).profile();
        Scenario three = two.toBuilder().party(Party.negotiator("C", third)).build();
        SessionResult r = run(three, List.of(scripted(Action.offer(6)), scripted(Action.accept()),
                scripted(Action.offer(4), Action.accept())), 10);
        // C counter-offers 4: B's acceptance of 6 no longer counts. A offers 6 again; this time B and C
        // both accept it in turn, and only then is it agreed.
        assertThat(r.trace()).extracting(TraceEntry::action).containsExactly("offer", "accept", "offer", "offer", "accept", "accept");
        assertThat(r.agreement()).contains(Outcome.of(6));
        SessionResult ok = run(three, List.of(scripted(Action.offer(6)), scripted(Action.accept()), scripted(Action.accept())), 10);
        assertThat(ok.agreement()).contains(Outcome.of(6));
        assertThat(ok.trace()).hasSize(3);
    }

    @Test
    void aRatifierRejectsWhatItsProfileRejects() {
        Scenario s = split(0, 0);
        Domain d = s.domain();
        Profile veto = new Profile(s.parties().get(0).profile().utility(), 0, 1, List.of(RedLine.of("never 7",
                List.of(new RedLine.Condition(0, new int[] {7})))), Optional.empty());
        Scenario withRatifier = s.toBuilder().party(Party.ratifier("parliament", veto)).build();
        SessionResult r = run(withRatifier, List.of(scripted(Action.offer(7)), scripted(Action.accept())), 10);
        assertThat(r.agreement()).isEmpty();
        assertThat(r.ending().toString()).isEqualTo("rejected by ratifier parliament");
        assertThat(r.payoffs()).hasSize(3);
        assertThat(d.issueCount()).isOne();
    }

    @Test
    void theSameSeedGivesTheSameSession() {
        Scenario s = split(0.45, 0.45);   // only an even split is acceptable to both: random offers miss it often
        List<String> first = traces(s, 42);
        assertThat(traces(s, 42)).isEqualTo(first);
        assertThat(traces(s, 43)).isNotEqualTo(first);
    }

    private static List<String> traces(Scenario s, long seed) {
        SessionResult r = Session.run(s, List.of(new RandomAgent(), new RandomAgent()), Deadline.rounds(50),
                Session.Options.defaults().withSeed(seed));
        List<String> out = new ArrayList<>();
        for (TraceEntry e : r.trace()) out.add(e.round() + e.action() + e.party() + e.outcome());
        return out;
    }

    @Test
    void aNegotiatorThatOverrunsItsTimeBudgetEndsItsSession() {
        Negotiator slow = v -> {
            long until = System.nanoTime() + 20_000_000L;     // 20 ms of work per move
            while (System.nanoTime() < until) Thread.onSpinWait();
            return Action.offer(2);
        };
        SessionResult r = Session.run(split(0.2, 0.3), List.of(TimeDependentAgent.hardliner(), slow), Deadline.rounds(1000),
                Session.Options.defaults().withTimeBudget(0.05));
        assertThat(r.ending().toString()).isEqualTo("fault");
        assertThat(r.fault().orElseThrow().party()).isEqualTo(1);
        assertThat(r.fault().orElseThrow().kind()).isEqualTo(Fault.Kind.TIMEOUT);
        assertThat(r.fault().orElseThrow().message()).contains("0.050 s time budget");
        assertThat(r.rounds()).isLessThanOrEqualTo(3);   // at the latest after the third move: 60 ms > 50 ms
        assertThat(r.payoffs()).containsExactly(0.2, 0.3);
    }

    @Test
    void withoutABudgetASlowNegotiatorIsNoFault() {
        Negotiator slow = v -> {
            long until = System.nanoTime() + 2_000_000L;
            while (System.nanoTime() < until) Thread.onSpinWait();
            return Action.offer(2);
        };
        SessionResult r = Session.run(split(0.2, 0.3), List.of(TimeDependentAgent.hardliner(), slow), Deadline.rounds(10),
                Session.Options.defaults());
        assertThat(r.fault()).isEmpty();
        assertThat(r.ending().toString()).isEqualTo("deadline");
    }

    @Test
    void sessionsSharingACacheBuildEachProfilesOfferIndexOnce() {
        List<OfferIndex> seen = new ArrayList<>();
        Negotiator recorder = new Negotiator() {
            @Override public void start(NegotiationView v) { seen.add(OfferIndex.of(v)); }
            @Override public Action act(NegotiationView v) { return Action.offer(5); }
        };
        ProfileCache cache = ProfileCache.create();
        Scenario s = split(0, 0);
        for (int i = 0; i < 2; i++) {
            Session.run(s, List.of(recorder, TimeDependentAgent.hardliner()), Deadline.rounds(2), Session.Options.defaults().withCache(cache));
        }
        Session.run(s, List.of(recorder, TimeDependentAgent.hardliner()), Deadline.rounds(2), Session.Options.defaults());
        assertThat(seen.get(1)).isSameAs(seen.get(0));
        assertThat(seen.get(2)).isNotSameAs(seen.get(0));      // without a cache, each session builds its own
        cache.forget(s.parties().get(0).profile());
        Session.run(s, List.of(recorder, TimeDependentAgent.hardliner()), Deadline.rounds(2), Session.Options.defaults().withCache(cache));
        assertThat(seen.get(3)).isNotSameAs(seen.get(0));      // a forgotten profile's table is built again
    }

    @Test
    void theWrongNumberOfNegotiatorsIsRefused() {
        assertThatThrownBy(() -> run(split(0, 0), List.of(new RandomAgent()), 10)).hasMessageContaining("2 negotiating parties");
    }

    @Property(tries = 100)
    void boulwareConcedesLessThanLinearWhichConcedesLessThanConceder(@ForAll @DoubleRange(min = 0, max = 1) double t) {
        Scenario s = split(0.2, 0.2);
        NegotiationView v = new SessionTestViews.Fixed(s.parties().get(0).profile(), 0);
        TimeDependentOffering b = new TimeDependentOffering(0.2);
        TimeDependentOffering l = new TimeDependentOffering(1);
        TimeDependentOffering c = new TimeDependentOffering(2);
        for (BoaAgent a : List.of(new BoaAgent("b", b, AcceptanceCondition.next(), null), new BoaAgent("l", l, AcceptanceCondition.next(), null),
                new BoaAgent("c", c, AcceptanceCondition.next(), null))) {
            a.start(v);
        }
        assertThat(b.target(t)).isGreaterThanOrEqualTo(l.target(t) - 1e-12);
        assertThat(l.target(t)).isGreaterThanOrEqualTo(c.target(t) - 1e-12);
        if (t <= 0.5) assertThat(b.target(t)).isGreaterThan(0.2 + 0.95 * 0.8 - 1e-9);   // Boulware: barely moves until late
        assertThat(b.target(1.0)).isCloseTo(0.2, within(1e-12));
    }

    @Property(tries = 50)
    void offerIndexFindsTheLeastOutcomeAtOrAboveTheTarget(@ForAll @DoubleRange(min = -0.2, max = 1.2) double target) {
        Domain d = Domain.of("d", List.of(Issue.integer("a", 0, 4), Issue.discrete("b", List.of("x", "y", "z"))));
        LinearAdditiveUtility u = LinearAdditiveUtility.of(d, new double[] {2, 1},
                List.of(new ValueFunction.Linear(0.25, 0, false), new ValueFunction.Table(new double[] {0.3, 1, 0})));
        OfferIndex index = OfferIndex.of(Profile.of(u, 0));
        double got = u.utility(index.atLeast(target));
        double best = Double.POSITIVE_INFINITY;
        for (long i = 0; i < d.outcomeCountExact(); i++) {
            double x = u.utility(d.outcomeAt(i));
            if (x >= target) best = Math.min(best, x);
        }
        assertThat(got).isEqualTo(best == Double.POSITIVE_INFINITY ? u.maxUtility() : best);
    }
}
