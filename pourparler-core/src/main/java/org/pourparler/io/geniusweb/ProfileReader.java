package org.pourparler.io.geniusweb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.geniusweb.JsonTree.Arr;
import org.pourparler.io.geniusweb.JsonTree.Node;
import org.pourparler.io.geniusweb.JsonTree.Obj;
import org.pourparler.io.geniusweb.JsonTree.Str;
import org.pourparler.model.DiscreteIssue;
import org.pourparler.model.Domain;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Outcome;
import org.pourparler.model.Profile;
import org.pourparler.model.RealIssue;
import org.pourparler.model.SumOfGroupsUtility;
import org.pourparler.model.UtilityFunction;
import org.pourparler.model.ValueFunction;

/**
 * Reads GeniusWeb domains and the two utility-space profiles Pourparler can evaluate, with
 * GeniusWeb's semantics:
 * <ul>
 * <li>{@code LinearAdditiveUtilitySpace}: {@code u(bid) = sum_i w_i * u_i(v_i)}; a discrete value
 * absent from {@code valueUtilities} counts 0 (GeniusWeb itself refuses such a profile: we warn);
 * a number utility interpolates linearly between {@code (lowValue, lowUtility)} and
 * {@code (highValue, highUtility)} and is 0 outside {@code [lowValue, highValue]}.</li>
 * <li>{@code SumOfGroupsUtilitySpace}: the sum over groups of the utility listed for the bid's
 * combination of the group's values; a combination not listed counts 0.</li>
 * <li>The reservation bid's utility is the reservation value; no reservation bid means 0.</li>
 * </ul>
 */
final class ProfileReader {

    static final String LINEAR_ADDITIVE = "LinearAdditiveUtilitySpace";
    static final String SUM_OF_GROUPS = "SumOfGroupsUtilitySpace";
    static final Set<String> SUPPORTED = Set.of(LINEAR_ADDITIVE, SUM_OF_GROUPS);

    /** GeniusWeb 1.x wrote the short names; 2.x writes the class names. Both are read. */
    private static final Set<String> DISCRETE_UTILS = Set.of("DiscreteValueSetUtilities", "discreteutils");
    private static final Set<String> NUMBER_UTILS = Set.of("NumberValueSetUtilities", "numberutils");
    private static final Set<String> PARTS_UTILS = Set.of("PartsUtilities", "partsutils");

    private static final BigDecimal WEIGHT_SUM_TOLERANCE = new BigDecimal("1e-6");

    private final String source;
    private final List<String> warnings;

    ProfileReader(String source, List<String> warnings) {
        this.source = source;
        this.warnings = warnings;
    }

    private void warn(String sentence) {
        warnings.add(source + ": " + sentence);
    }

    // ---------------------------------------------------------------- domain

    /** A domain object {@code {"name": ..., "issuesValues": {...}}}, issues in document order. */
    static Domain readDomain(Node node) throws ScenarioFormatException {
        Obj o = node.asObject();
        String name = o.require("name").asString();
        if (name.isBlank()) throw o.require("name").error("the domain name is empty");
        Obj issues = o.require("issuesValues").asObject();
        if (issues.members.isEmpty()) throw issues.error("the domain has no issues");
        List<Issue> list = new ArrayList<>();
        for (Map.Entry<String, Node> e : issues.members.entrySet()) {
            list.add(readIssue(e.getKey(), e.getValue()));
        }
        try {
            return Domain.of(name, list);
        } catch (IllegalArgumentException ex) {
            throw issues.error(ex.getMessage());
        }
    }

