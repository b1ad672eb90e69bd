package org.pourparler.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Negotiator;
import org.pourparler.negotiation.Protocol;
import org.pourparler.negotiation.Session;
import org.pourparler.negotiation.SessionResult;
import org.pourparler.negotiation.TraceEntry;

/** Every registered agent plays every protocol against every other, without fault, deterministically. */
class AgentsTest {

    @Test
    void theNewAgentsAreRegisteredAndEachCallMakesAFreshOne() {
        assertThat(Agents.NAMES).contains("naive-tit-for-tat", "nice-tit-for-tat", "micro", "hard-headed", "boulware", "random");
        for (String name : Agents.NAMES) {
            Negotiator a = Agents.create(name);
            assertThat(Agents.create(name)).isNotSameAs(a);
        }
        assertThat(Agents.create(" Hard-Headed ").name()).isEqualTo("HardHeaded");
        assertThat(Agents.create("micro").name()).isEqualTo("MiCRO");
        assertThatThrownBy(() -> Agents.create("tit-for-tat")).hasMessageContaining("naive-tit-for-tat");
    }

    @Test
    void everyPairPlaysEveryProtocolBilaterally() {
        Scenario s = AgentScenarios.mixed(2);
        int agreements = 0;
        for (Protocol protocol : Protocol.values()) {
            for (String a : Agents.NAMES) {
                for (String b : Agents.NAMES) {
                    SessionResult r = play(s, List.of(a, b), protocol);
                    assertThat(r.fault()).as("%s vs %s, %s", a, b, protocol).isEmpty();
                    assertThat(trace(play(s, List.of(a, b), protocol))).as("%s vs %s, %s replayed", a, b, protocol)
                            .isEqualTo(trace(r));
                    if (r.agreement().isPresent()) agreements++;
                }
            }
        }
        assertThat(agreements).isGreaterThan(Agents.NAMES.size() * Agents.NAMES.size());   // not a deadlock everywhere
    }

    @Test
    void everyAgentPlaysEveryProtocolInAThreePartyNegotiation() {
        Scenario s = AgentScenarios.mixed(3);
        List<String> names = Agents.NAMES;
        for (Protocol protocol : Protocol.values()) {
            for (int i = 0; i < names.size(); i++) {
                List<String> three = List.of(names.get(i), names.get((i + 1) % names.size()), names.get((i + 3) % names.size()));
                SessionResult r = play(s, three, protocol);
                assertThat(r.fault()).as("%s, %s", three, protocol).isEmpty();
                assertThat(trace(play(s, three, protocol))).as("%s, %s replayed", three, protocol).isEqualTo(trace(r));
            }
        }
    }

    private static SessionResult play(Scenario s, List<String> names, Protocol protocol) {
        List<Negotiator> ns = names.stream().map(Agents::create).toList();
        return Session.run(s, ns, Deadline.rounds(40), Session.Options.defaults().withProtocol(protocol).withSeed(11).withMetrics(false));
    }

    private static List<String> trace(SessionResult r) {
        List<String> out = new ArrayList<>();
        for (TraceEntry e : r.trace()) out.add(e.round() + " " + e.party() + " " + e.action() + " " + e.outcome());
        out.add(r.ending() + " " + r.agreement());
        return out;
    }
}
