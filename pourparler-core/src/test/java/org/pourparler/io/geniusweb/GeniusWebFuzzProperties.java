package org.pourparler.io.geniusweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.pourparler.io.source.ScenarioFormatException;

/** Fuzzing: small edits of a valid profile never escape as anything but a {@link ScenarioFormatException}. */
class GeniusWebFuzzProperties {

    @Provide
    Arbitrary<Tuple.Tuple3<Integer, Integer, String>> mutations() {
        return Arbitraries.integers().between(0, GeniusWebHostileInputTest.VALID.length() - 1).flatMap(at ->
                Arbitraries.integers().between(0, 12).flatMap(cut ->
                        Arbitraries.of("", "{", "}", "[", "]", "\"", ",", ":", "0", "-", "1e999", "null", "true", "\\", "\u0000", "é")
                                .map(insert -> Tuple.of(at, cut, insert))));
    }

    /** Any single edit of a valid profile is read or refused with a ScenarioFormatException, never anything else. */
    @Property(tries = 400)
    void a_mutated_profile_is_read_or_refused_cleanly(@ForAll("mutations") Tuple.Tuple3<Integer, Integer, String> m) {
        int at = m.get1();
        String text = GeniusWebHostileInputTest.VALID.substring(0, at) + m.get3() + GeniusWebHostileInputTest.VALID.substring(Math.min(GeniusWebHostileInputTest.VALID.length(), at + m.get2()));
        try {
            GeniusWebJson.parse(null, Map.of("p", text));
        } catch (ScenarioFormatException e) {
            assertThat(e.getMessage()).startsWith("p.json: ");
        }
    }
}