    private static Issue readIssue(String name, Node node) throws ScenarioFormatException {
        if (name.isBlank()) throw node.error("an issue name is empty");
        Obj o = node.asObject();
        Node values = o.get("values");
        Node range = o.get("range");
        if ((values == null) == (range == null)) {
            throw o.error("issue '" + name + "' must have exactly one of \"values\" (a discrete issue) or \"range\" (a number issue)");
        }
        try {
            if (values != null) {
                Arr a = values.asArray();
                if (a.items.isEmpty()) throw a.error("issue '" + name + "' has no values");
                List<String> labels = new ArrayList<>();
                for (Node v : a.items) labels.add(v.asString());
                return new DiscreteIssue(name, labels);
            }
            BigDecimal low;
            BigDecimal high;
            BigDecimal step;
            if (range instanceof Arr a) {
                // GeniusWeb (Java) writes ["low", "high", "step"]
                if (a.items.size() != 3) throw a.error("a range must be [low, high, step], but has " + a.items.size() + " elements");
                low = a.items.get(0).asDecimal();
                high = a.items.get(1).asDecimal();
                step = a.items.get(2).asDecimal();
            } else {
                // the Python port writes {"low": .., "high": .., "step": ..}
                Obj r = range.asObject();
                low = r.require("low").asDecimal();
                high = r.require("high").asDecimal();
                step = r.require("step").asDecimal();
            }
            if (step.signum() <= 0) throw range.error("issue '" + name + "': the step must be positive, but is " + step.toPlainString());
            if (high.compareTo(low) < 0) {
                throw range.error("issue '" + name + "': high " + high.toPlainString() + " is below low " + low.toPlainString()
                        + ", so the issue has no values");
            }
            return new RealIssue(name, low, high, step);
        } catch (IllegalArgumentException ex) {
            throw node.error(ex.getMessage());
        }
    }

