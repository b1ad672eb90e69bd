package org.pourparler.io.geniusweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pourparler.io.source.ReadResult;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.RealIssue;
import org.pourparler.model.Scenario;
import org.pourparler.model.SumOfGroupsUtility;

/**
 * GeniusWeb semantics on small hand-computed profiles. The domain used throughout:
 * color in {red, blue}; size a number range 0..10 step 2.5 (0, 2.5, 5, 7.5, 10).
 */
class GeniusWebReadingTest {

    static final String DOMAIN_BODY = """
            {"name": "shop", "issuesValues": {
                "color": {"values": ["red", "blue"]},
                "size": {"range": ["0", "10", "2.5"]}}}""";

    /** A linear-additive profile with the given utilities, weights and extra fields, in the old or new keys. */
    static String linear(boolean oldKeys, String colorUtils, String sizeUtils, String weights, String extra) {
        String d = oldKeys ? "discreteutils" : "DiscreteValueSetUtilities";
        String n = oldKeys ? "numberutils" : "NumberValueSetUtilities";
        return """
                {"LinearAdditiveUtilitySpace": {
                  "name": "p",
                  "issueUtilities": {
                    "color": {"%s": {"valueUtilities": %s}},
                    "size": {"%s": %s}},
                  "issueWeights": %s,
                  "domain": %s%s}}""".formatted(d, colorUtils, n, sizeUtils, weights, DOMAIN_BODY, extra);
    }

    static String standard(boolean oldKeys, String extra) {
        return linear(oldKeys, "{\"red\": 1, \"blue\": 0.25}",
                "{\"lowValue\": 0, \"lowUtility\": 0.2, \"highValue\": 10, \"highUtility\": 1.0}",
                "{\"color\": 0.4, \"size\": 0.6}", extra);
    }

    static ReadResult read(String profile) throws ScenarioFormatException {
        return GeniusWebJson.parse(null, Map.of("p", profile));
    }

    static Profile profile(String json) throws ScenarioFormatException {
        return read(json).scenario().parties().get(0).profile();
    }

    static int[] outcome(Domain d, String color, String size) {
        return d.outcomeOf(Map.of("color", color, "size", size));
    }

    @Nested
    class LinearAdditive {
        @Test
        void utility_is_the_weighted_sum_of_value_utilities() throws Exception {
            Profile p = profile(standard(false, ""));
            Domain d = p.domain();
            // 0.4 * 0.25 + 0.6 * (0.2 + 0.8 * 5/10) = 0.1 + 0.36
            assertThat(p.utility().utility(outcome(d, "blue", "5"))).isCloseTo(0.46, within(1e-15));
            // 0.4 * 1 + 0.6 * (0.2 + 0.8 * 2.5/10) = 0.4 + 0.24
            assertThat(p.utility().utility(outcome(d, "red", "2.5"))).isCloseTo(0.64, within(1e-15));
            assertThat(p.utility().utility(outcome(d, "red", "10"))).isCloseTo(1.0, within(1e-15));
        }

        @Test
        void old_and_new_type_keys_mean_the_same() throws Exception {
            Profile a = profile(standard(true, ""));
            Profile b = profile(standard(false, ""));
            Domain d = a.domain();
            for (long k = 0; k < d.outcomeCountExact(); k++) {
                int[] o = d.outcomeAt(k);
                assertThat(a.utility().utility(o)).isEqualTo(b.utility().utility(o));
            }
        }

        @Test
        void number_utility_is_zero_outside_low_and_high_values_and_interpolates_inside() throws Exception {
            ReadResult r = read(linear(false, "{\"red\": 1, \"blue\": 0}",
                    "{\"lowValue\": 2.5, \"lowUtility\": 0.5, \"highValue\": 7.5, \"highUtility\": 0.9}",
                    "{\"color\": 0, \"size\": 1}", ""));
            Profile p = r.scenario().parties().get(0).profile();
            Domain d = p.domain();
            assertThat(p.utility().utility(outcome(d, "red", "0"))).isEqualTo(0.0);
            assertThat(p.utility().utility(outcome(d, "red", "2.5"))).isCloseTo(0.5, within(1e-15));
            assertThat(p.utility().utility(outcome(d, "red", "5"))).isCloseTo(0.7, within(1e-15));
            assertThat(p.utility().utility(outcome(d, "red", "7.5"))).isCloseTo(0.9, within(1e-15));
            assertThat(p.utility().utility(outcome(d, "red", "10"))).isEqualTo(0.0);
            assertThat(r.warnings()).singleElement().asString()
                    .contains("p.json", "'size'", "2.5 to 7.5", "0 to 10", "count 0", "refuses");
        }

