package org.pourparler.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pourparler.agents.Agents;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.RedLine;
import org.pourparler.model.Scenario;
import org.pourparler.model.ValueFunction;
import org.pourparler.negotiation.Acceptance;
import org.pourparler.negotiation.Action;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Negotiator;
import org.pourparler.negotiation.Protocol;
import org.pourparler.negotiation.Session;
import org.pourparler.room.Mediation;
import org.pourparler.room.Room;
import org.pourparler.room.RoomEvent;
import org.pourparler.room.RoomException;
import org.pourparler.room.RoomSpec;
import org.pourparler.room.Seat;

/** Room events through their stored JSON: every event of played rooms decodes to itself, and the decoded log replays the room. */
class RoomJsonTest {
    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    static Scenario scenario() {
        Domain d = Domain.of("deal", List.of(Issue.discrete("price", List.of("low", "mid", "high", "top")),
                Issue.discrete("delivery", List.of("slow", "normal", "fast"))));
        Profile a = Profile.of(LinearAdditiveUtility.of(d, new double[] {0.6, 0.4},
                List.of(new ValueFunction.Table(new double[] {0, 0.3, 0.7, 1}), new ValueFunction.Table(new double[] {0.2, 0.6, 1}))), 0.2);
        Profile b = Profile.of(LinearAdditiveUtility.of(d, new double[] {0.7, 0.3},
                List.of(new ValueFunction.Table(new double[] {1, 0.8, 0.4, 0}), new ValueFunction.Table(new double[] {0, 0.5, 1}))), 0.2);
        return Scenario.builder(d).title("deal").party(Party.negotiator("seller", a)).party(Party.negotiator("buyer", b)).build();
    }

    @Test
    void everyEventOfPlayedRoomsDecodesToItselfAndTheDecodedLogReplaysTheRoom() throws RoomException {
        for (Protocol protocol : Protocol.values()) {
            Scenario s = scenario();
            Domain d = s.domain();
            RoomSpec spec = new RoomSpec("deal", s, Deadline.rounds(40), Session.Options.defaults().withProtocol(protocol).withSeed(5),
                    Mediation.OPEN, List.of(Seat.agent("seller", "conceder"), Seat.person("buyer").enteringProfile()), true);
            Room room = Room.open(spec);
            List<RoomEvent> log = new ArrayList<>(room.join(1, T0));
            log.addAll(room.message(1, RoomEvent.Message.EVERYBODY, "bonjour, \"quoted\" ünïcode\n", T0.plusMillis(1)));
            log.addAll(room.enterProfile(1, s.parties().get(1).profile(), T0.plusMillis(2)));
            log.addAll(room.nonPaper(1, Outcome.of(2, 1), T0.plusMillis(3)));
            log.addAll(room.putToAll(Outcome.of(2, 1), T0.plusMillis(4)));
            Negotiator person = Agents.create("boulware");
            person.start(room.view(1).orElseThrow());
            Instant at = T0.plusSeconds(1);
            boolean special = false;
            while (room.state() == Room.State.NEGOTIATING) {
                at = at.plusMillis(1500);
                Action a = person.act(room.view(1).orElseThrow());
                if (!special && a instanceof Action.Bid b) {       // a list of packages as the hidden acceptance
                    a = Action.bid(b.proposal(), Acceptance.packages(Set.of(Outcome.of(0, 2), Outcome.of(1, 1))));
                    special = true;
                }
                if (!special && a instanceof Action.Commit c) {    // a red line in the commitment
                    a = Action.commit(c.level(), List.of(RedLine.of("no slow delivery", List.of(new RedLine.Condition(1, new int[] {0})))), c.probe());
                    special = true;
                }
                log.addAll(room.act(1, a, at));
            }
            log.addAll(room.message(RoomEvent.Message.MEDIATOR, 1, "merci", at.plusSeconds(1)));
            if (room.improvement().isPresent()) log.addAll(room.answerImprovement(1, true, at.plusSeconds(2)));

            assertThat(log.stream().map(e -> RoomJson.encode(e, d).type()).distinct())
                    .contains("joined", "message", "profile-entered", "started", "acted", "move", "ended", "payoff", "non-paper", "mediator-text");
            List<RoomEvent> decoded = new ArrayList<>();
            for (RoomEvent e : log) {
                RoomJson.Encoded enc = RoomJson.encode(e, d);
                RoomEvent back = RoomJson.decode(enc.type(), enc.payload(), e.at(), d);
                assertThat(RoomJson.encode(back, d)).as(protocol + " " + e).isEqualTo(enc);
                assertThat(back.audience()).isEqualTo(e.audience());
                if (!(e instanceof RoomEvent.ProfileEntered)) assertThat(back).isEqualTo(e);
                decoded.add(back);
            }
            // and the setup through its stored JSON: the room replays on it too
            RoomSpec stored = RoomJson.spec(RoomJson.spec(spec));
            assertThat(RoomJson.spec(stored)).isEqualTo(RoomJson.spec(spec));
            assertThat(PourparlerFormatJson.of(stored.scenario())).isEqualTo(PourparlerFormatJson.of(spec.scenario()));
            Room replayed = Room.replay(stored, decoded);
            assertThat(replayed.state()).isEqualTo(Room.State.ENDED);
            assertThat(replayed.result().orElseThrow().payoffs()).as(protocol.id()).containsExactly(room.result().orElseThrow().payoffs());
        }
    }

