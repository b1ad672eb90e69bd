package org.pourparler.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Protocol;
import org.pourparler.negotiation.Session;

/** Agents by name, including a researcher's own class. */
class AgentsRegistryTest {

    @Test
    void everyNamedAgentIsCreatedFreshEachTime() {
        for (String name : Agents.NAMES) {
            assertThat(Agents.create(name)).isNotSameAs(Agents.create(name));
        }
        assertThat(Agents.create("time-dependent:0.5").name()).isEqualTo("TimeDependent(e=0.5)");
    }

    @Test
    void aClassOnTheClassPathIsAnAgent() {
        assertThat(Agents.create("class:org.pourparler.agents.RandomAgent")).isInstanceOf(RandomAgent.class);
    }

    @Test
    void aBoaAgentIsAssembledFromItsParts() {
        BoaAgent a = (BoaAgent) Agents.create("boa:offering=time-dependent:0.5;acceptance=next|time:0.98;model=frequency");
        assertThat(((TimeDependentOffering) a.offering()).exponent()).isEqualTo(0.5);
        assertThat(a.name()).startsWith("BOA(");
        // next | time:0.98 : before 0.98 the threshold is the next offer's utility; from 0.98 on, anything
        assertThat(a.acceptance().threshold(stateAt(0.5), 0.7)).isEqualTo(0.7);
        assertThat(a.acceptance().threshold(stateAt(0.99), 0.7)).isEqualTo(Double.NEGATIVE_INFINITY);
        AcceptanceCondition both = Agents.acceptance("s", "next&const:0.8|time:0.9");
        assertThat(both.threshold(stateAt(0.5), 0.7)).isEqualTo(0.8);       // max(0.7, 0.8), time not yet
        assertThat(both.threshold(stateAt(0.95), 0.7)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    private static AgentState stateAt(double t) {
        org.pourparler.model.Domain d = org.pourparler.model.Domain.of("split",
                java.util.List.of(org.pourparler.model.Issue.integer("share", 0, 10)));
        org.pourparler.model.Profile p = org.pourparler.model.Profile.of(org.pourparler.model.LinearAdditiveUtility.of(d,
                new double[] {1}, java.util.List.of(new org.pourparler.model.ValueFunction.Linear(0.1, 0, true))), 0);
        org.pourparler.negotiation.NegotiationView v = new org.pourparler.negotiation.SessionTestViews.Fixed(p, t);
        return new AgentState(v, null, null);
    }

    @Test
    void badBoaPartsAreNamed() {
        assertThatThrownBy(() -> Agents.create("boa:offering=smart")).hasMessageContaining("unknown offering 'smart'")
                .hasMessageContaining("hard-headed");
        assertThatThrownBy(() -> Agents.create("boa:acceptance=soon")).hasMessageContaining("unknown acceptance condition 'soon'");
        assertThatThrownBy(() -> Agents.create("boa:model=bayes")).hasMessageContaining("own, frequency or none");
        assertThatThrownBy(() -> Agents.create("boa:model=none;model=frequency")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> Agents.create("boa:speed=3")).hasMessageContaining("unknown part 'speed'");
    }

    /** Each named agent is its offering with its own acceptance and model: the BOA spelling plays the same session. */
    @Test
    void everyNamedAgentIsItsBoaComposition() {
        var s = AgentScenarios.mixed(2);
        for (String name : List.of("boulware", "linear", "conceder", "hardliner", "hard-headed", "naive-tit-for-tat",
                "nice-tit-for-tat", "micro")) {
            for (Protocol p : Protocol.values()) {
                var named = Session.run(s, List.of(Agents.create(name), Agents.conceder()), Deadline.rounds(60),
                        Session.Options.defaults().withProtocol(p).withMetrics(false));
                var composed = Session.run(s, List.of(Agents.create("boa:offering=" + name), Agents.conceder()), Deadline.rounds(60),
                        Session.Options.defaults().withProtocol(p).withMetrics(false));
                assertThat(moves(composed)).as(name + " " + p).isNotEmpty().isEqualTo(moves(named));
                assertThat(composed.agreement()).as(name + " " + p).isEqualTo(named.agreement());
            }
        }
    }

    private static List<String> moves(org.pourparler.negotiation.SessionResult r) {
        return r.trace().stream().map(e -> e.round() + " " + e.party() + " " + e.action() + " " + e.outcome()).toList();
    }

    /** Every offering with every kind of acceptance and model plays every protocol without a fault. */
    @Test
    void everyOfferingPlaysWithEveryAcceptanceAndModel() {
        var s = AgentScenarios.mixed(2);
        int sessions = 0;
        for (String offering : Agents.OFFERINGS) {
            String o = offering.replace("E", "0.5");
            for (String ac : List.of("own", "next", "next:1.02:0.01", "const:0.8", "time:0.9", "prev", "next|time:0.95", "next&const:0.6")) {
                for (String model : List.of("own", "frequency", "none")) {
                    String spec = "boa:offering=" + o + ";acceptance=" + ac + ";model=" + model;
                    for (Protocol p : Protocol.values()) {
                        var r = Session.run(s, List.of(Agents.create(spec), Agents.boulware()), Deadline.rounds(40),
                                Session.Options.defaults().withProtocol(p).withMetrics(false).withTrace(false));
                        assertThat(r.fault()).as(spec + " " + p).isEmpty();
                        sessions++;
                    }
                }
            }
        }
        assertThat(sessions).isEqualTo(Agents.OFFERINGS.size() * 8 * 3 * Protocol.values().length);
    }

    @Test
    void badClassesAreNamedInTheError() {
        assertThatThrownBy(() -> Agents.create("class:com.example.Missing")).hasMessageContaining("'com.example.Missing' is not on the class path");
        assertThatThrownBy(() -> Agents.create("class:java.lang.String")).hasMessageContaining("does not implement");
        assertThatThrownBy(() -> Agents.create("class:org.pourparler.agents.BoaAgent")).hasMessageContaining("public no-argument constructor");
        assertThatThrownBy(() -> Agents.create("smart")).hasMessageContaining("class:NAME");
    }
}