        @Test
        void a_value_missing_from_the_utilities_counts_zero_with_a_warning() throws Exception {
            ReadResult r = read(linear(false, "{\"red\": 0.8}",
                    "{\"lowValue\": 0, \"lowUtility\": 0, \"highValue\": 10, \"highUtility\": 1}", "{\"color\": 0.5, \"size\": 0.5}", ""));
            Profile p = r.scenario().parties().get(0).profile();
            assertThat(p.utility().utility(outcome(p.domain(), "blue", "0"))).isEqualTo(0.0);
            assertThat(p.utility().utility(outcome(p.domain(), "red", "0"))).isCloseTo(0.4, within(1e-15));
            assertThat(r.warnings()).singleElement().asString().contains("p.json", "'color'", "\"blue\"", "counts 0");
        }

        @Test
        void a_utility_for_a_value_not_in_the_domain_is_ignored_with_a_warning() throws Exception {
            ReadResult r = read(linear(false, "{\"red\": 1, \"blue\": 0.5, \"green\": 0.7}",
                    "{\"lowValue\": 0, \"lowUtility\": 0, \"highValue\": 10, \"highUtility\": 1}", "{\"color\": 1, \"size\": 0}", ""));
            assertThat(r.warnings()).singleElement().asString().contains("\"green\"", "ignored", "line");
        }

        @Test
        void weights_not_summing_to_one_are_normalised_with_a_warning() throws Exception {
            ReadResult r = read(linear(false, "{\"red\": 1, \"blue\": 0}",
                    "{\"lowValue\": 0, \"lowUtility\": 0, \"highValue\": 10, \"highUtility\": 1}", "{\"color\": 2, \"size\": 2}", ""));
            Profile p = r.scenario().parties().get(0).profile();
            assertThat(p.utility().utility(outcome(p.domain(), "red", "0"))).isCloseTo(0.5, within(1e-15));
            assertThat(r.warnings()).singleElement().asString().contains("sum to 4", "not 1");
        }

        @Test
        void weights_off_by_float_noise_are_normalised_silently() throws Exception {
            ReadResult r = read(linear(false, "{\"red\": 1, \"blue\": 0}",
                    "{\"lowValue\": 0, \"lowUtility\": 0, \"highValue\": 10, \"highUtility\": 1}",
                    "{\"color\": 0.5000000001, \"size\": 0.5}", ""));
            assertThat(r.warnings()).isEmpty();
        }

        @Test
        void bad_weights_are_errors_naming_the_issue_and_the_file() {
            String utils = "{\"lowValue\": 0, \"lowUtility\": 0, \"highValue\": 10, \"highUtility\": 1}";
            for (String[] c : new String[][] {
                    {"{\"color\": \"NaN\", \"size\": 0.5}", "color", "\"NaN\""},
                    {"{\"color\": -0.5, \"size\": 1.5}", "color", "negative"},
                    {"{\"size\": 1}", "color", "no weight"},
                    {"{\"color\": 0.5, \"size\": 0.5, \"weight\": 0}", "weight", "not in domain"},
                    {"{\"color\": 0, \"size\": 0}", "issueWeights", "all weights are 0"},
                    {"{\"color\": 1e350, \"size\": 0}", "color", "too large"}}) {
                assertThatThrownBy(() -> read(linear(false, "{\"red\": 1, \"blue\": 0}", utils, c[0], "")))
                        .as(c[0]).isInstanceOf(ScenarioFormatException.class)
                        .hasMessageContaining("p.json").hasMessageContaining(c[1]).hasMessageContaining(c[2])
                        .hasMessageContaining("line");
            }
        }

