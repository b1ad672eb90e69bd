package org.pourparler.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.pourparler.agents.Agents;
import org.pourparler.model.Outcome;
import org.pourparler.model.Scenario;

/**
 * The protocols as state machines, driven as a live room drives them: moves of a round arriving in
 * any order, moves refused without changing anything, time from a clock the driver owns. The
 * simulation ({@link Session#run}) is the reference: the same agents and seed must give the same
 * moves, agreement and payoffs however the moves of a round arrive.
 */
class NegotiationTest {

    /** Two issues of 4 and 3 options, partly opposed, partly shared; 2 or 3 negotiators. */
    static Scenario mixed(int parties) {
        return org.pourparler.agents.AgentScenarios.mixed(parties);
    }

    @Provide
    Arbitrary<List<String>> agents() {
        return Arbitraries.of("boulware", "conceder", "linear", "hardliner", "random", "micro", "hard-headed", "naive-tit-for-tat",
                "nice-tit-for-tat").list().ofSize(3);
    }

    @Property(tries = 120)
    void aLiveDriverTakingTheMovesOfARoundInAnyOrderPlaysAsTheSimulation(@ForAll Protocol protocol, @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 3) int parties, @ForAll("agents") List<String> specs) {
        Scenario s = mixed(parties);
        Deadline deadline = Deadline.rounds(30);
        Session.Options options = Session.Options.defaults().withProtocol(protocol).withSeed(seed).withMetrics(false);
        SessionResult simulated = Session.run(s, specs.subList(0, parties).stream().map(Agents::create).toList(), deadline, options);

        List<Negotiator> agents = specs.subList(0, parties).stream().map(Agents::create).toList();
        Negotiation g = Negotiation.open(s, deadline, options);
        for (int j = 0; j < parties; j++) agents.get(j).start(g.view(j));
        g.begin();
        Random arrival = new Random(seed);
        while (!g.isOver()) {
            List<Integer> awaited = new ArrayList<>();
            for (int j = 0; j < parties; j++) if (g.awaits(j)) awaited.add(j);
            assertThat(awaited).isNotEmpty().contains(g.next());
            int j = awaited.get(arrival.nextInt(awaited.size()));
            // a party whose move is not awaited is refused, and nothing changes
            for (int k = 0; k < parties; k++) {
                if (!awaited.contains(k)) {
                    int offers = g.view(0).offers().size();
                    assertThat(g.act(k, Action.end())).isPresent();
                    assertThat(g.isOver()).isFalse();
                    assertThat(g.view(0).offers()).hasSize(offers);
                }
            }
            assertThat(g.act(j, agents.get(j).act(g.view(j)))).isEmpty();
        }
        SessionResult live = g.result();

        assertThat(live.ending()).isEqualTo(simulated.ending());
        assertThat(live.agreement()).isEqualTo(simulated.agreement());
        assertThat(live.payoffs()).containsExactly(simulated.payoffs());
        assertThat(live.rounds()).isEqualTo(simulated.rounds());
        assertThat(live.time()).isEqualTo(simulated.time());
        assertThat(live.zoneExists()).isEqualTo(simulated.zoneExists());
        assertThat(moves(live)).isEqualTo(moves(simulated));
    }

    /** The trace as a list ordered by round, then party, then action: the order of arrival within a round is free. */
    private static List<String> moves(SessionResult r) {
        return r.trace().stream()
                .sorted(Comparator.comparingInt(TraceEntry::round).thenComparingInt(TraceEntry::party).thenComparing(TraceEntry::action))
                .map(e -> e.round() + " " + e.time() + " " + e.party() + " " + e.action() + " " + e.outcome())
                .toList();
    }

    @Test
    void aRefusedActionChangesNothingAndTheRightOneIsThenTaken() {
        Negotiation g = Negotiation.open(SessionTest.split(0, 0), Deadline.rounds(10), Session.Options.defaults());
        g.begin();
        assertThat(g.act(0, Action.accept())).contains("accepted, but no offer stands");
        assertThat(g.act(0, Action.offer(11))).get().asString().startsWith("offered a non-outcome");
        assertThat(g.act(1, Action.offer(3))).get().asString().contains("A's turn");
        assertThat(g.awaits(0)).isTrue();
        assertThat(g.act(0, Action.offer(7))).isEmpty();
        assertThat(g.act(1, Action.reject())).get().asString().contains("allows accept, offer and end, not reject");
        assertThat(g.act(1, Action.accept())).isEmpty();
        assertThat(g.isOver()).isTrue();
        assertThat(g.result().agreement()).contains(Outcome.of(7));
        assertThat(g.act(0, Action.offer(1))).contains("The negotiation is over");
    }

    @Test
    void aPartyMovesOnceARoundInAProtocolOfSimultaneousMoves() {
        Negotiation g = Negotiation.open(mixed(3), Deadline.rounds(10), Session.Options.defaults().withProtocol(Protocol.SINGLE_TEXT));
        g.begin();
        assertThat(g.act(2, Action.reject())).isEmpty();
        assertThat(g.act(2, Action.accept())).get().asString().contains("round 1 waits for P0, P1");
        assertThat(g.next()).isZero();
        assertThat(g.act(0, Action.reject())).isEmpty();
        assertThat(g.round()).isZero();
        assertThat(g.act(1, Action.reject())).isEmpty();
        assertThat(g.round()).isEqualTo(1);
        assertThat(g.awaits(2)).isTrue();
    }

    @Test
    void aLiveClockSetsTheTimeAndEndsTheNegotiationAtItsTimeLimit() {
        double[] now = {0};
        Negotiation g = Negotiation.open(SessionTest.split(0.25, 0.25), Deadline.seconds(3600), Session.Options.defaults(), () -> now[0], null);
        g.begin();
        assertThat(g.time()).isZero();
        now[0] = 900;
        assertThat(g.tick()).isTrue();
        assertThat(g.time()).isCloseTo(0.25, within(1e-15));
        assertThat(g.act(0, Action.offer(6))).isEmpty();
        assertThat(g.view(1).offers().get(0).time()).isCloseTo(0.25, within(1e-15));
        now[0] = 3600;
        assertThat(g.tick()).isFalse();
        assertThat(g.isOver()).isTrue();
        SessionResult r = g.result();
        assertThat(r.ending()).isEqualTo(Ending.DEADLINE);
        assertThat(r.payoffs()).containsExactly(0.25, 0.25);
    }

    @Test
    void aFaultEndsTheNegotiationAndNamesTheParty() {
        Negotiation g = Negotiation.open(SessionTest.split(0.1, 0.3), Deadline.rounds(10), Session.Options.defaults());
        g.begin();
        g.fault(new Fault(1, "B's program", Fault.Kind.EXCEPTION, "lost"));
        SessionResult r = g.result();
        assertThat(r.ending()).isEqualTo(Ending.FAULT);
        assertThat(r.fault()).map(Fault::party).contains(1);
        assertThat(r.payoffs()).containsExactly(0.1, 0.3);
        assertThatThrownBy(() -> g.fault(new Fault(0, "A", Fault.Kind.EXCEPTION, "again"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nothingMovesBeforeItBeginsAndNoResultBeforeItEnds() {
        Negotiation g = Negotiation.open(SessionTest.split(0, 0), Deadline.rounds(10), Session.Options.defaults());
        assertThat(g.next()).isEqualTo(-1);
        assertThat(g.act(0, Action.offer(1))).contains("The negotiation has not begun");
        assertThatThrownBy(g::result).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> g.view(2)).isInstanceOf(IndexOutOfBoundsException.class);
        g.begin();
        assertThatThrownBy(g::begin).isInstanceOf(IllegalStateException.class);
        assertThat(Optional.of(g.next())).contains(0);
    }
}
