package org.pourparler.io.genius;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.source.Written;
import org.pourparler.model.Domain;
import org.pourparler.model.HyperRectangleUtility;
import org.pourparler.model.IntegerIssue;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.RealIssue;
import org.pourparler.model.Role;
import org.pourparler.model.Scenario;
import org.pourparler.model.SumOfGroupsUtility;
import org.pourparler.model.UtilityFunction;
import org.pourparler.model.ValueFunction;

/**
 * Renders a scenario as GENIUS XML: one domain file and one profile file per party.
 *
 * <p>What GENIUS can express, and what is done otherwise:
 * <ul>
 * <li>Discrete issues: a GENIUS evaluation is divided by the issue's largest evaluation, so each
 * table is written divided by its maximum and its weight multiplied by it. When the best value of
 * some table is not 1, the weights then sum to S &ne; 1; they are written divided by S, so the
 * file's utilities are the scenario's divided by S (a warning says so). A table whose values are
 * all at most 0, some below, cannot be written.</li>
 * <li>Integer issues: GENIUS has only {@code clamp01(slope * (v - lower) + offset)}; real issues
 * have clamped linear, constant and triangular evaluators. A numeric issue whose value function,
 * for some party, none of these reproduces on every option is written as a discrete issue with its
 * options as labels (a warning says so).</li>
 * <li>Real issues: the range is written as GENIUS expects and the grid step as an extra
 * {@code step} attribute, which GENIUS ignores and this package's reader honours.</li>
 * <li>Hyper-rectangle utilities (sum aggregation only) become nonlinear profiles on integer
 * issues; a rectangle with excluded ranges is written by inclusion and exclusion as several
 * GENIUS rectangles with the same sum.</li>
 * <li>Sum-of-groups utilities cannot be written: an error.</li>
 * <li>Red lines, ratifier roles, reservation outcomes and provenance notes have no GENIUS form:
 * each is reported in a warning. The description goes into the domain objective's
 * {@code description} attribute.</li>
 * </ul>
 */
final class GeniusWriter {
    /** Largest number of excluded ranges of one rectangle (inclusion-exclusion writes 2^n rectangles). */
    static final int MAX_EXCLUDES = 12;
    private static final double TOLERANCE = 1e-12;

    private GeniusWriter() { }

    /** A GENIUS evaluator for one numeric issue of one party. */
    private record NumericEvaluator(String ftype, double a, double b, double c) { }

    static Written write(Scenario s) throws ScenarioFormatException {
        String source = "scenario '" + s.title() + "'";
        Domain d = s.domain();
        List<String> warnings = new ArrayList<>();
        checkText(source, "the title", s.title());
        checkText(source, "the description", s.description());
        for (Issue issue : d.issues()) {
            checkText(source, "issue '" + issue.name() + "'", issue.name());
            for (int v = 0; v < issue.size() && issue.type() == Issue.Type.DISCRETE; v++) {
                checkText(source, "an option of issue '" + issue.name() + "'", issue.label(v));
            }
        }

        // Which numeric issues GENIUS cannot evaluate natively for some party: those become discrete.
        int n = d.issueCount();
        boolean[] asDiscrete = new boolean[n];
        NumericEvaluator[][] numeric = new NumericEvaluator[s.parties().size()][n];
        for (int k = 0; k < s.parties().size(); k++) {
            Party party = s.parties().get(k);
            UtilityFunction u = party.profile().utility();
            if (u instanceof SumOfGroupsUtility) {
                throw new ScenarioFormatException(source, "party '" + party.name() + "'", "its sum-of-groups utility"
                        + " has no GENIUS XML form; write the scenario as GeniusWeb JSON instead");
            }
            if (u instanceof LinearAdditiveUtility lau) {
                for (int i = 0; i < n; i++) {
                    Issue issue = d.issue(i);
                    if (issue.type() == Issue.Type.DISCRETE) continue;
                    numeric[k][i] = nativeEvaluator(issue, lau, i);
                    if (numeric[k][i] == null && !asDiscrete[i]) {
                        asDiscrete[i] = true;
                        warnings.add(source + ": issue '" + issue.name() + "' is written as a discrete issue with its "
                                + issue.size() + " options as labels, because GENIUS's " + kind(issue)
                                + " evaluators cannot reproduce party '" + party.name() + "'s value function");
                    }
                }
            }
        }
        for (Party party : s.parties()) {
            if (party.profile().utility() instanceof HyperRectangleUtility h) {
                checkRectangles(source, party, h, asDiscrete);
                checkCap(source, party, h, warnings);
            }
        }

        String stem = FileNames.safe(s.title(), "scenario");
        Map<String, String> files = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        String domainFile = FileNames.unique(stem + "-domain", taken) + ".xml";
        files.put(domainFile, domainXml(s, asDiscrete));
        for (int k = 0; k < s.parties().size(); k++) {
            Party party = s.parties().get(k);
            String safeParty = FileNames.safe(party.name(), "party");
            String file = FileNames.unique(stem + "-" + safeParty, taken) + ".xml";
            if (!file.equals(stem + "-" + party.name() + ".xml")) {
                warnings.add(source + ": party '" + party.name() + "' is written as " + file
                        + "; GENIUS names parties after their files, so the name reads back differently");
            }
            files.put(file, profileXml(s, party, numeric[k], asDiscrete, warnings, source));
            reportInexpressible(source, party, warnings);
        }
        if (!s.notes().isEmpty()) {
            warnings.add(source + ": its " + s.notes().size() + " provenance note(s) have no GENIUS form and are left out");
        }
        return new Written(files, warnings);
    }

