package org.pourparler.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.pourparler.agents.Agents;
import org.pourparler.model.Domain;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.Scenario;
import org.pourparler.model.ValueFunction;
import org.pourparler.negotiation.Acceptance;
import org.pourparler.negotiation.Action;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Ending;
import org.pourparler.negotiation.Negotiator;
import org.pourparler.negotiation.NegotiationView;
import org.pourparler.negotiation.Protocol;
import org.pourparler.negotiation.Session;
import org.pourparler.negotiation.SessionResult;

/**
 * A live room against the simulation: seats played by people (here: agents outside the room, acting
 * through the room's commands, in any order within a round) and built-in agents give the moves,
 * agreement and payoffs {@link Session#run} gives with the same agents and seed; the log replays to
 * the same state after every event; nobody sees another seat's private events.
 */
class RoomTest {
    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    /** Two issues of 4 and 3 options, partly opposed; a ratifier when asked. */
    static Scenario scenario(int parties, boolean ratifier) {
        Scenario s = org.pourparler.agents.AgentScenarios.mixed(parties);
        if (!ratifier) return s;
        Domain d = s.domain();
        var u = LinearAdditiveUtility.of(d, new double[] {0.5, 0.5}, List.of(new ValueFunction.Table(new double[] {0.2, 0.4, 0.6, 0.8}),
                new ValueFunction.Table(new double[] {0.5, 0.5, 0.5})));
        return s.toBuilder().party(Party.ratifier("members", Profile.of(u, 0.3))).build();
    }

    @Provide
    Arbitrary<List<String>> agents() {
        return Arbitraries.of("boulware", "conceder", "linear", "hardliner", "random", "micro", "hard-headed", "naive-tit-for-tat",
                "nice-tit-for-tat").list().ofSize(3);
    }

