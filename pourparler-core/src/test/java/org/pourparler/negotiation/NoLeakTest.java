package org.pourparler.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.pourparler.model.Domain;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.Scenario;
import org.pourparler.model.ValueFunction;

/**
 * What a party receives is only what it may know. Two checks: (1) non-interference: change the other
 * party's private inputs (profile, commitments, hidden acceptances) while keeping the protocol's
 * public answers the same, and every message the first party receives — every value its view
 * returns, at every call — is identical; (2) reachability: nothing behind a party's view object
 * refers to another party's profile, utility, negotiator or private moves, or to the scenario.
 */
class NoLeakTest {

    /** Plays a script and records everything its view shows, call by call. */
    static final class Recorder implements Negotiator {
        final Negotiator script;
        final List<String> received = new ArrayList<>();
        NegotiationView view;

        Recorder(Negotiator script) { this.script = script; }

        @Override public void start(NegotiationView v) {
            view = v;
            received.add("start " + everything(v));
            script.start(v);
        }

        @Override public Action act(NegotiationView v) {
            received.add(everything(v));
            return script.act(v);
        }
    }

    /** Every value a view returns, except the party's own profile and random source (the same in both runs). */
    static String everything(NegotiationView v) {
        return String.join(" | ", v.protocol().id(), String.valueOf(v.self()), v.parties().toString(), v.domain().name(),
                v.deadline().toString(), String.valueOf(v.round()), String.valueOf(v.time()), v.standingOffer().toString(),
                String.valueOf(v.standingOfferBy()), v.offers().toString(), v.answers().toString(), String.valueOf(v.probesLeft()),
                v.commitment().toString());
    }

    /** The split scenario with B's utility replaced: 1 - x/10 (the usual) or 1 - x/20 (a different private profile). */
    static Scenario withB(boolean steep, double reservationB) {
        Scenario s = SessionTest.split(0, reservationB);
        if (steep) return s;
        Domain d = s.domain();
        Profile b = Profile.of(LinearAdditiveUtility.of(d, new double[] {1}, List.of(new ValueFunction.Linear(-0.05, 1, true))), reservationB);
        return Scenario.builder(d).party(s.parties().get(0)).party(Party.negotiator("B", b)).build();
    }

    @Test
    void inTestTheWatersAPartyLearnsOnlyTheAnswers() {
        Negotiator aScript = SessionTest.scripted(TestTheWatersTest.commit(0.7, true), TestTheWatersTest.commit(0.6, true),
                TestTheWatersTest.commit(0.5, true));
        // B (utility 1 - x/10) commits 0.9, 0.6, 0.5: no, no, yes (x = 5)
        Recorder a1 = new Recorder(aScript);
        SessionResult r1 = TestTheWatersTest.run(withB(true, 0.1), List.of(a1, SessionTest.scripted(TestTheWatersTest.commit(0.9, false),
                TestTheWatersTest.commit(0.6, false), TestTheWatersTest.commit(0.5, false))), 10, 3);
        // B' (utility 1 - x/20, another reservation value) commits other levels and a red line: again no, no, yes
        Recorder a2 = new Recorder(SessionTest.scripted(TestTheWatersTest.commit(0.7, true), TestTheWatersTest.commit(0.6, true),
                TestTheWatersTest.commit(0.5, true)));
        SessionResult r2 = TestTheWatersTest.run(withB(false, 0.3), List.of(a2, SessionTest.scripted(
                TestTheWatersTest.commit(0.95, List.of(TestTheWatersTest.never(9)), false),
                TestTheWatersTest.commit(0.8, List.of(TestTheWatersTest.never(9)), false),
                TestTheWatersTest.commit(0.7, List.of(), false))), 10, 3);
        assertThat(r1.trace()).extracting(TraceEntry::action).containsExactly("no-zone", "no-zone", "zone");
        assertThat(r2.trace()).extracting(TraceEntry::action).containsExactly("no-zone", "no-zone", "zone");
        assertThat(a2.received).isEqualTo(a1.received);
        assertThat(r2.ending()).isEqualTo(r1.ending());
        // the recorder does see what it may know: other answers give other messages
        Recorder a3 = new Recorder(SessionTest.scripted(TestTheWatersTest.commit(0.7, true), TestTheWatersTest.commit(0.6, true),
                TestTheWatersTest.commit(0.5, true)));
        TestTheWatersTest.run(withB(true, 0.1), List.of(a3, SessionTest.scripted(TestTheWatersTest.commit(0.9, false))), 10, 3);
        assertThat(a3.received).isNotEqualTo(a1.received);
    }

