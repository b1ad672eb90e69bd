package org.pourparler.io.genius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pourparler.io.source.ReadResult;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.model.DiscreteIssue;
import org.pourparler.model.Domain;
import org.pourparler.model.HyperRectangleUtility;
import org.pourparler.model.Issue;
import org.pourparler.model.Profile;
import org.pourparler.model.RealIssue;
import org.pourparler.model.UtilityFunction;

/** GENIUS semantics on small hand-written files, with utilities computed by hand. */
class GeniusXmlReadTest {

    static String domain(String issues) {
        return "<negotiation_template>\n<utility_space>\n<objective index=\"0\" name=\"root\" type=\"objective\">\n"
                + issues + "</objective>\n</utility_space>\n</negotiation_template>\n";
    }

    static String profile(String body, String tail) {
        return "<utility_space>\n<objective index=\"0\" name=\"root\" type=\"objective\">\n" + body
                + "</objective>\n" + tail + "</utility_space>\n";
    }

    static final String SHOP = domain("""
            <issue index="1" name="color" type="discrete">
              <item index="1" value="red"/><item index="2" value="blue"/><item index="3" value="green"/>
            </issue>
            <issue index="2" name="size" type="discrete">
              <item index="1" value="S"/><item index="2" value="L"/>
            </issue>
            """);

    static String shopProfile(String w1, String w2, String tail) {
        return profile("""
                <issue index="1" name="color" type="discrete">
                  <item index="1" value="red" evaluation="2"/><item index="2" value="blue" evaluation="4"/>
                  <item index="3" value="green" evaluation="8"/>
                </issue>
                <issue index="2" name="size" type="discrete">
                  <item index="1" value="S" evaluation="3"/><item index="2" value="L" evaluation="6"/>
                </issue>
                <weight index="1" value="%s"/><weight index="2" value="%s"/>
                """.formatted(w1, w2), tail);
    }

    static ReadResult read(String domainXml, String profileXml) throws ScenarioFormatException {
        return GeniusXml.parse("test_domain.xml", domainXml, Map.of("buyer.xml", profileXml));
    }

    static Profile only(ReadResult r) {
        assertThat(r.scenario().parties()).hasSize(1);
        return r.scenario().parties().get(0).profile();
    }

    static double u(ReadResult r, Map<String, String> labels) {
        UtilityFunction f = only(r).utility();
        return f.utility(f.domain().outcomeOf(labels));
    }

    @Nested
    class Discrete {
        @Test
        void valuesAreEvaluationsDividedByTheLargestWithoutShiftingTheSmallest() throws Exception {
            ReadResult r = read(SHOP, shopProfile("0.6", "0.4", ""));
            assertThat(u(r, Map.of("color", "red", "size", "S"))).isCloseTo(0.6 * 0.25 + 0.4 * 0.5, within(1e-15));
            assertThat(u(r, Map.of("color", "blue", "size", "S"))).isCloseTo(0.5, within(1e-15));
            assertThat(u(r, Map.of("color", "green", "size", "L"))).isCloseTo(1.0, within(1e-15));
            assertThat(r.warnings()).isEmpty();
        }

        @Test
        void theTitleIsTheDomainFileNameWhenTheObjectiveIsCalledRoot() throws Exception {
            ReadResult r = read(SHOP, shopProfile("0.6", "0.4", ""));
            assertThat(r.scenario().title()).isEqualTo("test");
            assertThat(r.scenario().parties().get(0).name()).isEqualTo("buyer");
            String named = SHOP.replace("name=\"root\"", "name=\"Shop\" description=\"A small shop\"");
            ReadResult n = read(named, shopProfile("0.6", "0.4", ""));
            assertThat(n.scenario().title()).isEqualTo("Shop");
            assertThat(n.scenario().description()).isEqualTo("A small shop");
        }

        @Test
        void weightsNotSummingToOneAreNormalisedWithAWarning() throws Exception {
            ReadResult r = read(SHOP, shopProfile("0.6", "0.6", ""));
            assertThat(u(r, Map.of("color", "red", "size", "S"))).isCloseTo((0.6 * 0.25 + 0.6 * 0.5) / 1.2, within(1e-15));
            assertThat(r.warnings()).anyMatch(w -> w.contains("buyer.xml") && w.contains("sum to 1.2"));
        }

