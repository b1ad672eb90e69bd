package org.pourparler.io.geniusweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pourparler.io.source.ScenarioFormatException;

/** Malformed and hostile input: only {@link ScenarioFormatException}, naming the place, and quickly. */
@Timeout(10)
class GeniusWebHostileInputTest {

    static final String VALID = GeniusWebReadingTest.standard(false,
            ", \"reservationBid\": {\"issuevalues\": {\"color\": \"blue\", \"size\": 5}}");

    private static void refused(String profile, String... fragments) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> GeniusWebJson.parse(null, Map.of("p", profile)))
                .isInstanceOf(ScenarioFormatException.class)
                .satisfies(e -> {
                    for (String f : fragments) assertThat(e.getMessage()).contains(f);
                    assertThat(e.getMessage()).startsWith("p.json: ").doesNotContain("Exception").doesNotContain("\tat ");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void the_valid_base_text_is_valid() throws Exception {
        assertThat(GeniusWebJson.parse(null, Map.of("p", VALID)).warnings()).isEmpty();
    }

    @Test
    void deeply_nested_arrays_are_refused() {
        refused("[".repeat(1_000_000), "line 1", "deeper than 64 levels");
        refused("{\"a\":".repeat(100_000), "line 1", "deeper than 64 levels");
    }

    @Test
    void a_ten_megabyte_number_is_refused() {
        refused("{\"LinearAdditiveUtilitySpace\": {\"issueWeights\": {\"color\": 1" + "7".repeat(10_000_000) + "}}}",
                "line 1", "longer than");
        refused("[0." + "1".repeat(10_000_000) + "]", "line 1", "longer than");
        refused("[" + "1".repeat(300) + "]", "line 1", "more than 200 digits");
    }

    @Test
    void a_ten_megabyte_string_is_refused() {
        refused("[\"" + "x".repeat(10_000_000) + "\"]", "line 1", "a string or number is longer than 1048576 characters");
    }

    @Test
    void numbers_with_huge_exponents_are_refused_before_any_arithmetic() {
        refused(VALID.replace("[\"0\", \"10\", \"2.5\"]", "[\"0\", \"1e999999999\", \"2.5\"]"), "size", "out of range");
        refused(VALID.replace("\"highValue\": 10", "\"highValue\": 1e-999999999"), "highValue", "out of range");
    }

    @Test
    void a_range_with_too_many_values_is_refused() {
        refused(VALID.replace("[\"0\", \"10\", \"2.5\"]", "[\"0\", \"1e300\", \"1e-50\"]"), "size", "grid points");
        refused(VALID.replace("[\"0\", \"10\", \"2.5\"]", "[\"0\", \"1e9\", \"1\"]"), "size", "tabulates at most");
    }

    @Test
    void duplicate_keys_are_refused_with_their_line() {
        refused(VALID.replace("\"color\": 0.4", "\"color\": 0.4, \"color\": 0.5"), "line 6", "the key 'color' appears twice");
    }

    @Test
    void every_truncation_of_a_profile_is_refused() {
        for (int cut = 0; cut < VALID.length(); cut++) {
            String prefix = VALID.substring(0, cut);
            assertThatThrownBy(() -> GeniusWebJson.parse(null, Map.of("p", prefix))).as("cut at " + cut)
                    .isInstanceOf(ScenarioFormatException.class).hasMessageStartingWith("p.json: ");
        }
    }

    @Test
    void empty_and_blank_files_are_refused() {
        refused("", "is empty");
        refused("  \n\t ", "is empty");
    }

    @Test
    void content_after_the_document_is_refused() {
        refused(VALID + " {}", "after the end");
    }

    @Test
    void wrong_types_are_refused_with_the_json_path_and_position() {
        refused(VALID.replace("\"issueWeights\": {\"color\": 0.4, \"size\": 0.6}", "\"issueWeights\": [0.4, 0.6]"),
                "$.LinearAdditiveUtilitySpace.issueWeights (line 6, column", "expected an object, but found an array");
        refused(VALID.replace("\"blue\": 0.25", "\"blue\": \"high\""),
                "$.LinearAdditiveUtilitySpace.issueUtilities.color.DiscreteValueSetUtilities.valueUtilities.blue", "the string \"high\"");
        refused(VALID.replace("[\"red\", \"blue\"]", "[\"red\", 7]"), "issuesValues.color.values[1]", "expected a string");
        refused(VALID.replace("\"name\": \"shop\"", "\"name\": null"), "domain.name", "found null");
        refused(VALID.replace("\"lowUtility\": 0.2", "\"lowUtility\": true"), "lowUtility", "found true");
        refused(VALID.replace("\"range\": [\"0\", \"10\", \"2.5\"]", "\"range\": [\"0\", \"10\"]"), "range", "[low, high, step]");
        refused(VALID.replace("\"2.5\"]", "\"-1\"]"), "step must be positive");
        refused("{\"LinearAdditiveUtilitySpace\": {\"domain\": 3}}", "$.LinearAdditiveUtilitySpace.domain", "expected an object");
        refused("[1, 2]", "not a GeniusWeb profile");
    }

    @Test
    void issue_names_with_quotes_appear_escaped_in_paths() {
        String odd = VALID.replace("\"color\"", "\"co\\\"lor\"").replace("\"blue\": 0.25", "\"blue\": []");
        refused(odd, "issueUtilities[\"co\\\"lor\"]");
    }
}