        @Test
        void utilities_of_the_wrong_kind_for_the_issue_are_errors() {
            assertThatThrownBy(() -> read(linear(false, "{\"red\": 1, \"blue\": 0}",
                    "{\"valueUtilities\": {\"0\": 1}}", "{\"color\": 1, \"size\": 0}", "")
                    .replace("\"NumberValueSetUtilities\"", "\"DiscreteValueSetUtilities\"")))
                    .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("'size' is a number issue");
            assertThatThrownBy(() -> read(standard(false, "").replace("NumberValueSetUtilities", "LinearUtilities")))
                    .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("unknown utilities type \"LinearUtilities\"");
        }

        @Test
        void an_issue_without_utilities_is_an_error() {
            String json = standard(false, "").replace("\"color\": {\"DiscreteValueSetUtilities\": {\"valueUtilities\": {\"red\": 1, \"blue\": 0.25}}},", "");
            assertThatThrownBy(() -> read(json)).isInstanceOf(ScenarioFormatException.class)
                    .hasMessageContaining("'color' has no utilities");
        }

        @Test
        void high_value_not_above_low_value_is_an_error() {
            assertThatThrownBy(() -> read(linear(false, "{\"red\": 1, \"blue\": 0}",
                    "{\"lowValue\": 10, \"lowUtility\": 0, \"highValue\": 10, \"highUtility\": 1}", "{\"color\": 1, \"size\": 0}", "")))
                    .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("highValue 10 must be above lowValue 10");
        }
    }

    @Nested
    class Reservation {
        @Test
        void the_reservation_value_is_the_utility_of_the_reservation_bid_which_is_kept() throws Exception {
            Profile p = profile(standard(false, ", \"reservationBid\": {\"issuevalues\": {\"color\": \"blue\", \"size\": 5}}"));
            assertThat(p.reservation()).isCloseTo(0.46, within(1e-15));
            assertThat(p.reservationOutcome()).contains(Outcome.of(1, 2));
        }

        @Test
        void no_reservation_bid_or_null_means_zero() throws Exception {
            assertThat(profile(standard(false, "")).reservation()).isEqualTo(0.0);
            Profile p = profile(standard(false, ", \"reservationBid\": null"));
            assertThat(p.reservation()).isEqualTo(0.0);
            assertThat(p.reservationOutcome()).isEmpty();
        }

        @Test
        void the_lower_case_key_of_sum_of_groups_files_is_read_too() throws Exception {
            Profile p = profile(standard(false, ", \"reservationbid\": {\"issuevalues\": {\"color\": \"red\", \"size\": 10}}"));
            assertThat(p.reservation()).isCloseTo(1.0, within(1e-15));
        }

        @Test
        void an_invalid_reservation_bid_gives_zero_and_says_so() throws Exception {
            // as jobs1partial20.json: "salary": "300" is not an option
            ReadResult r = read(standard(false, ", \"reservationBid\": {\"issuevalues\": {\"color\": \"300\", \"size\": 5}}"));
            Profile p = r.scenario().parties().get(0).profile();
            assertThat(p.reservation()).isEqualTo(0.0);
            assertThat(p.reservationOutcome()).isEmpty();
            assertThat(r.warnings()).singleElement().asString()
                    .contains("p.json", "reservation bid", "not valid", "'color' has no option \"300\"", "set to 0");
        }

        @Test
        void a_number_off_the_grid_or_an_unknown_issue_makes_the_bid_invalid() throws Exception {
            for (String bid : List.of("{\"color\": \"red\", \"size\": 3}", "{\"color\": \"red\", \"weight\": 3}", "[\"red\", 5]",
                    "{\"color\": \"red\", \"size\": 1e999999999}")) {
                ReadResult r = read(standard(false, ", \"reservationBid\": {\"issuevalues\": " + bid + "}"));
                assertThat(r.scenario().parties().get(0).profile().reservation()).as(bid).isEqualTo(0.0);
                assertThat(r.warnings()).as(bid).singleElement().asString().contains("not valid");
            }
        }