        @Test
        void aMissingWeightIsAnErrorNamingTheIssue() {
            String p = shopProfile("0.6", "0.4", "").replace("<weight index=\"2\" value=\"0.4\"/>", "");
            assertThatThrownBy(() -> read(SHOP, p)).isInstanceOf(ScenarioFormatException.class)
                    .hasMessageContaining("buyer.xml").hasMessageContaining("'size'").hasMessageContaining("weight");
        }

        @Test
        void negativeAndNonNumericWeightsAreErrors() {
            assertThatThrownBy(() -> read(SHOP, shopProfile("-0.1", "0.4", "")))
                    .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("negative");
            assertThatThrownBy(() -> read(SHOP, shopProfile("NaN", "0.4", "")))
                    .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("NaN");
            assertThatThrownBy(() -> read(SHOP, shopProfile("abc", "0.4", "")))
                    .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("\"abc\" is not a number")
                    .hasMessageContaining("line 10");
            assertThatThrownBy(() -> read(SHOP, shopProfile("0", "0", "")))
                    .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("all issue weights are 0");
        }

        @Test
        void aValueWithoutEvaluationIsAnError() {
            String p = shopProfile("0.6", "0.4", "").replace(" evaluation=\"4\"", "");
            assertThatThrownBy(() -> read(SHOP, p)).isInstanceOf(ScenarioFormatException.class)
                    .hasMessageContaining("'blue'").hasMessageContaining("no evaluation");
        }

        @Test
        void aLargestEvaluationBelowGeniusThresholdMakesEveryValueWorthZero() throws Exception {
            String p = shopProfile("0.5", "0.5", "").replace("evaluation=\"3\"", "evaluation=\"0\"")
                    .replace("evaluation=\"6\"", "evaluation=\"0.000001\"");
            ReadResult r = read(SHOP, p);
            assertThat(u(r, Map.of("color", "green", "size", "L"))).isCloseTo(0.5, within(1e-15));
            assertThat(r.warnings()).anyMatch(w -> w.contains("'size'") && w.contains("worth 0"));
        }

        @Test
        void aValueEvaluatedTwiceTakesTheLastEvaluationAsGeniusDoes() throws Exception {
            String p = shopProfile("0.5", "0.5", "").replace("<item index=\"1\" value=\"S\" evaluation=\"3\"/>",
                    "<item index=\"1\" value=\"S\" evaluation=\"1\"/><item index=\"1\" value=\"S\" evaluation=\"3\"/>");
            ReadResult r = read(SHOP, p);
            assertThat(u(r, Map.of("color", "green", "size", "S"))).isCloseTo(0.5 + 0.5 * 0.5, within(1e-15));
            assertThat(r.warnings()).anyMatch(w -> w.contains("evaluated twice"));
        }

        @Test
        void aProfileWithoutObjectiveIsReadLikeGeniusDoes() throws Exception {
            String p = """
                    <utility_space>
                      <weight index="1" value="0.5"/><weight index="2" value="0.5"/>
                      <issue index="1" name="color" type="discrete"><item value="red" evaluation="1"/>
                        <item value="blue" evaluation="1"/><item value="green" evaluation="2"/></issue>
                      <issue index="2" name="size"><item value="S" evaluation="1"/><item value="L" evaluation="1"/></issue>
                    </utility_space>""";
            assertThat(u(read(SHOP, p), Map.of("color", "red", "size", "S"))).isCloseTo(0.75, within(1e-15));
        }

        @Test
        void uncertainProfilesAreReadAsAdditiveWithAWarning() throws Exception {
            String p = shopProfile("0.6", "0.4", "").replace("<utility_space>",
                    "<utility_space type=\"UNCERTAIN\" comparisons=\"10\" errors=\"0\">");
            ReadResult r = read(SHOP, p);
            assertThat(u(r, Map.of("color", "blue", "size", "S"))).isCloseTo(0.5, within(1e-15));
            assertThat(r.warnings()).anyMatch(w -> w.contains("UNCERTAIN") && w.contains("comparisons"));
        }
    }

