package org.pourparler.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
        assertThatThrownBy(() -> Agents.create("boa:offering=micro")).hasMessageContaining("offering must be time-dependent:E");
        assertThatThrownBy(() -> Agents.create("boa:acceptance=soon")).hasMessageContaining("unknown acceptance condition 'soon'");
        assertThatThrownBy(() -> Agents.create("boa:model=bayes")).hasMessageContaining("frequency or none");
        assertThatThrownBy(() -> Agents.create("boa:speed=3")).hasMessageContaining("unknown part 'speed'");
    }

    @Test
    void badClassesAreNamedInTheError() {
        assertThatThrownBy(() -> Agents.create("class:com.example.Missing")).hasMessageContaining("'com.example.Missing' is not on the class path");
        assertThatThrownBy(() -> Agents.create("class:java.lang.String")).hasMessageContaining("does not implement");
        assertThatThrownBy(() -> Agents.create("class:org.pourparler.agents.BoaAgent")).hasMessageContaining("public no-argument constructor");
        assertThatThrownBy(() -> Agents.create("smart")).hasMessageContaining("class:NAME");
    }
}
