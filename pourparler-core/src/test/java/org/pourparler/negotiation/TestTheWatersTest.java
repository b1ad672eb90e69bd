package org.pourparler.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pourparler.agents.TimeDependentAgent;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.RedLine;
import org.pourparler.model.Scenario;

/** Test the waters: commitments, relax-only, probes, the one-bit answer. */
class TestTheWatersTest {

    static Action.Commit commit(double level, boolean probe) { return new Action.Commit(level, List.of(), probe); }

    static Action.Commit commit(double level, List<RedLine> lines, boolean probe) { return new Action.Commit(level, lines, probe); }

    static RedLine never(int x) { return RedLine.of("never " + x, List.of(new RedLine.Condition(0, new int[] {x}))); }

    static SessionResult run(Scenario s, List<? extends Negotiator> ns, int rounds, int probes) {
        return Session.run(s, ns, Deadline.rounds(rounds),
                Session.Options.defaults().withProtocol(Protocol.TEST_THE_WATERS).withProbes(probes));
    }

    @Test
    void aProbeThatFindsAZoneEndsTheSessionWithoutRevealingAPackage() {
        // A needs x >= 5, B needs x <= 5 (utilities x/10 and 1 - x/10): exactly one package meets both
        SessionResult r = run(SessionTest.split(0, 0), List.of(SessionTest.scripted(commit(0.5, true)),
                SessionTest.scripted(commit(0.5, false))), 10, 3);
        assertThat(r.ending().toString()).isEqualTo("zone exists");
        assertThat(r.zoneExists()).contains(true);
        assertThat(r.agreement()).isEmpty();
        assertThat(r.payoffs()).containsExactly(0.0, 0.0);
        assertThat(r.trace()).extracting(TraceEntry::action).containsExactly("zone");
        assertThat(r.trace().get(0).outcome()).isNull();
    }

    @Test
    void answersGoToEveryoneAndRelaxingOpensTheZone() {
        Negotiator a = SessionTest.scripted(commit(0.7, true), commit(0.6, true), commit(0.5, true));
        Negotiator b = SessionTest.scripted(commit(0.5, false));
        SessionResult r = run(SessionTest.split(0, 0), List.of(a, b), 10, 3);
        assertThat(r.rounds()).isEqualTo(3);
        assertThat(r.trace()).extracting(TraceEntry::action).containsExactly("no-zone", "no-zone", "zone");
        assertThat(r.zoneExists()).contains(true);
    }

    @Test
    void whenEveryProbeIsSpentTheSessionEnds() {
        SessionResult r = run(SessionTest.split(0, 0), List.of(SessionTest.scripted(commit(0.9, true)),
                SessionTest.scripted(commit(0.9, true))), 10, 2);
        assertThat(r.ending().toString()).isEqualTo("probes used up");
        assertThat(r.zoneExists()).contains(false);
        assertThat(r.rounds()).isEqualTo(2);
    }

    @Test
    void withoutAProbeNothingIsAnsweredAndTheDeadlineEndsIt() {
        SessionResult r = run(SessionTest.split(0, 0), List.of(SessionTest.scripted(commit(0.1, false)),
                SessionTest.scripted(commit(0.1, false))), 5, 2);
        assertThat(r.ending().toString()).isEqualTo("deadline");
        assertThat(r.zoneExists()).isEmpty();
        assertThat(r.trace()).isEmpty();
    }

    @Test
    void raisingACommittedLevelIsAFault() {
        SessionResult r = run(SessionTest.split(0, 0), List.of(SessionTest.scripted(commit(0.5, false), commit(0.6, true)),
                SessionTest.scripted(commit(0.5, false))), 10, 3);
        assertThat(r.ending().toString()).isEqualTo("fault");
        assertThat(r.fault().orElseThrow().party()).isZero();
        assertThat(r.fault().orElseThrow().message()).contains("raised").contains("relaxed");
        assertThat(r.zoneExists()).isEmpty();
    }

    @Test
    void addingARedLineIsAFaultAndDroppingOneIsAllowed() {
        SessionResult add = run(SessionTest.split(0, 0), List.of(SessionTest.scripted(commit(0.5, false), commit(0.5, List.of(never(5)), true)),
                SessionTest.scripted(commit(0.5, false))), 10, 3);
        assertThat(add.fault().orElseThrow().message()).contains("added a red line");
        SessionResult drop = run(SessionTest.split(0, 0), List.of(SessionTest.scripted(commit(0.5, List.of(never(5)), true),
                commit(0.5, List.of(), true)), SessionTest.scripted(commit(0.5, false))), 10, 3);
        // with the red line, the only package meeting both levels (5) is excluded; dropping it opens the zone
        assertThat(drop.trace()).extracting(TraceEntry::action).containsExactly("no-zone", "zone");
    }

    @Test
    void probingWithNoProbesLeftIsAFault() {
        SessionResult r = run(SessionTest.split(0, 0), List.of(SessionTest.scripted(commit(0.9, true)),
                SessionTest.scripted(commit(0.9, false))), 10, 1);
        assertThat(r.fault().orElseThrow().message()).contains("no probes left");
        assertThat(r.zoneExists()).contains(false);
    }

    @Test
    void offeringIsIllegal() {
        SessionResult r = run(SessionTest.split(0, 0), List.of(SessionTest.scripted(Action.offer(3)),
                SessionTest.scripted(commit(0.9, false))), 10, 1);
        assertThat(r.fault().orElseThrow().message()).contains("test-the-waters").contains("offer");
    }

    @Test
    void ratifiersCountWithTheirOwnReservationValueAndRedLines() {
        Scenario s = SessionTest.split(0, 0);
        Profile parliament = s.parties().get(0).profile().withRedLines(List.of(never(5)));
        Scenario withRatifier = s.toBuilder().party(Party.ratifier("parliament", parliament)).build();
        SessionResult r = run(withRatifier, List.of(SessionTest.scripted(commit(0.5, true)), SessionTest.scripted(commit(0.5, false))), 10, 1);
        assertThat(r.zoneExists()).contains(false);
        assertThat(r.payoffs()).hasSize(3);
    }

    @Test
    void timeDependentAgentsFindTheZoneByRelaxingOverTime() {
        SessionResult r = run(SessionTest.split(0.2, 0.2), List.of(TimeDependentAgent.boulware(), TimeDependentAgent.conceder()), 40, 3);
        assertThat(r.fault()).isEmpty();
        assertThat(r.zoneExists()).contains(true);
        assertThat(r.ending().toString()).isEqualTo("zone exists");
    }
}