    @Nested
    class ReservationAndDiscount {
        Profile with(String tail) throws Exception {
            return only(read(SHOP, shopProfile("0.6", "0.4", tail)));
        }

        @Test
        void aMissingReservationIsZeroAndAMissingDiscountIsNone() throws Exception {
            Profile p = with("");
            assertThat(p.reservation()).isEqualTo(0.0);
            assertThat(p.discount()).isEqualTo(1.0);
        }

        @Test
        void statedValuesAreRead() throws Exception {
            Profile p = with("<discount_factor value=\"0.5\"/><reservation value=\"0.75\"/>");
            assertThat(p.reservation()).isEqualTo(0.75);
            assertThat(p.discount()).isEqualTo(0.5);
        }

        @Test
        void discountsOutsideZeroOneOrUnparsableMeanNone() throws Exception {
            assertThat(with("<discount_factor value=\"0.0\"/>").discount()).isEqualTo(1.0);
            assertThat(with("<discount_factor value=\"1.5\"/>").discount()).isEqualTo(1.0);
            ReadResult r = read(SHOP, shopProfile("0.6", "0.4", "<discount_factor value=\"s\"/>"));
            assertThat(only(r).discount()).isEqualTo(1.0);
            assertThat(r.warnings()).anyMatch(w -> w.contains("\"s\" is not a number"));
        }

        @Test
        void anUnparsableReservationIsZeroWithAWarning() throws Exception {
            ReadResult r = read(SHOP, shopProfile("0.6", "0.4", "<reservation value=\"abc\"/>"));
            assertThat(only(r).reservation()).isEqualTo(0.0);
            assertThat(r.warnings()).anyMatch(w -> w.contains("reservation value \"abc\""));
        }
    }

    @Nested
    class IntegerIssues {
        final String dom = domain("""
                <issue index="1" name="price" type="integer" lowerbound="10" upperbound="20"/>
                """);

        ReadResult withEvaluator(String issueAttrs, String evaluator) throws Exception {
            return read(dom, profile("<issue index=\"1\" name=\"price\" type=\"integer\" " + issueAttrs + ">" + evaluator
                    + "</issue><weight index=\"1\" value=\"1\"/>", ""));
        }

        double at(ReadResult r, int price) {
            return u(r, Map.of("price", Integer.toString(price)));
        }

        @Test
        void slopeAppliesFromTheLowerBoundAndIsClampedToZeroOne() throws Exception {
            ReadResult r = withEvaluator("lowerbound=\"10\" upperbound=\"20\"",
                    "<evaluator ftype=\"linear\" slope=\"0.1\" offset=\"0.2\"/>");
            assertThat(at(r, 10)).isCloseTo(0.2, within(1e-12));
            assertThat(at(r, 15)).isCloseTo(0.7, within(1e-12));
            assertThat(at(r, 18)).isCloseTo(1.0, within(1e-12));
            assertThat(at(r, 20)).isEqualTo(1.0);
            ReadResult down = withEvaluator("lowerbound=\"10\" upperbound=\"20\"",
                    "<evaluator ftype=\"linear\" slope=\"-0.2\" offset=\"0.5\"/>");
            assertThat(at(down, 11)).isCloseTo(0.3, within(1e-12));
            assertThat(at(down, 15)).isEqualTo(0.0);
        }

        @Test
        void theProfilesOwnLowerBoundIsUsedWithAWarning() throws Exception {
            ReadResult r = withEvaluator("lowerbound=\"12\" upperbound=\"20\"",
                    "<evaluator ftype=\"linear\" slope=\"0.1\" offset=\"0\"/>");
            assertThat(at(r, 15)).isCloseTo(0.3, within(1e-12));
            assertThat(at(r, 10)).isEqualTo(0.0);
            assertThat(r.warnings()).anyMatch(w -> w.contains("12..20") && w.contains("10..20"));
        }

        @Test
        void boundsMayComeOnARangeChild() throws Exception {
            String d = domain("<issue index=\"1\" name=\"price\" type=\"integer\"><range lowerbound=\"0\" upperbound=\"4\"/></issue>");
            assertThat(read(d, profile("<issue index=\"1\" name=\"price\" type=\"integer\" lowerbound=\"0\" upperbound=\"4\">"
                    + "<evaluator slope=\"0.25\" offset=\"0\"/></issue><weight index=\"1\" value=\"1\"/>", ""))
                    .scenario().domain().outcomeCount()).hasToString("5");
        }

