package org.pourparler.io.pourparler;

import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.source.SourceFiles;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pourparler.io.pourparler.PourparlerNode.ListNode;
import org.pourparler.io.pourparler.PourparlerNode.MapNode;
import org.pourparler.io.pourparler.PourparlerNode.ScalarKind;
import org.pourparler.io.pourparler.PourparlerNode.ScalarNode;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Parses YAML or JSON text into a {@link PourparlerNode} tree, hardened against hostile input:
 * no aliases, no tags, no object construction, bounded nesting, numbers, strings and size, and
 * duplicate keys refused. Syntax errors name the line and column.
 */
public final class PourparlerParser {
    /** Deepest nesting accepted; a scenario needs about 8 levels. */
    static final int MAX_DEPTH = 64;
    /** Most values (scalars, lists, mappings) in one file. */
    static final int MAX_VALUES = 2_000_000;
    /** Longest string value or key, in characters (a label, a name, a note). */
    static final int MAX_STRING_CHARS = 1 << 20;
    /**
     * Longest line of a YAML file, in characters. SnakeYAML's reader takes time quadratic in the
     * length of a scalar written on one line (4 MB: 16 s), so longer lines are refused before it
     * sees them; a long text fits in a block scalar ({@code |}), whose lines it reads in linear time.
     */
    static final int MAX_YAML_LINE_CHARS = 100_000;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxNumberLength(PourparlerNumbers.MAX_NUMBER_CHARS)
            .maxStringLength(MAX_STRING_CHARS)
            .maxNameLength(MAX_STRING_CHARS)
            .maxDocumentLength(SourceFiles.MAX_BYTES)
            .build();

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(LIMITS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(LIMITS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private static final Pattern JACKSON_LOCATION =
            Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
    /** Jackson's advice on enabling its own features means nothing to a user. */
    private static final Pattern JACKSON_ADVICE =
            Pattern.compile(":? ?\\(?[Ee]nable `[^`]+` to allow\\)?|, from `[^`]+`");

    private final String source;
    private int values;

    private PourparlerParser(String source) {
        this.source = source;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        // Defence in depth: aliases are refused below anyway, so a "billion laughs" stops at the first one.
        o.setMaxAliasesForCollections(10);
        o.setAllowRecursiveKeys(false);
        // Duplicate keys are refused by the tree builder below, which names the path and the first occurrence.
        o.setAllowDuplicateKeys(true);
        o.setNestingDepthLimit(MAX_DEPTH);
        o.setCodePointLimit((int) SourceFiles.MAX_BYTES);
        o.setProcessComments(false);
        o.setTagInspector(tag -> false);   // never construct objects from tags
        return o;
    }

    /** Refuses a YAML line longer than {@link #MAX_YAML_LINE_CHARS}, in one linear pass, before SnakeYAML reads it. */
    private static void checkLineLengths(String text, String source) throws ScenarioFormatException {
        int line = 1;
        int start = 0;
        for (int i = 0, n = text.length(); i <= n; i++) {
            if (i == n || text.charAt(i) == '\n') {
                if (i - start > MAX_YAML_LINE_CHARS) {
                    throw new ScenarioFormatException(source, "line " + line, "is " + (i - start) + " characters long; YAML lines "
                            + "are limited to " + MAX_YAML_LINE_CHARS + " (write a long text as a block scalar, '|', over several lines)");
                }
                line++;
                start = i + 1;
            }
        }
    }

    /** Parses {@code text}; {@code json} chooses the JSON parser (precise JSON errors) over YAML. */
    public static PourparlerNode parse(String text, String source, boolean json) throws ScenarioFormatException {
        if (text.length() > SourceFiles.MAX_BYTES) {
            throw new ScenarioFormatException(source, null, "is " + text.length()
                    + " characters long; scenario files are limited to " + SourceFiles.MAX_BYTES);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        if (!json) checkLineLengths(text, source);
        PourparlerParser p = new PourparlerParser(source);
        JsonParser jp = null;
        try {
            jp = (json ? JSON : YAML).createParser(text);
            JsonToken t = jp.nextToken();
            if (t == null) {
                throw new ScenarioFormatException(source, null, "is empty; a scenario starts with 'format: "
                        + PourparlerFormat.VERSION + "'");
            }
            PourparlerNode root = p.value(jp, t, "", 0);
            JsonToken extra = jp.nextToken();
            if (extra != null) {
                throw new ScenarioFormatException(source, PourparlerNode.where("", line(jp), column(jp)),
                        json ? "unexpected content after the end of the JSON value"
                             : "a second YAML document follows ('---'); a scenario file holds exactly one");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(source, json, e, jp);
        } catch (IOException e) {
            throw new ScenarioFormatException(source, null, "cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // SnakeYAML or Jackson failing on malformed input in a way they do not declare
            throw new ScenarioFormatException(source, jp == null ? null : PourparlerNode.where("", line(jp), column(jp)),
                    (json ? "JSON" : "YAML") + " syntax error: " + firstLine(String.valueOf(e.getMessage())), e);
        } finally {
            if (jp != null) {
                try {
                    jp.close();
                } catch (IOException | RuntimeException ignored) {
                    // reading a string: nothing to release
                }
            }
        }
    }

    private PourparlerNode value(JsonParser jp, JsonToken t, String path, int depth)
            throws IOException, ScenarioFormatException {
        int line = line(jp);
        int column = column(jp);
        if (++values > MAX_VALUES) {
            throw new ScenarioFormatException(source, PourparlerNode.where(path, line, column),
                    "the file holds more than " + MAX_VALUES + " values; that is far more than a scenario needs");
        }
        if (depth > MAX_DEPTH) {
            throw new ScenarioFormatException(source, PourparlerNode.where(path, line, column),
                    "nested more than " + MAX_DEPTH + " levels deep");
        }
        if (jp instanceof YAMLParser y) {
            if (y.isCurrentAlias()) {
                throw new ScenarioFormatException(source, PourparlerNode.where(path, line, column),
                        "YAML aliases (*" + jp.getText() + ") are not supported: write the value out in full");
            }
            Object tag = jp.getTypeId();
            if (tag != null) {
                throw new ScenarioFormatException(source, PourparlerNode.where(path, line, column),
                        "YAML tags (here '" + String.valueOf(tag).replace("tag:yaml.org,2002:", "!!")
                                + "') are not supported: write plain values, and quote a text"
                                + " that would otherwise read as a number or boolean");
            }
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, PourparlerNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                JsonToken k;
                while ((k = jp.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = jp.currentName();
                    int keyLine = line(jp);
                    int keyColumn = column(jp);
                    if (key.length() > MAX_STRING_CHARS) {
                        throw new ScenarioFormatException(source, PourparlerNode.where(path, keyLine, keyColumn), "a key is "
                                + key.length() + " characters long; keys and values are limited to " + MAX_STRING_CHARS);
                    }
                    String childPath = PourparlerNode.child(path, key);
                    if (entries.containsKey(key)) {
                        throw new ScenarioFormatException(source, PourparlerNode.where(childPath, keyLine, keyColumn),
                                "the key '" + key + "' appears twice in the same mapping (first at line "
                                        + keyLines.get(key) + "); remove one");
                    }
                    keyLines.put(key, keyLine);
                    entries.put(key, value(jp, jp.nextToken(), childPath, depth + 1));
                }
                if (k != JsonToken.END_OBJECT) {
                    throw new ScenarioFormatException(source, PourparlerNode.where(path, line(jp), column(jp)),
                            "unexpected " + k + " inside a mapping");
                }
                return new MapNode(path, line, column, entries);
            }
            case START_ARRAY: {
                List<PourparlerNode> items = new ArrayList<>();
                JsonToken k;
                while ((k = jp.nextToken()) != JsonToken.END_ARRAY) {
                    if (k == null) {
                        throw new ScenarioFormatException(source, PourparlerNode.where(path, line, column),
                                "the list is not closed");
                    }
                    items.add(value(jp, k, PourparlerNode.item(path, items.size()), depth + 1));
                }
                return new ListNode(path, line, column, items);
            }
            case VALUE_STRING: {
                // Jackson's string limit is not applied to YAML scalars: checked here for both syntaxes
                String text = jp.getText();
                if (text.length() > MAX_STRING_CHARS) {
                    throw new ScenarioFormatException(source, PourparlerNode.where(path, line, column), "the value is "
                            + text.length() + " characters long; values are limited to " + MAX_STRING_CHARS);
                }
                return new ScalarNode(path, line, column, ScalarKind.TEXT, text);
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new ScalarNode(path, line, column, ScalarKind.NUMBER, jp.getText());
            case VALUE_TRUE:
                return new ScalarNode(path, line, column, ScalarKind.TRUE, jp.getText());
            case VALUE_FALSE:
                return new ScalarNode(path, line, column, ScalarKind.FALSE, jp.getText());
            case VALUE_NULL:
                return new ScalarNode(path, line, column, ScalarKind.NULL, "");
            default:
                throw new ScenarioFormatException(source, PourparlerNode.where(path, line, column),
                        "unsupported value (" + t + "); use text, numbers, lists and mappings only");
        }
    }

    private static int line(JsonParser jp) {
        JsonLocation l = jp.currentTokenLocation();
        return l == null ? 0 : Math.max(0, l.getLineNr());
    }

    private static int column(JsonParser jp) {
        JsonLocation l = jp.currentTokenLocation();
        return l == null ? 0 : Math.max(0, l.getColumnNr());
    }

    private static ScenarioFormatException syntaxError(String source, boolean json, JsonProcessingException e,
                                                       JsonParser jp) {
        int line = 0;
        int column = 0;
        String problem;
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblem() != null) {
            problem = m.getProblem();
            if (m.getProblemMark() != null) {
                line = m.getProblemMark().getLine() + 1;
                column = m.getProblemMark().getColumn() + 1;
            }
            if (m.getContext() != null) {
                problem += " (" + m.getContext()
                        + (m.getContextMark() != null ? " that starts at line " + (m.getContextMark().getLine() + 1)
                                + ", column " + (m.getContextMark().getColumn() + 1) : "") + ")";
            }
        } else {
            problem = String.valueOf(e.getOriginalMessage());
            Matcher m = JACKSON_LOCATION.matcher(problem);
            problem = m.replaceAll(r -> "line " + r.group(1) + ", column " + r.group(2));
            problem = firstLine(JACKSON_ADVICE.matcher(problem).replaceAll(""));
            if (problem.startsWith("Expected a field name")) {
                problem = "a key must be plain text; a list or mapping cannot be a key";
            }
        }
        JsonLocation loc = e.getLocation();
        if ((loc == null || loc.getLineNr() <= 0) && jp != null) loc = jp.currentLocation();
        if (line == 0 && loc != null) {
            line = Math.max(0, loc.getLineNr());
            column = Math.max(0, loc.getColumnNr());
        }
        String location = line > 0 ? "line " + line + ", column " + column : null;
        return new ScenarioFormatException(source, location, (json ? "JSON" : "YAML") + " syntax error: " + problem.trim(), e);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
