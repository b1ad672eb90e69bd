package org.pourparler.io.pourparler;

import org.pourparler.io.source.ReadResult;
import org.pourparler.io.source.ScenarioFormatException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pourparler.io.pourparler.PourparlerNode.ListNode;
import org.pourparler.io.pourparler.PourparlerNode.MapNode;
import org.pourparler.io.pourparler.PourparlerNode.ScalarKind;
import org.pourparler.io.pourparler.PourparlerNode.ScalarNode;
import org.pourparler.model.DiscreteIssue;
import org.pourparler.model.Domain;
import org.pourparler.model.HyperRectangleUtility;
import org.pourparler.model.IntegerIssue;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.NoteTarget;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.RealIssue;
import org.pourparler.model.RedLine;
import org.pourparler.model.Role;
import org.pourparler.model.Scenario;
import org.pourparler.model.SumOfGroupsUtility;
import org.pourparler.model.UtilityFunction;
import org.pourparler.model.ValueFunction;

/**
 * Turns a parsed {@code pourparler/1} tree into a {@link Scenario}, checking every key, name and
 * number and naming the field path and line of each problem. One instance reads one file.
 */
public final class PourparlerReader {
    // The keys allowed in each kind of mapping; the schema test compares them with the JSON Schema.
    static final List<String> TOP_KEYS = List.of("format", "title", "domain", "description", "notes", "issues",
            "parties", "otherNotes");
    static final List<String> ISSUE_KEYS = List.of("name", "notes", "options", "integer", "real", "optionNotes");
    static final List<String> OPTION_KEYS = List.of("name", "notes");
    static final List<String> INTEGER_KEYS = List.of("min", "max");
    static final List<String> REAL_KEYS = List.of("min", "max", "step");
    static final List<String> PARTY_KEYS = List.of("name", "role", "notes", "reservation", "discount", "redLines",
            "utility");
    static final List<String> RESERVATION_KEYS = List.of("value", "outcome", "notes");
    static final List<String> DISCOUNT_KEYS = List.of("value", "notes");
    static final List<String> RED_LINE_KEYS = List.of("description", "notes", "when");
    static final List<String> LINEAR_ADDITIVE_KEYS = List.of("kind", "weights", "issues");
    static final List<String> WEIGHT_KEYS = List.of("value", "notes");
    static final List<String> FUNCTION_KEYS = List.of("options", "linear", "triangular", "piecewise", "constant");
    static final List<String> ISSUE_UTILITY_KEYS = List.of("weight", "notes", "options", "linear", "triangular",
            "piecewise", "constant");
    static final List<String> OPTION_UTILITY_KEYS = List.of("utility", "notes");
    static final List<String> LINEAR_KEYS = List.of("slope", "intercept", "clamp");
    static final List<String> TRIANGULAR_KEYS = List.of("low", "peak", "high");
    static final List<String> PIECEWISE_KEYS = List.of("points", "outside");
    static final List<String> HYPER_RECTANGLE_KEYS = List.of("kind", "aggregation", "scale", "cap", "rectangles");
    static final List<String> RECTANGLE_KEYS = List.of("utility", "includes", "excludes");
    static final List<String> BOUND_KEYS = List.of("issue", "from", "to", "indexes");
    static final List<String> SUM_OF_GROUPS_KEYS = List.of("kind", "groups");
    static final List<String> GROUP_KEYS = List.of("name", "issues", "utilities");
    static final List<String> OTHER_NOTE_KEYS = List.of("about", "party", "issue", "option", "redLine", "notes");

    static final List<String> ROLES = List.of("negotiator", "ratifier");
    static final List<String> KINDS = List.of("linear-additive", "hyper-rectangle", "sum-of-groups");
    static final List<String> AGGREGATIONS = List.of("sum", "max", "min");
    static final List<String> OUTSIDE = List.of("nearest", "zero");
    static final List<String> NOTE_KINDS = List.of("scenario", "issue", "option", "party", "weight", "utility",
            "reservation", "discount", "red-line");

    /** Weights whose sum is further than this from 1 are reported when they are normalised. */
    static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    /** Most tabulated numbers (options of linear-additive issues, group combinations) over all parties. */
    static final long MAX_TABLE_CELLS = 1L << 24;

    private final String source;
    private final List<String> warnings = new ArrayList<>();
    private final Map<NoteTarget, String> notes = new LinkedHashMap<>();
    private final Map<NoteTarget, PourparlerNode> noteNodes = new HashMap<>();
    private long tableCells;

    public PourparlerReader(String source) {
        this.source = source;
    }

    /**
     * Reads a parsed file. (An instance is also a toolkit for other files of the same YAML dialect,
     * such as tournament specifications: {@link #map}, {@link #number}, {@link #checkKeys}...)
     */
    public static ReadResult read(PourparlerNode root, String source) throws ScenarioFormatException {
        return new PourparlerReader(source).scenario(root);
    }

    // ---------------------------------------------------------------- scenario

    private ReadResult scenario(PourparlerNode root) throws ScenarioFormatException {
        if (!(root instanceof MapNode top)) {
            throw error(root, "a scenario file must be a mapping that starts with 'format: " + PourparlerFormat.VERSION
                    + "', but it holds " + root.describe());
        }
        checkFormat(top);
        checkKeys(top, TOP_KEYS);
        String title = requiredText(top, "title");
        String domainName = top.has("domain") ? name(top.get("domain"), "the domain name") : title;
        String description = top.has("description") ? text(top.get("description")) : "";
        note(top, NoteTarget.scenario());
        Domain domain = domain(top, domainName);

        List<Party> parties = new ArrayList<>();
        if (top.has("parties")) {
            ListNode list = list(top.get("parties"), "the list of parties");
            Map<String, PourparlerNode> seen = new HashMap<>();
            for (PourparlerNode item : list.items()) {
                MapNode m = map(item, "a party");
                String name = requiredName(m, "name", "a party name");
                PourparlerNode first = seen.putIfAbsent(name, m);
                if (first != null) {
                    throw error(m.get("name"), "two parties are named '" + name + "' (the first at line "
                            + first.line() + "); party names must be distinct");
                }
                parties.add(party(m, name, domain));
            }
        }
        if (top.has("otherNotes")) otherNotes(top.get("otherNotes"), domain, parties);

        try {
            Scenario.Builder b = Scenario.builder(domain).title(title).description(description).parties(parties);
            notes.forEach(b::note);
            return new ReadResult(b.build(), warnings);
        } catch (IllegalArgumentException e) {
            throw error(top, e.getMessage());
        }
    }