        @Test
        void a_partial_bid_counts_missing_issues_as_zero() throws Exception {
            ReadResult r = read(standard(false, ", \"reservationBid\": {\"issuevalues\": {\"size\": 5}}"));
            Profile p = r.scenario().parties().get(0).profile();
            assertThat(p.reservation()).isCloseTo(0.36, within(1e-15));
            assertThat(p.reservationOutcome()).isEmpty();
            assertThat(r.warnings()).singleElement().asString().contains("no value for issue", "color", "0.36");
        }

        @Test
        void a_number_given_as_a_string_is_matched_with_a_warning() throws Exception {
            ReadResult r = read(standard(false, ", \"reservationBid\": {\"issuevalues\": {\"color\": \"blue\", \"size\": \"5.0\"}}"));
            assertThat(r.scenario().parties().get(0).profile().reservation()).isCloseTo(0.46, within(1e-15));
            assertThat(r.warnings()).singleElement().asString().contains("string \"5.0\"", "number 5.0");
        }
    }

    @Nested
    class SumOfGroups {
        static final String DOMAIN = """
                {"name": "party", "issuesValues": {
                    "Drinks": {"values": ["Beer", "Wine"]},
                    "Food": {"values": ["Chips", "Cake", "Catering"]},
                    "Music": {"values": ["DJ", "Band"]}}}""";

        static String profile(String key, String extra) {
            return profile(key, extra, true);
        }

        static String profile(String key, String extra, boolean music) {
            String musicGroup = !music ? "" : """
                    ,
                        "Music": {"%s": {"issues": ["Music"], "utilslist": [
                            {"values": ["DJ"], "util": 0.4}, {"values": ["Band"], "util": 0.1}]}}""".formatted(key);
            return """
                    {"SumOfGroupsUtilitySpace": {"name": "g", "domain": %s,
                      "partUtilities": {
                        "food&drinks": {"%s": {"issues": ["Food", "Drinks"], "utilslist": [
                            {"values": ["Chips", "Beer"], "util": 0.3},
                            {"values": ["Cake", "Wine"], "util": 0.5},
                            {"values": ["Catering", "Wine"], "util": 0.6}]}}%s}%s}}"""
                    .formatted(DOMAIN, key, musicGroup, extra);
        }

        @Test
        void utility_is_the_sum_of_the_groups_and_missing_combinations_count_zero() throws Exception {
            for (String key : List.of("partsutils", "PartsUtilities")) {
                ReadResult r = GeniusWebJson.parse(null, Map.of("g", profile(key, "")));
                assertThat(r.warnings()).isEmpty();
                Scenario s = r.scenario();
                var u = s.parties().get(0).profile().utility();
                assertThat(u).isInstanceOf(SumOfGroupsUtility.class);
                Domain d = s.domain();
                assertThat(u.utility(d.outcomeOf(Map.of("Drinks", "Wine", "Food", "Catering", "Music", "DJ")))).isCloseTo(1.0, within(1e-15));
                assertThat(u.utility(d.outcomeOf(Map.of("Drinks", "Beer", "Food", "Chips", "Music", "Band")))).isCloseTo(0.4, within(1e-15));
                // (Cake, Beer) is not listed: 0 for that group
                assertThat(u.utility(d.outcomeOf(Map.of("Drinks", "Beer", "Food", "Cake", "Music", "Band")))).isCloseTo(0.1, within(1e-15));
            }
        }

        @Test
        void the_reservation_bid_of_a_sum_of_groups_profile() throws Exception {
            Profile p = GeniusWebJson.parse(null, Map.of("g", profile("partsutils",
                    ", \"reservationbid\": {\"issuevalues\": {\"Drinks\": \"Wine\", \"Food\": \"Cake\", \"Music\": \"Band\"}}")))
                    .scenario().parties().get(0).profile();
            assertThat(p.reservation()).isCloseTo(0.6, within(1e-15));
        }

        @Test
        void groups_that_do_not_cover_every_issue_are_read_with_a_warning() throws Exception {
            String json = profile("partsutils", "", false);
            ReadResult r = GeniusWebJson.parse(null, Map.of("g", json));
            assertThat(r.warnings()).singleElement().asString().contains("no group covers issue", "Music");
        }

