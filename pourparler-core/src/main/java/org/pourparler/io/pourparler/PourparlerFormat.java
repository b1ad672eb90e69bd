package org.pourparler.io.pourparler;

import org.pourparler.io.source.ReadResult;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.source.SourceFiles;
import org.pourparler.io.source.Written;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import org.pourparler.model.Scenario;

/**
 * Pourparler's own scenario format, {@code format: pourparler/1}: one YAML or JSON file (the same
 * tree in either syntax) holding the issues, the parties with their utilities, reservation values,
 * discounts and red lines, and provenance notes on every number. The format is specified in
 * {@code docs/scenario-format.md} and {@code docs/scenario-format.schema.json}.
 *
 * <pre>{@code
 * ReadResult r = PourparlerFormat.read(Path.of("examples/labour-contract.yaml"));
 * Scenario s = r.scenario();                   // r.warnings(): e.g. weights that were normalised
 * String yaml = PourparlerFormat.toYaml(s);     // reads back equal: parse(yaml, "x.yaml").scenario().equals(s)
 * Written w = PourparlerFormat.write(s, PourparlerFormat.Syntax.JSON);   // {"labour-contract-renewal.json": "..."}
 * }</pre>
 *
 * <p>Reading is hardened against hostile files: YAML aliases, tags and several documents are
 * refused, nesting, number length, value count and file size are bounded, duplicate keys and unknown
 * keys are errors. Every problem is a {@link ScenarioFormatException} naming the file, the line and
 * column, and the field path (such as {@code parties[1].utility.issues.territory.weight}).
 */
public final class PourparlerFormat {
    /** The format and version this class reads and writes. */
    public static final String VERSION = "pourparler/1";

    /** The two syntaxes of the format. */
    public enum Syntax {
        YAML("yaml"), JSON("json");

        private final String extension;

        Syntax(String extension) { this.extension = extension; }

        /** The file extension, without the dot. */
        public String extension() { return extension; }
    }

    private PourparlerFormat() { }

    /**
     * Reads a scenario file: JSON when the name ends in {@code .json}, YAML otherwise
     * ({@code .yaml}, {@code .yml}; YAML also reads JSON, but the JSON parser gives more precise errors).
     *
     * @throws ScenarioFormatException naming the file, where in it, and the problem
     */
    public static ReadResult read(Path file) throws ScenarioFormatException {
        String text = SourceFiles.read(file);
        return parse(text, file.toString(), syntaxOf(file.toString()));
    }

    /**
     * Parses a scenario from text; {@code sourceName} names it in messages and chooses the syntax
     * as {@link #read(Path)} does.
     */
    public static ReadResult parse(String text, String sourceName) throws ScenarioFormatException {
        return parse(text, sourceName, syntaxOf(sourceName));
    }

    /** Parses a scenario from text in the given syntax; {@code sourceName} names it in messages. */
    public static ReadResult parse(String text, String sourceName, Syntax syntax) throws ScenarioFormatException {
        PourparlerNode root = PourparlerParser.parse(text, sourceName, syntax == Syntax.JSON);
        return PourparlerReader.read(root, sourceName);
    }

    /**
     * Writes a scenario as one file named after its title ({@code <sanitised title>.yaml} or
     * {@code .json}), in the readable inline form, with every note. Reading the text back gives an
     * equal scenario; the warnings name anything that would not (a note on something that does not
     * exist, for instance).
     */
    public static Written write(Scenario scenario, Syntax syntax) {
        PourparlerWriter.Result r = PourparlerWriter.write(scenario);
        String text = syntax == Syntax.JSON ? PourparlerEmitter.json(r.document()) : PourparlerEmitter.yaml(r.document());
        return new Written(Map.of(fileName(scenario.title(), syntax), text), r.warnings());
    }

    /** The scenario as {@code pourparler/1} YAML text. */
    public static String toYaml(Scenario scenario) {
        return PourparlerEmitter.yaml(PourparlerWriter.write(scenario).document());
    }

    /** The scenario as {@code pourparler/1} JSON text. */
    public static String toJson(Scenario scenario) {
        return PourparlerEmitter.json(PourparlerWriter.write(scenario).document());
    }

    /**
     * A file name for a scenario title: letters and digits kept (lower case), everything else a
     * single hyphen, at most 80 characters; "scenario" when nothing is left.
     */
    static String fileName(String title, Syntax syntax) {
        String s = Normalizer.normalize(title, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                b.appendCodePoint(c);
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
                b.append('-');
            }
        });
        String name = b.toString();
        if (name.length() > 80) name = name.substring(0, Character.isHighSurrogate(name.charAt(79)) ? 79 : 80);
        while (name.endsWith("-")) name = name.substring(0, name.length() - 1);
        return (name.isEmpty() ? "scenario" : name) + "." + syntax.extension();
    }

    private static Syntax syntaxOf(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(".json") ? Syntax.JSON : Syntax.YAML;
    }
}
