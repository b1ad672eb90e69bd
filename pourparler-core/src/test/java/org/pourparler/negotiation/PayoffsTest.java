package org.pourparler.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.pourparler.agents.TimeDependentAgent;
import org.pourparler.io.Scenarios;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.Scenario;
import org.pourparler.model.ValueFunction;
import org.pourparler.testing.SharedCorpus;

/**
 * Payoffs and metrics (docs/negotiation.md, "Payoffs and metrics"): the no-agreement payoff follows
 * GENIUS for discounted profiles, agents compare like with like, and every metric has one
 * definition, checked here against formulas written out by hand over an enumeration.
 */
class PayoffsTest {

    /** One issue "share of A" 0..10; A's utility share/10, B's 1 − share/10; both discounted by d. */
    static Scenario discountedSplit(double rA, double rB, double d) {
        Domain dom = Domain.of("split", List.of(Issue.integer("share of A", 0, 10)));
        Profile a = new Profile(LinearAdditiveUtility.of(dom, new double[] {1}, List.of(new ValueFunction.Linear(0.1, 0, true))),
                rA, d, List.of(), Optional.empty());
        Profile b = new Profile(LinearAdditiveUtility.of(dom, new double[] {1}, List.of(new ValueFunction.Linear(-0.1, 1, true))),
                rB, d, List.of(), Optional.empty());
        return Scenario.builder(dom).party(Party.negotiator("A", a)).party(Party.negotiator("B", b)).build();
    }

    private static SessionResult run(Scenario s, List<? extends Negotiator> ns, int rounds, NoAgreement policy) {
        return Session.run(s, ns, Deadline.rounds(rounds), Session.Options.defaults().withNoAgreement(policy));
    }

    @Test
    void atTheDeadlineTheReservationValueIsDiscountedToTimeOneAsInGenius() {
        Scenario s = discountedSplit(0.4, 0.3, 0.5);
        var hard = List.of(TimeDependentAgent.hardliner(), TimeDependentAgent.hardliner());
        SessionResult r = run(s, hard, 20, NoAgreement.RESERVATION);
        assertThat(r.ending().toString()).isEqualTo("deadline");
        assertThat(r.payoffs()).containsExactly(0.4 * 0.5, 0.3 * 0.5);
        assertThat(r.parties()).extracting(PartyResult::utility).containsExactly(0.4, 0.3);
        assertThat(run(s, hard, 20, NoAgreement.RESERVATION_UNDISCOUNTED).payoffs()).containsExactly(0.4, 0.3);
        assertThat(run(s, hard, 20, NoAgreement.ZERO).payoffs()).containsExactly(0.0, 0.0);
    }

    @Test
    void walkingAwayIsDiscountedToTheTimeOfTheWalkOut() {
        Scenario s = discountedSplit(0.4, 0.3, 0.5);
        Negotiator walker = new Negotiator() {
            @Override public Action act(NegotiationView v) { return v.round() < 5 ? Action.offer(Outcome.of(9)) : Action.end(); }
        };
        SessionResult r = run(s, List.of(walker, TimeDependentAgent.hardliner()), 20, NoAgreement.RESERVATION);
        assertThat(r.ending().toString()).startsWith("ended by");
        assertThat(r.time()).isBetween(0.2, 0.3);
        assertThat(r.payoff(0)).isCloseTo(0.4 * Math.pow(0.5, r.time()), within(1e-15));
        assertThat(r.payoff(1)).isCloseTo(0.3 * Math.pow(0.5, r.time()), within(1e-15));
    }

    @Test
    void anAgreementsFiguresFollowTheirFormulas() {
        Scenario s = discountedSplit(0.4, 0.3, 0.8);
        Negotiator offerSix = new Negotiator() {
            @Override public Action act(NegotiationView v) { return v.round() < 3 ? Action.offer(Outcome.of(10)) : Action.offer(Outcome.of(6)); }
        };
        Negotiator acceptSix = new Negotiator() {
            @Override public Action act(NegotiationView v) {
                return v.standingOffer().map(o -> o.value(0) == 6).orElse(false) ? Action.accept() : Action.offer(Outcome.of(0));
            }
        };
        SessionResult r = run(s, List.of(offerSix, acceptSix), 20, NoAgreement.RESERVATION);
        assertThat(r.agreement()).contains(Outcome.of(6));
        double t = r.time();
        // by hand: utilities 0.6 and 0.4; best utilities over the 11 outcomes are 1 and 1
        double[] u = {0.6, 0.4};
        double[] res = {0.4, 0.3};
        for (int k = 0; k < 2; k++) {
            PartyResult p = r.parties().get(k);
            double payoff = u[k] * Math.pow(0.8, t);
            assertThat(p.utility()).isCloseTo(u[k], within(1e-12));
            assertThat(p.payoff()).isCloseTo(payoff, within(1e-12));
            // advantage counts from what failing to agree pays: the reservation value discounted at the deadline
            double w = res[k] * 0.8;
            assertThat(p.advantage()).isCloseTo((payoff - w) / (1 - w), within(1e-12));
            assertThat(p.utilityAdvantage()).isCloseTo((u[k] - res[k]) / (1 - res[k]), within(1e-12));
        }
        assertThat(r.metrics().welfare()).isCloseTo((0.6 + 0.4) * Math.pow(0.8, t), within(1e-12));
        assertThat(r.metrics().utilityWelfare()).isCloseTo(1.0, within(1e-12));
        assertThat(r.metrics().distancePareto()).isCloseTo(0.0, within(1e-12));   // every split is efficient
        // Nash over the zone {4..7} with disagreement (0.4, 0.3): maximise (x/10 − 0.4)(0.7 − x/10) → x = 5 or 6 tie → 0
        assertThat(r.metrics().distanceNash()).isCloseTo(0.0, within(1e-12));
    }

