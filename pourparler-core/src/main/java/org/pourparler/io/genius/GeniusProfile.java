package org.pourparler.io.genius;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.negotiation.Conventions;
import org.pourparler.model.DiscreteIssue;
import org.pourparler.model.Domain;
import org.pourparler.model.HyperRectangleUtility;
import org.pourparler.model.IntegerIssue;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Profile;
import org.pourparler.model.RealIssue;
import org.pourparler.model.UtilityFunction;
import org.pourparler.model.ValueFunction;

/**
 * Reads one GENIUS preference profile against its domain, with GENIUS's semantics
 * ({@code AdditiveUtilitySpace}, {@code Evaluator*}, {@code NonlinearUtilitySpace}).
 *
 * <p>Additive profiles: as GENIUS's loader, every element of the file is visited; an
 * {@code <issue index=n>} gets an evaluator when a {@code <weight index=n>} sits beside it (same
 * parent). Issues are matched to the domain by {@code index}, values by label. The evaluator kind
 * comes from the profile's {@code type} attribute (absent: discrete).
 * <ul>
 * <li>discrete: {@code evaluation / max evaluation} of the issue (all the profile's evaluations
 * count for the maximum; a maximum below 0.00001 gives 0), no shift of the minimum;</li>
 * <li>integer: {@code clamp01(slope * (v - lowerbound) + offset)} with the profile's lowerbound;
 * files in the pre-2010 format ({@code <range>} and {@code parameter0/1}) are read as that GENIUS
 * read them: {@code clamp01(parameter1 * v + parameter0)}, or {@code parameter0} for
 * {@code ftype="constant"};</li>
 * <li>real: {@code linear} {@code clamp01(parameter1 * v + parameter0)}, {@code constant}
 * {@code parameter0}, {@code triangular} with lower {@code parameter0}, upper {@code parameter1}
 * and top {@code parameter2}.</li>
 * </ul>
 * Weights are divided by their sum (a warning when it is not 1); under GENIUS conventions they are
 * kept as given and utility is capped at 1, as GENIUS's {@code AdditiveUtilitySpace} does.
 *
 * <p>Nonlinear profiles: utility = (sum of the utilities of the hyper-rectangles containing the
 * outcome) / {@code maxutility}. An {@code INCLUDES} rectangle contains the outcomes inside all its
 * bounds; an {@code EXCLUDES} rectangle those outside at least one bound; one without bounds
 * contains everything. Nested {@code <ufun>}s are summed with their weights; GENIUS ignores the
 * weight of the outermost one. Only {@code aggregation="sum"} is supported.
 *
 * <p>GENIUS caps every utility at 1. Nonlinear utilities are capped likewise (some ANAC 2014
 * profiles exceed their {@code maxutility}); an additive utility cannot be, so a warning names any
 * additive profile whose best outcome is worth more than 1.
 */
final class GeniusProfile {

    /** The profile was written for another domain: a reason to skip it in a folder. */
    static final class Mismatch extends Exception {
        private static final long serialVersionUID = 1L;

        Mismatch(String message) {
            super(message, null, false, false);
        }
    }

    /** Sum of weights further than this from 1 earns a warning. */
    static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    /** Below this largest evaluation GENIUS values every option of a discrete issue 0. */
    static final double GENIUS_MIN_MAX_EVALUATION = 0.00001;

    private GeniusProfile() { }

    /** Whether a parsed root is a preference profile rather than a domain. */
    static boolean looksLikeProfile(XmlElement root) {
        if (!root.name().equals("utility_space")) return false;
        String type = root.attr("type");
        if (type != null && (type.equalsIgnoreCase("nonlinear") || type.equalsIgnoreCase("uncertain"))) return true;
        if (root.descendant("weight") != null || root.descendant("utility") != null
                || root.descendant("ufun") != null || root.descendant("evaluator") != null) {
            return true;
        }
        for (XmlElement item : root.descendants("item")) if (item.has("evaluation")) return true;
        return false;
    }