    private static String kind(Issue issue) {
        return issue.type() == Issue.Type.INTEGER ? "integer (clamped linear)" : "real (linear, constant, triangular)";
    }

    private static void checkText(String source, String what, String text) throws ScenarioFormatException {
        if (!XmlText.representable(text)) {
            throw new ScenarioFormatException(source, what, "contains a control character XML cannot hold");
        }
    }

    private static void reportInexpressible(String source, Party party, List<String> warnings) {
        Profile p = party.profile();
        if (party.role() == Role.RATIFIER) {
            warnings.add(source + ": party '" + party.name() + "' is a ratifier; GENIUS has no roles, so it is"
                    + " written as an ordinary profile");
        }
        if (!p.redLines().isEmpty()) {
            warnings.add(source + ": the " + p.redLines().size() + " red line(s) of party '" + party.name()
                    + "' have no GENIUS form and are left out");
        }
        if (p.reservationOutcome().isPresent()) {
            warnings.add(source + ": party '" + party.name() + "' states its reservation as an outcome; GENIUS"
                    + " keeps only its value " + p.reservation());
        }
    }

    // ------------------------------------------------------------------ domain

    private static String domainXml(Scenario s, boolean[] asDiscrete) {
        Domain d = s.domain();
        XmlText x = new XmlText();
        x.open("negotiation_template");
        x.open("utility_space", "number_of_issues", d.issueCount());
        x.open("objective", "index", 0, "name", s.title(), "description", s.description(), "type", "objective",
                "etype", "objective");
        for (int i = 0; i < d.issueCount(); i++) {
            if (issue(x, d.issue(i), i + 1, asDiscrete[i], null)) x.close();
        }
        x.close().close().close();
        return x.text();
    }

    /**
     * One {@code <issue>}; in a profile, {@code evaluations} (discrete) are written on the items.
     *
     * @return whether the issue element is left open (a numeric issue), for the caller to add an
     *         evaluator and close it
     */
    private static boolean issue(XmlText x, Issue issue, int number, boolean asDiscrete, double[] evaluations) {
        if (issue.type() == Issue.Type.DISCRETE || asDiscrete) {
            x.open("issue", "index", number, "name", issue.name(), "type", "discrete", "etype", "discrete",
                    "vtype", "discrete");
            for (int v = 0; v < issue.size(); v++) {
                x.empty("item", "index", v + 1, "value", issue.label(v),
                        "evaluation", evaluations == null ? null : num(evaluations[v]));
            }
            x.close();
            return false;
        }
        if (issue instanceof IntegerIssue ii) {
            x.open("issue", "index", number, "name", issue.name(), "type", "integer", "etype", "integer",
                    "vtype", "integer", "lowerbound", ii.min(), "upperbound", ii.max());
        } else {
            RealIssue r = (RealIssue) issue;
            x.open("issue", "index", number, "name", issue.name(), "type", "real", "etype", "real", "vtype", "real",
                    "step", plain(r.step()));
            x.empty("range", "lowerbound", plain(r.min()), "upperbound", plain(r.max()));
        }
        return true;
    }

    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    // ---------------------------------------------------------------- profiles