        @Test
        void theOldParameterFormatIsReadAsOldGeniusReadIt() throws Exception {
            String d = domain("<issue index=\"2\" name=\"revenue\" type=\"integer\"><range lowerbound=\"0\" upperbound=\"2000\"/></issue>");
            String p = profile("<issue index=\"2\" name=\"revenue\" type=\"integer\"><range lowerbound=\"0\" upperbound=\"2000\"/>"
                    + "<evaluator ftype=\"linear\" parameter0=\"1\" parameter1=\"-0.0005\"/></issue><weight index=\"2\" value=\"1\"/>", "");
            ReadResult r = read(d, p);
            assertThat(u(r, Map.of("revenue", "1000"))).isCloseTo(0.5, within(1e-12));
            assertThat(u(r, Map.of("revenue", "2000"))).isCloseTo(0.0, within(1e-12));
            assertThat(r.warnings()).anyMatch(w -> w.contains("pre-2010"));
        }

        @Test
        void aMissingEvaluatorValuesEverythingZeroWithAWarning() throws Exception {
            ReadResult r = withEvaluator("lowerbound=\"10\" upperbound=\"20\"", "");
            assertThat(at(r, 17)).isEqualTo(0.0);
            assertThat(r.warnings()).anyMatch(w -> w.contains("no <evaluator>"));
        }
    }

    @Nested
    class RealIssues {
        final String dom = domain("<issue index=\"1\" name=\"share\" type=\"real\"><range lowerbound=\"0\" upperbound=\"1\"/></issue>");

        ReadResult with(String evaluator) throws Exception {
            return read(dom, profile("<issue index=\"1\" name=\"share\" type=\"real\"><range lowerbound=\"0\" upperbound=\"1\"/>"
                    + evaluator + "</issue><weight index=\"1\" value=\"1\"/>", ""));
        }

        double at(ReadResult r, String share) {
            return u(r, Map.of("share", share));
        }

        @Test
        void aRealIssueGetsAnElevenPointGridWithAWarning() throws Exception {
            ReadResult r = with("<evaluator ftype=\"constant\" parameter0=\"0.3\"/>");
            Issue share = r.scenario().domain().issue(0);
            assertThat(share).isInstanceOf(RealIssue.class);
            assertThat(share.size()).isEqualTo(GeniusXml.REAL_GRID_POINTS);
            assertThat(share.label(3)).isEqualTo("0.3");
            assertThat(at(r, "0.7")).isEqualTo(0.3);
            assertThat(r.warnings()).anyMatch(w -> w.contains("no grid") && w.contains("'share'"));
        }

        @Test
        void aStatedStepChoosesTheGrid() throws Exception {
            String d = dom.replace("type=\"real\">", "type=\"real\" step=\"0.25\">");
            ReadResult r = read(d, profile("<issue index=\"1\" name=\"share\" type=\"real\">"
                    + "<evaluator ftype=\"constant\" parameter0=\"0.3\"/></issue><weight index=\"1\" value=\"1\"/>", ""));
            assertThat(r.scenario().domain().issue(0).size()).isEqualTo(5);
            assertThat(r.warnings()).noneMatch(w -> w.contains("no grid"));
        }

        @Test
        void linearIsParameterOneTimesValuePlusParameterZeroClamped() throws Exception {
            ReadResult r = with("<evaluator ftype=\"linear\" parameter0=\"0.2\" parameter1=\"0.5\"/>");
            assertThat(at(r, "0.4")).isCloseTo(0.4, within(1e-12));
            ReadResult steep = with("<evaluator ftype=\"linear\" parameter0=\"0.2\" parameter1=\"2\"/>");
            assertThat(at(steep, "0.3")).isCloseTo(0.8, within(1e-12));
            assertThat(at(steep, "0.8")).isEqualTo(1.0);
        }

