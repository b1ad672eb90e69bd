package org.pourparler.io.pourparler;

import org.pourparler.io.source.ScenarioFormatException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.pourparler.model.Scenario;
import org.pourparler.testing.RandomScenarios;

/**
 * Hostile and broken files fail fast, and only with a {@link ScenarioFormatException}: never a
 * stack trace, an out-of-memory error or a hang.
 */
class PourparlerHostileInputTest {
    private static final Duration FAST = Duration.ofSeconds(5);

    /** Parses and returns the error; fails on success, on any other exception, or when slow. */
    static ScenarioFormatException rejected(String text, String name) {
        return assertTimeoutPreemptively(FAST, () -> {
            try {
                PourparlerFormat.parse(text, name);
            } catch (ScenarioFormatException e) {
                return e;
            }
            throw new AssertionError("accepted a hostile file: " + PourparlerNode.abbreviate(text));
        });
    }

    static ScenarioFormatException rejected(String yaml) {
        return rejected(yaml, "hostile.yaml");
    }

    @Test
    void billionLaughsStopsAtTheFirstAlias() {
        StringBuilder b = new StringBuilder("format: pourparler/1\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            b.append('a').append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 9; k++) b.append(k > 0 ? ", " : "").append("*a").append(i - 1);
            b.append("]\n");
        }
        assertThat(rejected(b.toString()).getMessage()).contains("line 3").contains("aliases");
    }

    @Test
    void recursiveAliasesAreRefused() {
        assertThat(rejected("format: pourparler/1\nissues: &x [*x]\n").getMessage()).contains("aliases");
    }

    @Test
    void deepNestingIsRefused() {
        // over many lines: a single line this long is refused before parsing (SourceLimitsTest)
        String deepList = "format: pourparler/1\ntitle: " + ("[".repeat(1000) + "\n  ").repeat(100) + ("]".repeat(1000) + "\n  ").repeat(100) + "\n";
        assertThat(rejected(deepList).getMessage()).containsAnyOf("nest", "depth");
        String deepJson = "{\"format\": \"pourparler/1\", \"title\": " + "{\"a\": ".repeat(50_000) + "1" + "}".repeat(50_001);
        assertThat(rejected(deepJson, "hostile.json").getMessage()).containsAnyOf("nest", "depth");
        StringBuilder block = new StringBuilder("format: pourparler/1\ntitle:\n");
        for (int i = 1; i < 200; i++) block.append(" ".repeat(i)).append("a:\n");
        assertThat(rejected(block.toString()).getMessage()).containsAnyOf("nest", "depth");
    }

    @Test
    void javaTagsNeverConstructObjects() {
        String[] attacks = {
            "format: pourparler/1\ntitle: !!java.lang.Runtime x\n",
            "format: pourparler/1\ntitle: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL "
                    + "[\"http://localhost/\"]]]]\n",
            "!!java.util.HashMap\nformat: pourparler/1\n",
            "format: !custom pourparler/1\n",
            "format: pourparler/1\ntitle: !!binary aGVsbG8=\n",
        };
        for (String a : attacks) assertThat(rejected(a).getMessage()).contains("tags");
    }

    @Test
    void hugeAndTinyNumbersAreRefused() {
        String base = PourparlerFormatTest.BASE;
        assertThat(rejected(base.replace("weight: 0.75", "weight: 1e999999999")).getMessage()).contains("too large");
        assertThat(rejected(base.replace("weight: 0.75", "weight: 1e-999999999")).getMessage()).contains("too small");
        assertThat(rejected(base.replace("weight: 0.75", "weight: " + "9".repeat(5000))).getMessage())
                .containsAnyOf("too long", "Number value length");
        assertThat(rejected(base.replace("integer: {min: 0, max: 2}", "real: {min: 0, max: 1, step: 1e-999999}"))
                .getMessage()).contains("out of range");
        assertThat(rejected(base.replace("integer: {min: 0, max: 2}", "real: {min: -1e900, max: 1e900, step: 1e-900}"))
                .getMessage()).contains("issues[1].real").contains("grid points");
        assertThat(rejected(base.replace("integer: {min: 0, max: 2}",
                "integer: {min: -9223372036854775808, max: 9223372036854775807}")).getMessage()).contains("issues[1].integer");
        assertThat(rejected(base.replace("weight: 0.75", "weight: 1e99999999999999999999")).getMessage())
                .containsAnyOf("too large", "out of range");
    }