    private static String profileXml(Scenario s, Party party, NumericEvaluator[] numeric, boolean[] asDiscrete,
                                     List<String> warnings, String source) throws ScenarioFormatException {
        UtilityFunction u = party.profile().utility();
        if (u instanceof LinearAdditiveUtility lau) return additiveXml(s, party, lau, numeric, asDiscrete, warnings, source);
        return nonlinearXml(s, party, (HyperRectangleUtility) u, asDiscrete);
    }

    private static String additiveXml(Scenario s, Party party, LinearAdditiveUtility u, NumericEvaluator[] numeric,
                                      boolean[] asDiscrete, List<String> warnings, String source)
            throws ScenarioFormatException {
        Domain d = s.domain();
        int n = d.issueCount();
        double[] raw = new double[n];
        double[][] evaluations = new double[n][];
        for (int i = 0; i < n; i++) {
            Issue issue = d.issue(i);
            if (issue.type() != Issue.Type.DISCRETE && !asDiscrete[i]) {
                raw[i] = u.weight(i);
                continue;
            }
            double[] f = new double[issue.size()];
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int v = 0; v < f.length; v++) {
                f[v] = u.value(i, v);
                max = Math.max(max, f[v]);
                min = Math.min(min, f[v]);
            }
            if (max > 0) {
                // GENIUS divides by the largest evaluation: write the table at scale 1, the scale into the weight.
                for (int v = 0; v < f.length; v++) f[v] /= max;
                raw[i] = u.weight(i) * max;
            } else if (min == 0) {
                // All zero: any weight keeps the utilities, and keeping the party's leaves the sum alone.
                raw[i] = u.weight(i);
            } else if (u.weight(i) == 0) {
                // An unweighted issue can keep any evaluations: write zeros.
                for (int v = 0; v < f.length; v++) f[v] = 0;
                raw[i] = 0;
            } else {
                throw new ScenarioFormatException(source, "party '" + party.name() + "', issue '" + issue.name() + "'",
                        "every value is at most 0 and some are below; GENIUS divides evaluations by the largest,"
                                + " so it cannot express this");
            }
            evaluations[i] = f;
        }
        double sum = 0;
        for (double w : raw) sum += w;
        double[] weights = new double[n];
        double rescale = 1;
        if (sum == 0) {
            for (int i = 0; i < n; i++) weights[i] = u.weight(i);
        } else {
            for (int i = 0; i < n; i++) weights[i] = raw[i] / sum;
            if (Math.abs(sum - 1) > TOLERANCE) {
                rescale = sum;
                warnings.add(source + ": party '" + party.name() + "': GENIUS values the best option of every discrete"
                        + " issue at 1, which this party does not; its utilities and reservation value are written"
                        + " divided by " + sum + " (preferences, frontier and acceptable outcomes unchanged)");
            }
        }