        @Test
        void a_listed_combination_with_the_wrong_number_of_values_is_an_error() {
            String json = profile("partsutils", "").replace("[\"Chips\", \"Beer\"]", "[\"Chips\"]");
            assertThatThrownBy(() -> GeniusWebJson.parse(null, Map.of("g", json))).isInstanceOf(ScenarioFormatException.class)
                    .hasMessageContaining("g.json").hasMessageContaining("has 2 issues, but this entry lists 1 values");
        }
    }

    @Nested
    class Domains {
        @Test
        void ranges_may_be_strings_numbers_or_an_object_and_become_real_grids() throws Exception {
            for (String range : List.of("[\"0\", \"10\", \"2.5\"]", "[0, 10, 2.5]", "{\"low\": 0, \"high\": 10.0, \"step\": 2.50}")) {
                Scenario s = GeniusWebJson.parse("{\"name\": \"d\", \"issuesValues\": {\"size\": {\"range\": " + range + "}}}", Map.of())
                        .scenario();
                assertThat(s.domain().issue(0)).as(range).isEqualTo(new RealIssue("size",
                        new java.math.BigDecimal("0"), new java.math.BigDecimal("10"), new java.math.BigDecimal("2.5")));
                assertThat(s.domain().issue(0).size()).isEqualTo(5);
            }
        }

        @Test
        void a_range_whose_high_is_off_the_grid_ends_at_the_last_step_below_it() throws Exception {
            Scenario s = GeniusWebJson.parse("{\"name\": \"d\", \"issuesValues\": {\"x\": {\"range\": [\"0\", \"10\", \"3\"]}}}", Map.of())
                    .scenario();
            assertThat(s.domain().issue(0).size()).isEqualTo(4);
            assertThat(s.domain().issue(0).label(3)).isEqualTo("9");
        }

        @Test
        void the_embedded_domain_may_list_issues_in_another_order() throws Exception {
            String reordered = standard(false, "").replace(DOMAIN_BODY, """
                    {"name": "shop", "issuesValues": {
                        "size": {"range": ["0", "10", "2.5"]},
                        "color": {"values": ["blue", "red"]}}}""");
            ReadResult r = GeniusWebJson.parse(DOMAIN_BODY, Map.of("p", reordered));
            Scenario s = r.scenario();
            assertThat(s.domain().issue(0).name()).isEqualTo("color");
            assertThat(s.domain().issue(0).label(0)).isEqualTo("red");
            assertThat(s.parties().get(0).profile().utility().utility(outcome(s.domain(), "blue", "5"))).isCloseTo(0.46, within(1e-15));
        }

        @Test
        void a_profile_over_another_domain_asked_for_alone_is_an_error() {
            String other = standard(false, "").replace("\"name\": \"shop\"", "\"name\": \"garage\"");
            assertThatThrownBy(() -> GeniusWebJson.parse(DOMAIN_BODY, Map.of("p", other)))
                    .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("p.json")
                    .hasMessageContaining("'garage'").hasMessageContaining("'shop'");
        }

        @Test
        void an_unsupported_profile_type_asked_for_alone_is_an_error_naming_the_type() {
            String ordering = "{\"DefaultPartialOrdering\": {\"name\": \"o\", \"domain\": " + DOMAIN_BODY + ", \"bids\": [], \"better\": []}}";
            assertThatThrownBy(() -> GeniusWebJson.parse(null, Map.of("o", ordering)))
                    .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("o.json").hasMessageContaining("DefaultPartialOrdering");
        }

        @Test
        void an_unsupported_profile_among_others_is_skipped_with_a_warning() throws Exception {
            String ordering = "{\"DefaultPartialOrdering\": {\"name\": \"o\", \"domain\": " + DOMAIN_BODY + "}}";
            ReadResult r = GeniusWebJson.parse(null, Map.of("o", ordering, "p", standard(false, "")));
            assertThat(r.scenario().parties()).extracting(Party::name).containsExactly("p");
            assertThat(r.warnings()).singleElement().asString().contains("o.json", "DefaultPartialOrdering", "skipped");
        }
    }

    @Nested
    class Folders {
        @TempDir
        Path dir;

        private void file(String name, String text) throws IOException {
            Files.writeString(dir.resolve(name), text);
        }

