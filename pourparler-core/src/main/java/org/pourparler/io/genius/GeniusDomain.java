package org.pourparler.io.genius;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.model.DiscreteIssue;
import org.pourparler.model.Domain;
import org.pourparler.model.IntegerIssue;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.RealIssue;

/**
 * A GENIUS domain as read: the model {@link Domain}, its title and description, and the GENIUS issue
 * numbers (the {@code index} attributes), by which profiles refer to issues.
 *
 * <p>As in GENIUS ({@code DomainImpl}): the issues are those under the first {@code <objective>} of
 * the {@code <utility_space>}, in GENIUS's pre-order (at each level the sub-objectives' issues come
 * before the level's own issues); an issue without {@code type} is discrete, and {@code type} wins
 * over a conflicting {@code vtype}; integer bounds are the {@code lowerbound}/{@code upperbound}
 * attributes of the issue (older files put them on a {@code <range>} child, which is read too); real
 * bounds are on a {@code <range>} child.
 */
record GeniusDomain(String source, String title, String description, Domain domain,
                    Map<Integer, Integer> positionByNumber) {

    /** Issue number (GENIUS {@code index}) → position in the domain, or null. */
    Integer position(int number) {
        return positionByNumber.get(number);
    }

    /** The GENIUS issue number of the issue at {@code position}. */
    int number(int position) {
        for (Map.Entry<Integer, Integer> e : positionByNumber.entrySet()) {
            if (e.getValue() == position) return e.getKey();
        }
        throw new IllegalArgumentException("No issue at position " + position);
    }

    /**
     * Reads the domain under {@code root} (a {@code <negotiation_template>} or a bare
     * {@code <utility_space>}).
     *
     * @param fileStem the file name without {@code .xml}, the title when the objective is just "root"
     */
    static GeniusDomain read(String source, String fileStem, XmlElement root, List<String> warnings)
            throws ScenarioFormatException {
        XmlElement space = root.name().equals("utility_space") ? root : root.child("utility_space");
        if (space == null) {
            throw new ScenarioFormatException(source, root.where(),
                    "a GENIUS domain needs a <utility_space> inside <" + root.name() + ">");
        }
        XmlElement objective = space.child("objective");
        XmlElement level = objective != null ? objective : space;
        String title = titleOf(objective, fileStem);
        String description = objective == null || objective.attr("description") == null ? ""
                : objective.attr("description");

        List<XmlElement> issueElements = new ArrayList<>();
        collectIssues(level, issueElements);
        if (issueElements.isEmpty()) {
            throw new ScenarioFormatException(source, level.where(), "the domain has no <issue> elements");
        }
        List<Issue> issues = new ArrayList<>();
        Map<Integer, Integer> positions = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (XmlElement e : issueElements) {
            String name = XmlValues.required(source, e, "name");
            if (name.isBlank()) throw new ScenarioFormatException(source, e.where(), "the issue name is empty");
            int number = XmlValues.integer(source, e, "index");
            if (positions.containsKey(number)) {
                throw new ScenarioFormatException(source, e.where(), "two issues have index " + number
                        + "; profiles refer to issues by index, so each must be unique");
            }
            if (!names.add(name)) {
                throw new ScenarioFormatException(source, e.where(), "two issues are named '" + name + "'");
            }
            positions.put(number, issues.size());
            issues.add(readIssue(source, e, name, warnings));
        }
        return new GeniusDomain(source, title, description, Domain.of(title, issues), positions);
    }

    /** GENIUS pre-order: the sub-objectives' issues (recursively) first, then this level's issues. */
    private static void collectIssues(XmlElement level, List<XmlElement> out) {
        for (XmlElement sub : level.children("objective")) collectIssues(sub, out);
        out.addAll(level.children("issue"));
    }

    private static String titleOf(XmlElement objective, String fileStem) {
        String n = objective == null ? null : objective.attr("name");
        if (n != null && !n.isBlank() && !n.trim().equalsIgnoreCase("root")) return n;
        String stem = fileStem.replaceAll("(?i)[-_ .]?domain$", "").trim();
        if (!stem.isEmpty()) return stem;
        return fileStem.isBlank() ? "domain" : fileStem.trim();
    }

    /** The issue kind GENIUS uses: {@code type}, or discrete when absent. */
    static Issue.Type kindOf(String source, XmlElement e) throws ScenarioFormatException {
        String type = e.attr("type");
        if (type == null) return Issue.Type.DISCRETE;
        switch (type.trim().toLowerCase(Locale.ROOT)) {
            case "discrete": return Issue.Type.DISCRETE;
            case "integer": return Issue.Type.INTEGER;
            case "real": return Issue.Type.REAL;
            default:
                throw new ScenarioFormatException(source, e.where(), "type=\"" + type
                        + "\" is not an issue type GENIUS knows (discrete, integer, real)");
        }
    }

    private static Issue readIssue(String source, XmlElement e, String name, List<String> warnings)
            throws ScenarioFormatException {
        switch (kindOf(source, e)) {
            case DISCRETE: {
                List<String> values = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (XmlElement item : e.children("item")) {
                    String v = XmlValues.required(source, item, "value");
                    if (!seen.add(v)) {
                        warnings.add(source + ": " + item.where() + ": issue '" + name + "' lists the value '" + v
                                + "' twice; the repeat is dropped (the issue keeps " + "its first position)");
                        continue;
                    }
                    values.add(v);
                }
                if (values.isEmpty()) {
                    throw new ScenarioFormatException(source, e.where(), "the discrete issue '" + name
                            + "' lists no <item> values");
                }
                return new DiscreteIssue(name, values);
            }
            case INTEGER: {
                long[] b = integerBounds(source, e, warnings);
                if (b[1] < b[0]) {
                    throw new ScenarioFormatException(source, e.where(), "the integer issue '" + name
                            + "' has upperbound " + b[1] + " below lowerbound " + b[0]);
                }
                if (b[1] - b[0] + 1 > LinearAdditiveUtility.MAX_TABLE_OPTIONS) {
                    throw new ScenarioFormatException(source, e.where(), "the integer issue '" + name + "' has "
                            + (b[1] - b[0] + 1) + " values; at most " + LinearAdditiveUtility.MAX_TABLE_OPTIONS
                            + " are supported");
                }
                return new IntegerIssue(name, b[0], b[1]);
            }
            default:
                return realIssue(source, e, name, warnings);
        }
    }

    /**
     * Integer bounds: the attributes on the issue (current GENIUS), else those of a {@code <range>}
     * child (GENIUS before 2010).
     */
    static long[] integerBounds(String source, XmlElement e, List<String> warnings) throws ScenarioFormatException {
        XmlElement range = e.child("range");
        if (e.has("lowerbound") || e.has("upperbound") || range == null) {
            long[] b = {XmlValues.integer(source, e, "lowerbound"), XmlValues.integer(source, e, "upperbound")};
            if (range != null && range.has("lowerbound") && range.has("upperbound")) {
                long[] r = {XmlValues.integer(source, range, "lowerbound"), XmlValues.integer(source, range, "upperbound")};
                if (r[0] != b[0] || r[1] != b[1]) {
                    warnings.add(source + ": " + e.where() + ": the bounds " + b[0] + ".." + b[1]
                            + " on the issue differ from those of its <range> " + r[0] + ".." + r[1]
                            + "; the issue's own attributes are used, as current GENIUS does");
                }
            }
            return b;
        }
        return new long[] {XmlValues.integer(source, range, "lowerbound"), XmlValues.integer(source, range, "upperbound")};
    }

    private static RealIssue realIssue(String source, XmlElement e, String name, List<String> warnings)
            throws ScenarioFormatException {
        XmlElement range = e.child("range") != null ? e.child("range") : e;
        BigDecimal min = XmlValues.decimal(source, range, "lowerbound");
        BigDecimal max = XmlValues.decimal(source, range, "upperbound");
        if (max.compareTo(min) < 0) {
            throw new ScenarioFormatException(source, e.where(), "the real issue '" + name + "' has upperbound "
                    + max.toPlainString() + " below lowerbound " + min.toPlainString());
        }
        BigDecimal step;
        if (e.has("step")) {
            step = XmlValues.decimal(source, e, "step");
            if (step.signum() <= 0) {
                throw new ScenarioFormatException(source, e.where(), "the grid step of real issue '" + name
                        + "' must be positive, but is " + step.toPlainString());
            }
        } else {
            int intervals = GeniusXml.REAL_GRID_POINTS - 1;
            step = max.compareTo(min) == 0 ? BigDecimal.ONE : gridStep(max.subtract(min), intervals);
            warnings.add(source + ": " + e.where() + ": GENIUS real issues have no grid; issue '" + name
                    + "' is analysed on " + GeniusXml.REAL_GRID_POINTS + " evenly spaced values from "
                    + min.toPlainString() + " to " + max.toPlainString() + " (add step=\"...\" to the issue to choose)");
        }
        RealIssue issue;
        try {
            issue = new RealIssue(name, min, max, step);
        } catch (IllegalArgumentException | ArithmeticException ex) {
            throw new ScenarioFormatException(source, e.where(), "real issue '" + name + "': " + ex.getMessage());
        }
        if (issue.size() > LinearAdditiveUtility.MAX_TABLE_OPTIONS) {
            throw new ScenarioFormatException(source, e.where(), "the real issue '" + name + "' has " + issue.size()
                    + " grid values; at most " + LinearAdditiveUtility.MAX_TABLE_OPTIONS + " are supported (use a larger step)");
        }
        return issue;
    }

    /** The exact step when the division terminates (always for 10 intervals), else a 16-digit one. */
    private static BigDecimal gridStep(BigDecimal width, int intervals) {
        try {
            return width.divide(BigDecimal.valueOf(intervals));
        } catch (ArithmeticException e) {
            return width.divide(BigDecimal.valueOf(intervals), MathContext.DECIMAL64);
        }
    }
}