        XmlText x = new XmlText();
        x.open("utility_space", "number_of_issues", n);
        x.open("objective", "index", 0, "name", s.title(), "type", "objective", "etype", "objective");
        for (int i = 0; i < n; i++) {
            Issue issue = d.issue(i);
            issue(x, issue, i + 1, asDiscrete[i], evaluations[i]);
            if (evaluations[i] == null) {
                NumericEvaluator e = numeric[i];
                if (issue.type() == Issue.Type.INTEGER) {
                    x.empty("evaluator", "ftype", "linear", "slope", num(e.a()), "offset", num(e.b()));
                } else if (e.ftype().equals("triangular")) {
                    x.empty("evaluator", "ftype", "triangular", "parameter0", num(e.a()), "parameter1", num(e.b()),
                            "parameter2", num(e.c()));
                } else if (e.ftype().equals("constant")) {
                    x.empty("evaluator", "ftype", "constant", "parameter0", num(e.a()));
                } else {
                    x.empty("evaluator", "ftype", "linear", "parameter0", num(e.a()), "parameter1", num(e.b()));
                }
                x.close();
            }
        }
        for (int i = 0; i < n; i++) x.empty("weight", "index", i + 1, "value", num(weights[i]));
        x.close();
        reservationAndDiscount(x, party.profile(), rescale);
        x.close();
        return x.text();
    }

    private static void reservationAndDiscount(XmlText x, Profile p, double rescale) {
        x.empty("discount_factor", "value", num(p.discount()));
        x.empty("reservation", "value", num(p.reservation() / rescale));
    }

    /**
     * A GENIUS evaluator reproducing the party's value function on every option of a numeric issue,
     * or null when none does.
     */
    private static NumericEvaluator nativeEvaluator(Issue issue, LinearAdditiveUtility u, int i) {
        ValueFunction f = u.functions().get(i);
        double[] values = new double[issue.size()];
        for (int v = 0; v < values.length; v++) values[v] = u.value(i, v);
        List<NumericEvaluator> candidates = new ArrayList<>();
        if (issue instanceof IntegerIssue ii) {
            double lower = ii.min();
            if (f instanceof ValueFunction.Linear lin) {
                candidates.add(new NumericEvaluator("linear", lin.slope(), lin.intercept() + lin.slope() * lower, 0));
            }
            double slope = values.length > 1 ? values[1] - values[0] : 0;
            candidates.add(new NumericEvaluator("linear", slope, values[0], 0));
        } else {
            if (f instanceof ValueFunction.Linear lin) candidates.add(new NumericEvaluator("linear", lin.intercept(), lin.slope(), 0));
            if (f instanceof ValueFunction.Constant c) candidates.add(new NumericEvaluator("constant", c.value(), 0, 0));
            if (f instanceof ValueFunction.Triangular t) {
                candidates.add(new NumericEvaluator("triangular", t.low(), t.high(), t.peak()));
            }
            candidates.add(new NumericEvaluator("constant", values[0], 0, 0));
            if (values.length > 1) {
                double x0 = issue.numericValue(0);
                double x1 = issue.numericValue(1);
                double slope = (values[1] - values[0]) / (x1 - x0);
                candidates.add(new NumericEvaluator("linear", values[0] - slope * x0, slope, 0));
            }
        }
        for (NumericEvaluator c : candidates) if (reproduces(c, issue, values)) return c;
        return null;
    }

    private static boolean reproduces(NumericEvaluator e, Issue issue, double[] values) {
        for (int v = 0; v < values.length; v++) {
            double g = genius(e, issue, v);
            if (!(Math.abs(g - values[v]) <= TOLERANCE * Math.max(1, Math.abs(values[v])))) return false;
        }
        return true;
    }

    /** The value GENIUS computes from the evaluator written for option {@code v}. */
    private static double genius(NumericEvaluator e, Issue issue, int v) {
        double x = issue.numericValue(v);
        if (issue instanceof IntegerIssue ii) return clamp01(e.a() * (x - ii.min()) + e.b());
        switch (e.ftype()) {
            case "constant": return e.a();
            case "triangular": return GeniusProfile.geniusTriangular(x, e.a(), e.b(), e.c());
            default: return clamp01(e.b() * x + e.a());
        }
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    // --------------------------------------------------------------- nonlinear

    private static void checkRectangles(String source, Party party, HyperRectangleUtility h, boolean[] asDiscrete)
            throws ScenarioFormatException {
        String where = "party '" + party.name() + "'";
        if (h.aggregation() != HyperRectangleUtility.Aggregation.SUM) {
            throw new ScenarioFormatException(source, where, "its hyper-rectangles are combined by "
                    + h.aggregation().name().toLowerCase(Locale.ROOT) + "; GENIUS's max and min also count the 0 of"
                    + " every rectangle an outcome lies outside, so only sum can be written");
        }
        for (HyperRectangleUtility.Rectangle r : h.rectangles()) {
            if (r.excludes().size() > MAX_EXCLUDES) {
                throw new ScenarioFormatException(source, where, "a rectangle excludes " + r.excludes().size()
                        + " ranges; at most " + MAX_EXCLUDES + " can be written as GENIUS rectangles");
            }
            List<HyperRectangleUtility.Bound> all = new ArrayList<>(r.includes());
            all.addAll(r.excludes());
            for (HyperRectangleUtility.Bound b : all) {
                Issue issue = h.domain().issue(b.issue());
                if (!(issue instanceof IntegerIssue) || asDiscrete[b.issue()]) {
                    throw new ScenarioFormatException(source, where, "a rectangle bounds issue '" + issue.name()
                            + "', but GENIUS hyper-rectangles bound integer issues only");
                }
            }
        }
    }

    /** GENIUS caps nonlinear utilities at 1: exact when the scenario does too, or when 1 cannot be passed. */
    private static void checkCap(String source, Party party, HyperRectangleUtility h, List<String> warnings) {
        if (h.cap() == 1.0) return;
        double reach = 0;
        for (HyperRectangleUtility.Rectangle r : h.rectangles()) reach += Math.max(0, r.utility() * h.scale());
        if (reach <= Math.min(1.0, h.cap())) return; // neither cap can bind
        if (h.cap() < 1) {
            warnings.add(source + ": party '" + party.name() + "': its utilities are capped at " + h.cap()
                    + ", but GENIUS caps at 1; outcomes above " + h.cap() + " read back uncapped up to 1");
        } else {
            warnings.add(source + ": party '" + party.name() + "': GENIUS caps nonlinear utilities at 1, and this"
                    + " party's may reach " + Math.min(reach, h.cap()) + "; outcomes above 1 read back as 1");
        }
    }

    private static String nonlinearXml(Scenario s, Party party, HyperRectangleUtility h, boolean[] asDiscrete) {
        Domain d = s.domain();
        double scale = h.scale();
        boolean scaleAsMax = scale > 0 && Double.isFinite(1 / scale);
        double factor = scaleAsMax ? 1 : scale;
        XmlText x = new XmlText();
        x.open("utility_space", "type", "nonlinear");
        x.open("objective", "index", 0, "name", s.title(), "type", "objective", "etype", "objective");
        for (int i = 0; i < d.issueCount(); i++) {
            Issue issue = d.issue(i);
            if (issue instanceof IntegerIssue ii && !asDiscrete[i]) {
                x.empty("issue", "index", i + 1, "name", issue.name(), "type", "integer", "etype", "integer",
                        "vtype", "integer", "lowerbound", ii.min(), "upperbound", ii.max());
            } else if (issue(x, issue, i + 1, asDiscrete[i], null)) {
                x.close();
            }
        }
        x.open("utility", "maxutility", num(scaleAsMax ? 1 / scale : 1));
        x.open("ufun", "type", "PlainUfun", "weight", "1", "aggregation", "sum");
        for (HyperRectangleUtility.Rectangle r : h.rectangles()) {
            List<HyperRectangleUtility.Bound> ex = r.excludes();
            // 1[inside I, outside every e] = sum over subsets S of the excludes of (-1)^|S| 1[inside I and S].
            for (int mask = 0; mask < (1 << ex.size()); mask++) {
                List<HyperRectangleUtility.Bound> bounds = new ArrayList<>(r.includes());
                for (int j = 0; j < ex.size(); j++) if ((mask & (1 << j)) != 0) bounds.add(ex.get(j));
                double sign = Integer.bitCount(mask) % 2 == 0 ? 1 : -1;
                if (bounds.isEmpty()) {
                    x.empty("hyperRectangle", "utility", num(sign * r.utility() * factor));
                    continue;
                }
                x.open("hyperRectangle", "utility", num(sign * r.utility() * factor));
                for (HyperRectangleUtility.Bound b : bounds) {
                    long lower = ((IntegerIssue) d.issue(b.issue())).min();
                    x.empty("INCLUDES", "index", b.issue() + 1, "min", lower + b.min(), "max", lower + b.max());
                }
                x.close();
            }
        }
        x.close().close().close();
        reservationAndDiscount(x, party.profile(), 1);
        x.close();
        return x.text();
    }
}