        @Test
        void parties_are_named_after_their_files_in_file_name_order() throws Exception {
            file("shop.json", DOMAIN_BODY);
            file("zeta.json", standard(false, ""));
            file("alpha.json", standard(true, ""));
            file("specials.json", "{\"size\": 10, \"pareto_front\": []}");
            ReadResult r = GeniusWebJson.readFolder(dir, null);
            assertThat(r.scenario().parties()).extracting(Party::name).containsExactly("alpha", "zeta");
            assertThat(r.scenario().title()).isEqualTo("shop");
            assertThat(r.warnings()).isEmpty();
        }

        @Test
        void without_a_domain_file_the_profiles_domain_is_used_and_a_profile_over_another_is_skipped() throws Exception {
            file("a.json", standard(false, ""));
            file("b.json", standard(false, ""));
            file("c.json", standard(false, "").replace("\"name\": \"shop\"", "\"name\": \"garage\""));
            ReadResult r = GeniusWebJson.readFolder(dir, null);
            assertThat(r.scenario().domain().name()).isEqualTo("shop");
            assertThat(r.scenario().parties()).extracting(Party::name).containsExactly("a", "b");
            assertThat(r.warnings()).singleElement().asString().contains("c.json", "'garage'", "skipped");
        }

        @Test
        void several_domain_files_need_a_choice() throws Exception {
            file("shop.json", DOMAIN_BODY);
            file("garage.json", DOMAIN_BODY.replace("\"shop\"", "\"garage\""));
            file("p.json", standard(false, ""));
            assertThatThrownBy(() -> GeniusWebJson.readFolder(dir, null)).isInstanceOf(ScenarioFormatException.class)
                    .hasMessageContaining("2 different domains").hasMessageContaining("garage.json").hasMessageContaining("shop.json");
            ReadResult r = GeniusWebJson.readFolder(dir, "shop");
            assertThat(r.scenario().parties()).extracting(Party::name).containsExactly("p");
            ReadResult g = GeniusWebJson.readFolder(dir, "garage");
            assertThat(g.scenario().parties()).isEmpty();
            assertThat(g.warnings()).anyMatch(w -> w.contains("p.json") && w.contains("skipped"));
            assertThatThrownBy(() -> GeniusWebJson.readFolder(dir, "kitchen")).isInstanceOf(ScenarioFormatException.class)
                    .hasMessageContaining("no domain 'kitchen'").hasMessageContaining("shop.json");
        }

        @Test
        void a_json_file_that_is_neither_domain_nor_profile_is_skipped_with_a_warning() throws Exception {
            file("shop.json", DOMAIN_BODY);
            file("p.json", standard(false, ""));
            file("notes.json", "[1, 2, 3]");
            ReadResult r = GeniusWebJson.readFolder(dir, null);
            assertThat(r.warnings()).singleElement().asString().contains("notes.json", "neither");
        }

        @Test
        void read_files_takes_a_domain_and_profiles_one_by_one() throws Exception {
            file("shop.json", DOMAIN_BODY);
            file("p.json", standard(false, ", \"reservationBid\": {\"issuevalues\": {\"color\": \"blue\", \"size\": 5}}"));
            ReadResult r = GeniusWebJson.readFiles(dir.resolve("shop.json"), List.of(dir.resolve("p.json")));
            assertThat(r.scenario().parties().get(0).profile().reservation()).isCloseTo(0.46, within(1e-15));
            assertThat(r.scenario().parties().get(0).profile().reservationOutcome()).isEqualTo(Optional.of(Outcome.of(1, 2)));
            assertThatThrownBy(() -> GeniusWebJson.readFiles(dir.resolve("p.json"), List.of(dir.resolve("shop.json"))))
                    .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("not a GeniusWeb domain");
            assertThatThrownBy(() -> GeniusWebJson.readFiles(null, List.of(dir.resolve("missing.json"))))
                    .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("no such file");
        }

        @Test
        void a_missing_folder_is_an_error() {
            assertThatThrownBy(() -> GeniusWebJson.readFolder(dir.resolve("nowhere"), null))
                    .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("no such folder");
        }
    }
}
