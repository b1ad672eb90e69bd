package org.pourparler.io.tournament;

import org.pourparler.io.source.ScenarioFormatException;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Mutated tournament specifications: every problem is a ScenarioFormatException naming the file, never anything else. */
class TournamentFormatFuzzTest {

    static final String SPEC = """
            format: pourparler-tournament/1
            name: fuzz
            seed: 7
            scenarios: [a.yaml, {path: b, domain: d}]
            agents: [boulware, {name: TD, agent: time-dependent, parameters: {e: 0.5}}, {name: B, agent: boa, parameters: {acceptance: "next|time:0.9"}}]
            protocol: blind
            deadline: {rounds: 60, seconds: 2}
            repetitions: 2
            roles: fixed
            selfPlay: true
            noAgreement: zero
            probes: 2
            timeLimit: 5
            timeBudget: 0.5
            """;

    private static final String ALPHABET = " :,[]{}-\"'#|&\n\t0123456789.eE+xyz\u0000\u00e9";

    @Property(tries = 2000)
    void mutatedSpecificationsFailOnlyWithAFormatError(@ForAll @IntRange(min = 0, max = 10_000) int position,
                                                       @ForAll @IntRange(min = 0, max = 3) int kind,
                                                       @ForAll @IntRange(min = 0, max = 40) int symbol) {
        int at = position % SPEC.length();
        char c = ALPHABET.charAt(symbol % ALPHABET.length());
        String text = switch (kind) {
            case 0 -> SPEC.substring(0, at) + c + SPEC.substring(at + 1);     // replace
            case 1 -> SPEC.substring(0, at) + c + SPEC.substring(at);         // insert
            case 2 -> SPEC.substring(0, at) + SPEC.substring(at + 1);         // delete
            default -> SPEC.substring(0, at);                                 // truncate
        };
        try {
            TournamentFormat.parse(text, "spec.yaml", Path.of("/tmp"));
        } catch (ScenarioFormatException e) {
            assertThat(e.getMessage()).startsWith("spec.yaml");
        }
    }
}
