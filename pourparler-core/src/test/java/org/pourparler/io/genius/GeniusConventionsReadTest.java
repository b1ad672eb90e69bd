package org.pourparler.io.genius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pourparler.io.source.ReadResult;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.UtilityFunction;
import org.pourparler.negotiation.Conventions;

/**
 * GENIUS files read under GENIUS conventions: weights as given and utility capped at 1, as GENIUS's
 * {@code AdditiveUtilitySpace.getUtility} computes it (utilities worked out by hand).
 */
class GeniusConventionsReadTest {
    @TempDir Path dir;

    private ReadResult read(String w1, String w2, Conventions c) throws Exception {
        Path domain = Files.writeString(dir.resolve("shop.xml"), GeniusXmlReadTest.SHOP);
        Path profile = Files.writeString(dir.resolve("buyer.xml"), GeniusXmlReadTest.shopProfile(w1, w2, ""));
        return GeniusXml.read(domain, List.of(profile), c);
    }

    private static double u(ReadResult r, String color, String size) {
        UtilityFunction f = r.scenario().parties().get(0).profile().utility();
        return f.utility(f.domain().outcomeOf(Map.of("color", color, "size", size)));
    }

    @Test
    void weightsAreKeptAsGivenAndUtilityIsCappedAtOne() throws Exception {
        ReadResult r = read("0.6", "0.6", Conventions.GENIUS);
        assertThat(u(r, "red", "S")).isCloseTo(0.6 * 0.25 + 0.6 * 0.5, within(1e-15));   // 0.45, not 0.375
        assertThat(u(r, "green", "S")).isCloseTo(0.6 + 0.3, within(1e-15));
        assertThat(u(r, "green", "L")).isEqualTo(1.0);                                    // 1.2, capped
        LinearAdditiveUtility f = (LinearAdditiveUtility) r.scenario().parties().get(0).profile().utility();
        assertThat(f.maxUtility()).isEqualTo(1.0);
        double[] all = new double[6];
        f.utilities(0, all);
        for (int k = 0; k < all.length; k++) assertThat(all[k]).isEqualTo(f.utility(f.domain().outcomeAt(k)));
        assertThat(r.warnings()).anyMatch(w -> w.contains("buyer.xml") && w.contains("kept as given"));
    }

    @Test
    void underOurConventionsTheSameFileIsNormalised() throws Exception {
        ReadResult r = read("0.6", "0.6", Conventions.POURPARLER);
        assertThat(u(r, "red", "S")).isCloseTo((0.6 * 0.25 + 0.6 * 0.5) / 1.2, within(1e-15));
        assertThat(u(r, "green", "L")).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void weightsSummingToOneGiveTheSameUtilitiesUnderBothConventions() throws Exception {
        ReadResult g = read("0.7", "0.3", Conventions.GENIUS);
        ReadResult p = read("0.7", "0.3", Conventions.POURPARLER);
        for (String color : List.of("red", "blue", "green")) {
            for (String size : List.of("S", "L")) assertThat(u(g, color, size)).isEqualTo(u(p, color, size));
        }
    }
}