    private void checkFormat(MapNode top) throws ScenarioFormatException {
        PourparlerNode f = top.get("format");
        if (f == null) {
            throw new ScenarioFormatException(source, PourparlerNode.where("format", top.line(), top.column()),
                    "missing 'format: " + PourparlerFormat.VERSION + "' at the top: this reader supports format "
                            + PourparlerFormat.VERSION);
        }
        String v = f instanceof ScalarNode s && s.kind() != ScalarKind.NULL ? s.text().trim() : null;
        if (!PourparlerFormat.VERSION.equals(v)) {
            throw error(f, "format " + (v == null ? f.describe() : "'" + v + "'") + " is not supported: this reader supports "
                    + "format " + PourparlerFormat.VERSION + " (write 'format: " + PourparlerFormat.VERSION + "')");
        }
    }

    // ---------------------------------------------------------------- issues

    private Domain domain(MapNode top, String domainName) throws ScenarioFormatException {
        PourparlerNode issuesNode = top.get("issues");
        if (issuesNode == null) throw missing(top, "issues", "the list of issues under negotiation");
        ListNode list = list(issuesNode, "the list of issues");
        if (list.items().isEmpty()) throw error(list, "a scenario needs at least one issue");
        List<Issue> issues = new ArrayList<>();
        Map<String, PourparlerNode> seen = new HashMap<>();
        for (PourparlerNode item : list.items()) {
            MapNode m = map(item, "an issue");
            checkKeys(m, ISSUE_KEYS);
            String name = requiredName(m, "name", "an issue name");
            PourparlerNode first = seen.putIfAbsent(name, m);
            if (first != null) {
                throw error(m.get("name"), "two issues are named '" + name + "' (the first at line " + first.line()
                        + "); issue names must be distinct");
            }
            note(m, NoteTarget.issue(name));
            List<String> kinds = present(m, List.of("options", "integer", "real"));
            if (kinds.size() != 1) {
                throw error(m, "issue '" + name + "' must have exactly one of 'options' (a list of labels), "
                        + "'integer' ({min, max}) or 'real' ({min, max, step}), but has "
                        + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
            }
            Issue issue = switch (kinds.get(0)) {
                case "options" -> discrete(m.get("options"), name);
                case "integer" -> integer(m.get("integer"), name);
                default -> real(m.get("real"), name);
            };
            if (m.has("optionNotes")) {
                if (issue instanceof DiscreteIssue) {
                    throw error(m.get("optionNotes"), "'optionNotes' is for integer and real issues; give a discrete "
                            + "option its notes in the list: - {name: label, notes: ...}");
                }
                MapNode on = map(m.get("optionNotes"), "a mapping from option to notes");
                Set<Integer> done = new HashSet<>();
                for (Map.Entry<String, PourparlerNode> e : on.entries().entrySet()) {
                    int idx = optionIndex(issue, e.getKey(), e.getValue());
                    if (!done.add(idx)) throw error(e.getValue(), "a second note for option " + issue.label(idx));
                    putNote(NoteTarget.option(name, issue.label(idx)), text(e.getValue()), e.getValue());
                }
            }
            issues.add(issue);
        }
        try {
            return Domain.of(domainName, issues);
        } catch (IllegalArgumentException e) {
            throw error(list, e.getMessage());
        }
    }

    private Issue discrete(PourparlerNode node, String issueName) throws ScenarioFormatException {
        ListNode list = list(node, "the list of options of issue '" + issueName + "'");
        if (list.items().isEmpty()) throw error(list, "issue '" + issueName + "' needs at least one option");
        List<String> labels = new ArrayList<>();
        Map<String, PourparlerNode> seen = new HashMap<>();
        for (PourparlerNode item : list.items()) {
            String label;
            if (item instanceof MapNode m) {
                checkKeys(m, OPTION_KEYS);
                label = requiredName(m, "name", "an option label");
                note(m, NoteTarget.option(issueName, label));
            } else {
                label = name(item, "an option label");
            }
            PourparlerNode first = seen.putIfAbsent(label, item);
            if (first != null) {
                throw error(item, "issue '" + issueName + "' lists option '" + label + "' twice (first at line "
                        + first.line() + ")");
            }
            labels.add(label);
        }
        return new DiscreteIssue(issueName, labels);
    }

    private Issue integer(PourparlerNode node, String issueName) throws ScenarioFormatException {
        MapNode m = map(node, "the integer range {min, max} of issue '" + issueName + "'");
        checkKeys(m, INTEGER_KEYS);
        long min = longValue(required(m, "min", "the smallest integer"));
        long max = longValue(required(m, "max", "the largest integer"));
        try {
            return new IntegerIssue(issueName, min, max);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw error(m, e.getMessage() != null && !e.getMessage().equals("long overflow") ? e.getMessage()
                    : "issue '" + issueName + "' has too many options");
        }
    }

    private Issue real(PourparlerNode node, String issueName) throws ScenarioFormatException {
        MapNode m = map(node, "the real range {min, max, step} of issue '" + issueName + "'");
        checkKeys(m, REAL_KEYS);
        BigDecimal min = decimal(required(m, "min", "the lower end"));
        BigDecimal max = decimal(required(m, "max", "the upper end"));
        BigDecimal step = decimal(required(m, "step", "the grid step (e.g. 0.5)"));
        try {
            return new RealIssue(issueName, min, max, step);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw error(m, e.getMessage());
        }
    }

    // ---------------------------------------------------------------- parties

    private Party party(MapNode m, String name, Domain domain) throws ScenarioFormatException {
        checkKeys(m, PARTY_KEYS);
        Role role = Role.NEGOTIATOR;
        if (m.has("role")) {
            role = Role.valueOf(choice(m.get("role"), ROLES).toUpperCase(Locale.ROOT));
        }
        note(m, NoteTarget.party(name));
        PourparlerNode u = m.get("utility");
        if (u == null) throw missing(m, "utility", "how party '" + name + "' values the outcomes");
        UtilityFunction utility = utility(u, name, domain);

        List<RedLine> redLines = new ArrayList<>();
        if (m.has("redLines")) {
            for (PourparlerNode item : list(m.get("redLines"), "the list of red lines").items()) {
                redLines.add(redLine(item, name, domain));
            }
        }

        double reservation = 0;
        Optional<Outcome> reservationOutcome = Optional.empty();
        PourparlerNode r = m.get("reservation");
        if (r instanceof MapNode rm) {
            checkKeys(rm, RESERVATION_KEYS);
            note(rm, NoteTarget.reservation(name));
            if (rm.has("outcome")) {
                int[] o = outcome(rm.get("outcome"), domain);
                reservationOutcome = Optional.of(Outcome.of(o));
                reservation = utility.utility(o);
            }
            if (rm.has("value")) reservation = number(rm.get("value"));
        } else if (r != null) {
            reservation = number(r);
        }

        double discount = 1.0;
        PourparlerNode d = m.get("discount");
        PourparlerNode dv = d;
        if (d instanceof MapNode dm) {
            checkKeys(dm, DISCOUNT_KEYS);
            note(dm, NoteTarget.discount(name));
            dv = dm.get("value");
        }
        if (dv != null) {
            discount = number(dv);
            if (!(discount > 0 && discount <= 1)) {
                throw error(dv, "the discount factor of party '" + name + "' must be in (0, 1] (1 = no discounting),"
                        + " but is " + ((ScalarNode) dv).text());
            }
        }
        try {
            return new Party(name, role, new Profile(utility, reservation, discount, redLines, reservationOutcome));
        } catch (IllegalArgumentException e) {
            throw error(m, e.getMessage());
        }
    }

    private RedLine redLine(PourparlerNode node, String party, Domain domain) throws ScenarioFormatException {
        MapNode m = map(node, "a red line {description, when}");
        checkKeys(m, RED_LINE_KEYS);
        String description = m.has("description") ? text(m.get("description")) : "";
        note(m, NoteTarget.redLine(party, description));
        PourparlerNode w = m.get("when");
        if (w == null) throw missing(m, "when", "the options that cross the red line, e.g. when: {issue: option}");
        MapNode when = map(w, "a mapping from issue to option(s)");
        if (when.entries().isEmpty()) throw error(when, "a red line needs at least one issue in 'when'");
        List<RedLine.Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, PourparlerNode> e : when.entries().entrySet()) {
            int i = issueIndex(domain, e.getKey(), e.getValue());
            Issue issue = domain.issue(i);
            List<Integer> options = new ArrayList<>();
            if (e.getValue() instanceof ListNode l) {
                if (l.items().isEmpty()) throw error(l, "list at least one option of issue '" + issue.name() + "'");
                for (PourparlerNode o : l.items()) options.add(optionIndex(issue, label(o), o));
            } else {
                options.add(optionIndex(issue, label(e.getValue()), e.getValue()));
            }
            conditions.add(new RedLine.Condition(i, options.stream().mapToInt(Integer::intValue).toArray()));
        }
        return RedLine.of(description, conditions);
    }