        @Test
        void triangularRisesFromLowerToTopAndFallsToUpper() throws Exception {
            ReadResult r = with("<evaluator ftype=\"triangular\" parameter0=\"0.2\" parameter1=\"0.8\" parameter2=\"0.4\"/>");
            assertThat(at(r, "0.1")).isEqualTo(0.0);
            assertThat(at(r, "0.3")).isCloseTo(0.5, within(1e-12));
            assertThat(at(r, "0.4")).isCloseTo(1.0, within(1e-12));
            assertThat(at(r, "0.6")).isCloseTo(0.5, within(1e-12));
            assertThat(at(r, "0.8")).isEqualTo(0.0);
            assertThat(at(r, "1")).isEqualTo(0.0);
        }

        @Test
        void aTriangleWhoseTopIsItsUpperBoundIsZeroThereAsInGenius() throws Exception {
            ReadResult r = with("<evaluator ftype=\"triangular\" parameter0=\"0.2\" parameter1=\"0.8\" parameter2=\"0.8\"/>");
            assertThat(at(r, "0.5")).isCloseTo(0.5, within(1e-12));
            assertThat(at(r, "0.8")).isEqualTo(0.0);
            assertThat(r.warnings()).anyMatch(w -> w.contains("degenerate"));
        }

        @Test
        void evaluatorsGeniusCannotEvaluateAreErrors() {
            assertThatThrownBy(() -> with("<evaluator ftype=\"faratin\" parameter0=\"1\"/>"))
                    .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("faratin");
            assertThatThrownBy(() -> with("")).isInstanceOf(ScenarioFormatException.class)
                    .hasMessageContaining("no <evaluator>");
        }
    }

    @Nested
    class Nonlinear {
        final String dom = domain("""
                <issue index="1" name="a" type="integer" lowerbound="5" upperbound="9"/>
                <issue index="2" name="b" type="integer" lowerbound="0" upperbound="4"/>
                <issue index="3" name="c" type="integer" lowerbound="0" upperbound="4"/>
                """);

        String ufun(String aggregation, String body) {
            return "<utility_space type=\"nonlinear\">\n<objective index=\"0\" name=\"root\">\n"
                    + "<issue index=\"1\" name=\"a\" type=\"integer\" lowerbound=\"5\" upperbound=\"9\"/>\n"
                    + "<issue index=\"2\" name=\"b\" type=\"integer\" lowerbound=\"0\" upperbound=\"4\"/>\n"
                    + "<issue index=\"3\" name=\"c\" type=\"integer\" lowerbound=\"0\" upperbound=\"4\"/>\n"
                    + "<utility maxutility=\"10\">\n<ufun type=\"PlainUfun\" weight=\"1\" aggregation=\"" + aggregation + "\">\n"
                    + body + "</ufun>\n</utility>\n</objective>\n<reservation value=\"0.6\"/>\n"
                    + "<discount_factor value=\"0.9\"/>\n</utility_space>\n";
        }

        final String rectangles = """
                <hyperRectangle utility="6"><INCLUDES index="1" min="6" max="7"/></hyperRectangle>
                <hyperRectangle utility="4"><INCLUDES index="2" min="0" max="0"/><INCLUDES index="3" min="3" max="99"/></hyperRectangle>
                <hyperRectangle utility="3"><EXCLUDES index="1" min="5" max="8"/><EXCLUDES index="2" min="1" max="4"/></hyperRectangle>
                <ufun type="PlainUfun" weight="0.5" aggregation="sum"><hyperRectangle utility="2"/></ufun>
                """;

        double at(ReadResult r, int a, int b, int c) {
            return u(r, Map.of("a", Integer.toString(a), "b", Integer.toString(b), "c", Integer.toString(c)));
        }

        @Test
        void rectangleUtilitiesAreSummedAndDividedByMaxutility() throws Exception {
            ReadResult r = read(dom, ufun("sum", rectangles));
            // inside nothing but the nested everywhere-rectangle: 0.5 * 2 = 1
            assertThat(at(r, 5, 2, 0)).isCloseTo(0.1, within(1e-12));
            // outside the EXCLUDES box on issue a: 3 + 1
            assertThat(at(r, 9, 2, 0)).isCloseTo(0.4, within(1e-12));
            // second rectangle (c clipped to 3..4) + EXCLUDES (b = 0 outside 1..4) + nested
            assertThat(at(r, 5, 0, 4)).isCloseTo(0.8, within(1e-12));
            // value 6 is option 1 of issue a: 6 + 1
            assertThat(at(r, 6, 3, 1)).isCloseTo(0.7, within(1e-12));
            Profile p = only(r);
            assertThat(p.reservation()).isEqualTo(0.6);
            assertThat(p.discount()).isEqualTo(0.9);
            assertThat(p.utility()).isInstanceOf(HyperRectangleUtility.class);
        }