    @Test
    void thePostSettlementEventsRoundTrip() {
        Domain d = scenario().domain();
        for (RoomEvent e : List.of(new RoomEvent.ImprovementOffered(T0, Outcome.of(1, 2)), new RoomEvent.ImprovementAnswered(T0, 1, false),
                new RoomEvent.ImprovementDecided(T0, true), new RoomEvent.Ended(T0, org.pourparler.negotiation.Ending.endedBy("buyer"),
                        java.util.Optional.empty(), java.util.Optional.of(new org.pourparler.negotiation.Fault(0, "x", 
                        org.pourparler.negotiation.Fault.Kind.TIMEOUT, "slow"))))) {
            RoomJson.Encoded enc = RoomJson.encode(e, d);
            assertThat(RoomJson.decode(enc.type(), enc.payload(), T0, d)).isEqualTo(e);
        }
    }

    /** The scenario's text in our format. */
    private static final class PourparlerFormatJson {
        static String of(Scenario s) { return org.pourparler.io.pourparler.PourparlerFormat.toJson(s); }
    }

    @Test
    void aConvenersSettingsAreReadWithDefaultsAndErrorsThatNameTheField() throws Exception {
        Scenario s = scenario();
        ObjectMapper m = new ObjectMapper();
        RoomSpec spec = RoomJson.spec(m.readTree("{\"deadline\": {\"seconds\": 86400}}"), s);
        assertThat(spec.options().protocol()).isEqualTo(Protocol.ALTERNATING);
        assertThat(spec.mediation()).isEqualTo(Mediation.BLIND);
        assertThat(spec.seats()).extracting(Seat::party).containsExactly("seller", "buyer");
        assertThat(spec.seats()).allMatch(x -> x.kind() == Seat.Kind.PERSON);
        assertThat(spec.title()).isEqualTo("deal");
        assertThatThrownBy(() -> RoomJson.spec(m.readTree("{}"), s)).hasMessage("\"deadline\" is missing");
        assertThatThrownBy(() -> RoomJson.spec(m.readTree("{\"deadline\": {}}"), s)).hasMessageStartingWith("\"deadline\": A deadline needs");
        assertThatThrownBy(() -> RoomJson.spec(m.readTree("{\"deadline\": {\"rounds\": 5}, \"protocol\": \"auction\"}"), s))
                .hasMessageStartingWith("Unknown protocol 'auction'");
        assertThatThrownBy(() -> RoomJson.spec(m.readTree("{\"deadline\": {\"rounds\": 5}, \"seats\": [{\"kind\": \"robot\"}, {}]}"), s))
                .hasMessageStartingWith("\"seats[0]\": Unknown seat kind 'robot'");
        assertThatThrownBy(() -> RoomJson.spec(m.readTree("{\"deadline\": {\"rounds\": 5}, \"noAgreement\": \"nothing\"}"), s))
                .hasMessageStartingWith("\"noAgreement\": unknown policy 'nothing'");
        assertThatThrownBy(() -> RoomJson.spec("{\"format\": \"other\"}")).hasMessageContaining("pourparler-room/1");
    }

    @Test
    void anOutsideProgramsActionIsReadWithErrorsThatNameTheField() throws Exception {
        Domain d = scenario().domain();
        ObjectMapper m = new ObjectMapper();
        assertThat(RoomJson.action(d, m.readTree("{\"type\":\"offer\",\"outcome\":{\"price\":\"mid\",\"delivery\":\"fast\"}}")))
                .isEqualTo(Action.offer(1, 2));
        assertThatThrownBy(() -> RoomJson.action(d, m.readTree("{\"type\":\"offer\",\"outcome\":{\"price\":\"mid\"}}")))
                .hasMessage("\"outcome\" has no option for issue 'delivery'");
        assertThatThrownBy(() -> RoomJson.action(d, m.readTree("{\"type\":\"offer\",\"outcome\":{\"price\":\"free\",\"delivery\":\"fast\"}}")))
                .hasMessage("\"outcome\": 'free' is not an option of issue 'price'");
        assertThatThrownBy(() -> RoomJson.action(d, m.readTree("{\"type\":\"offer\",\"outcome\":{\"price\":\"mid\",\"delivery\":\"fast\",\"colour\":\"red\"}}")))
                .hasMessage("\"outcome\": 'colour' is not an issue of the domain");
        assertThatThrownBy(() -> RoomJson.action(d, m.readTree("{\"type\":\"dance\"}"))).hasMessageStartingWith("Unknown action type 'dance'");
        assertThatThrownBy(() -> RoomJson.action(d, m.readTree("{\"type\":\"bid\",\"proposal\":{\"price\":\"mid\",\"delivery\":\"fast\"},\"acceptance\":{}}")))
                .hasMessageContaining("\"acceptance\" must be");
        assertThatThrownBy(() -> RoomJson.action(d, m.readTree("[1]"))).hasMessageContaining("must be a JSON object");
    }
}