    private int[] outcome(PourparlerNode node, Domain domain) throws ScenarioFormatException {
        MapNode m = map(node, "an outcome: a mapping from every issue to an option");
        int[] o = new int[domain.issueCount()];
        boolean[] given = new boolean[o.length];
        for (Map.Entry<String, PourparlerNode> e : m.entries().entrySet()) {
            int i = issueIndex(domain, e.getKey(), e.getValue());
            o[i] = optionIndex(domain.issue(i), label(e.getValue()), e.getValue());
            given[i] = true;
        }
        for (int i = 0; i < o.length; i++) {
            if (!given[i]) {
                throw error(m, "the outcome gives no option for issue '" + domain.issue(i).name()
                        + "'; an outcome names one option of every issue");
            }
        }
        return o;
    }

    // ---------------------------------------------------------------- utilities

    private UtilityFunction utility(PourparlerNode node, String party, Domain domain) throws ScenarioFormatException {
        MapNode m = map(node, "a utility function");
        String kind = m.has("kind") ? choice(m.get("kind"), KINDS) : "linear-additive";
        return switch (kind) {
            case "linear-additive" -> linearAdditive(m, party, domain);
            case "hyper-rectangle" -> hyperRectangle(m, domain);
            default -> sumOfGroups(m, domain);
        };
    }

