package org.pourparler.io.pourparler;

import org.pourparler.io.source.ReadResult;
import org.pourparler.io.source.Written;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Party;
import org.pourparler.model.Scenario;
import org.pourparler.testing.RandomScenarios;

/** Writing a scenario and reading it back gives the same scenario, in both syntaxes. */
class PourparlerRoundTripTest {

    @Provide
    Arbitrary<Scenario> scenarios() {
        return RandomScenarios.scenarios();
    }

    @Property(tries = 200)
    void yamlRoundTripGivesAnEqualScenario(@ForAll("scenarios") Scenario s) throws Exception {
        roundTrip(s, PourparlerFormat.Syntax.YAML);
    }

    @Property(tries = 200)
    void jsonRoundTripGivesAnEqualScenario(@ForAll("scenarios") Scenario s) throws Exception {
        roundTrip(s, PourparlerFormat.Syntax.JSON);
    }

    @Property(tries = 30)
    void writingIsDeterministicAndStable(@ForAll("scenarios") Scenario s) throws Exception {
        String yaml = PourparlerFormat.toYaml(s);
        assertThat(PourparlerFormat.toYaml(s)).isEqualTo(yaml);
        Scenario back = PourparlerFormat.parse(yaml, "x.yaml").scenario();
        // a second round trip writes the very same text
        assertThat(PourparlerFormat.toYaml(back)).isEqualTo(yaml);
    }

    @Property(tries = 100)
    void normalisedWeightsRebuildTheSameUtility(@ForAll("scenarios") Scenario s) {
        // what the reader relies on: a utility's own normalised weights give it back, bit for bit
        for (Party p : s.parties()) {
            if (p.profile().utility() instanceof LinearAdditiveUtility u) {
                assertThat(LinearAdditiveUtility.ofNormalised(u.domain(), u.weights(), u.functions())).isEqualTo(u);
            }
        }
    }

    private static void roundTrip(Scenario s, PourparlerFormat.Syntax syntax) throws Exception {
        Written w = PourparlerFormat.write(s, syntax);
        assertThat(w.warnings()).as("writer warnings").isEmpty();
        assertThat(w.files()).hasSize(1);
        String name = w.files().keySet().iterator().next();
        assertThat(name).endsWith("." + syntax.extension());
        String text = w.files().get(name);

        ReadResult r = PourparlerFormat.parse(text, name);
        Scenario back = r.scenario();
        assertThat(back.title()).isEqualTo(s.title());
        assertThat(back.description()).isEqualTo(s.description());
        assertThat(back.domain()).isEqualTo(s.domain());
        assertThat(back.notes()).isEqualTo(s.notes());
        for (int p = 0; p < s.parties().size(); p++) {
            Party a = s.parties().get(p);
            Party b = back.parties().get(p);
            assertThat(b.profile().utility()).as("utility of %s", a.name()).isEqualTo(a.profile().utility());
            assertThat(b).isEqualTo(a);
        }
        assertThat(back).isEqualTo(s);
        assertThat(r.warnings()).as("reader warnings on a written file").isEmpty();

        // identical (bit for bit) utilities on sampled outcomes
        List<int[]> outcomes = RandomScenarios.sampleOutcomes(s.domain(), new Random(s.hashCode()), 20);
        for (int p = 0; p < s.parties().size(); p++) {
            for (int[] o : outcomes) {
                assertThat(Double.doubleToRawLongBits(back.parties().get(p).profile().utility().utility(o)))
                        .isEqualTo(Double.doubleToRawLongBits(s.parties().get(p).profile().utility().utility(o)));
            }
        }
    }
}