    /**
     * Reads a profile.
     *
     * @throws Mismatch when the profile's issues are not the domain's
     * @throws ScenarioFormatException when the profile is defective
     */
    static Profile read(String source, XmlElement root, GeniusDomain gd, List<String> warnings)
            throws ScenarioFormatException, Mismatch {
        return read(source, root, gd, warnings, Conventions.POURPARLER);
    }

    /** As {@link #read(String, XmlElement, GeniusDomain, List)}; under GENIUS conventions additive weights are kept as given and utility capped at 1. */
    static Profile read(String source, XmlElement root, GeniusDomain gd, List<String> warnings, Conventions conventions)
            throws ScenarioFormatException, Mismatch {
        if (!root.name().equals("utility_space")) {
            throw new ScenarioFormatException(source, root.where(), "a GENIUS profile's root element must be"
                    + " <utility_space>, not <" + root.name() + ">");
        }
        String type = root.attr("type");
        UtilityFunction u;
        if (type != null && type.trim().equalsIgnoreCase("nonlinear")) {
            u = nonlinear(source, root, gd, warnings);
        } else {
            if (type != null && type.trim().equalsIgnoreCase("uncertain")) {
                List<String> extras = new ArrayList<>(root.attributes().keySet());
                extras.remove("type");
                extras.remove("number_of_issues");
                warnings.add(source + ": a type=\"UNCERTAIN\" profile (preference uncertainty) is read as the"
                        + " additive profile it holds; its ranking parameters are ignored"
                        + (extras.isEmpty() ? "" : " " + extras));
            } else if (type != null && !type.isBlank()) {
                warnings.add(source + ": <utility_space type=\"" + type + "\"> is not a type GENIUS knows;"
                        + " the profile is read as an additive one");
            }
            u = additive(source, root, gd, warnings, conventions == Conventions.GENIUS);
        }
        return new Profile(u, reservation(source, root, warnings), discount(source, root, warnings), List.of(),
                Optional.empty());
    }

    // ---------------------------------------------------------------- additive

    /** An issue element that has a weight beside it. */
    private record Weighted(XmlElement issue, double value) { }

