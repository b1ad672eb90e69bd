package org.pourparler.io.geniusweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.source.Written;
import org.pourparler.model.Domain;
import org.pourparler.model.HyperRectangleUtility;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.NoteTarget;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.RedLine;
import org.pourparler.model.Scenario;
import org.pourparler.model.SumOfGroupsUtility;
import org.pourparler.model.UtilityFunction;
import org.pourparler.model.ValueFunction;

class GeniusWebWritingTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** color {red, green, blue} x size {S, M}; weights 2:1. */
    static final Domain SHOP = Domain.of("shop", List.of(
            Issue.discrete("color", List.of("red", "green", "blue")), Issue.discrete("size", List.of("S", "M"))));

    static LinearAdditiveUtility shopUtility() {
        return LinearAdditiveUtility.of(SHOP, new double[] {2, 1}, List.of(
                new ValueFunction.Table(new double[] {1, 0.5, 0}), new ValueFunction.Table(new double[] {0.25, 1})));
    }

    static Scenario scenario(Party... parties) {
        return Scenario.builder(SHOP).parties(List.of(parties)).build();
    }

    static JsonNode tree(String text) throws Exception {
        return JSON.readTree(text);
    }

    static Scenario back(Written w) throws ScenarioFormatException {
        Iterator<Map.Entry<String, String>> it = w.files().entrySet().iterator();
        String domain = it.next().getValue();
        Map<String, String> profiles = new java.util.TreeMap<>();
        while (it.hasNext()) {
            Map.Entry<String, String> e = it.next();
            profiles.put(e.getKey().replaceAll("\\.json$", ""), e.getValue());
        }
        return GeniusWebJson.parse(domain, profiles).scenario();
    }

    @Test
    void files_are_the_domain_and_one_profile_per_party_with_the_new_type_names() throws Exception {
        Written w = GeniusWebJson.write(scenario(Party.negotiator("buyer", Profile.of(shopUtility(), 0))));
        assertThat(w.files().keySet()).containsExactly("shop.json", "buyer.json");
        JsonNode p = tree(w.files().get("buyer.json")).get("LinearAdditiveUtilitySpace");
        assertThat(p.get("name").asText()).isEqualTo("buyer");
        assertThat(p.at("/issueUtilities/color/DiscreteValueSetUtilities/valueUtilities/green").decimalValue())
                .isEqualByComparingTo("0.5");
        assertThat(p.get("domain")).isEqualTo(tree(w.files().get("shop.json")));
        assertThat(p.has("reservationBid")).isFalse();
        assertThat(w.warnings()).isEmpty();
    }

    @Test
    void weights_are_written_so_that_their_decimal_sum_is_exactly_one() throws Exception {
        Domain d = Domain.of("three", List.of(Issue.discrete("a", List.of("x", "y")), Issue.discrete("b", List.of("x", "y")),
                Issue.discrete("c", List.of("x", "y"))));
        ValueFunction f = new ValueFunction.Table(new double[] {0, 1});
        Scenario s = Scenario.builder(d).party(Party.negotiator("p",
                Profile.of(LinearAdditiveUtility.of(d, new double[] {1, 1, 1}, List.of(f, f, f)), 0))).build();
        JsonNode weights = tree(GeniusWebJson.write(s).files().get("p.json")).at("/LinearAdditiveUtilitySpace/issueWeights");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode w : weights) sum = sum.add(w.decimalValue());
        assertThat(sum).isEqualByComparingTo(BigDecimal.ONE);
        for (JsonNode w : weights) assertThat(w.doubleValue()).isCloseTo(1.0 / 3, within(1e-14));
    }

    @Test
    void everything_the_format_cannot_express_is_named_in_a_warning() throws Exception {
        LinearAdditiveUtility u = shopUtility();
        Profile withRedLine = new Profile(u, 0, 0.9, List.of(RedLine.of("never blue",
                List.of(new RedLine.Condition(0, new int[] {2})))), Optional.empty());
        Scenario s = Scenario.builder(SHOP).title("Buying a shirt").description("A small example.")
                .party(Party.negotiator("buyer", withRedLine)).party(Party.ratifier("boss", Profile.of(u, 0)))
                .note(NoteTarget.weight("buyer", "color"), "asked twice").build();
        List<String> w = GeniusWebJson.write(s).warnings();
        assertThat(w).anyMatch(x -> x.contains("title 'Buying a shirt'"));
        assertThat(w).anyMatch(x -> x.contains("description"));
        assertThat(w).anyMatch(x -> x.contains("provenance note"));
        assertThat(w).anyMatch(x -> x.contains("'buyer'") && x.contains("discount factor 0.9"));
        assertThat(w).anyMatch(x -> x.contains("'buyer'") && x.contains("red line") && x.contains("'never blue'"));
        assertThat(w).anyMatch(x -> x.contains("'boss'") && x.contains("ratifier"));
        assertThat(w).hasSize(6);
    }

    @Test
    void a_hyper_rectangle_utility_is_an_error() {
        HyperRectangleUtility h = HyperRectangleUtility.of(SHOP, List.of(new HyperRectangleUtility.Rectangle(1,
                List.of(new HyperRectangleUtility.Bound(0, 0, 1)), List.of())), HyperRectangleUtility.Aggregation.SUM, 1);
        assertThatThrownBy(() -> GeniusWebJson.write(scenario(Party.negotiator("c", Profile.of(h, 0)))))
                .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("party 'c'").hasMessageContaining("hyper-rectangle");
    }

    @Test
    void the_reservation_outcome_is_written_as_the_reservation_bid() throws Exception {
        LinearAdditiveUtility u = shopUtility();
        int[] o = {1, 0};
        Profile p = new Profile(u, u.utility(o), 1, List.of(), Optional.of(Outcome.of(o)));
        Written w = GeniusWebJson.write(scenario(Party.negotiator("buyer", p)));
        assertThat(w.warnings()).isEmpty();
        JsonNode bid = tree(w.files().get("buyer.json")).at("/LinearAdditiveUtilitySpace/reservationBid/issuevalues");
        assertThat(bid.get("color").asText()).isEqualTo("green");
        assertThat(bid.get("size").asText()).isEqualTo("S");
        Profile read = back(w).parties().get(0).profile();
        assertThat(read.reservation()).isCloseTo(p.reservation(), within(1e-15));
        assertThat(read.reservationOutcome()).contains(Outcome.of(o));
    }

    @Test
    void a_reservation_value_that_some_outcome_has_becomes_that_outcome() throws Exception {
        LinearAdditiveUtility u = shopUtility();
        double r = u.utility(new int[] {0, 0});   // (2*1 + 0.25)/3 = 0.75
        Written w = GeniusWebJson.write(scenario(Party.negotiator("buyer", Profile.of(u, r))));
        assertThat(w.warnings()).isEmpty();
        assertThat(back(w).parties().get(0).profile().reservation()).isCloseTo(r, within(1e-15));
    }

    @Test
    void a_reservation_value_no_bid_has_becomes_the_least_bid_above_it_with_a_loud_warning() throws Exception {
        LinearAdditiveUtility u = shopUtility();
        // utilities: red S .75, red M 1, green S .4167, green M .6667, blue S .0833, blue M .3333
        Written w = GeniusWebJson.write(scenario(Party.negotiator("buyer", Profile.of(u, 0.5))));
        assertThat(w.warnings()).singleElement().asString()
                .startsWith("WARNING").contains("'buyer'", "0.5", "cannot be expressed exactly", "[green, M]", "same outcomes stay acceptable");
        Profile read = back(w).parties().get(0).profile();
        assertThat(read.reservation()).isCloseTo(2.0 / 3, within(1e-12));
        for (long k = 0; k < SHOP.outcomeCountExact(); k++) {
            int[] o = SHOP.outcomeAt(k);
            assertThat(read.accepts(o)).isEqualTo(u.utility(o) >= 0.5);
        }
    }

    @Test
    void a_reservation_value_above_every_outcome_becomes_the_best_bid_with_a_warning() throws Exception {
        Written w = GeniusWebJson.write(scenario(Party.negotiator("buyer", Profile.of(shopUtility(), 1.5))));
        assertThat(w.warnings()).singleElement().asString().contains("above the utility of every outcome", "[red, M]");
        assertThat(back(w).parties().get(0).profile().reservation()).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void a_zero_reservation_value_needs_no_bid_and_a_negative_one_is_written_without_a_bid_with_a_warning() throws Exception {
        Written zero = GeniusWebJson.write(scenario(Party.negotiator("buyer", Profile.of(shopUtility(), 0))));
        assertThat(zero.warnings()).isEmpty();
        Written negative = GeniusWebJson.write(scenario(Party.negotiator("buyer", Profile.of(shopUtility(), -0.2))));
        assertThat(negative.warnings()).singleElement().asString().contains("below the utility of every outcome", "reads back as 0");
        assertThat(tree(negative.files().get("buyer.json")).at("/LinearAdditiveUtilitySpace").has("reservationBid")).isFalse();
    }

    @Test
    void value_utilities_outside_zero_one_are_rescaled_keeping_preferences() throws Exception {
        LinearAdditiveUtility u = LinearAdditiveUtility.of(SHOP, new double[] {1, 1}, List.of(
                new ValueFunction.Table(new double[] {2, 0, -1}), new ValueFunction.Table(new double[] {0, 1})));
        Written w = GeniusWebJson.write(scenario(Party.negotiator("p", Profile.of(u, u.utility(new int[] {1, 1})))));
        assertThat(w.warnings()).singleElement().asString().contains("outside [0, 1]", "rescaled");
        Profile read = back(w).parties().get(0).profile();
        // the written utility is a positive affine map of the original: check on all outcomes
        double u0 = u.utility(new int[] {2, 0});
        double u1 = u.utility(new int[] {0, 1});
        double a = (read.utility().utility(new int[] {0, 1}) - read.utility().utility(new int[] {2, 0})) / (u1 - u0);
        double b = read.utility().utility(new int[] {2, 0}) - a * u0;
        assertThat(a).isPositive();
        for (long k = 0; k < SHOP.outcomeCountExact(); k++) {
            int[] o = SHOP.outcomeAt(k);
            assertThat(read.utility().utility(o)).isCloseTo(a * u.utility(o) + b, within(1e-12)).isBetween(0.0, 1.0);
        }
        assertThat(read.reservation()).isCloseTo(a * u.utility(new int[] {1, 1}) + b, within(1e-12));
    }

    @Test
    void a_linear_integer_issue_becomes_a_number_range_and_reads_back_as_a_real_grid() throws Exception {
        Domain d = Domain.of("price", List.of(Issue.integer("euros", 10, 20)));
        LinearAdditiveUtility u = LinearAdditiveUtility.of(d, new double[] {1},
                List.of(new ValueFunction.Linear(-0.1, 2, false)));   // 1 at 10, 0 at 20
        Written w = GeniusWebJson.write(Scenario.builder(d).party(Party.negotiator("buyer", Profile.of(u, 0))).build());
        assertThat(w.warnings()).singleElement().asString().contains("Integer issue 'euros'", "step 1");
        JsonNode n = tree(w.files().get("buyer.json")).at("/LinearAdditiveUtilitySpace/issueUtilities/euros/NumberValueSetUtilities");
        assertThat(n.get("lowValue").asInt()).isEqualTo(10);
        assertThat(n.get("highValue").asInt()).isEqualTo(20);
        assertThat(n.get("lowUtility").asDouble()).isCloseTo(1, within(1e-12));
        Scenario s = back(w);
        assertThat(s.domain().issue(0).type()).isEqualTo(Issue.Type.REAL);
        for (int k = 0; k <= 10; k++) {
            assertThat(s.domain().issue(0).label(k)).isEqualTo(Integer.toString(10 + k));
            assertThat(s.parties().get(0).profile().utility().utility(new int[] {k})).isCloseTo(u.utility(new int[] {k}), within(1e-12));
        }
    }

    @Test
    void a_linear_real_issue_whose_high_end_is_off_the_grid_round_trips() throws Exception {
        Domain d = Domain.of("d", List.of(Issue.real("x", "0", "10", "3")));
        LinearAdditiveUtility u = LinearAdditiveUtility.of(d, new double[] {1},
                List.of(new ValueFunction.Linear(0.05, 0.3, false)));
        Written w = GeniusWebJson.write(Scenario.builder(d).party(Party.negotiator("p", Profile.of(u, 0))).build());
        assertThat(w.warnings()).isEmpty();
        Scenario s = back(w);
        assertThat(s.domain()).isEqualTo(d);
        for (int k = 0; k < 4; k++) {
            assertThat(s.parties().get(0).profile().utility().utility(new int[] {k})).isCloseTo(u.utility(new int[] {k}), within(1e-12));
        }
    }

    @Test
    void an_off_grid_range_end_where_the_line_would_leave_zero_one_is_written_as_the_last_value() throws Exception {
        Domain d = Domain.of("d", List.of(Issue.real("x", "0", "10", "3")));   // 0, 3, 6, 9
        LinearAdditiveUtility u = LinearAdditiveUtility.of(d, new double[] {1},
                List.of(new ValueFunction.Linear(1.0 / 9, 0, false)));          // 1 at 9, 1.11 at 10
        Written w = GeniusWebJson.write(Scenario.builder(d).party(Party.negotiator("p", Profile.of(u, 0))).build());
        assertThat(w.warnings()).singleElement().asString().contains("'x'", "0 to 9 instead of 10", "the same values");
        assertThat(tree(w.files().get("d.json")).at("/issuesValues/x/range/1").asText()).isEqualTo("9");
        Scenario s = back(w);
        for (int k = 0; k < 4; k++) {
            assertThat(s.domain().issue(0).label(k)).isEqualTo(d.issue(0).label(k));
            assertThat(s.parties().get(0).profile().utility().utility(new int[] {k})).isCloseTo(u.utility(new int[] {k}), within(1e-12));
        }
    }

    @Test
    void a_numeric_issue_valued_non_linearly_becomes_a_discrete_issue() throws Exception {
        Domain d = Domain.of("d", List.of(Issue.real("x", "0", "1", "0.25"), Issue.discrete("y", List.of("a", "b"))));
        LinearAdditiveUtility u = LinearAdditiveUtility.of(d, new double[] {1, 1},
                List.of(new ValueFunction.Triangular(0, 0.5, 1), new ValueFunction.Table(new double[] {0, 1})));
        Written w = GeniusWebJson.write(Scenario.builder(d).party(Party.negotiator("p", Profile.of(u, 0))).build());
        assertThat(w.warnings()).singleElement().asString().contains("'x'", "discrete", "[0, 0.25, 0.5, 0.75, 1]", "non-linearly");
        Scenario s = back(w);
        assertThat(s.domain().issue(0).type()).isEqualTo(Issue.Type.DISCRETE);
        for (long k = 0; k < d.outcomeCountExact(); k++) {
            int[] o = d.outcomeAt(k);
            assertThat(s.parties().get(0).profile().utility().utility(o)).isCloseTo(u.utility(o), within(1e-12));
        }
    }

    @Test
    void party_names_that_are_not_file_names_are_made_safe_with_a_warning() throws Exception {
        Written w = GeniusWebJson.write(scenario(Party.negotiator("Party A/B", Profile.of(shopUtility(), 0)),
                Party.negotiator("shop", Profile.of(shopUtility(), 0))));
        assertThat(w.files().keySet()).containsExactly("shop.json", "Party_A_B.json", "shop_2.json");
        assertThat(w.warnings()).hasSize(2).anyMatch(x -> x.contains("'Party A/B'") && x.contains("Party_A_B"))
                .anyMatch(x -> x.contains("'shop'") && x.contains("shop_2.json"));
        assertThat(tree(w.files().get("Party_A_B.json")).at("/LinearAdditiveUtilitySpace/name").asText()).isEqualTo("PartyAB");
    }

    @Test
    void overlapping_groups_are_merged_and_uncovered_issues_get_a_group_of_zeros() throws Exception {
        Domain d = Domain.of("d", List.of(Issue.discrete("a", List.of("x", "y")), Issue.discrete("b", List.of("x", "y", "z")),
                Issue.discrete("c", List.of("x", "y")), Issue.discrete("e", List.of("x", "y"))));
        SumOfGroupsUtility u = SumOfGroupsUtility.of(d, List.of(
                new SumOfGroupsUtility.Group("ab", new int[] {0, 1}, new double[] {0.1, 0.2, 0.0, 0.05, 0.15, 0.1}),
                new SumOfGroupsUtility.Group("bc", new int[] {2, 1}, new double[] {0.3, 0.1, 0.2, 0.0, 0.25, 0.4})));
        UtilityFunction uf = u;
        double r = uf.utility(new int[] {1, 2, 1, 0});
        Written w = GeniusWebJson.write(Scenario.builder(d).party(Party.negotiator("g", Profile.of(u, r))).build());
        assertThat(w.warnings()).singleElement().asString().contains("'g'", "[ab, bc]", "share issues", "'ab&bc'");
        JsonNode parts = tree(w.files().get("g.json")).at("/SumOfGroupsUtilitySpace/partUtilities");
        assertThat(parts.get("ab&bc").at("/PartsUtilities/issues").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
        assertThat(parts.get("e").at("/PartsUtilities/issues").toString()).isEqualTo("[\"e\"]");
        assertThat(parts.get("e").at("/PartsUtilities/utilslist").size()).isZero();   // zeros are left out
        Scenario s = back(w);
        assertThat(s.parties().get(0).profile().reservation()).isCloseTo(r, within(1e-15));
        for (long k = 0; k < d.outcomeCountExact(); k++) {
            int[] o = d.outcomeAt(k);
            assertThat(s.parties().get(0).profile().utility().utility(o)).isCloseTo(u.utility(o), within(1e-12));
        }
    }
}
