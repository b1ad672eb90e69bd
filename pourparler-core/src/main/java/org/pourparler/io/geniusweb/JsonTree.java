package org.pourparler.io.geniusweb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.source.SourceFiles;

/**
 * A parsed JSON document whose every node remembers where it was: its JSON path and its line and
 * column. Jackson's own tree forgets positions, and every error we report must name them.
 *
 * <p>Parsing is hardened against hostile input: nesting depth, number length, string length and
 * document length are bounded, duplicate keys are refused, and numbers whose exponent would make
 * exact decimal arithmetic explode are refused when read as decimals.
 */
final class JsonTree {

    /** Deeper than any GeniusWeb file (about 8 levels); refuses stack-exhausting input early. */
    static final int MAX_DEPTH = 64;
    /** Digits in one number: GeniusWeb numbers are short decimals. */
    static final int MAX_NUMBER_LENGTH = 200;
    /** Characters in one string (an issue name or a value label). */
    static final int MAX_STRING_LENGTH = 1 << 20;
    /** Decimal exponents beyond this are refused: arithmetic on 1e999999999 would need a billion digits. */
    static final int MAX_DECIMAL_SCALE = 400;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_STRING_LENGTH)
                    .maxDocumentLength(SourceFiles.MAX_BYTES)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonTree() { }

    /** A JSON value with its position in the document. */
    abstract static sealed class Node permits Obj, Arr, Str, Num, Bool, Null {
        final String source;
        private final Node parent;
        private final String key;
        private final int index;
        final int line;
        final int column;

        Node(String source, Node parent, String key, int index, int line, int column) {
            this.source = source;
            this.parent = parent;
            this.key = key;
            this.index = index;
            this.line = line;
            this.column = column;
        }

        /** The JSON path, e.g. {@code $.LinearAdditiveUtilitySpace.issueWeights["work from home"]}. */
        String path() {
            if (parent == null) return "$";
            String p = parent.path();
            if (key == null) return p + "[" + index + "]";
            if (SIMPLE_KEY.matcher(key).matches()) return p + "." + key;
            return p + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
        }

        /** Path, line and column, as shown in error messages. */
        String where() {
            return path() + " (line " + line + ", column " + column + ")";
        }

        /** A name for the kind of value, as in "expected an object, but found a string". */
        abstract String kind();

        ScenarioFormatException error(String problem) {
            return new ScenarioFormatException(source, where(), problem);
        }

        Obj asObject() throws ScenarioFormatException {
            if (this instanceof Obj o) return o;
            throw error("expected an object, but found " + kind());
        }

        Arr asArray() throws ScenarioFormatException {
            if (this instanceof Arr a) return a;
            throw error("expected an array, but found " + kind());
        }

        String asString() throws ScenarioFormatException {
            if (this instanceof Str s) return s.value;
            throw error("expected a string, but found " + kind());
        }

        /**
         * A number, written as a JSON number or as a string holding one (GeniusWeb, like Jackson,
         * accepts both for its decimals: ranges are usually written as strings).
         */
        BigDecimal asDecimal() throws ScenarioFormatException {
            BigDecimal d;
            if (this instanceof Num n) {
                d = n.value;
            } else if (this instanceof Str s) {
                String t = s.value.trim();
                if (t.length() > MAX_NUMBER_LENGTH) throw error("expected a number, but found a string of " + t.length() + " characters");
                try {
                    d = new BigDecimal(t);
                } catch (NumberFormatException e) {
                    throw error("expected a number, but found the string \"" + abbreviate(s.value) + "\"");
                }
            } else {
                throw error("expected a number, but found " + kind());
            }
            if (Math.abs(d.scale()) > MAX_DECIMAL_SCALE || Math.abs(d.precision() - d.scale()) > MAX_DECIMAL_SCALE) {
                throw error("the number " + abbreviate(d.toString()) + " is out of range (its exponent is beyond +-" + MAX_DECIMAL_SCALE + ")");
            }
            return d;
        }

        /** A finite double, from a JSON number or a numeric string. */
        double asDouble() throws ScenarioFormatException {
            double v = asDecimal().doubleValue();
            if (!Double.isFinite(v)) throw error("the number is too large to be a utility or weight");
            return v;
        }
    }

    static final class Obj extends Node {
        /** Members in document order. */
        final Map<String, Node> members = new LinkedHashMap<>();

        Obj(String source, Node parent, String key, int index, int line, int column) {
            super(source, parent, key, index, line, column);
        }

        @Override String kind() { return "an object"; }

        /** The member, or null when absent. */
        Node get(String name) { return members.get(name); }

        /** The member; absent is an error naming it. */
        Node require(String name) throws ScenarioFormatException {
            Node n = members.get(name);
            if (n == null) throw error("the field \"" + name + "\" is missing");
            return n;
        }

        Map<String, Node> members() { return Collections.unmodifiableMap(members); }
    }

    static final class Arr extends Node {
        final List<Node> items = new ArrayList<>();

        Arr(String source, Node parent, String key, int index, int line, int column) {
            super(source, parent, key, index, line, column);
        }

        @Override String kind() { return "an array"; }
    }

    static final class Str extends Node {
        final String value;

        Str(String source, Node parent, String key, int index, int line, int column, String value) {
            super(source, parent, key, index, line, column);
            this.value = value;
        }

        @Override String kind() { return "the string \"" + abbreviate(value) + "\""; }
    }

    static final class Num extends Node {
        final BigDecimal value;

        Num(String source, Node parent, String key, int index, int line, int column, BigDecimal value) {
            super(source, parent, key, index, line, column);
            this.value = value;
        }

        @Override String kind() { return "the number " + abbreviate(value.toString()); }
    }

    static final class Bool extends Node {
        final boolean value;

        Bool(String source, Node parent, String key, int index, int line, int column, boolean value) {
            super(source, parent, key, index, line, column);
            this.value = value;
        }

        @Override String kind() { return value ? "true" : "false"; }
    }

    static final class Null extends Node {
        Null(String source, Node parent, String key, int index, int line, int column) {
            super(source, parent, key, index, line, column);
        }

        @Override String kind() { return "null"; }
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /**
     * Parses one JSON document.
     *
     * @param source the file name, for messages
     * @throws ScenarioFormatException naming line and column for malformed JSON, an empty text,
     *                                 a duplicate key, or a limit exceeded
     */
    static Node parse(String source, String text) throws ScenarioFormatException {
        if (text.isBlank()) {
            throw new ScenarioFormatException(source, null, "is empty; expected a GeniusWeb JSON domain or profile");
        }
        JsonParser p = null;
        try {
            p = FACTORY.createParser(text);
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ScenarioFormatException(source, null, "is empty; expected a GeniusWeb JSON domain or profile");
            }
            Node root = read(source, p, null, null, -1);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new ScenarioFormatException(source, "line " + l.getLineNr() + ", column " + l.getColumnNr(),
                        "unexpected content after the end of the JSON document");
            }
            return root;
        } catch (JsonProcessingException e) {
            // limit violations carry no location: the parser still knows where it stopped
            JsonLocation l = e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation();
            String at = l == null || l.getLineNr() < 1 ? null : "line " + l.getLineNr() + ", column " + l.getColumnNr();
            throw new ScenarioFormatException(source, at, "is not valid JSON: " + explain(e), e);
        } catch (IOException e) {
            throw new ScenarioFormatException(source, null, "cannot be read: " + e.getMessage(), e);
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // reading from a string: nothing to release
                }
            }
        }
    }

    /** Jackson's messages address Java programmers; say what is wrong with the file instead. */
    private static String explain(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) return "malformed input";
        if (e instanceof StreamConstraintsException) {
            if (m.startsWith("Document nesting depth")) return "it nests arrays and objects deeper than " + MAX_DEPTH + " levels";
            if (m.startsWith("Number value length")) return "a number has more than " + MAX_NUMBER_LENGTH + " digits";
            if (m.startsWith("String value length")) return "a string or number is longer than " + MAX_STRING_LENGTH + " characters";
            if (m.startsWith("Name length")) return "a key is longer than " + MAX_STRING_LENGTH + " characters";
            if (m.startsWith("Document length")) return "it is longer than " + SourceFiles.MAX_BYTES + " characters";
        }
        if (m.startsWith("Duplicate field ")) {
            return "the key " + m.substring("Duplicate field ".length()) + " appears twice in one object";
        }
        int cut = m.indexOf('\n');
        if (cut >= 0) m = m.substring(0, cut);
        return m.length() <= 200 ? m.trim() : m.substring(0, 197) + "...";
    }

    private static Node read(String source, JsonParser p, Node parent, String key, int index) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        int line = l.getLineNr();
        int col = l.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Obj o = new Obj(source, parent, key, index, line, col);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.members.put(name, read(source, p, o, name, -1));
                }
                return o;
            }
            case START_ARRAY: {
                Arr a = new Arr(source, parent, key, index, line, col);
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.items.add(read(source, p, a, null, i++));
                }
                return a;
            }
            case VALUE_STRING:
                return new Str(source, parent, key, index, line, col, p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Num(source, parent, key, index, line, col, p.getDecimalValue());
            case VALUE_TRUE:
                return new Bool(source, parent, key, index, line, col, true);
            case VALUE_FALSE:
                return new Bool(source, parent, key, index, line, col, false);
            case VALUE_NULL:
                return new Null(source, parent, key, index, line, col);
            default:
                // END_ARRAY/END_OBJECT here would be a parser bug: Jackson reports mismatches itself.
                throw new IllegalStateException("Unexpected JSON token " + t + " at line " + line);
        }
    }
}