        @Test
        void utilitiesAboveMaxutilityAreCappedAtOneAsInGenius() throws Exception {
            ReadResult r = read(dom, ufun("sum", rectangles));
            // 6 + 4 + 3 + 1 = 14 > 10
            assertThat(at(r, 6, 0, 3)).isEqualTo(1.0);
        }

        @Test
        void otherAggregationsAreErrors() {
            assertThatThrownBy(() -> read(dom, ufun("max", rectangles))).isInstanceOf(ScenarioFormatException.class)
                    .hasMessageContaining("aggregation=\"max\"");
        }

        @Test
        void boundsOnIssuesThatAreNotIntegerAreErrors() {
            String d = dom.replace("<issue index=\"3\" name=\"c\" type=\"integer\" lowerbound=\"0\" upperbound=\"4\"/>",
                    "<issue index=\"3\" name=\"c\" type=\"discrete\"><item value=\"x\"/></issue>");
            String p = ufun("sum", rectangles).replace(
                    "<issue index=\"3\" name=\"c\" type=\"integer\" lowerbound=\"0\" upperbound=\"4\"/>",
                    "<issue index=\"3\" name=\"c\" type=\"discrete\"/>");
            assertThatThrownBy(() -> read(d, p)).isInstanceOf(ScenarioFormatException.class)
                    .hasMessageContaining("integer issues only");
        }

        @Test
        void aZeroMaxutilityIsAnError() {
            assertThatThrownBy(() -> read(dom, ufun("sum", rectangles).replace("maxutility=\"10\"", "maxutility=\"0\"")))
                    .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("maxutility");
        }
    }

    @Nested
    class Repairs {
        @Test
        void bareAmpersandsAreEscaped() throws Exception {
            String d = SHOP.replace("value=\"red\"", "value=\"Fish & Chips\"");
            String p = shopProfile("0.6", "0.4", "").replace("value=\"red\"", "value=\"Fish & Chips\"");
            ReadResult r = read(d, p);
            assertThat(((DiscreteIssue) r.scenario().domain().issue(0)).values()).contains("Fish & Chips");
            assertThat(r.warnings()).anyMatch(w -> w.contains("test_domain.xml: repaired: escaped 1 bare '&'"));
            assertThat(r.warnings()).anyMatch(w -> w.contains("buyer.xml: repaired: escaped 1 bare '&'"));
        }

        @Test
        void aMissingSpaceBetweenAttributesIsInserted() throws Exception {
            String d = SHOP.replace("name=\"size\" type=\"discrete\">", "name=\"size\" type=\"discrete\"vtype=\"discrete\">");
            ReadResult r = read(d, shopProfile("0.6", "0.4", ""));
            assertThat(r.scenario().domain().issue(1).size()).isEqualTo(2);
            assertThat(r.warnings()).anyMatch(w -> w.contains("missing space") && w.contains("line 7"));
        }

        @Test
        void anXmlDeclarationAfterACommentIsRemoved() throws Exception {
            String p = "\n\n<!-- generated -->\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + shopProfile("0.6", "0.4", "");
            ReadResult r = read(SHOP, p);
            assertThat(u(r, Map.of("color", "green", "size", "L"))).isCloseTo(1.0, within(1e-15));
            assertThat(r.warnings()).anyMatch(w -> w.contains("XML declaration on line 4"));
        }

        @Test
        void aValueListedTwiceInTheDomainIsKeptOnceAtItsFirstPlace() throws Exception {
            String d = SHOP.replace("<item index=\"3\" value=\"green\"/>",
                    "<item index=\"3\" value=\"green\"/><item index=\"4\" value=\"red\"/>");
            ReadResult r = read(d, shopProfile("0.6", "0.4", ""));
            Domain dom = r.scenario().domain();
            assertThat(((DiscreteIssue) dom.issue(0)).values()).containsExactly("red", "blue", "green");
            assertThat(dom.outcomeCount()).hasToString("6");
            assertThat(r.warnings()).anyMatch(w -> w.contains("'red' twice"));
        }