    /**
     * Whether two GeniusWeb domains are the same: same name, same issues, each with the same set
     * of values (issue and value order do not matter, as in GeniusWeb's maps).
     */
    static boolean sameDomain(Domain a, Domain b) {
        if (!a.name().equals(b.name()) || a.issueCount() != b.issueCount()) return false;
        for (Issue x : a.issues()) {
            int j = b.issueIndex(x.name());
            if (j < 0) return false;
            Issue y = b.issue(j);
            if (x instanceof DiscreteIssue dx && y instanceof DiscreteIssue dy) {
                if (!Set.copyOf(dx.values()).equals(Set.copyOf(dy.values()))) return false;
            } else if (!x.equals(y)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- profiles

    /**
     * Reads the body of a supported profile (the object under the type key) over {@code domain}.
     *
     * @param type {@link #LINEAR_ADDITIVE} or {@link #SUM_OF_GROUPS}
     */
    Profile readProfile(String type, Obj body, Domain domain) throws ScenarioFormatException {
        for (String key : body.members.keySet()) {
            if (!Set.of("name", "domain", "reservationBid", "reservationbid", "issueUtilities", "issueWeights", "partUtilities")
                    .contains(key)) {
                warn("the field \"" + key + "\" of the " + type + " is not a GeniusWeb field; it is ignored.");
            }
        }
        UtilityFunction u = type.equals(LINEAR_ADDITIVE) ? readLinearAdditive(body, domain) : readSumOfGroups(body, domain);
        return readReservation(body, u);
    }

    private LinearAdditiveUtility readLinearAdditive(Obj body, Domain domain) throws ScenarioFormatException {
        for (String key : List.of("issueUtilities", "issueWeights")) {
            if (body.get(key) == null) throw body.error("the field \"" + key + "\" is missing from the LinearAdditiveUtilitySpace");
        }
        int n = domain.issueCount();
        ValueFunction[] functions = new ValueFunction[n];
        Obj utils = body.require("issueUtilities").asObject();
        for (Map.Entry<String, Node> e : utils.members.entrySet()) {
            int i = issueIndex(domain, e.getKey(), e.getValue(), "issueUtilities");
            functions[i] = readValueFunction(domain.issue(i), e.getValue());
        }
        for (int i = 0; i < n; i++) {
            if (functions[i] == null) {
                throw utils.error("issue '" + domain.issue(i).name() + "' has no utilities (GeniusWeb requires one entry per issue)");
            }
        }

        double[] weights = new double[n];
        boolean[] seen = new boolean[n];
        BigDecimal sum = BigDecimal.ZERO;
        Obj ws = body.require("issueWeights").asObject();
        for (Map.Entry<String, Node> e : ws.members.entrySet()) {
            int i = issueIndex(domain, e.getKey(), e.getValue(), "issueWeights");
            BigDecimal w = e.getValue().asDecimal();
            if (w.signum() < 0) {
                throw e.getValue().error("the weight of issue '" + e.getKey() + "' is negative (" + w.toPlainString() + "); weights must be >= 0");
            }
            weights[i] = e.getValue().asDouble();
            seen[i] = true;
            sum = sum.add(w);
        }
        for (int i = 0; i < n; i++) {
            if (!seen[i]) throw ws.error("issue '" + domain.issue(i).name() + "' has no weight");
        }
        if (sum.signum() == 0) throw ws.error("all weights are 0");
        if (sum.subtract(BigDecimal.ONE).abs().compareTo(WEIGHT_SUM_TOLERANCE) > 0) {
            warn("the issue weights sum to " + sum.toPlainString() + ", not 1 (GeniusWeb requires 1); they are divided by their sum.");
        }
        try {
            return LinearAdditiveUtility.of(domain, weights, Arrays.asList(functions));
        } catch (IllegalArgumentException ex) {
            throw body.error(ex.getMessage());
        }
    }

    private int issueIndex(Domain domain, String name, Node at, String field) throws ScenarioFormatException {
        int i = domain.issueIndex(name);
        if (i < 0) {
            throw at.error("\"" + field + "\" names issue '" + name + "', which is not in domain '" + domain.name()
                    + "' (its issues are " + issueNames(domain) + ")");
        }
        return i;
    }

    static List<String> issueNames(Domain d) {
        return d.issues().stream().map(Issue::name).toList();
    }

    /** The only member of a type-wrapper object such as {@code {"discreteutils": {...}}}. */
    private static Map.Entry<String, Node> wrapper(Node node, String what) throws ScenarioFormatException {
        Obj o = node.asObject();
        if (o.members.size() != 1) {
            throw o.error("expected " + what + " as an object with one key naming its type, but found " + o.members.size() + " keys");
        }
        return o.members.entrySet().iterator().next();
    }

    private ValueFunction readValueFunction(Issue issue, Node node) throws ScenarioFormatException {
        Map.Entry<String, Node> w = wrapper(node, "the utilities of issue '" + issue.name() + "'");
        String type = w.getKey();
        Node body = w.getValue();
        if (DISCRETE_UTILS.contains(type)) {
            if (!(issue instanceof DiscreteIssue)) {
                throw node.error("issue '" + issue.name() + "' is a number issue, but its utilities are " + type
                        + " (for discrete issues); use NumberValueSetUtilities");
            }
            return readDiscreteUtilities(issue, body.asObject());
        }
        if (NUMBER_UTILS.contains(type)) {
            if (!(issue instanceof RealIssue real)) {
                throw node.error("issue '" + issue.name() + "' is a discrete issue, but its utilities are " + type
                        + " (for number issues); use DiscreteValueSetUtilities");
            }
            return readNumberUtilities(real, body.asObject());
        }
        throw node.error("unknown utilities type \"" + type + "\" for issue '" + issue.name()
                + "'; expected DiscreteValueSetUtilities or NumberValueSetUtilities (or the older discreteutils / numberutils)");
    }

    private ValueFunction readDiscreteUtilities(Issue issue, Obj body) throws ScenarioFormatException {
        Obj vu = body.require("valueUtilities").asObject();
        double[] values = new double[issue.size()];
        boolean[] seen = new boolean[issue.size()];
        for (Map.Entry<String, Node> e : vu.members.entrySet()) {
            int k = issue.indexOf(e.getKey());
            double u = e.getValue().asDouble();
            if (k < 0) {
                warn("issue '" + issue.name() + "' has no value \"" + JsonTree.abbreviate(e.getKey())
                        + "\", yet it is given a utility at " + e.getValue().where()
                        + "; it is ignored (GeniusWeb would refuse this profile).");
                continue;
            }
            checkUnit(u, e.getValue(), "the utility of value \"" + JsonTree.abbreviate(e.getKey()) + "\" of issue '" + issue.name() + "'");
            values[k] = u;
            seen[k] = true;
        }
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < seen.length; k++) if (!seen[k]) missing.add(issue.label(k));
        if (!missing.isEmpty()) {
            warn("issue '" + issue.name() + "' gives no utility for value" + (missing.size() > 1 ? "s " : " ")
                    + abbreviateList(missing) + "; as in GeniusWeb's evaluation it counts 0"
                    + " (GeniusWeb itself refuses profiles that leave a value out).");
        }
        return new ValueFunction.Table(values);
    }

    private ValueFunction readNumberUtilities(RealIssue issue, Obj body) throws ScenarioFormatException {
        BigDecimal lowValue = body.require("lowValue").asDecimal();
        BigDecimal highValue = body.require("highValue").asDecimal();
        double lowUtility = body.require("lowUtility").asDouble();
        double highUtility = body.require("highUtility").asDouble();
        if (highValue.compareTo(lowValue) <= 0) {
            throw body.error("issue '" + issue.name() + "': highValue " + highValue.toPlainString()
                    + " must be above lowValue " + lowValue.toPlainString());
        }
        checkUnit(lowUtility, body.get("lowUtility"), "lowUtility of issue '" + issue.name() + "'");
        checkUnit(highUtility, body.get("highUtility"), "highUtility of issue '" + issue.name() + "'");
        if (lowValue.compareTo(issue.min()) != 0 || highValue.compareTo(issue.max()) != 0) {
            warn("the utilities of number issue '" + issue.name() + "' run from " + lowValue.toPlainString() + " to "
                    + highValue.toPlainString() + ", but its range is " + issue.min().toPlainString() + " to "
                    + issue.max().toPlainString() + "; values outside [" + lowValue.toPlainString() + ", "
                    + highValue.toPlainString() + "] count 0 as in GeniusWeb's evaluation (GeniusWeb itself refuses this profile).");
        }
        double x0 = lowValue.doubleValue();
        double x1 = highValue.doubleValue();
        if (!(x1 > x0)) {
            throw body.error("issue '" + issue.name() + "': lowValue and highValue are too close to tell apart as doubles");
        }
        // GeniusWeb interpolates lowU + (highU-lowU)*(x-lowV)/(highV-lowV) and rounds to 8 decimals;
        // we interpolate in doubles without that rounding (a difference of at most 5e-9 per issue).
        return new ValueFunction.PiecewiseLinear(new double[] {x0, x1}, new double[] {lowUtility, highUtility}, true);
    }

    private void checkUnit(double u, Node at, String what) {
        if (u < 0 || u > 1) {
            warn(what + " is " + u + " at " + at.where() + ", outside [0, 1] (GeniusWeb refuses such profiles); it is kept as given.");
        }
    }

    private SumOfGroupsUtility readSumOfGroups(Obj body, Domain domain) throws ScenarioFormatException {
        Obj parts = body.require("partUtilities").asObject();
        if (parts.members.isEmpty()) throw parts.error("the SumOfGroupsUtilitySpace has no groups");
        List<SumOfGroupsUtility.Group> groups = new ArrayList<>();
        int[] coveredBy = new int[domain.issueCount()];
        double maxSum = 0;
        for (Map.Entry<String, Node> e : parts.members.entrySet()) {
            String group = e.getKey();
            Map.Entry<String, Node> w = wrapper(e.getValue(), "the utilities of group '" + group + "'");
            if (!PARTS_UTILS.contains(w.getKey())) {
                throw e.getValue().error("unknown utilities type \"" + w.getKey() + "\" for group '" + group
                        + "'; expected PartsUtilities (or the older partsutils)");
            }
            Obj pu = w.getValue().asObject();
            Arr issuesNode = pu.require("issues").asArray();
            if (issuesNode.items.isEmpty()) throw issuesNode.error("group '" + group + "' has no issues");
            int[] issues = new int[issuesNode.items.size()];
            long combos = 1;
            for (int j = 0; j < issues.length; j++) {
                Node in = issuesNode.items.get(j);
                String name = in.asString();
                issues[j] = issueIndex(domain, name, in, "issues");
                for (int k = 0; k < j; k++) {
                    if (issues[k] == issues[j]) throw in.error("group '" + group + "' lists issue '" + name + "' twice");
                }
                coveredBy[issues[j]]++;
                combos *= domain.issue(issues[j]).size();
                if (combos > SumOfGroupsUtility.MAX_GROUP_COMBINATIONS) {
                    throw issuesNode.error("group '" + group + "' has more than " + SumOfGroupsUtility.MAX_GROUP_COMBINATIONS
                            + " combinations of values; Pourparler tabulates at most that many");
                }
            }
            double[] table = new double[(int) combos];
            boolean[] seen = new boolean[table.length];
            Arr list = pu.require("utilslist").asArray();
            int unknown = 0;
            String firstUnknown = null;
            for (Node item : list.items) {
                Obj entry = item.asObject();
                Arr values = entry.require("values").asArray();
                Node utilNode = entry.require("util");
                double util = utilNode.asDouble();
                if (values.items.size() != issues.length) {
                    throw values.error("group '" + group + "' has " + issues.length + " issues, but this entry lists "
                            + values.items.size() + " values");
                }
                int pos = 0;
                boolean known = true;
                for (int j = 0; j < issues.length; j++) {
                    Issue issue = domain.issue(issues[j]);
                    int v = optionIndex(issue, values.items.get(j));
                    if (v < 0) {
                        known = false;
                        break;
                    }
                    pos = pos * issue.size() + v;
                }
                if (!known) {
                    // GeniusWeb keeps such an entry, but no bid ever matches it
                    if (unknown++ == 0) firstUnknown = values.where();
                    continue;
                }
                checkUnit(util, utilNode, "the utility of an entry of group '" + group + "'");
                if (seen[pos]) {
                    warn("group '" + group + "' lists the same combination of values twice (again at " + values.where()
                            + "); the later one is used, as in GeniusWeb.");
                }
                seen[pos] = true;
                table[pos] = util;
            }
            if (unknown > 0) {
                warn("group '" + group + "' has " + unknown + " entr" + (unknown > 1 ? "ies" : "y")
                        + " naming values that are not in the domain (first at " + firstUnknown + "); no bid matches them, so they are ignored.");
            }
            double max = 0;
            for (double t : table) max = Math.max(max, t);
            maxSum += max;
            try {
                groups.add(new SumOfGroupsUtility.Group(group, issues, table));
            } catch (IllegalArgumentException ex) {
                throw e.getValue().error(ex.getMessage());
            }
        }
        List<String> uncovered = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        for (int i = 0; i < coveredBy.length; i++) {
            if (coveredBy[i] == 0) uncovered.add(domain.issue(i).name());
            if (coveredBy[i] > 1) shared.add(domain.issue(i).name());
        }
        if (!uncovered.isEmpty()) {
            warn("no group covers issue" + (uncovered.size() > 1 ? "s " : " ") + uncovered
                    + ", so it does not affect utility (GeniusWeb requires the groups to cover every issue).");
        }
        if (!shared.isEmpty()) {
            warn("issue" + (shared.size() > 1 ? "s " : " ") + shared + " belong to more than one group; their groups' utilities"
                    + " are added (GeniusWeb requires groups not to overlap).");
        }
        if (maxSum > 1 + 1e-9) {
            warn("the best combinations of the groups add up to " + maxSum + ", above 1 (GeniusWeb refuses such profiles);"
                    + " the utilities are kept as given.");
        }
        try {
            return SumOfGroupsUtility.of(domain, groups);
        } catch (IllegalArgumentException ex) {
            throw parts.error(ex.getMessage());
        }
    }

    // ---------------------------------------------------------------- values and bids

    /**
     * The option of {@code issue} that a JSON value in a bid names, or -1. GeniusWeb reads JSON
     * strings as discrete values and JSON numbers as number values; a number naming a discrete
     * label, or a numeric string on a number issue, is accepted with a warning.
     */
    private int optionIndex(Issue issue, Node value) throws ScenarioFormatException {
        if (issue instanceof DiscreteIssue) {
            if (value instanceof Str s) return issue.indexOf(s.value);
            if (value instanceof JsonTree.Num n) {
                int k = issue.indexOf(n.value.toString());
                if (k < 0) k = issue.indexOf(n.value.toPlainString());
                if (k >= 0) {
                    warn("the number " + n.value + " at " + value.where() + " is taken as the value \"" + issue.label(k)
                            + "\" of discrete issue '" + issue.name() + "' (GeniusWeb would not match a number to a string value).");
                }
                return k;
            }
            return -1;
        }
        if (!(value instanceof JsonTree.Num) && !(value instanceof Str)) return -1;
        BigDecimal d;
        try {
            d = value.asDecimal();
        } catch (ScenarioFormatException e) {
            return -1;
        }
        int k = issue.indexOf(d.toPlainString());
        if (k >= 0 && value instanceof Str) {
            warn("the string \"" + ((Str) value).value + "\" at " + value.where() + " is taken as the number " + d.toPlainString()
                    + " of number issue '" + issue.name() + "' (GeniusWeb would not match a string to a number value).");
        }
        return k;
    }

    private Profile readReservation(Obj body, UtilityFunction u) throws ScenarioFormatException {
        Node bid = body.get("reservationBid");
        Node lower = body.get("reservationbid");
        if (bid != null && lower != null && !(lower instanceof JsonTree.Null)) {
            warn("both \"reservationBid\" and \"reservationbid\" are given; \"reservationBid\" is used.");
        }
        if (bid == null) bid = lower;
        if (bid == null || bid instanceof JsonTree.Null) {
            return Profile.of(u, 0.0);
        }
        Domain domain = u.domain();
        int[] outcome = new int[domain.issueCount()];
        Arrays.fill(outcome, -1);
        String invalid = null;
        if (!(bid instanceof Obj b) || !(b.get("issuevalues") instanceof Obj values)) {
            invalid = "it is not an object {\"issuevalues\": {issue: value, ...}}";
        } else {
            for (Map.Entry<String, Node> e : values.members.entrySet()) {
                int i = domain.issueIndex(e.getKey());
                if (i < 0) {
                    invalid = "it names issue '" + e.getKey() + "', which is not in domain '" + domain.name() + "'";
                    break;
                }
                int v = optionIndex(domain.issue(i), e.getValue());
                if (v < 0) {
                    invalid = "issue '" + e.getKey() + "' has no option " + describe(e.getValue());
                    break;
                }
                outcome[i] = v;
            }
        }
        if (invalid != null) {
            warn("the reservation bid at " + bid.where() + " is not valid: " + invalid
                    + " (GeniusWeb would refuse this profile). The reservation value is set to 0.");
            return Profile.of(u, 0.0);
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < outcome.length; i++) if (outcome[i] < 0) missing.add(domain.issue(i).name());
        if (missing.isEmpty()) {
            return new Profile(u, u.utility(outcome), 1.0, List.of(), Optional.of(Outcome.of(outcome)));
        }
        double r = partialUtility(u, outcome);
        warn("the reservation bid at " + bid.where() + " gives no value for issue" + (missing.size() > 1 ? "s " : " ") + missing
                + "; as in GeniusWeb those count 0, so the reservation value is " + r
                + " (the partial bid itself is not kept).");
        return Profile.of(u, r);
    }

    /** GeniusWeb's utility of a partial bid ({@code -1} = issue absent): absent issues and incomplete groups count 0. */
    static double partialUtility(UtilityFunction u, int[] outcome) {
        double r = 0;
        if (u instanceof LinearAdditiveUtility la) {
            for (int i = 0; i < outcome.length; i++) if (outcome[i] >= 0) r += la.term(i, outcome[i]);
        } else if (u instanceof SumOfGroupsUtility sg) {
            for (SumOfGroupsUtility.Group g : sg.groups()) {
                boolean complete = true;
                for (int i : g.issues()) complete &= outcome[i] >= 0;
                if (complete) r += g.utilities()[g.position(u.domain(), outcome)];
            }
        } else {
            throw new IllegalArgumentException("Not a GeniusWeb utility: " + u.kind());
        }
        return r;
    }

    private static String describe(Node v) {
        if (v instanceof Str s) return "\"" + JsonTree.abbreviate(s.value) + "\"";
        return v.kind();
    }

    private static String abbreviateList(List<String> labels) {
        Map<String, Boolean> shown = new LinkedHashMap<>();
        for (String l : labels) {
            if (shown.size() == 10) break;
            shown.put("\"" + JsonTree.abbreviate(l) + "\"", true);
        }
        String s = String.join(", ", shown.keySet());
        return labels.size() > 10 ? s + " and " + (labels.size() - 10) + " more" : s;
    }
}