    private UtilityFunction linearAdditive(MapNode m, String party, Domain domain) throws ScenarioFormatException {
        checkKeys(m, LINEAR_ADDITIVE_KEYS);
        PourparlerNode issuesNode = m.get("issues");
        if (issuesNode == null) {
            throw missing(m, "issues", "a weight and option utilities for each issue, e.g. issues: {price: {weight: 1, "
                    + "options: {low: 1, high: 0}}}");
        }
        MapNode entries = map(issuesNode, "a mapping from issue name to weight and utilities");
        int n = domain.issueCount();
        double[] weights = new double[n];
        PourparlerNode[] weightNodes = new PourparlerNode[n];
        ValueFunction[] functions = new ValueFunction[n];

        MapNode weightMap = null;
        if (m.has("weights")) {
            weightMap = map(m.get("weights"), "a mapping from issue name to weight");
            for (Map.Entry<String, PourparlerNode> e : weightMap.entries().entrySet()) {
                int i = issueIndex(domain, e.getKey(), e.getValue());
                PourparlerNode v = e.getValue();
                if (v instanceof MapNode wm) {
                    checkKeys(wm, WEIGHT_KEYS);
                    note(wm, NoteTarget.weight(party, e.getKey()));
                    v = required(wm, "value", "the weight");
                }
                weights[i] = weight(v, party, e.getKey());
                weightNodes[i] = v;
            }
        }
        for (Map.Entry<String, PourparlerNode> e : entries.entries().entrySet()) {
            int i = issueIndex(domain, e.getKey(), e.getValue());
            Issue issue = domain.issue(i);
            MapNode em = map(e.getValue(), "the weight and utilities of issue '" + issue.name() + "'");
            checkKeys(em, ISSUE_UTILITY_KEYS);
            if (em.has("weight")) {
                if (weightNodes[i] != null) {
                    throw error(em.get("weight"), "the weight of issue '" + issue.name() + "' is given twice: here and "
                            + "at line " + weightNodes[i].line() + " under 'weights'; keep one");
                }
                weights[i] = weight(em.get("weight"), party, issue.name());
                weightNodes[i] = em.get("weight");
            }
            note(em, NoteTarget.weight(party, issue.name()));
            functions[i] = valueFunction(em, party, issue);
        }
        for (int i = 0; i < n; i++) {
            String issue = domain.issue(i).name();
            if (functions[i] == null) {
                throw error(entries, "party '" + party + "' gives no utilities for issue '" + issue + "': every issue "
                        + "needs an entry here, e.g. " + quoteKey(issue) + ": {weight: 1, options: {...}}");
            }
            if (weightNodes[i] == null) {
                throw new ScenarioFormatException(source, PourparlerNode.where(PourparlerNode.child(
                        PourparlerNode.child(entries.path(), issue), "weight"), entries.get(issue).line(),
                        entries.get(issue).column()), "party '" + party + "' gives no weight for issue '" + issue
                        + "': every issue needs one (weights are divided by their sum)");
            }
        }
        double sum = 0;
        for (double w : weights) sum += w;   // in issue order, as the model adds them
        if (!(sum > 0)) {
            throw error(entries, "all weights of party '" + party + "' are zero; at least one issue must matter");
        }
        if (sum == Double.POSITIVE_INFINITY) {
            // finite weights whose sum passes the largest double: the model divides by the largest weight first
            warnings.add(source + ": " + PourparlerNode.where(m) + ": the weights of party '" + party + "' sum to more "
                    + "than the largest number (about 1.8e308), not 1; each was divided by their sum (computed after "
                    + "dividing every weight by the largest)");
        } else if (Math.abs(sum - 1.0) > WEIGHT_SUM_TOLERANCE) {
            warnings.add(source + ": " + PourparlerNode.where(m) + ": the weights of party '" + party + "' sum to "
                    + PourparlerNumbers.format(sum) + ", not 1; each was divided by " + PourparlerNumbers.format(sum));
        }
        for (int i = 0; i < n; i++) spend(domain.issue(i).size(), entries.get(domain.issue(i).name()));
        try {
            // weights that already sum to 1 (up to rounding) are kept bit for bit, so written files read back equal
            return LinearAdditiveUtility.ofNormalised(domain, weights, List.of(functions));
        } catch (IllegalArgumentException e) {
            throw error(m, e.getMessage());
        }
    }

    private double weight(PourparlerNode node, String party, String issue) throws ScenarioFormatException {
        double w = number(node);
        if (w < 0) {
            throw error(node, "the weight of issue '" + issue + "' for party '" + party + "' must be >= 0, but is "
                    + ((ScalarNode) node).text());
        }
        return w;
    }

    private ValueFunction valueFunction(MapNode em, String party, Issue issue) throws ScenarioFormatException {
        List<String> kinds = present(em, FUNCTION_KEYS);
        if (kinds.size() != 1) {
            throw error(em, "give the utilities of issue '" + issue.name() + "' in exactly one way: 'options' (a "
                    + "utility per option), 'linear', 'triangular', 'piecewise' or 'constant'; found "
                    + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
        }
        String kind = kinds.get(0);
        PourparlerNode node = em.get(kind);
        ValueFunction f = switch (kind) {
            case "options" -> table(node, party, issue);
            case "linear" -> {
                MapNode m = map(node, "a linear function {slope, intercept, clamp}");
                checkKeys(m, LINEAR_KEYS);
                double slope = number(required(m, "slope", "the utility gained per unit"));
                double intercept = m.has("intercept") ? number(m.get("intercept")) : 0.0;
                boolean clamp = m.has("clamp") && bool(m.get("clamp"));
                yield construct(node, () -> new ValueFunction.Linear(slope, intercept, clamp));
            }
            case "triangular" -> {
                MapNode m = map(node, "a triangular function {low, peak, high}");
                checkKeys(m, TRIANGULAR_KEYS);
                double low = number(required(m, "low", "where the utility rises from 0"));
                double peak = number(required(m, "peak", "where the utility is 1"));
                double high = number(required(m, "high", "where the utility is back to 0"));
                yield construct(node, () -> new ValueFunction.Triangular(low, peak, high));
            }
            case "piecewise" -> piecewise(node);
            default -> {
                double c = number(node);
                yield new ValueFunction.Constant(c);
            }
        };
        try {
            f.checkFits(issue);
        } catch (IllegalArgumentException e) {
            throw error(node, e.getMessage());
        }
        return f;
    }

    private ValueFunction table(PourparlerNode node, String party, Issue issue) throws ScenarioFormatException {
        MapNode m = map(node, "a mapping from each option of issue '" + issue.name() + "' to its utility");
        Map<Integer, Double> values = new HashMap<>();
        for (Map.Entry<String, PourparlerNode> e : m.entries().entrySet()) {
            int idx = optionIndex(issue, e.getKey(), e.getValue());
            PourparlerNode v = e.getValue();
            if (v instanceof MapNode om) {
                checkKeys(om, OPTION_UTILITY_KEYS);
                note(om, NoteTarget.utility(party, issue.name(), issue.label(idx)));
                v = required(om, "utility", "the utility of this option");
            }
            if (values.put(idx, number(v)) != null) {
                throw error(e.getValue(), "option " + issue.label(idx) + " of issue '" + issue.name()
                        + "' is given a utility twice");
            }
        }
        if (values.size() < issue.size()) {
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < issue.size() && missing.size() < 5; i++) {
                if (!values.containsKey(i)) missing.add("'" + issue.label(i) + "'");
            }
            throw error(m, "party '" + party + "' gives no utility for option " + missing.get(0) + " of issue '"
                    + issue.name() + "'" + (issue.size() - values.size() > 1 ? " (" + (issue.size() - values.size())
                    + " options lack one: " + String.join(", ", missing) + (issue.size() - values.size() > 5 ? ", ..." : "")
                    + ")" : "") + "; every option needs a utility"
                    + (issue.isNumeric() ? ", or use a function: linear, triangular, piecewise, constant" : ""));
        }
        double[] t = new double[issue.size()];
        values.forEach((i, v) -> t[i] = v);
        return new ValueFunction.Table(t);
    }

