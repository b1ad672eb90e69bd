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
    void badClassesAreNamedInTheError() {
        assertThatThrownBy(() -> Agents.create("class:com.example.Missing")).hasMessageContaining("'com.example.Missing' is not on the class path");
        assertThatThrownBy(() -> Agents.create("class:java.lang.String")).hasMessageContaining("does not implement");
        assertThatThrownBy(() -> Agents.create("class:org.pourparler.agents.BoaAgent")).hasMessageContaining("public no-argument constructor");
        assertThatThrownBy(() -> Agents.create("smart")).hasMessageContaining("class:NAME");
    }
}
