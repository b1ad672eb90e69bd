package org.pourparler.io.pourparler;

import org.pourparler.io.source.ScenarioFormatException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Consistency of {@code docs/scenario-format.schema.json} with the reader. No JSON Schema validator
 * is available to core without a new dependency, so this does NOT validate files against the
 * schema. It checks that the schema is valid JSON in draft 2020-12 form, that every {@code $ref}
 * resolves, that each object definition lists exactly the keys the reader allows at that place
 * and allows no others, that the enumerations match the reader's, and that the keys the schema
 * requires at the top are the ones the reader refuses to do without.
 */
class PourparlerSchemaTest {
    private static JsonNode schema;

    @BeforeAll
    static void load() throws Exception {
        String text = Files.readString(PourparlerExamplesTest.root().resolve("docs/scenario-format.schema.json"));
        schema = new ObjectMapper().readTree(text);
    }

    private static JsonNode def(String name) {
        JsonNode d = schema.get("$defs").get(name);
        assertThat(d).as("$defs/" + name).isNotNull();
        return d;
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.get("properties").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void isADraft202012Schema() {
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("type").asText()).isEqualTo("object");
    }

    @Test
    void topLevelMatchesTheReader() {
        assertThat(keys(schema)).containsExactlyElementsOf(PourparlerReader.TOP_KEYS);
        assertThat(schema.get("properties").get("format").get("const").asText()).isEqualTo(PourparlerFormat.VERSION);
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(strings(schema.get("required"))).containsExactlyInAnyOrder("format", "title", "issues");
    }

    @Test
    void theRequiredTopLevelKeysAreRequiredByTheReader() {
        for (String key : strings(schema.get("required"))) {
            String without = PourparlerFormatTest.BASE.replaceAll("(?m)^" + key + ":.*\\n", "");
            if (key.equals("issues")) without = "format: pourparler/1\ntitle: t\n";
            String yaml = without;
            assertThatThrownBy(() -> PourparlerFormat.parse(yaml, "x.yaml")).as(key)
                    .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("missing").hasMessageContaining(key);
        }
    }

    @Test
    void everyObjectDefinitionListsTheReadersKeys() {
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("issue", PourparlerReader.ISSUE_KEYS),
                Map.entry("integerRange", PourparlerReader.INTEGER_KEYS),
                Map.entry("realRange", PourparlerReader.REAL_KEYS),
                Map.entry("party", PourparlerReader.PARTY_KEYS),
                Map.entry("reservation", PourparlerReader.RESERVATION_KEYS),
                Map.entry("discount", PourparlerReader.DISCOUNT_KEYS),
                Map.entry("redLine", PourparlerReader.RED_LINE_KEYS),
                Map.entry("linearAdditive", PourparlerReader.LINEAR_ADDITIVE_KEYS),
                Map.entry("weightWithNotes", PourparlerReader.WEIGHT_KEYS),
                Map.entry("issueUtility", PourparlerReader.ISSUE_UTILITY_KEYS),
                Map.entry("optionUtility", PourparlerReader.OPTION_UTILITY_KEYS),
                Map.entry("linear", PourparlerReader.LINEAR_KEYS),
                Map.entry("triangular", PourparlerReader.TRIANGULAR_KEYS),
                Map.entry("hyperRectangle", PourparlerReader.HYPER_RECTANGLE_KEYS),
                Map.entry("rectangle", PourparlerReader.RECTANGLE_KEYS),
                Map.entry("bound", PourparlerReader.BOUND_KEYS),
                Map.entry("sumOfGroups", PourparlerReader.SUM_OF_GROUPS_KEYS),
                Map.entry("group", PourparlerReader.GROUP_KEYS),
                Map.entry("otherNote", PourparlerReader.OTHER_NOTE_KEYS));
        expected.forEach((name, readerKeys) ->
                assertThat(keys(def(name))).as(name).containsExactlyInAnyOrderElementsOf(readerKeys));
        assertThat(keys(def("option").get("oneOf").get(1))).containsExactlyInAnyOrderElementsOf(PourparlerReader.OPTION_KEYS);
        assertThat(keys(def("piecewise").get("oneOf").get(1))).containsExactlyInAnyOrderElementsOf(PourparlerReader.PIECEWISE_KEYS);
        List<String> oneOfFunctions = new ArrayList<>();
        def("issueUtility").get("oneOf").forEach(alternative -> oneOfFunctions.add(alternative.get("required").get(0).asText()));
        assertThat(oneOfFunctions).containsExactlyInAnyOrderElementsOf(PourparlerReader.FUNCTION_KEYS);
    }

    @Test
    void everyObjectDefinitionIsClosed() {
        List<JsonNode> objects = new ArrayList<>();
        collectObjects(schema.get("$defs"), objects);
        assertThat(objects).hasSizeGreaterThan(15);
        for (JsonNode o : objects) {
            assertThat(o.path("additionalProperties").isBoolean() && !o.get("additionalProperties").asBoolean())
                    .as("closed: " + o.get("properties").fieldNames().next() + "...").isTrue();
            if (o.has("required")) {
                assertThat(keys(o)).containsAll(strings(o.get("required")));
            }
        }
    }

    private static void collectObjects(JsonNode n, List<JsonNode> out) {
        if (n.isObject()) {
            if (n.has("properties")) out.add(n);
            n.elements().forEachRemaining(c -> collectObjects(c, out));
        } else if (n.isArray()) {
            n.forEach(c -> collectObjects(c, out));
        }
    }

    @Test
    void enumerationsMatchTheReader() {
        assertThat(strings(def("party").get("properties").get("role").get("enum"))).isEqualTo(PourparlerReader.ROLES);
        assertThat(List.of(def("linearAdditive").get("properties").get("kind").get("const").asText(),
                def("hyperRectangle").get("properties").get("kind").get("const").asText(),
                def("sumOfGroups").get("properties").get("kind").get("const").asText()))
                .isEqualTo(PourparlerReader.KINDS);
        assertThat(strings(def("hyperRectangle").get("properties").get("aggregation").get("enum")))
                .isEqualTo(PourparlerReader.AGGREGATIONS);
        assertThat(strings(def("piecewise").get("oneOf").get(1).get("properties").get("outside").get("enum")))
                .isEqualTo(PourparlerReader.OUTSIDE);
        assertThat(strings(def("otherNote").get("properties").get("about").get("enum"))).isEqualTo(PourparlerReader.NOTE_KINDS);
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(schema, refs);
        assertThat(refs).hasSizeGreaterThan(30);
        for (String ref : refs) {
            assertThat(ref).startsWith("#/$defs/");
            assertThat(schema.get("$defs").has(ref.substring("#/$defs/".length()))).as(ref).isTrue();
        }
    }

    private static void collectRefs(JsonNode n, List<String> out) {
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (e.getKey().equals("$ref")) out.add(e.getValue().asText());
                else collectRefs(e.getValue(), out);
            }
        } else if (n.isArray()) {
            n.forEach(c -> collectRefs(c, out));
        }
    }
}