    private static LinearAdditiveUtility additive(String source, XmlElement root, GeniusDomain gd,
                                                  List<String> warnings, boolean asGiven) throws ScenarioFormatException, Mismatch {
        Map<Integer, Weighted> evaluated = new HashMap<>();
        Map<Integer, XmlElement> issues = new LinkedHashMap<>();
        visit(source, root, evaluated, issues, warnings);

        Domain domain = gd.domain();
        for (Map.Entry<Integer, XmlElement> e : issues.entrySet()) {
            if (gd.position(e.getKey()) == null) {
                throw new Mismatch("it has an issue with index " + e.getKey() + " ('" + e.getValue().attr("name")
                        + "'), which domain '" + domain.name() + "' lacks");
            }
        }
        int n = domain.issueCount();
        double[] weights = new double[n];
        List<ValueFunction> functions = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            Issue issue = domain.issue(p);
            int number = gd.number(p);
            XmlElement element = issues.get(number);
            if (element == null) {
                throw new Mismatch("it has no issue with index " + number + " (domain issue '" + issue.name() + "')");
            }
            Weighted w = evaluated.get(number);
            if (w == null) {
                throw new ScenarioFormatException(source, element.where(), "issue '" + issue.name()
                        + "' has no <weight index=\"" + number + "\"> beside it; GENIUS cannot evaluate it without one");
            }
            XmlElement evaluatedElement = w.issue();
            String profileName = evaluatedElement.attr("name");
            if (profileName != null && !profileName.trim().equals(issue.name().trim())) {
                warnings.add(source + ": " + evaluatedElement.where() + ": the issue with index " + number
                        + " is named '" + profileName + "' here but '" + issue.name() + "' in the domain; as in"
                        + " GENIUS, the index decides");
            }
            weights[p] = w.value();
            functions.add(valueFunction(source, evaluatedElement, issue, warnings));
        }
        double sum = 0;
        for (double w : weights) sum += w;
        if (!(sum > 0)) {
            throw new ScenarioFormatException(source, null, "all issue weights are 0; at least one must be positive");
        }
        if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
            warnings.add(source + ": the issue weights sum to " + (sum == Double.POSITIVE_INFINITY
                    ? "more than the largest number (about 1.8e308)" : String.valueOf(sum)) + ", not 1; " + (asGiven
                    ? "as in GENIUS (GENIUS conventions) they are kept as given and utility is capped at 1"
                    : "they are divided by their sum"));
        }
        LinearAdditiveUtility u;
        try {
            u = asGiven ? LinearAdditiveUtility.asGiven(domain, weights, functions) : LinearAdditiveUtility.of(domain, weights, functions);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(source, null, e.getMessage());
        }
        if (!asGiven && u.maxUtility() > 1 + 1e-9) {
            warnings.add(source + ": some outcomes are worth up to " + u.maxUtility() + "; GENIUS would cap them at 1,"
                    + " which an additive utility cannot express, so they keep their value");
        }
        return u;
    }

    /** GENIUS's loader: every element is visited; weights pair with issues beside them. */
    private static void visit(String source, XmlElement level, Map<Integer, Weighted> evaluated,
                              Map<Integer, XmlElement> issues, List<String> warnings) throws ScenarioFormatException {
        Map<Integer, Double> weights = new HashMap<>();
        for (XmlElement w : level.children("weight")) {
            int index = XmlValues.integer(source, w, "index");
            double v = XmlValues.number(source, w, "value");
            if (v < 0) {
                throw new ScenarioFormatException(source, w.where(), "the weight " + v
                        + " is negative; weights must be at least 0");
            }
            weights.put(index, v);
        }
        for (XmlElement issue : level.children("issue")) {
            int number = XmlValues.integer(source, issue, "index");
            if (issues.put(number, issue) != null) {
                warnings.add(source + ": " + issue.where() + ": a second issue with index " + number
                        + " replaces the first, as in GENIUS");
            }
            if (weights.containsKey(number)) {
                evaluated.put(number, new Weighted(issue, weights.get(number)));
            }
        }
        for (XmlElement child : level.children()) {
            if (!child.name().equals("issue")) visit(source, child, evaluated, issues, warnings);
        }
    }

    private static ValueFunction valueFunction(String source, XmlElement element, Issue issue, List<String> warnings)
            throws ScenarioFormatException, Mismatch {
        Issue.Type kind = element.attr("type") == null ? Issue.Type.DISCRETE : GeniusDomain.kindOf(source, element);
        if (kind != issue.type()) {
            throw new Mismatch("its issue '" + issue.name() + "' is " + kind.name().toLowerCase(Locale.ROOT)
                    + " but the domain's is " + issue.type().name().toLowerCase(Locale.ROOT));
        }
        switch (kind) {
            case DISCRETE: return discrete(source, element, (DiscreteIssue) issue, warnings);
            case INTEGER: return integer(source, element, (IntegerIssue) issue, warnings);
            default: return real(source, element, (RealIssue) issue, warnings);
        }
    }

    private static ValueFunction discrete(String source, XmlElement element, DiscreteIssue issue,
                                          List<String> warnings) throws ScenarioFormatException, Mismatch {
        Map<String, Double> evaluation = new LinkedHashMap<>();
        Map<String, XmlElement> withoutEvaluation = new HashMap<>();
        for (XmlElement item : element.children("item")) {
            String value = XmlValues.required(source, item, "value");
            String text = item.attr("evaluation");
            if (text == null || text.equals("null")) {
                withoutEvaluation.put(value, item);
                continue;
            }
            double e = XmlValues.number(source, item, "evaluation", text);
            Double previous = evaluation.put(value, e);
            if (previous != null && previous != e) {
                warnings.add(source + ": " + item.where() + ": value '" + value + "' of issue '" + issue.name()
                        + "' is evaluated twice (" + previous + ", then " + e + "); the last counts, as in GENIUS");
            }
        }
        for (String value : evaluation.keySet()) {
            if (issue.indexOf(value) < 0) {
                throw new Mismatch("its issue '" + issue.name() + "' has a value '" + value + "' the domain lacks");
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        boolean negative = false;
        for (double e : evaluation.values()) {
            max = Math.max(max, e);
            negative |= e < 0;
        }
        double[] values = new double[issue.size()];
        for (int i = 0; i < values.length; i++) {
            String label = issue.label(i);
            Double e = evaluation.get(label);
            if (e == null) {
                if (withoutEvaluation.containsKey(label)) {
                    throw new ScenarioFormatException(source, withoutEvaluation.get(label).where(), "value '" + label
                            + "' of issue '" + issue.name() + "' has no evaluation");
                }
                throw new Mismatch("its issue '" + issue.name() + "' lacks the domain's value '" + label + "'");
            }
            values[i] = max < GENIUS_MIN_MAX_EVALUATION ? 0.0 : e / max;
        }
        if (negative) {
            warnings.add(source + ": " + element.where() + ": issue '" + issue.name() + "' has negative evaluations;"
                    + " as in GENIUS they are divided by the largest evaluation and give negative utilities");
        }
        if (max < GENIUS_MIN_MAX_EVALUATION) {
            warnings.add(source + ": " + element.where() + ": the largest evaluation of issue '" + issue.name()
                    + "' is " + max + "; as in GENIUS, every value of the issue is worth 0");
        }
        return new ValueFunction.Table(values);
    }

    private static ValueFunction integer(String source, XmlElement element, IntegerIssue issue,
                                         List<String> warnings) throws ScenarioFormatException {
        XmlElement ev = element.child("evaluator");
        boolean oldStyle = ev != null && !ev.has("slope") && !ev.has("offset")
                && (ev.has("parameter0") || ev.has("parameter1"));
        if (oldStyle) {
            // GENIUS before 2010: bounds on <range>, value = parameter1 * v + parameter0 on the raw value.
            String ftype = ev.attr("ftype");
            warnings.add(source + ": " + element.where() + ": issue '" + issue.name() + "' uses the pre-2010 GENIUS"
                    + " integer evaluator (parameter0/parameter1), read as that GENIUS read it; current GENIUS"
                    + " cannot load it");
            if (ftype != null && ftype.trim().equalsIgnoreCase("constant")) {
                return new ValueFunction.Constant(XmlValues.number(source, ev, "parameter0"));
            }
            if (ftype != null && !ftype.trim().equalsIgnoreCase("linear")) {
                throw new ScenarioFormatException(source, ev.where(), "ftype=\"" + ftype
                        + "\" is not an integer evaluator GENIUS knows (linear, constant)");
            }
            return new ValueFunction.Linear(XmlValues.number(source, ev, "parameter1"),
                    XmlValues.number(source, ev, "parameter0"), true);
        }
        long lower;
        if (element.has("lowerbound")) {
            long[] b = {XmlValues.integer(source, element, "lowerbound"), XmlValues.integer(source, element, "upperbound")};
            lower = b[0];
            if (b[0] != issue.min() || b[1] != issue.max()) {
                warnings.add(source + ": " + element.where() + ": issue '" + issue.name() + "' has bounds " + b[0]
                        + ".." + b[1] + " here but " + issue.min() + ".." + issue.max() + " in the domain; the"
                        + " domain's values are evaluated with this profile's lowerbound, as in GENIUS");
            }
        } else if (element.child("range") != null) {
            lower = GeniusDomain.integerBounds(source, element, new ArrayList<>())[0];
        } else {
            lower = issue.min();
            warnings.add(source + ": " + element.where() + ": issue '" + issue.name() + "' gives no lowerbound"
                    + " (current GENIUS cannot load that); the domain's lowerbound " + lower + " is used");
        }
        if (ev == null) {
            warnings.add(source + ": " + element.where() + ": integer issue '" + issue.name() + "' has no <evaluator>;"
                    + " as in GENIUS, every value is worth 0");
            return new ValueFunction.Linear(0, 0, true);
        }
        double slope = XmlValues.number(source, ev, "slope");
        double offset = XmlValues.number(source, ev, "offset");
        // GENIUS: clamp(slope * (v - lower) + offset) = clamp(slope * v + (offset - slope * lower)).
        return new ValueFunction.Linear(slope, offset - slope * lower, true);
    }

    private static ValueFunction real(String source, XmlElement element, RealIssue issue, List<String> warnings)
            throws ScenarioFormatException {
        XmlElement ev = element.child("evaluator");
        if (ev == null) {
            throw new ScenarioFormatException(source, element.where(), "real issue '" + issue.name()
                    + "' has no <evaluator>; GENIUS cannot evaluate it");
        }
        String ftype = XmlValues.required(source, ev, "ftype").trim().toLowerCase(Locale.ROOT);
        switch (ftype) {
            case "linear":
                return new ValueFunction.Linear(XmlValues.number(source, ev, "parameter1"),
                        XmlValues.number(source, ev, "parameter0"), true);
            case "constant":
                return new ValueFunction.Constant(XmlValues.number(source, ev, "parameter0"));
            case "triangular": {
                double low = XmlValues.number(source, ev, "parameter0");
                double high = XmlValues.number(source, ev, "parameter1");
                double top = XmlValues.number(source, ev, "parameter2");
                if (low <= top && top < high) return new ValueFunction.Triangular(low, top, high);
                // Degenerate triangles: tabulate GENIUS's own formula on the grid.
                double[] t = new double[issue.size()];
                for (int i = 0; i < t.length; i++) t[i] = geniusTriangular(issue.numericValue(i), low, high, top);
                warnings.add(source + ": " + ev.where() + ": the triangle (" + low + ", top " + top + ", " + high
                        + ") of issue '" + issue.name() + "' is degenerate; its GENIUS values are tabulated on the grid");
                return new ValueFunction.Table(t);
            }
            default:
                throw new ScenarioFormatException(source, ev.where(), "ftype=\"" + ev.attr("ftype")
                        + "\" is not a real evaluator GENIUS can evaluate (linear, constant, triangular)");
        }
    }

    /** GENIUS's {@code EVALFUNCTYPE.evalTriangular}. */
    static double geniusTriangular(double x, double low, double high, double top) {
        if (x < low) return 0;
        if (x < top) return (x - low) / (top - low);
        if (x < high) return 1 - (x - top) / (high - top);
        return 0;
    }

    // --------------------------------------------------------------- nonlinear

    private static HyperRectangleUtility nonlinear(String source, XmlElement root, GeniusDomain gd,
                                                   List<String> warnings) throws ScenarioFormatException, Mismatch {
        XmlElement first = root.children().isEmpty() ? null : root.children().get(0);
        XmlElement utility = first == null ? null : first.child("utility");
        if (utility == null) utility = root.descendant("utility");
        if (utility == null) {
            throw new ScenarioFormatException(source, root.where(), "a nonlinear profile needs a <utility> element");
        }
        checkListedIssues(source, first, gd);
        double max = XmlValues.number(source, utility, "maxutility");
        if (max == 0 || !Double.isFinite(1.0 / max)) {
            throw new ScenarioFormatException(source, utility.where(), "maxutility=\"" + utility.attr("maxutility")
                    + "\" cannot divide utilities: it must be a number other than 0 and not vanishingly small");
        }
        XmlElement ufun = utility.child("ufun");
        if (ufun == null) {
            throw new ScenarioFormatException(source, utility.where(), "a nonlinear <utility> needs a <ufun>");
        }
        String topWeight = ufun.attr("weight");
        if (topWeight != null && XmlValues.number(source, ufun, "weight") != 1) {
            warnings.add(source + ": " + ufun.where() + ": GENIUS ignores the weight " + topWeight
                    + " of the outermost <ufun>; so does this reader");
        }
        List<HyperRectangleUtility.Rectangle> rectangles = new ArrayList<>();
        flatten(source, ufun, 1.0, gd, rectangles, warnings);
        // GENIUS's NonlinearUtilitySpace returns min(1, sum / maxutility).
        return HyperRectangleUtility.of(gd.domain(), rectangles, HyperRectangleUtility.Aggregation.SUM, 1.0 / max, 1.0);
    }

    /**
     * A nonlinear profile repeats the domain's issues; GENIUS ignores them, but an issue the domain
     * lacks, or other bounds, tell a profile written for another domain.
     */
    private static void checkListedIssues(String source, XmlElement level, GeniusDomain gd)
            throws ScenarioFormatException, Mismatch {
        if (level == null) return;
        List<XmlElement> listed = level.descendants("issue");
        if (listed.isEmpty()) return;
        for (XmlElement e : listed) {
            int number = XmlValues.integer(source, e, "index");
            Integer p = gd.position(number);
            if (p == null) {
                throw new Mismatch("it lists an issue with index " + number + ", which domain '"
                        + gd.domain().name() + "' lacks");
            }
            Issue issue = gd.domain().issue(p);
            if (issue instanceof IntegerIssue ii && e.has("lowerbound") && e.has("upperbound")) {
                long lo = XmlValues.integer(source, e, "lowerbound");
                long hi = XmlValues.integer(source, e, "upperbound");
                if (lo != ii.min() || hi != ii.max()) {
                    throw new Mismatch("its issue with index " + number + " ranges " + lo + ".." + hi
                            + " but the domain's '" + issue.name() + "' ranges " + ii.min() + ".." + ii.max());
                }
            }
        }
    }

    private static void flatten(String source, XmlElement ufun, double factor, GeniusDomain gd,
                                List<HyperRectangleUtility.Rectangle> out, List<String> warnings)
            throws ScenarioFormatException {
        String aggregation = ufun.attr("aggregation");
        if (aggregation == null) {
            warnings.add(source + ": " + ufun.where() + ": the <ufun> states no aggregation; it is read as a sum");
        } else if (!aggregation.trim().equalsIgnoreCase("sum")) {
            throw new ScenarioFormatException(source, ufun.where(), "aggregation=\"" + aggregation
                    + "\" is not supported: only \"sum\" is (GENIUS's max and min also count the 0 of every"
                    + " rectangle an outcome lies outside, which no published scenario uses)");
        }
        for (XmlElement r : ufun.children("hyperRectangle")) rectangle(source, r, factor, gd, out, warnings);
        for (XmlElement inner : ufun.children("ufun")) {
            double w = XmlValues.number(source, inner, "weight", 1.0);
            flatten(source, inner, factor * w, gd, out, warnings);
        }
    }

    private static void rectangle(String source, XmlElement r, double factor, GeniusDomain gd,
                                  List<HyperRectangleUtility.Rectangle> out, List<String> warnings)
            throws ScenarioFormatException {
        double u = factor * XmlValues.number(source, r, "utility") * XmlValues.number(source, r, "weight", 1.0);
        if (!Double.isFinite(u)) {
            throw new ScenarioFormatException(source, r.where(), "the rectangle's utility times its weights is too"
                    + " large to be a number");
        }
        List<XmlElement> includes = r.children("INCLUDES");
        List<XmlElement> excludes = r.children("EXCLUDES");
        if (!includes.isEmpty() && !excludes.isEmpty()) {
            warnings.add(source + ": " + r.where() + ": the rectangle has both INCLUDES and EXCLUDES; as in GENIUS,"
                    + " it is an EXCLUDES rectangle and its INCLUDES are ignored");
        }
        if (includes.isEmpty() && excludes.isEmpty()) {
            out.add(new HyperRectangleUtility.Rectangle(u, List.of(), List.of()));
            return;
        }
        if (excludes.isEmpty()) {
            List<HyperRectangleUtility.Bound> bounds = new ArrayList<>();
            for (XmlElement b : includes) {
                HyperRectangleUtility.Bound bound = bound(source, b, gd);
                if (bound == null) return; // an empty range: no outcome lies inside, the rectangle adds nothing
                bounds.add(bound);
            }
            out.add(new HyperRectangleUtility.Rectangle(u, bounds, List.of()));
            return;
        }
        // EXCLUDES: the outcomes outside at least one bound, split into disjoint pieces
        // "inside bounds 1..j-1, outside bound j" so that a sum counts each outcome once.
        List<HyperRectangleUtility.Bound> inside = new ArrayList<>();
        for (XmlElement b : excludes) {
            HyperRectangleUtility.Bound bound = bound(source, b, gd);
            if (bound == null) {
                // Every outcome is outside an empty range: the remaining pieces cover all of "inside".
                out.add(new HyperRectangleUtility.Rectangle(u, inside, List.of()));
                return;
            }
            out.add(new HyperRectangleUtility.Rectangle(u, List.copyOf(inside), List.of(bound)));
            inside.add(bound);
        }
    }

    /** A bound on values, as option indexes clipped to the issue; null when no value lies inside. */
    private static HyperRectangleUtility.Bound bound(String source, XmlElement b, GeniusDomain gd)
            throws ScenarioFormatException {
        int number = XmlValues.integer(source, b, "index");
        Integer p = gd.position(number);
        if (p == null) {
            throw new ScenarioFormatException(source, b.where(), "the bound names issue index " + number
                    + ", which domain '" + gd.domain().name() + "' lacks");
        }
        Issue issue = gd.domain().issue(p);
        if (!(issue instanceof IntegerIssue ii)) {
            throw new ScenarioFormatException(source, b.where(), "the bound is on issue '" + issue.name()
                    + "', which is " + issue.type().name().toLowerCase(Locale.ROOT)
                    + "; GENIUS hyper-rectangles bound integer issues only");
        }
        long min = XmlValues.integer(source, b, "min");
        long max = XmlValues.integer(source, b, "max");
        long lo = Math.max(min, ii.min());
        long hi = Math.min(max, ii.max());
        if (lo > hi) return null;
        return new HyperRectangleUtility.Bound(p, (int) (lo - ii.min()), (int) (hi - ii.min()));
    }

    // ------------------------------------------------------ reservation, discount

    private static XmlElement find(XmlElement root, String name) {
        XmlElement e = root.child(name);
        return e != null ? e : root.descendant(name);
    }

    /** {@code <reservation value>}; 0 when absent, as in GENIUS. */
    static double reservation(String source, XmlElement root, List<String> warnings) {
        XmlElement r = find(root, "reservation");
        if (r == null) return 0.0;
        String text = r.attr("value");
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        warnings.add(source + ": " + r.where() + ": the reservation value \"" + text
                + "\" is not a number; 0 is used, as GENIUS does");
        return 0.0;
    }

    /** {@code <discount_factor value>}; none (1) when absent, unparsable, at most 0 or above 1, as in GENIUS. */
    static double discount(String source, XmlElement root, List<String> warnings) {
        XmlElement d = find(root, "discount_factor");
        if (d == null) return 1.0;
        String text = d.attr("value");
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            v = Double.NaN;
        }
        if (Double.isNaN(v)) {
            warnings.add(source + ": " + d.where() + ": the discount factor \"" + text
                    + "\" is not a number; no discounting is applied, as in GENIUS");
            return 1.0;
        }
        if (v < 0 || v > 1) {
            warnings.add(source + ": " + d.where() + ": the discount factor " + text
                    + " is outside [0, 1]; no discounting is applied, as in GENIUS");
        }
        return v <= 0 || v > 1 ? 1.0 : v;
    }
}