    private ValueFunction piecewise(PourparlerNode node) throws ScenarioFormatException {
        PourparlerNode pointsNode = node;
        boolean zeroOutside = false;
        if (node instanceof MapNode m) {
            checkKeys(m, PIECEWISE_KEYS);
            pointsNode = required(m, "points", "the points [[x, y], ...]");
            if (m.has("outside")) zeroOutside = choice(m.get("outside"), OUTSIDE).equals("zero");
        }
        ListNode points = list(pointsNode, "a list of points [x, y]");
        if (points.items().isEmpty()) throw error(points, "a piecewise-linear function needs at least one point");
        double[] x = new double[points.items().size()];
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            PourparlerNode p = points.items().get(k);
            if (!(p instanceof ListNode pl) || pl.items().size() != 2) {
                throw error(p, "a point is a pair [x, y], but this is " + p.describe()
                        + (p instanceof ListNode l ? " of " + l.items().size() + " items" : ""));
            }
            x[k] = number(pl.items().get(0));
            y[k] = number(pl.items().get(1));
            if (k > 0 && !(x[k] > x[k - 1])) {
                throw error(pl.items().get(0), "the x values of the points must increase, but "
                        + PourparlerNumbers.format(x[k]) + " follows " + PourparlerNumbers.format(x[k - 1]));
            }
        }
        boolean zero = zeroOutside;
        return construct(node, () -> new ValueFunction.PiecewiseLinear(x, y, zero));
    }

    private UtilityFunction hyperRectangle(MapNode m, Domain domain) throws ScenarioFormatException {
        checkKeys(m, HYPER_RECTANGLE_KEYS);
        HyperRectangleUtility.Aggregation aggregation = HyperRectangleUtility.Aggregation.SUM;
        if (m.has("aggregation")) {
            aggregation = HyperRectangleUtility.Aggregation.valueOf(
                    choice(m.get("aggregation"), AGGREGATIONS).toUpperCase(Locale.ROOT));
        }
        double scale = m.has("scale") ? number(m.get("scale")) : 1.0;
        double cap = m.has("cap") ? number(m.get("cap")) : Double.POSITIVE_INFINITY;
        PourparlerNode rs = m.get("rectangles");
        if (rs == null) throw missing(m, "rectangles", "the list of rectangles {utility, includes, excludes}");
        List<HyperRectangleUtility.Rectangle> rectangles = new ArrayList<>();
        for (PourparlerNode item : list(rs, "a list of rectangles").items()) {
            MapNode r = map(item, "a rectangle {utility, includes, excludes}");
            checkKeys(r, RECTANGLE_KEYS);
            double u = number(required(r, "utility", "the utility of the outcomes inside"));
            List<HyperRectangleUtility.Bound> inc = bounds(r.get("includes"), domain);
            List<HyperRectangleUtility.Bound> exc = bounds(r.get("excludes"), domain);
            rectangles.add(new HyperRectangleUtility.Rectangle(u, inc, exc));
        }
        HyperRectangleUtility.Aggregation agg = aggregation;
        return construct(m, () -> HyperRectangleUtility.of(domain, rectangles, agg, scale, cap));
    }

    private List<HyperRectangleUtility.Bound> bounds(PourparlerNode node, Domain domain) throws ScenarioFormatException {
        List<HyperRectangleUtility.Bound> bounds = new ArrayList<>();
        if (node == null) return bounds;
        for (PourparlerNode item : list(node, "a list of bounds {issue, from, to}").items()) {
            MapNode b = map(item, "a bound {issue, from, to} or {issue, indexes: [first, last]}");
            checkKeys(b, BOUND_KEYS);
            PourparlerNode issueNode = required(b, "issue", "the issue this bound limits");
            int i = issueIndex(domain, name(issueNode, "an issue name"), issueNode);
            Issue issue = domain.issue(i);
            int lo;
            int hi;
            if (b.has("indexes")) {
                if (b.has("from") || b.has("to")) {
                    throw error(b, "give a bound either by labels ('from', 'to') or by 'indexes', not both");
                }
                PourparlerNode in = b.get("indexes");
                if (!(in instanceof ListNode l) || l.items().size() != 2) {
                    throw error(in, "'indexes' is a pair [first, last] of 0-based option indexes, but is " + in.describe());
                }
                long a = longValue(l.items().get(0));
                long z = longValue(l.items().get(1));
                if (a < 0 || z < a || z >= issue.size()) {
                    throw error(in, "indexes [" + a + ", " + z + "] must satisfy 0 <= first <= last <= "
                            + (issue.size() - 1) + " (issue '" + issue.name() + "' has " + issue.size() + " options)");
                }
                lo = (int) a;
                hi = (int) z;
            } else {
                PourparlerNode from = required(b, "from", "the first option inside the bound");
                lo = optionIndex(issue, label(from), from);
                PourparlerNode to = b.has("to") ? b.get("to") : from;
                hi = optionIndex(issue, label(to), to);
                if (hi < lo) {
                    throw error(to, "option '" + issue.label(hi) + "' comes before '" + issue.label(lo)
                            + "' in issue '" + issue.name() + "'; 'from' must not come after 'to'");
                }
            }
            bounds.add(new HyperRectangleUtility.Bound(i, lo, hi));
        }
        return bounds;
    }

    private UtilityFunction sumOfGroups(MapNode m, Domain domain) throws ScenarioFormatException {
        checkKeys(m, SUM_OF_GROUPS_KEYS);
        PourparlerNode gs = m.get("groups");
        if (gs == null) throw missing(m, "groups", "the list of groups {name, issues, utilities}");
        List<SumOfGroupsUtility.Group> groups = new ArrayList<>();
        for (PourparlerNode item : list(gs, "a list of groups").items()) {
            MapNode g = map(item, "a group {name, issues, utilities}");
            checkKeys(g, GROUP_KEYS);
            ListNode issuesNode = list(required(g, "issues", "the issues valued together"), "a list of issue names");
            if (issuesNode.items().isEmpty()) throw error(issuesNode, "a group needs at least one issue");
            int[] is = new int[issuesNode.items().size()];
            List<String> names = new ArrayList<>();
            long combos = 1;
            for (int k = 0; k < is.length; k++) {
                PourparlerNode in = issuesNode.items().get(k);
                String name = name(in, "an issue name");
                is[k] = issueIndex(domain, name, in);
                if (names.contains(name)) throw error(in, "the group lists issue '" + name + "' twice");
                names.add(name);
                combos *= domain.issue(is[k]).size();
                if (combos > SumOfGroupsUtility.MAX_GROUP_COMBINATIONS) {
                    throw error(issuesNode, "the group has more than " + SumOfGroupsUtility.MAX_GROUP_COMBINATIONS
                            + " option combinations; split it into smaller groups");
                }
            }
            String name = g.has("name") ? name(g.get("name"), "a group name") : defaultGroupName(names);
            spend(combos, g);
            double[] table = new double[(int) combos];
            Map<Integer, PourparlerNode> seen = new HashMap<>();
            if (g.has("utilities")) {
                for (PourparlerNode row : list(g.get("utilities"), "a list of rows [option, ..., utility]").items()) {
                    if (!(row instanceof ListNode rl) || rl.items().size() != is.length + 1) {
                        throw error(row, "a row gives one option of each of the group's " + is.length
                                + " issues and then the utility, e.g. [" + String.join(", ", names.stream().map(
                                        s -> "<" + s + ">").toList()) + ", 0.5], but this is " + row.describe());
                    }
                    int pos = 0;
                    for (int k = 0; k < is.length; k++) {
                        Issue issue = domain.issue(is[k]);
                        PourparlerNode o = rl.items().get(k);
                        pos = pos * issue.size() + optionIndex(issue, label(o), o);
                    }
                    PourparlerNode first = seen.putIfAbsent(pos, row);
                    if (first != null) {
                        throw error(row, "this combination of options already has a utility (line " + first.line() + ")");
                    }
                    table[pos] = number(rl.items().get(is.length));
                }
            }
            groups.add(construct(g, () -> new SumOfGroupsUtility.Group(name, is, table)));
        }
        return construct(m, () -> SumOfGroupsUtility.of(domain, groups));
    }

    public static String defaultGroupName(List<String> issueNames) {
        return String.join(" & ", issueNames);
    }

    // ---------------------------------------------------------------- notes

    private void note(MapNode m, NoteTarget target) throws ScenarioFormatException {
        PourparlerNode n = m.get("notes");
        if (n != null) putNote(target, text(n), n);
    }

    private void putNote(NoteTarget target, String text, PourparlerNode node) throws ScenarioFormatException {
        PourparlerNode first = noteNodes.putIfAbsent(target, node);
        if (first != null) {
            throw error(node, "a second note for the same thing (" + target + "); the first is at line "
                    + first.line() + ": merge them");
        }
        notes.put(target, text);
    }

    private void otherNotes(PourparlerNode node, Domain domain, List<Party> parties) throws ScenarioFormatException {
        for (PourparlerNode item : list(node, "a list of notes {about, ..., notes}").items()) {
            MapNode m = map(item, "a note {about, party, issue, option, redLine, notes}");
            checkKeys(m, OTHER_NOTE_KEYS);
            String on = choice(required(m, "about", "what the note is about"), NOTE_KINDS);
            List<String> needs = switch (on) {
                case "scenario" -> List.of();
                case "issue" -> List.of("issue");
                case "option" -> List.of("issue", "option");
                case "party", "reservation", "discount" -> List.of("party");
                case "weight" -> List.of("party", "issue");
                case "utility" -> List.of("party", "issue", "option");
                default -> List.of("party", "redLine");
            };
            for (String k : List.of("party", "issue", "option", "redLine")) {
                if (needs.contains(k) && !m.has(k)) throw missing(m, k, "needed for a note on a " + on);
                if (!needs.contains(k) && m.has(k)) {
                    throw error(m.get(k), "a note on a " + on + " takes " + (needs.isEmpty() ? "no other keys"
                            : "only " + String.join(", ", needs)) + ", not '" + k + "'");
                }
            }
            String party = m.has("party") ? name(m.get("party"), "a party name") : null;
            String issue = m.has("issue") ? name(m.get("issue"), "an issue name") : null;
            String option = m.has("option") ? label(m.get("option")) : null;
            String redLine = m.has("redLine") ? text(m.get("redLine")) : null;
            Party p = null;
            if (party != null) {
                for (Party q : parties) if (q.name().equals(party)) p = q;
                if (p == null) {
                    throw error(m.get("party"), "there is no party '" + party + "'; the parties are "
                            + parties.stream().map(Party::name).toList());
                }
            }
            if (issue != null) {
                int i = issueIndex(domain, issue, m.get("issue"));
                if (option != null && domain.issue(i).indexOf(option) < 0) {
                    throw error(m.get("option"), "issue '" + issue + "' has no option '" + option + "'");
                }
            }
            if (redLine != null && p.profile().redLines().stream().noneMatch(r -> r.description().equals(redLine))) {
                throw error(m.get("redLine"), "party '" + party + "' has no red line described as '" + redLine + "'");
            }
            NoteTarget target = switch (on) {
                case "scenario" -> NoteTarget.scenario();
                case "issue" -> NoteTarget.issue(issue);
                case "option" -> NoteTarget.option(issue, option);
                case "party" -> NoteTarget.party(party);
                case "reservation" -> NoteTarget.reservation(party);
                case "discount" -> NoteTarget.discount(party);
                case "weight" -> NoteTarget.weight(party, issue);
                case "utility" -> NoteTarget.utility(party, issue, option);
                default -> NoteTarget.redLine(party, redLine);
            };
            PourparlerNode text = required(m, "notes", "the text of the note");
            putNote(target, text(text), text);
        }
    }

    /**
     * Whether a note target names something that exists in the scenario, so that a reader can
     * check it: the writer drops (and reports) notes on things that are not there.
     */
    public static boolean exists(Scenario s, NoteTarget t) {
        Domain d = s.domain();
        Party p = t.party() == null ? null : s.party(t.party());
        if (t.party() != null && p == null) return false;
        int i = t.issue() == null ? -1 : d.issueIndex(t.issue());
        if (t.issue() != null && i < 0) return false;
        return switch (t.kind()) {
            case SCENARIO -> t.party() == null && t.issue() == null && t.option() == null;
            case ISSUE -> i >= 0 && p == null && t.option() == null;
            case OPTION -> i >= 0 && p == null && t.option() != null && d.issue(i).indexOf(t.option()) >= 0;
            case PARTY, RESERVATION, DISCOUNT -> p != null && i < 0 && t.option() == null;
            case WEIGHT -> p != null && i >= 0 && t.option() == null;
            case UTILITY -> p != null && i >= 0 && t.option() != null && d.issue(i).indexOf(t.option()) >= 0;
            case RED_LINE -> p != null && i < 0 && t.option() != null
                    && p.profile().redLines().stream().anyMatch(r -> r.description().equals(t.option()));
        };
    }

    // ---------------------------------------------------------------- values

    private void spend(long cells, PourparlerNode where) throws ScenarioFormatException {
        tableCells += cells;
        if (tableCells > MAX_TABLE_CELLS) {
            throw error(where, "the utility tables of this scenario would hold more than " + MAX_TABLE_CELLS
                    + " numbers; use coarser grids (a larger step) or fewer options");
        }
    }

    private int issueIndex(Domain domain, String name, PourparlerNode where) throws ScenarioFormatException {
        int i = domain.issueIndex(name);
        if (i < 0) {
            List<String> names = domain.issues().stream().map(Issue::name).toList();
            throw error(where, "there is no issue '" + name + "'" + suggest(name, names) + "; the issues are "
                    + abbreviateList(names));
        }
        return i;
    }

    private int optionIndex(Issue issue, String label, PourparlerNode where) throws ScenarioFormatException {
        int i = issue.indexOf(label);
        if (i < 0) {
            String known;
            if (issue instanceof DiscreteIssue d) {
                known = "its options are " + abbreviateList(d.values());
            } else if (issue instanceof IntegerIssue n) {
                known = "its options are the integers " + n.min() + " to " + n.max();
            } else {
                RealIssue r = (RealIssue) issue;
                known = "its options are " + PourparlerNumbers.format(r.min()) + " to "
                        + PourparlerNumbers.format(r.max()) + " in steps of " + PourparlerNumbers.format(r.step());
            }
            throw error(where, "issue '" + issue.name() + "' has no option '" + label + "'"
                    + (issue instanceof DiscreteIssue d ? suggest(label, d.values()) : "") + "; " + known);
        }
        return i;
    }

    public PourparlerNode required(MapNode m, String key, String what) throws ScenarioFormatException {
        PourparlerNode n = m.get(key);
        if (n == null) throw missing(m, key, what);
        return n;
    }

    public ScenarioFormatException missing(MapNode m, String key, String what) {
        return new ScenarioFormatException(source, PourparlerNode.where(PourparlerNode.child(m.path(), key), m.line(),
                m.column()), "missing '" + key + "' (" + what + ")");
    }

    private String requiredText(MapNode m, String key) throws ScenarioFormatException {
        return name(required(m, key, "a text"), "the " + key);
    }

    public String requiredName(MapNode m, String key, String what) throws ScenarioFormatException {
        return name(required(m, key, what), what);
    }

    /** A non-empty text: a name or label. Numbers and booleans count as their text as written. */
    public String name(PourparlerNode n, String what) throws ScenarioFormatException {
        String s = scalarText(n, what);
        if (s.isBlank()) throw error(n, what + " must not be empty");
        return s;
    }

    /** An option label, as in the issue's options. */
    private String label(PourparlerNode n) throws ScenarioFormatException {
        return name(n, "an option label");
    }

    /** Free text (notes, descriptions): may be empty. */
    public String text(PourparlerNode n) throws ScenarioFormatException {
        if (n instanceof ScalarNode s && s.kind() == ScalarKind.NULL) return "";
        return scalarText(n, "a text");
    }

    private String scalarText(PourparlerNode n, String what) throws ScenarioFormatException {
        if (n instanceof ScalarNode s && s.kind() != ScalarKind.NULL) return s.text();
        throw error(n, "expected " + what + ", but found " + n.describe());
    }

    public String choice(PourparlerNode n, List<String> allowed) throws ScenarioFormatException {
        String s = n instanceof ScalarNode sc && sc.kind() == ScalarKind.TEXT ? sc.text().trim() : null;
        if (s == null || !allowed.contains(s)) {
            throw error(n, "must be one of " + String.join(", ", allowed) + ", but is "
                    + (s == null ? n.describe() : "'" + s + "'" + suggest(s, allowed)));
        }
        return s;
    }

    public boolean bool(PourparlerNode n) throws ScenarioFormatException {
        if (n instanceof ScalarNode s && s.kind() == ScalarKind.TRUE) return true;
        if (n instanceof ScalarNode s && s.kind() == ScalarKind.FALSE) return false;
        throw error(n, "must be true or false, but is " + n.describe());
    }

    private String numberText(PourparlerNode n) throws ScenarioFormatException {
        if (n instanceof ScalarNode s && (s.kind() == ScalarKind.NUMBER || s.kind() == ScalarKind.TEXT)) {
            String t = s.text().trim();
            if (PourparlerNumbers.isDecimal(t)) return t;
            if (t.length() > PourparlerNumbers.MAX_NUMBER_CHARS) {
                throw error(n, "a number of " + t.length() + " characters is too long (at most "
                        + PourparlerNumbers.MAX_NUMBER_CHARS + ")");
            }
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.contains("inf") || lower.contains("nan")) {
                throw error(n, "must be a finite number, but is " + abbreviate(t));
            }
            if (s.kind() == ScalarKind.NUMBER) {
                throw error(n, "write the number " + abbreviate(t) + " in plain decimal notation (like 0.25 or 1e-3)");
            }
        }
        throw error(n, "expected a number, but found " + n.describe());
    }

    /** A finite double, parsed from the digits as written (so -0.0 and every bit are kept). */
    public double number(PourparlerNode n) throws ScenarioFormatException {
        String t = numberText(n);
        double d = Double.parseDouble(t);
        if (Double.isInfinite(d)) {
            throw error(n, "the number " + abbreviate(t) + " is too large (at most about 1.8e308)");
        }
        if (d == 0 && hasNonZeroDigit(t)) {
            throw error(n, "the number " + abbreviate(t) + " is too small to represent (it would become 0)");
        }
        return d;
    }

    private static boolean hasNonZeroDigit(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == 'e' || c == 'E') return false;
            if (c >= '1' && c <= '9') return true;
        }
        return false;
    }

    /** An exact decimal, with a bounded exponent so that later arithmetic stays cheap. */
    private BigDecimal decimal(PourparlerNode n) throws ScenarioFormatException {
        String t = numberText(n);
        BigDecimal v;
        try {
            v = new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException | ArithmeticException e) {
            throw error(n, "the number " + abbreviate(t) + " is out of range");
        }
        if (Math.abs((long) v.scale()) > PourparlerNumbers.MAX_DECIMAL_EXPONENT
                && v.signum() != 0
                && Math.abs((long) v.stripTrailingZeros().scale()) > PourparlerNumbers.MAX_DECIMAL_EXPONENT) {
            throw error(n, "the number " + abbreviate(t) + " is out of range (exponents beyond +-"
                    + PourparlerNumbers.MAX_DECIMAL_EXPONENT + " are not supported)");
        }
        return v.signum() == 0 ? BigDecimal.ZERO : v;
    }

    public long longValue(PourparlerNode n) throws ScenarioFormatException {
        BigDecimal v = decimal(n);
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() > 0) throw error(n, "expected a whole number, but is " + ((ScalarNode) n).text().trim());
        try {
            return s.longValueExact();
        } catch (ArithmeticException e) {
            throw error(n, "the integer " + abbreviate(((ScalarNode) n).text().trim())
                    + " is outside the range of 64-bit integers");
        }
    }

    public MapNode map(PourparlerNode n, String what) throws ScenarioFormatException {
        if (n instanceof MapNode m) return m;
        throw error(n, "expected " + what + " (a mapping of key: value), but found " + n.describe());
    }

    public ListNode list(PourparlerNode n, String what) throws ScenarioFormatException {
        if (n instanceof ListNode l) return l;
        throw error(n, "expected " + what + " (a list), but found " + n.describe());
    }

    private static List<String> present(MapNode m, List<String> keys) {
        return keys.stream().filter(m::has).toList();
    }

    public void checkKeys(MapNode m, List<String> allowed) throws ScenarioFormatException {
        for (Map.Entry<String, PourparlerNode> e : m.entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                PourparlerNode v = e.getValue();
                throw new ScenarioFormatException(source, PourparlerNode.where(PourparlerNode.child(m.path(), e.getKey()),
                        v.line(), v.column()), "unknown key '" + e.getKey() + "'" + suggest(e.getKey(), allowed)
                        + "; the keys allowed here are " + String.join(", ", allowed));
            }
        }
    }

    private <T> T construct(PourparlerNode where, ModelCall<T> call) throws ScenarioFormatException {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw error(where, e.getMessage());
        }
    }

    @FunctionalInterface
    private interface ModelCall<T> {
        T get();
    }

    public ScenarioFormatException error(PourparlerNode n, String problem) {
        return new ScenarioFormatException(source, PourparlerNode.where(n), shortenNumbers(problem));
    }

    /** Messages may quote numbers computed from hostile input (10^1800 grid points): shorten them. */
    private static String shortenNumbers(String problem) {
        if (problem == null) return "invalid value";
        return LONG_DIGITS.matcher(problem).replaceAll(r -> r.group().substring(0, 6) + "... (" + r.group().length()
                + " digits)");
    }

    private static final java.util.regex.Pattern LONG_DIGITS = java.util.regex.Pattern.compile("\\d{31,}");

    private static String abbreviate(String s) {
        return PourparlerNode.abbreviate(s);
    }

    private static String abbreviateList(List<String> names) {
        if (names.size() <= 12) return names.toString();
        return names.subList(0, 12).toString().replace("]", ", ... (" + names.size() + " in all)]");
    }

    private static String quoteKey(String key) {
        return PourparlerNode.SIMPLE_KEY.matcher(key).matches() ? key : PourparlerNode.quote(key);
    }

    /** ", did you mean 'x'?" for a near miss (a typo), else "". */
    public static String suggest(String wrong, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(wrong.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT), 3);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int limit = Math.min(2, Math.max(1, wrong.length() / 3));
        return best != null && bestDistance <= limit ? " (did you mean '" + best + "'?)" : "";
    }

    /**
     * Edit distance counting a swap of neighbours as one edit (so "wgae" is 1 from "wage"),
     * giving up (returning cap + 1) when the lengths differ by more than {@code cap}.
     */
    private static int distance(String a, String b, int cap) {
        if (Math.abs(a.length() - b.length()) > cap || a.length() > 200 || b.length() > 200) return cap + 1;
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i][j - 1] + 1, d[i - 1][j] + 1), d[i - 1][j - 1] + c);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