        @Test
        void wellFormedFilesAreNotTouched() throws Exception {
            assertThat(read(SHOP, shopProfile("0.6", "0.4", "")).warnings()).noneMatch(w -> w.contains("repaired"));
        }

        @Test
        void malformedXmlThatNoRepairFixesNamesTheLine() {
            String p = shopProfile("0.6", "0.4", "").replace("</issue>\n<issue index=\"2\"", "\n<issue index=\"2\"");
            assertThatThrownBy(() -> read(SHOP, p)).isInstanceOf(ScenarioFormatException.class)
                    .hasMessageContaining("buyer.xml").hasMessageMatching("(?s).*line \\d+.*")
                    .hasMessageContaining("not well-formed");
        }
    }

    @Nested
    class Matching {
        @Test
        void issuesAreMatchedByIndexAsInGeniusWithAWarningWhenNamesDiffer() throws Exception {
            String p = shopProfile("0.6", "0.4", "").replace("name=\"size\"", "name=\"Size\"");
            ReadResult r = read(SHOP, p);
            assertThat(r.warnings()).anyMatch(w -> w.contains("'Size'") && w.contains("'size'"));
        }

        @Test
        void aProfileForAnotherDomainIsRefusedWhenNamedExplicitly() {
            String p = shopProfile("0.6", "0.4", "").replace("value=\"green\"", "value=\"yellow\"");
            assertThatThrownBy(() -> read(SHOP, p)).isInstanceOf(ScenarioFormatException.class)
                    .hasMessageContaining("does not fit domain").hasMessageContaining("'yellow'");
        }

        @Test
        void partiesAreNamedByTheMapKeysInKeyOrder() throws Exception {
            ReadResult r = GeniusXml.parse("shop.xml", SHOP, Map.of("seller.xml", shopProfile("0.6", "0.4", ""),
                    "buyer", shopProfile("0.5", "0.5", "")));
            assertThat(r.scenario().parties()).extracting(x -> x.name()).containsExactly("buyer", "seller");
        }
    }

    @Test
    void partyNamesDropTheSharedPrefixOnlyWhenWhatRemainsIsAName() {
        assertThat(FileNames.partyNames(List.of("ItexvsCypress_Cypress", "ItexvsCypress_Itex")))
                .containsExactly("Cypress", "Itex");
        assertThat(FileNames.partyNames(List.of("Car-A-prof1", "Car-A-prof2"))).containsExactly("prof1", "prof2");
        assertThat(FileNames.partyNames(List.of("profile-1", "profile-2"))).containsExactly("profile-1", "profile-2");
        assertThat(FileNames.partyNames(List.of("England", "Zimbabwe"))).containsExactly("England", "Zimbabwe");
        assertThat(FileNames.partyNames(List.of("consumer", "producer"))).containsExactly("consumer", "producer");
        assertThat(FileNames.partyNames(List.of("only_one"))).containsExactly("only_one");
        assertThat(FileNames.partyNames("Car-A-domain", List.of("Car-A-prof1", "Car-A-prof2"))).containsExactly("prof1", "prof2");
        assertThat(FileNames.partyNames("KillerRobot", List.of("KillerRobot_util1"))).containsExactly("util1");
        assertThat(FileNames.partyNames("Grocery_domain", List.of("Grocery_domain_mary", "Grocery_domain_sam")))
                .containsExactly("mary", "sam");
        assertThat(FileNames.partyNames("Talks-domain", List.of("Talks-Kyiv_West", "Talks-Kyiv_West_2")))
                .containsExactly("Kyiv_West", "Kyiv_West_2");
        assertThat(FileNames.partyNames("EnglandZimbabwe_domain", List.of("England", "Zimbabwe")))
                .containsExactly("England", "Zimbabwe");
        assertThat(FileNames.partyNames("10issues-domain", List.of("profile-1", "profile-2")))
                .containsExactly("profile-1", "profile-2");
    }
}
