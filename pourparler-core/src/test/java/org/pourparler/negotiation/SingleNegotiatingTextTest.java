package org.pourparler.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.pourparler.agents.TimeDependentAgent;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.Scenario;
import org.pourparler.model.ValueFunction;

/** The single negotiating text: the mediator's texts, the answers, the climb. */
class SingleNegotiatingTextTest {

    /** Three issues of 4 options; A likes high options, B low ones. */
    static Scenario threeIssues() {
        Domain d = Domain.of("d", List.of(Issue.integer("x", 0, 3), Issue.integer("y", 0, 3), Issue.integer("z", 0, 3)));
        List<ValueFunction> up = List.of(new ValueFunction.Linear(1.0 / 3, 0, true), new ValueFunction.Linear(1.0 / 3, 0, true),
                new ValueFunction.Linear(1.0 / 3, 0, true));
        List<ValueFunction> down = List.of(new ValueFunction.Linear(-1.0 / 3, 1, true), new ValueFunction.Linear(-1.0 / 3, 1, true),
                new ValueFunction.Linear(-1.0 / 3, 1, true));
        Profile a = Profile.of(LinearAdditiveUtility.of(d, new double[] {3, 2, 1}, up), 0.3);
        Profile b = Profile.of(LinearAdditiveUtility.of(d, new double[] {1, 2, 3}, down), 0.3);
        return Scenario.builder(d).party(Party.negotiator("A", a)).party(Party.negotiator("B", b)).build();
    }

    /** Answers by a rule, remembering every text it was shown. */
    static final class Voter implements Negotiator {
        final Predicate<Outcome> accepts;
        final List<Outcome> texts = new ArrayList<>();

        Voter(Predicate<Outcome> accepts) { this.accepts = accepts; }

        @Override public Action act(NegotiationView v) {
            assertThat(v.protocol()).isEqualTo(Protocol.SINGLE_TEXT);
            assertThat(v.standingOfferBy()).isEqualTo(-1);
            Outcome text = v.standingOffer().orElseThrow();
            texts.add(text);
            return accepts.test(text) ? Action.accept() : Action.reject();
        }
    }

    private static SessionResult run(Scenario s, List<? extends Negotiator> ns, int rounds, long seed) {
        return Session.run(s, ns, Deadline.rounds(rounds), Session.Options.defaults().withProtocol(Protocol.SINGLE_TEXT).withSeed(seed));
    }

    @Test
    void whenEveryoneAcceptsTheTextItIsTheAgreement() {
        Voter a = new Voter(o -> true);
        Voter b = new Voter(o -> true);
        SessionResult r = run(threeIssues(), List.of(a, b), 10, 5);
        assertThat(r.ending().toString()).isEqualTo("agreement");
        assertThat(r.rounds()).isOne();
        assertThat(r.agreement()).contains(a.texts.get(0)).contains(b.texts.get(0));
        assertThat(r.trace()).extracting(TraceEntry::action).containsExactly("text", "accept", "accept");
        assertThat(r.trace().get(0).party()).isEqualTo(-1);
    }

    @Test
    void oneRejectionIsAVeto() {
        SessionResult r = run(threeIssues(), List.of(new Voter(o -> true), new Voter(o -> false)), 25, 5);
        assertThat(r.agreement()).isEmpty();
        assertThat(r.ending().toString()).isEqualTo("deadline");
        assertThat(r.rounds()).isEqualTo(25);
    }

    @Test
    void theMediatorClimbsFromTheTextWithTheMostAcceptances() {
        // A accepts texts with x >= 2; B accepts texts with z <= 1: the counts steer the climb
        Voter a = new Voter(o -> o.value(0) >= 2);
        Voter b = new Voter(o -> o.value(2) <= 1);
        SessionResult r = run(threeIssues(), List.of(a, b), 200, 11);
        List<Outcome> texts = a.texts;
        assertThat(b.texts).isEqualTo(texts);
        // replay the mediator's bookkeeping from the answers: each next text differs from the kept one in exactly one issue
        Outcome kept = null;
        int keptCount = -1;
        for (int i = 0; i < texts.size(); i++) {
            Outcome t = texts.get(i);
            int count = (t.value(0) >= 2 ? 1 : 0) + (t.value(2) <= 1 ? 1 : 0);
            if (i > 0) assertThat(differences(kept, t)).isOne();
            if (count >= keptCount) {
                kept = t;
                keptCount = count;
            }
        }
        assertThat(r.ending().toString()).isEqualTo("agreement");
        assertThat(r.agreement().orElseThrow().value(0)).isGreaterThanOrEqualTo(2);
        assertThat(r.agreement().orElseThrow().value(2)).isLessThanOrEqualTo(1);
    }

    private static int differences(Outcome a, Outcome b) {
        int d = 0;
        for (int i = 0; i < a.size(); i++) if (a.value(i) != b.value(i)) d++;
        return d;
    }

    @Test
    void theMediatorsTextsDependOnTheSeedOnly() {
        List<Outcome> first = texts(3);
        assertThat(texts(3)).isEqualTo(first);
        assertThat(texts(4)).isNotEqualTo(first);
    }

    private static List<Outcome> texts(long seed) {
        Voter a = new Voter(o -> false);
        run(threeIssues(), List.of(a, new Voter(o -> false)), 30, seed);
        return a.texts;
    }

    @Test
    void offeringInsteadOfAnsweringIsAFault() {
        SessionResult r = run(threeIssues(), List.of(new Voter(o -> true), SessionTest.scripted(Action.offer(1, 1, 1))), 10, 1);
        assertThat(r.fault().orElseThrow().kind()).isEqualTo(Fault.Kind.ILLEGAL_ACTION);
        assertThat(r.fault().orElseThrow().message()).contains("single-text").contains("offer");
        assertThat(r.payoffs()).containsExactly(0.3, 0.3);
    }

    @Test
    void walkingAwayEndsTheSession() {
        SessionResult r = run(threeIssues(), List.of(new Voter(o -> false), SessionTest.scripted(Action.end())), 10, 1);
        assertThat(r.ending().toString()).isEqualTo("ended by B");
        assertThat(r.trace()).extracting(TraceEntry::action).containsExactly("text", "reject", "end");
    }

    @Test
    void timeDependentAgentsAgreeOnARationalText() {
        SessionResult r = run(threeIssues(), List.of(TimeDependentAgent.boulware(), TimeDependentAgent.conceder()), 500, 2);
        assertThat(r.ending().toString()).isEqualTo("agreement");
        assertThat(r.payoff(0)).isGreaterThanOrEqualTo(0.3);
        assertThat(r.payoff(1)).isGreaterThanOrEqualTo(0.3);
    }
}