    @Test
    void inBlindBiddingHiddenAcceptancesReachNobody() {
        // A accepts only its proposal 10; B's hidden acceptances differ between the runs, and overlap with A's in neither
        Recorder a1 = new Recorder(new BlindBiddingTest.Bidder(Outcome.of(10), Acceptance.atLeast(0.99)));
        SessionResult r1 = Session.run(withB(true, 0), List.of(a1, new BlindBiddingTest.Bidder(Outcome.of(2), Acceptance.atLeast(0.95))),
                Deadline.rounds(4), Session.Options.defaults().withProtocol(Protocol.BLIND));
        Recorder a2 = new Recorder(new BlindBiddingTest.Bidder(Outcome.of(10), Acceptance.atLeast(0.99)));
        SessionResult r2 = Session.run(withB(false, 0.2), List.of(a2, new BlindBiddingTest.Bidder(Outcome.of(2),
                Acceptance.packages(Set.of(Outcome.of(8), Outcome.of(9))))), Deadline.rounds(4), Session.Options.defaults().withProtocol(Protocol.BLIND));
        assertThat(a2.received).isEqualTo(a1.received);
        assertThat(a1.received).hasSize(5);
        // the result and the trace do not show them either: the same moves, no acceptance anywhere
        assertThat(r2.trace()).extracting(e -> e.round() + e.action() + e.party() + e.outcome())
                .isEqualTo(r1.trace().stream().map(e -> e.round() + e.action() + e.party() + e.outcome()).toList());
        assertThat(r1.trace()).extracting(TraceEntry::action).containsOnly("propose");
        assertThat(r1.ending()).isEqualTo(r2.ending()).isEqualTo(Ending.DEADLINE);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void nothingPrivateToAnotherPartyIsReachableFromAView(Protocol protocol) throws Exception {
        Scenario s = withB(true, 0.1);
        Profile bProfile = s.parties().get(1).profile();
        Negotiator bScript = switch (protocol) {
            case ALTERNATING -> SessionTest.scripted(Action.offer(3));
            case SINGLE_TEXT -> SessionTest.scripted(Action.reject());
            case BLIND -> new BlindBiddingTest.Bidder(Outcome.of(2), Acceptance.packages(Set.of(Outcome.of(1))));
            case TEST_THE_WATERS -> SessionTest.scripted(TestTheWatersTest.commit(0.9, List.of(TestTheWatersTest.never(4)), false));
        };
        List<Object> bMoves = new ArrayList<>();
        Negotiator b = new Negotiator() {
            @Override public Action act(NegotiationView v) {
                Action x = bScript.act(v);
                bMoves.add(x);
                return x;
            }
        };
        Negotiator aScript = switch (protocol) {
            case ALTERNATING -> SessionTest.scripted(Action.offer(9));
            case SINGLE_TEXT -> SessionTest.scripted(Action.reject());
            case BLIND -> new BlindBiddingTest.Bidder(Outcome.of(9), Acceptance.atLeast(0.9));
            case TEST_THE_WATERS -> SessionTest.scripted(TestTheWatersTest.commit(0.9, true));
        };
        Recorder a = new Recorder(aScript);
        Session.run(s, List.of(a, b), Deadline.rounds(3), Session.Options.defaults().withProtocol(protocol).withProbes(5));
        Set<Object> reachable = reachableFrom(a.view);
        assertThat(bMoves).isNotEmpty();
        assertThat(reachable).doesNotContain(bProfile, bProfile.utility(), s, b, bScript);
        for (Object move : bMoves) {
            if (!(move instanceof Action.Offer)) assertThat(reachable).as("B's private move " + move).doesNotContain(move);
            if (move instanceof Action.Bid bid) assertThat(reachable).doesNotContain(bid.acceptance());
            if (move instanceof Action.Commit c) assertThat(reachable).doesNotContainAnyElementsOf(c.redLines());
        }
        assertThat(reachable).contains(s.parties().get(0).profile());    // the walk does reach the party's own profile
    }

    /** Every object reachable from {@code root} through fields of our own classes, collections, maps, optionals and arrays. */
    static Set<Object> reachableFrom(Object root) throws IllegalAccessException {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        List<Object> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Object o = todo.remove(todo.size() - 1);
            if (o == null || seen.put(o, true) != null) continue;
            if (o instanceof Collection<?> c) {
                todo.addAll(c);
            } else if (o instanceof Map<?, ?> m) {
                todo.addAll(m.keySet());
                todo.addAll(m.values());
            } else if (o instanceof Optional<?> opt) {
                opt.ifPresent(todo::add);
            } else if (o instanceof Object[] arr) {
                todo.addAll(java.util.Arrays.asList(arr));
            } else if (o.getClass().getName().startsWith("org.pourparler")) {
                for (Class<?> k = o.getClass(); k != null && k.getName().startsWith("org.pourparler"); k = k.getSuperclass()) {
                    for (Field f : k.getDeclaredFields()) {
                        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                        f.setAccessible(true);
                        todo.add(f.get(o));
                    }
                }
            }
        }
        Set<Object> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        out.addAll(seen.keySet());
        return out;
    }
}