    @Property(tries = 80)
    void aRoomPlaysAsTheSimulationAndItsLogReplaysToTheSameState(@ForAll Protocol protocol, @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 3) int parties, @ForAll("agents") List<String> specs, @ForAll boolean firstSeatIsBuiltIn,
            @ForAll boolean ratifier) throws RoomException {
        Scenario s = scenario(parties, ratifier);
        Deadline deadline = Deadline.rounds(25);
        Session.Options options = Session.Options.defaults().withProtocol(protocol).withSeed(seed);
        List<String> played = specs.subList(0, parties);
        SessionResult simulated = Session.run(s, played.stream().map(Agents::create).toList(), deadline, options.withMetrics(false));

        List<Seat> seats = new ArrayList<>();
        for (int j = 0; j < parties; j++) seats.add(j == 0 && firstSeatIsBuiltIn ? Seat.agent("P0", played.get(0)) : Seat.person("P" + j));
        RoomSpec spec = new RoomSpec("test", s, deadline, options, Mediation.BLIND, seats, false);
        Room room = Room.open(spec);
        List<RoomEvent> log = new ArrayList<>();
        // the people: agents outside the room, reading their seat's view and acting through the room
        List<Negotiator> people = played.stream().map(Agents::create).toList();
        Instant at = T0;
        for (int j = firstSeatIsBuiltIn ? 1 : 0; j < parties; j++) {
            at = at.plusSeconds(1);
            log.addAll(room.join(j, at));
            if (room.state() == Room.State.WAITING) assertSameState(Room.replay(spec, log), room, parties);
        }
        assertThat(room.state()).isNotEqualTo(Room.State.WAITING);
        Room[] current = {room};
        List<NegotiationView> views = new ArrayList<>();
        for (int j = 0; j < parties; j++) views.add(new CurrentView(current, j));
        for (int j = firstSeatIsBuiltIn ? 1 : 0; j < parties; j++) people.get(j).start(views.get(j));
        Random arrival = new Random(seed);
        while (room.state() == Room.State.NEGOTIATING) {
            List<Integer> awaited = new ArrayList<>();
            for (int j = 0; j < parties; j++) if (room.awaits(j)) awaited.add(j);
            assertThat(awaited).isNotEmpty();
            int j = awaited.get(arrival.nextInt(awaited.size()));
            assertThat(j == 0 && firstSeatIsBuiltIn).as("an awaited built-in agent has acted already").isFalse();
            at = at.plusSeconds(1);
            log.addAll(room.act(j, people.get(j).act(views.get(j)), at));
            Room replayed = Room.replay(spec, log);
            assertSameState(replayed, room, parties);
            // now and then the server restarts: the room goes on from its log (a built-in agent too)
            if (arrival.nextInt(3) == 0) {
                room = replayed;
                current[0] = room;
            }
        }
        SessionResult live = room.result().orElseThrow();
        assertThat(live.ending()).isEqualTo(simulated.ending());
        assertThat(live.agreement()).isEqualTo(simulated.agreement());
        assertThat(live.payoffs()).containsExactly(simulated.payoffs());
        assertThat(live.rounds()).isEqualTo(simulated.rounds());
        assertThat(live.time()).isEqualTo(simulated.time());

        // the log's endings and payoffs say what the result says
        RoomEvent.Ended ended = only(log, RoomEvent.Ended.class);
        assertThat(ended.ending()).isEqualTo(simulated.ending());
        assertThat(ended.agreement()).isEqualTo(simulated.agreement());
        List<RoomEvent.Payoff> payoffs = log.stream().filter(RoomEvent.Payoff.class::isInstance).map(RoomEvent.Payoff.class::cast).toList();
        assertThat(payoffs).hasSize(parties);
        for (RoomEvent.Payoff p : payoffs) assertThat(p.payoff()).isEqualTo(simulated.payoffs()[p.seat()]);
        // every seat's action is in the log once, in order with the public moves
        assertThat(log.stream().filter(RoomEvent.Acted.class::isInstance).count()).isPositive();
    }

    /** A person's window on whichever room object is current (the room is rebuilt from its log after a restart). */
    private static final class CurrentView implements NegotiationView {
        private final Room[] room;
        private final int seat;
        private java.util.random.RandomGenerator random;

        CurrentView(Room[] room, int seat) {
            this.room = room;
            this.seat = seat;
        }

        private NegotiationView v() { return room[0].view(seat).orElseThrow(); }
        @Override public Protocol protocol() { return v().protocol(); }
        @Override public int self() { return v().self(); }
        @Override public List<String> parties() { return v().parties(); }
        @Override public Domain domain() { return v().domain(); }
        @Override public Profile profile() { return v().profile(); }
        @Override public Deadline deadline() { return v().deadline(); }
        @Override public int round() { return v().round(); }
        @Override public double time() { return v().time(); }
        @Override public java.util.Optional<Outcome> standingOffer() { return v().standingOffer(); }
        @Override public int standingOfferBy() { return v().standingOfferBy(); }
        @Override public List<org.pourparler.negotiation.OfferRecord> offers() { return v().offers(); }
        @Override public List<org.pourparler.negotiation.ProbeAnswer> answers() { return v().answers(); }
        @Override public int probesLeft() { return v().probesLeft(); }
        @Override public java.util.Optional<Action.Commit> commitment() { return v().commitment(); }
        @Override public org.pourparler.negotiation.ProfileStore store() { return v().store(); }
        @Override public org.pourparler.negotiation.NoAgreement noAgreement() { return v().noAgreement(); }
        @Override public org.pourparler.negotiation.Conventions conventions() { return v().conventions(); }
        /** The person's own random source: one, whatever room object is current. */
        @Override public java.util.random.RandomGenerator random() {
            if (random == null) random = v().random();
            return random;
        }
    }

    private static <T> T only(List<RoomEvent> log, Class<T> type) {
        List<T> found = log.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static void assertSameState(Room replayed, Room room, int parties) {
        assertThat(replayed.state()).isEqualTo(room.state());
        assertThat(replayed.startedAt()).isEqualTo(room.startedAt());
        for (int j = 0; j < parties; j++) {
            assertThat(replayed.joined(j)).isEqualTo(room.joined(j));
            assertThat(replayed.awaits(j)).isEqualTo(room.awaits(j));
            if (room.view(j).isPresent()) {
                var a = room.view(j).orElseThrow();
                var b = replayed.view(j).orElseThrow();
                assertThat(b.offers()).isEqualTo(a.offers());
                assertThat(b.round()).isEqualTo(a.round());
                assertThat(b.time()).isEqualTo(a.time());
                assertThat(b.standingOffer()).isEqualTo(a.standingOffer());
                assertThat(b.answers()).isEqualTo(a.answers());
                assertThat(b.probesLeft()).isEqualTo(a.probesLeft());
                assertThat(b.commitment()).isEqualTo(a.commitment());
            }
        }
        if (room.result().isPresent()) {
            assertThat(replayed.result().orElseThrow().payoffs()).containsExactly(room.result().orElseThrow().payoffs());
        }
    }

    private static RoomSpec twoPeople(Protocol protocol, Deadline deadline, boolean entering) {
        Scenario s = scenario(2, false);
        List<Seat> seats = entering ? List.of(Seat.person("P0").enteringProfile(), Seat.person("P1").enteringProfile())
                : List.of(Seat.person("P0"), Seat.person("P1"));
        return new RoomSpec("two", s, deadline, Session.Options.defaults().withProtocol(protocol), Mediation.BLIND, seats, true);
    }

    @Test
    void aSeatsPrivateEventsReachNeitherTheOtherSeatNorTheConvenerOfABlindRoom() throws RoomException {
        RoomSpec spec = twoPeople(Protocol.BLIND, Deadline.rounds(10), true);
        Room room = Room.open(spec);
        List<RoomEvent> log = new ArrayList<>();
        Domain d = spec.scenario().domain();
        // profiles chosen to be unique, so that they can be looked for by value
        Profile mine = Profile.of(LinearAdditiveUtility.of(d, new double[] {0.123456789, 0.876543211},
                List.of(new ValueFunction.Table(new double[] {0.111, 0.222, 0.333, 0.987654321}), new ValueFunction.Table(new double[] {0.1, 0.2, 0.3}))), 0.0314159);
        Profile theirs = Profile.of(LinearAdditiveUtility.of(d, new double[] {0.5, 0.5},
                List.of(new ValueFunction.Table(new double[] {1, 0.75, 0.5, 0}), new ValueFunction.Table(new double[] {0, 0.5, 1}))), 0.0271828);
        log.addAll(room.join(0, T0));
        log.addAll(room.join(1, T0));
        log.addAll(room.enterProfile(0, mine, T0.plusSeconds(1)));
        assertThat(room.state()).isEqualTo(Room.State.WAITING);
        log.addAll(room.enterProfile(1, theirs, T0.plusSeconds(2)));
        assertThat(room.state()).isEqualTo(Room.State.NEGOTIATING);
        log.addAll(room.act(0, Action.bid(Outcome.of(3, 2), Acceptance.atLeast(0.7654321)), T0.plusSeconds(3)));
        log.addAll(room.message(0, RoomEvent.Message.MEDIATOR, "my secret: 0.0314159", T0.plusSeconds(4)));
        log.addAll(room.act(1, Action.bid(Outcome.of(0, 2), Acceptance.packages(java.util.Set.of(Outcome.of(1, 2)))), T0.plusSeconds(5)));

        for (RoomEvent e : log) {
            String text = e.toString();
            boolean private0 = text.contains("0.0314159") || text.contains("0.7654321") || text.contains("0.987654321");
            boolean private1 = text.contains("0.0271828") || text.contains("[1, 2]") && e instanceof RoomEvent.Acted;
            if (private0) {
                assertThat(e.audience().allows(Audience.Viewer.seat(1), Mediation.BLIND)).as(text).isFalse();
                assertThat(e.audience().allows(Audience.Viewer.STRANGER, Mediation.BLIND)).isFalse();
                if (!(e instanceof RoomEvent.Message)) assertThat(e.audience().allows(Audience.Viewer.CONVENER, Mediation.BLIND)).as(text).isFalse();
            }
            if (private1) {
                assertThat(e.audience().allows(Audience.Viewer.seat(0), Mediation.BLIND)).as(text).isFalse();
                assertThat(e.audience().allows(Audience.Viewer.CONVENER, Mediation.BLIND)).as(text).isFalse();
            }
        }
        // what everybody sees of the round: both proposals, nothing of the acceptances
        assertThat(log).filteredOn(e -> e instanceof RoomEvent.Move m && m.action().equals("propose")).hasSize(2)
                .allMatch(e -> e.audience().equals(Audience.ALL));
        assertThat(log).filteredOn(e -> e instanceof RoomEvent.ProfileEntered).hasSize(2);
    }

    @Test
    void aWallClockDeadlineEndsTheRoomOnItsTickAndSurvivesAReplay() throws RoomException {
        RoomSpec spec = twoPeople(Protocol.ALTERNATING, Deadline.seconds(7 * 24 * 3600), false);
        Room room = Room.open(spec);
        List<RoomEvent> log = new ArrayList<>(room.join(0, T0));
        log.addAll(room.join(1, T0.plusSeconds(60)));
        assertThat(room.deadlineAt()).contains(T0.plusSeconds(60 + 7 * 24 * 3600));
        log.addAll(room.act(0, Action.offer(3, 2), T0.plusSeconds(3600)));
        assertThat(room.view(1).orElseThrow().offers().get(0).time()).isEqualTo(3540.0 / (7 * 24 * 3600));
        assertThat(room.tick(T0.plusSeconds(3 * 24 * 3600))).isEmpty();
        Room restarted = Room.replay(spec, log);
        assertThat(restarted.deadlineAt()).isEqualTo(room.deadlineAt());
        List<RoomEvent> end = restarted.tick(room.deadlineAt().orElseThrow());
        assertThat(end).first().isInstanceOfSatisfying(RoomEvent.Ended.class, e -> assertThat(e.ending()).isEqualTo(Ending.DEADLINE));
        log.addAll(end);
        assertThat(Room.replay(spec, log).state()).isEqualTo(Room.State.ENDED);
        assertThatThrownBy(() -> restarted.act(1, Action.accept(), room.deadlineAt().orElseThrow().plusSeconds(1)))
                .isInstanceOf(RoomException.class).hasMessage("The negotiation is over");
    }

    @Test
    void refusalsAreSentencesAndChangeNothing() throws RoomException {
        RoomSpec spec = twoPeople(Protocol.ALTERNATING, Deadline.rounds(10), false);
        Room room = Room.open(spec);
        assertThatThrownBy(() -> room.act(0, Action.offer(1, 1), T0)).hasMessage("P0 has not joined");
        room.join(0, T0);
        assertThatThrownBy(() -> room.join(0, T0)).hasMessage("P0 has joined already");
        assertThatThrownBy(() -> room.act(0, Action.offer(1, 1), T0)).hasMessage("The negotiation has not begun: it waits for P1 to join");
        assertThatThrownBy(() -> room.enterProfile(0, spec.scenario().parties().get(1).profile(), T0))
                .hasMessage("P0 plays the profile the convener gave it");
        room.join(1, T0);
        assertThatThrownBy(() -> room.act(1, Action.offer(1, 1), T0)).hasMessage("P1 has no move now");
        assertThatThrownBy(() -> room.act(0, Action.accept(), T0)).hasMessage("Refused: accepted, but no offer stands");
        assertThatThrownBy(() -> room.act(0, Action.offer(9, 1), T0)).hasMessageStartingWith("Refused: offered a non-outcome");
        assertThat(room.awaits(0)).isTrue();
        assertThat(room.act(0, Action.offer(1, 1), T0)).isNotEmpty();
        assertThatThrownBy(() -> room.message(1, RoomEvent.Message.EVERYBODY, " ", T0)).hasMessage("A message needs some text");
    }

    @Test
    void specsAreCheckedWhenTheRoomOpens() {
        Scenario s = scenario(2, false);
        Session.Options o = Session.Options.defaults();
        assertThatThrownBy(() -> new RoomSpec("x", s, Deadline.rounds(5), o, Mediation.OPEN, List.of(Seat.person("P0")), false))
                .hasMessageContaining("2 negotiating parties, but 1 seats");
        assertThatThrownBy(() -> new RoomSpec("x", s, Deadline.rounds(5), o, Mediation.OPEN, List.of(Seat.person("P1"), Seat.person("P0")), false))
                .hasMessageContaining("Seat 1 is for 'P1', but the scenario's party 1 is 'P0'");
        assertThatThrownBy(() -> new RoomSpec("x", s, Deadline.rounds(5), o, Mediation.OPEN, List.of(Seat.agent("P0", "boulware"),
                Seat.agent("P1", "linear")), false)).hasMessageContaining("at least one seat for a person or a program");
        assertThatThrownBy(() -> new RoomSpec("x", s, Deadline.rounds(5), o, Mediation.OPEN, List.of(Seat.agent("P0", "no-such-agent"),
                Seat.person("P1")), false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-agent");
    }

    @Test
    void afterAnInefficientAgreementTheBestImprovementIsOfferedAndReplacesItWhenEveryoneAccepts() throws Exception {
        RoomSpec spec = twoPeople(Protocol.ALTERNATING, Deadline.rounds(10), false);
        Room room = Room.open(spec);
        List<RoomEvent> log = new ArrayList<>(room.join(0, T0));
        log.addAll(room.join(1, T0));
        // (p0, slow) is dominated: P0 0.12, P1 0.7; e.g. (p1, fast) gives P0 0.58, P1 0.86
        log.addAll(room.act(0, Action.offer(0, 0), T0.plusSeconds(1)));
        log.addAll(room.act(1, Action.accept(), T0.plusSeconds(2)));
        assertThat(room.state()).isEqualTo(Room.State.ENDED);
        Outcome offered = room.improvement().orElseThrow();
        double[] before = {0.6 * 0 + 0.4 * 0.2, 0.7 * 1 + 0.3 * 0};
        List<org.pourparler.model.UtilityFunction> ufs = spec.scenario().parties().stream().map(p -> p.profile().utility()).toList();
        assertThat(offered).isEqualTo(Outcome.of(org.pourparler.analysis.PostSettlement.improvement(ufs, List.of(), new int[] {0, 0},
                org.pourparler.analysis.AgreementAnalysis.Options.defaults()).orElseThrow()));
        for (int k = 0; k < 2; k++) assertThat(ufs.get(k).utility(offered.toArray())).isGreaterThanOrEqualTo(before[k]);
        assertThat(log).filteredOn(e -> e instanceof RoomEvent.ImprovementOffered).singleElement()
                .matches(e -> e.audience().equals(Audience.ALL));

        log.addAll(room.answerImprovement(1, true, T0.plusSeconds(3)));
        assertThat(room.improved()).isEmpty();
        assertThat(Room.replay(spec, log).improvement()).contains(offered);
        List<RoomEvent> last = room.answerImprovement(0, true, T0.plusSeconds(4));
        log.addAll(last);
        assertThat(room.improved()).contains(true);
        assertThat(room.agreement()).contains(offered);
        assertThat(last).filteredOn(e -> e instanceof RoomEvent.Payoff).hasSize(2).allSatisfy(e -> {
            RoomEvent.Payoff p = (RoomEvent.Payoff) e;
            assertThat(p.utility()).isEqualTo(ufs.get(p.seat()).utility(offered.toArray()));
        });
        Room replayed = Room.replay(spec, log);
        assertThat(replayed.agreement()).contains(offered);
        assertThatThrownBy(() -> room.answerImprovement(1, false, T0.plusSeconds(5))).hasMessage("The improvement has been decided");
    }

    @Test
    void oneNoDeclinesTheImprovementWithoutSayingWhose() throws RoomException {
        RoomSpec spec = twoPeople(Protocol.ALTERNATING, Deadline.rounds(10), false);
        Room room = Room.open(spec);
        List<RoomEvent> log = new ArrayList<>(room.join(0, T0));
        log.addAll(room.join(1, T0));
        log.addAll(room.act(0, Action.offer(0, 0), T0));
        log.addAll(room.act(1, Action.accept(), T0));
        List<RoomEvent> no = room.answerImprovement(0, false, T0.plusSeconds(1));
        assertThat(room.improved()).contains(false);
        assertThat(room.agreement()).contains(Outcome.of(0, 0));
        RoomEvent.ImprovementAnswered answer = (RoomEvent.ImprovementAnswered) no.get(0);
        assertThat(answer.audience().allows(Audience.Viewer.seat(1), Mediation.BLIND)).isFalse();
        assertThat(answer.audience().allows(Audience.Viewer.CONVENER, Mediation.BLIND)).isFalse();
        assertThat(no.get(1)).isEqualTo(new RoomEvent.ImprovementDecided(T0.plusSeconds(1), false));
        assertThat(no.get(1).toString()).doesNotContain("seat");
        log.addAll(no);
        assertThat(Room.replay(spec, log).improved()).contains(false);
    }

    @Test
    void anEfficientAgreementIsLeftAlone() throws RoomException {
        RoomSpec spec = twoPeople(Protocol.ALTERNATING, Deadline.rounds(10), false);
        Room room = Room.open(spec);
        room.join(0, T0);
        room.join(1, T0);
        room.act(0, Action.offer(3, 2), T0);      // P0's best: nothing improves on it for P0
        room.act(1, Action.accept(), T0);
        assertThat(room.improvement()).isEmpty();
        assertThatThrownBy(() -> room.answerImprovement(0, true, T0)).hasMessage("No improvement is on the table");
    }

    @Test
    void aNonPaperReachesTheMediatorOnlyAndItsTextReachesAllUnattributed() throws RoomException {
        RoomSpec spec = twoPeople(Protocol.ALTERNATING, Deadline.rounds(10), false);
        Room room = Room.open(spec);
        room.join(0, T0);
        RoomEvent paper = room.nonPaper(0, Outcome.of(2, 1), T0).get(0);
        assertThat(paper.audience().allows(Audience.Viewer.CONVENER, Mediation.BLIND)).isTrue();
        assertThat(paper.audience().allows(Audience.Viewer.seat(1), Mediation.BLIND)).isFalse();
        RoomEvent text = room.putToAll(Outcome.of(2, 1), T0).get(0);
        assertThat(text).isEqualTo(new RoomEvent.MediatorText(T0, Outcome.of(2, 1)));
        assertThat(text.audience()).isEqualTo(Audience.ALL);
        assertThatThrownBy(() -> room.putToAll(Outcome.of(7, 1), T0)).hasMessageStartingWith("Not a package of the room's domain");
        assertThatThrownBy(() -> room.nonPaper(1, Outcome.of(1, 1), T0)).hasMessage("P1 has not joined");
    }
}