    @Test
    void hugeTablesAreRefusedBeforeTheyAreBuilt() {
        String base = PourparlerFormatTest.BASE;
        String wide = base.replace("integer: {min: 0, max: 2}", "integer: {min: 0, max: 15000000}");
        // two parties would tabulate 30 million numbers
        assertThat(rejected(wide.replace("constant: 1", "linear: {slope: 1}")).getMessage())
                .contains("parties[1].utility.issues").contains("16777216");
        String groups = base.replace("integer: {min: 0, max: 2}", "integer: {min: 0, max: 99999}")
                .replace("options: [low, high]", "integer: {min: 0, max: 99999}")
                .replace("price: {weight: 0.75, options: {low: 0, high: 1}}\n        wage: {weight: 0.25, constant: 1}",
                        "price: {weight: 0.75, constant: 0}\n        wage: {weight: 0.25, constant: 1}")
                .replace("options: {low: 1, high: 0}", "constant: 1")
                .replace("      issues:\n        price: {weight: 0.75, constant: 0}\n        wage: {weight: 0.25, constant: 1}",
                        "      kind: sum-of-groups\n      groups: [{issues: [price, wage]}]");
        assertThat(rejected(groups).getMessage()).contains("groups[0].issues").contains("combinations");
    }

    @Test
    void tooManyValuesAreRefused() {
        StringBuilder b = new StringBuilder("{\"format\": \"pourparler/1\", \"title\": [");
        for (int i = 0; i <= PourparlerParser.MAX_VALUES; i++) b.append(i > 0 ? ",0" : "0");
        b.append("]}");
        assertThat(rejected(b.toString(), "hostile.json").getMessage()).contains("more than 2000000 values");
    }

    @Test
    void oddYamlIsAnErrorNotACrash() {
        String[] odd = {
            "format: pourparler/1\n? [a, b]\n: c\n",
            "format: pourparler/1\n~: x\n",
            "format: pourparler/1\ntitle: \u0000\n",
            "format: pourparler/1\ntitle: \"unterminated\n",
            "format: pourparler/1\n\ttitle: tab\n",
            "%YAML 9.9\n---\nformat: pourparler/1\n",
            "format: pourparler/1\ntitle: x\nissues: [{name: a, options: [x]}]\nparties: [{name: p, utility: 3}]\n",
            "format: pourparler/1\ntitle: x\nissues: [{name: a, options: [x]}]\nparties: [{name: p, utility: {kind: [1]}}]\n",
            "format: pourparler/1\ntitle: x\nissues: [{name: a, options: [{name: [1]}]}]\n",
            "format: pourparler/1\ntitle: x\nissues: [{name: a, real: {min: a, max: b, step: c}}]\n",
            "format: [pourparler/1]\n",
            "format:\n",
        };
        for (String y : odd) rejected(y);
    }

    @Property(tries = 200)
    void mutatedFilesGiveAScenarioOrAFormatError(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int mutations) {
        Random rnd = new Random(seed);
        Scenario s = RandomScenarios.scenario(rnd, RandomScenarios.Options.all().withIssues(1, 3).withParties(1, 3));
        boolean json = rnd.nextBoolean();
        StringBuilder text = new StringBuilder(json ? PourparlerFormat.toJson(s) : PourparlerFormat.toYaml(s));
        String junk = ":-[]{}#&*!|>'\"%@`,? \n\t0123456789.eE+x~\\";
        for (int m = 0; m < mutations; m++) {
            int at = rnd.nextInt(text.length() + 1);
            switch (rnd.nextInt(4)) {
                case 0 -> text.setLength(at);                                            // truncated
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + rnd.nextInt(20)));
                case 2 -> text.insert(at, junk.charAt(rnd.nextInt(junk.length())));
                default -> {
                    int from = rnd.nextInt(text.length() + 1);
                    int to = Math.min(text.length(), from + rnd.nextInt(40));
                    text.insert(at, text.substring(from, to));                           // duplicated piece
                }
            }
        }
        String mutated = text.toString();
        assertTimeoutPreemptively(FAST, () -> {
            try {
                PourparlerFormat.parse(mutated, json ? "fuzz.json" : "fuzz.yaml");
            } catch (ScenarioFormatException e) {
                assertThat(e.getMessage()).startsWith(json ? "fuzz.json: " : "fuzz.yaml: ");
            }
        });
    }
}