    /** The acceptor of an agreement never gets less than walking away at that moment would have paid. */
    @Property(tries = 60)
    void agentsAcceptOnlyWhatBeatsWalkingAwayNow(@ForAll @DoubleRange(min = 0.3, max = 1.0) double d,
                                                  @ForAll @DoubleRange(min = 0.0, max = 0.7) double rA,
                                                  @ForAll @DoubleRange(min = 0.0, max = 0.7) double rB,
                                                  @ForAll @IntRange(min = 0, max = 2) int policyIndex,
                                                  @ForAll @IntRange(min = 0, max = 3) int pair) {
        NoAgreement policy = NoAgreement.values()[policyIndex];
        Scenario s = discountedSplit(rA, rB, d);
        List<Negotiator> agents = switch (pair) {
            case 0 -> List.of(TimeDependentAgent.boulware(), TimeDependentAgent.conceder());
            case 1 -> List.of(TimeDependentAgent.conceder(), TimeDependentAgent.linear());
            case 2 -> List.of(TimeDependentAgent.linear(), TimeDependentAgent.boulware());
            default -> List.of(new org.pourparler.agents.RandomAgent(), TimeDependentAgent.conceder());
        };
        SessionResult r = run(s, agents, 50, policy);
        if (r.agreement().isEmpty()) return;
        TraceEntry last = r.trace().get(r.trace().size() - 1);
        assertThat(last.action()).isEqualTo("accept");
        int acceptor = last.party();
        Profile p = s.parties().get(acceptor).profile();
        assertThat(r.payoff(acceptor)).isGreaterThanOrEqualTo(policy.payoff(p, r.time()) - 1e-12);
        if (policy == NoAgreement.RESERVATION) {       // offers stay at or above the reservation value too
            for (int k = 0; k < 2; k++) {
                Profile q = s.parties().get(k).profile();
                assertThat(r.payoff(k)).isGreaterThanOrEqualTo(policy.payoff(q, r.time()) - 1e-12);
            }
        }
    }

    /**
     * The reported case (issue 9, 1.1): on ANAC 2012's ItexvsCypressA (discount 0.5, reservation 0.5
     * for both) Boulware and Conceder agreed at t = 0.893 on payoffs 0.389 and 0.361 — worse than the
     * 0.5 the walk-away was said to pay. With GENIUS's semantics walking away at that time pays
     * 0.5·0.5^t, so every agreement now beats it, and the advantage, which counts from what failing to
     * agree pays (0.25 at the deadline), is positive; it was negative for every agent.
     */
    @Test
    void onItexvsCypressADealsBeatWalkingAwayAsGeniusCountsIt() throws Exception {
        Path folder = SharedCorpus.scenarios().resolve("anac/y2012/ItexvsCypressA");
        Scenario s = Scenarios.read(folder).scenario();
        SessionResult r = Session.run(s, List.of(TimeDependentAgent.boulware(), TimeDependentAgent.conceder()), Deadline.rounds(200),
                Session.Options.defaults());
        assertThat(r.agreement()).isPresent();
        for (int k = 0; k < 2; k++) {
            Profile p = s.parties().get(k).profile();
            assertThat(p.isDiscounted()).isTrue();
            assertThat(r.payoff(k)).isGreaterThanOrEqualTo(NoAgreement.RESERVATION.payoff(p, r.time()));
            assertThat(r.parties().get(k).utilityAdvantage()).isGreaterThanOrEqualTo(0);
            // the payoff's advantage counts from running out the clock (0.5 · 0.5^1 = 0.25), not from 0.5
            assertThat(r.parties().get(k).advantage()).isGreaterThan(0);
        }
        // and running out the clock has advantage 0 for both: a failed negotiation, as NegMAS scores it
        SessionResult none = Session.run(s, List.of(TimeDependentAgent.hardliner(), TimeDependentAgent.hardliner()), Deadline.rounds(50),
                Session.Options.defaults());
        assertThat(none.agreement()).isEmpty();
        assertThat(none.ending()).isEqualTo(Ending.DEADLINE);
        for (int k = 0; k < 2; k++) {
            assertThat(none.payoff(k)).isCloseTo(0.25, within(1e-12));
            assertThat(none.parties().get(k).advantage()).isEqualTo(0.0);
        }
    }

    /** NoAgreement.floor is the least undiscounted utility whose discounted value matches the walk-away payoff. */
    @Property(tries = 200)
    void theFloorIsWhereADealEqualsWalkingAway(@ForAll @DoubleRange(min = 0.05, max = 1.0) double d,
                                               @ForAll @DoubleRange(min = 0.0, max = 1.0) double r,
                                               @ForAll @DoubleRange(min = 0.0, max = 1.0) double t) {
        Profile p = discountedSplit(r, 0, d).parties().get(0).profile();
        for (NoAgreement policy : NoAgreement.values()) {
            assertThat(p.discounted(policy.floor(p, t), t)).isCloseTo(policy.payoff(p, t), within(1e-12));
        }
    }

    @Test
    void policiesReadByTheirIds() {
        for (NoAgreement a : NoAgreement.values()) assertThat(NoAgreement.byId(a.id())).contains(a);
        assertThat(NoAgreement.byId("nothing")).isEmpty();
    }
}
