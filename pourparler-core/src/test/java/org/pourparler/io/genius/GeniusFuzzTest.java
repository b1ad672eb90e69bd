package org.pourparler.io.genius;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.pourparler.io.source.ReadResult;
import org.pourparler.io.source.ScenarioFormatException;

/** Fuzzing the reader: whatever the text, it reads or fails with a {@link ScenarioFormatException}. */
class GeniusFuzzTest {
    private static final String CUBE = GeniusXmlReadTest.domain("""
            <issue index="1" name="x" type="integer" lowerbound="0" upperbound="9"/>
            <issue index="2" name="y" type="integer" lowerbound="0" upperbound="9"/>
            <issue index="3" name="price" type="real" step="0.5"><range lowerbound="0" upperbound="2"/></issue>
            """);
    private static final String NONLINEAR = """
            <utility_space type="nonlinear">
            <objective index="0" name="root">
            <issue index="1" name="x" type="integer" lowerbound="0" upperbound="9"/>
            <utility maxutility="20"><ufun type="PlainUfun" weight="1" aggregation="sum">
            <hyperRectangle utility="7"><INCLUDES index="1" min="2" max="5"/><INCLUDES index="2" min="0" max="3"/></hyperRectangle>
            <hyperRectangle utility="5"><EXCLUDES index="2" min="4" max="9"/></hyperRectangle>
            <ufun weight="0.5" aggregation="sum"><hyperRectangle utility="3"/></ufun>
            </ufun></utility>
            </objective>
            <reservation value="0.2"/><discount_factor value="0.9"/>
            </utility_space>
            """;
    private static final String MIXED_PROFILE = GeniusXmlReadTest.profile("""
            <issue index="1" name="x" type="integer" lowerbound="0" upperbound="9"><evaluator slope="0.1" offset="0"/></issue>
            <issue index="2" name="y" type="integer"><range lowerbound="0" upperbound="9"/>
            <evaluator ftype="linear" parameter0="1" parameter1="-0.1"/></issue>
            <issue index="3" name="price" type="real"><evaluator ftype="triangular" parameter0="0" parameter1="2" parameter2="1"/></issue>
            <weight index="1" value="0.3"/><weight index="2" value="0.3"/><weight index="3" value="0.4"/>
            """, "<discount_factor value=\"0.5\"/>");

    /** Random damage to valid files: reading them either works or fails with the one checked exception. */
    @Property(tries = 600)
    void damagedFilesFailOnlyWithScenarioFormatException(@ForAll long seed) {
        Random r = new Random(seed);
        String[][] cases = {
            {GeniusXmlReadTest.SHOP, GeniusXmlReadTest.shopProfile("0.6", "0.4", "<reservation value=\"0.3\"/>")},
            {CUBE, NONLINEAR},
            {CUBE, MIXED_PROFILE},
        };
        String[] pick = cases[r.nextInt(cases.length)];
        boolean damageDomain = r.nextInt(4) == 0;
        String domain = damageDomain ? damage(pick[0], r) : pick[0];
        String profile = damageDomain ? pick[1] : damage(pick[1], r);
        try {
            GeniusXml.parse("d.xml", domain, Map.of("p.xml", profile));
        } catch (ScenarioFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static String damage(String valid, Random r) {
        StringBuilder b = new StringBuilder(valid);
        int edits = 1 + r.nextInt(4);
        String alphabet = "<>/=\"'& abc019.-e\n!?[]";
        for (int k = 0; k < edits && b.length() > 0; k++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                default -> b.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
            }
        }
        return b.toString();
    }

    @Example
    void theUndamagedFilesReadCleanly() throws ScenarioFormatException {
        for (String profile : List.of(NONLINEAR, MIXED_PROFILE)) {
            ReadResult r = GeniusXml.parse("d.xml", CUBE, Map.of("p.xml", profile));
            assertThat(r.scenario().parties()).hasSize(1);
            assertThat(r.warnings()).allMatch(w -> w.contains("pre-2010"));
        }
    }

    @Property(tries = 300)
    void arbitraryTextFailsOnlyWithScenarioFormatException(@ForAll String text) {
        try {
            GeniusXml.parse("any.xml", text, Map.of());
        } catch (ScenarioFormatException e) {
            assertThat(e.getMessage()).startsWith("any.xml");
        }
    }
}
