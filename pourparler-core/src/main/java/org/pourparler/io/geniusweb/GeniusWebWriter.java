package org.pourparler.io.geniusweb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.source.Written;
import org.pourparler.model.Domain;
import org.pourparler.model.HyperRectangleUtility;
import org.pourparler.model.IntegerIssue;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.RealIssue;
import org.pourparler.model.Role;
import org.pourparler.model.Scenario;
import org.pourparler.model.SumOfGroupsUtility;
import org.pourparler.model.UtilityFunction;

/**
 * Renders a scenario as GeniusWeb JSON files. GeniusWeb's constraints and how they are met:
 * <ul>
 * <li>Value utilities in [0, 1], weights summing to exactly 1 (as decimals): weights are written
 * so that their decimal sum is 1; utilities outside [0, 1] are rescaled by one positive affine map
 * of the whole utility (which keeps every preference), with a warning giving the map.</li>
 * <li>Number utilities are linear between the ends of the range: a numeric issue whose utility is
 * not linear for some party, or which has a single value, or which a sum-of-groups profile uses
 * (GeniusWeb's groups are discrete), is written as a discrete issue, with a warning.</li>
 * <li>The reservation is a bid: see {@link #chooseReservationBid}.</li>
 * <li>Sum-of-groups groups must not overlap and must cover every issue: overlapping groups are
 * merged (their tables added), uncovered issues get a group of zeros.</li>
 * </ul>
 */
final class GeniusWebWriter {

    /** Domains up to this size are searched exhaustively for a reservation bid. */
    static final long EXHAUSTIVE_SEARCH_LIMIT = 1_000_000;
    private static final int SAMPLES = 50_000;
    /** Floating-point noise below this is clamped into [0, 1] silently rather than rescaled. */
    private static final double NOISE = 1e-12;

    private static final MathContext WEIGHT_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private GeniusWebWriter() { }

    static Written write(Scenario s) throws ScenarioFormatException {
        List<String> warnings = new ArrayList<>();
        Domain domain = s.domain();
        scenarioWarnings(s, warnings);
        for (Party p : s.parties()) {
            if (p.profile().utility() instanceof HyperRectangleUtility) {
                throw new ScenarioFormatException(s.title(), "party '" + p.name() + "'",
                        "has a hyper-rectangle (constraint) utility, which GeniusWeb JSON cannot express; only linear-additive"
                                + " and sum-of-groups utilities can be written in this format");
            }
        }
        BigDecimal[] high = numberIssues(s, warnings);

        Map<String, String> files = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        String domainFile = uniqueFileName(safeFileName(domain.name(), "domain"), used);
        files.put(domainFile, render(g -> writeDomain(g, domain, high)));
        for (Party p : s.parties()) {
            String file = uniqueFileName(safeFileName(p.name(), "party"), used);
            if (!file.equals(p.name() + ".json")) {
                warnings.add("Party '" + p.name() + "' is written to " + file + "; GeniusWeb names parties after their files,"
                        + " so it reads back as '" + file.substring(0, file.length() - 5) + "'.");
            }
            files.put(file, writeProfile(p, domain, high, warnings));
        }
        return new Written(files, warnings);
    }

    // ---------------------------------------------------------------- what cannot be said

    private static void scenarioWarnings(Scenario s, List<String> warnings) {
        if (!s.title().equals(s.domain().name())) {
            warnings.add("The title '" + s.title() + "' is not written: GeniusWeb has only the domain name '" + s.domain().name() + "'.");
        }
        if (!s.description().isBlank()) {
            warnings.add("The scenario description is not written: GeniusWeb files have no place for it.");
        }
        if (!s.notes().isEmpty()) {
            warnings.add("The " + s.notes().size() + " provenance note" + (s.notes().size() > 1 ? "s are" : " is")
                    + " not written: GeniusWeb files have no place for notes (" + abbreviate(s.notes().keySet().toString()) + ").");
        }
        for (Party p : s.parties()) {
            Profile pr = p.profile();
            if (p.role() == Role.RATIFIER) {
                warnings.add("Party '" + p.name() + "' is a ratifier; GeniusWeb has no roles, so it is written as an ordinary profile.");
            }
            if (pr.isDiscounted()) {
                warnings.add("The discount factor " + pr.discount() + " of party '" + p.name()
                        + "' is not written: GeniusWeb profiles have no discount (it reads back as no discount).");
            }
            if (!pr.redLines().isEmpty()) {
                warnings.add("The " + pr.redLines().size() + " red line" + (pr.redLines().size() > 1 ? "s" : "") + " of party '"
                        + p.name() + "' (" + abbreviate(pr.redLines().stream().map(r -> "'" + r.description() + "'").toList().toString())
                        + ") cannot be written: GeniusWeb has no red lines, so outcomes crossing them become acceptable.");
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 197) + "...";
    }

    /**
     * Which numeric issues can stay number issues, and the high end of each one's range (null for
     * an issue written as discrete): GeniusWeb's number utilities are linear between the two ends
     * of the range, so every linear-additive party must value the issue linearly, it must have at
     * least two values, and no sum-of-groups party may use it. The high end is the stated maximum,
     * or the last grid value when the line, continued to an off-grid maximum, would leave [0, 1].
     */
    private static BigDecimal[] numberIssues(Scenario s, List<String> warnings) {
        Domain d = s.domain();
        BigDecimal[] high = new BigDecimal[d.issueCount()];
        for (int i = 0; i < high.length; i++) {
            Issue issue = d.issue(i);
            if (!issue.isNumeric()) continue;
            String why = null;
            BigDecimal stated = rangeEnd(issue, false);
            BigDecimal lastValue = new BigDecimal(issue.label(issue.size() - 1));
            BigDecimal end = stated;
            if (issue.size() < 2) {
                why = "it has a single value, and GeniusWeb number utilities need two ends";
            } else {
                for (Party p : s.parties()) {
                    UtilityFunction u = p.profile().utility();
                    if (u instanceof SumOfGroupsUtility) {
                        why = "party '" + p.name() + "' values it in a group, and GeniusWeb's groups are discrete";
                        break;
                    }
                    if (u instanceof LinearAdditiveUtility la) {
                        double[] ends = linearEnds(la, i, stated);
                        if (ends == null) {
                            why = "party '" + p.name() + "' values it non-linearly, and GeniusWeb number utilities are linear";
                            break;
                        }
                        if ((ends[1] < -NOISE || ends[1] > 1 + NOISE) && lastValue.compareTo(stated) != 0) end = lastValue;
                    }
                }
            }
            if (why != null) {
                warnings.add("Numeric issue '" + issue.name() + "' is written as a discrete issue with values "
                        + abbreviate(labels(issue).toString()) + " because " + why + ".");
                continue;
            }
            high[i] = end;
            if (end != stated) {
                warnings.add("The range of issue '" + issue.name() + "' is written as " + rangeEnd(issue, true).toPlainString() + " to "
                        + end.toPlainString() + " instead of " + stated.toPlainString() + " (the same values): continued to "
                        + stated.toPlainString() + ", a party's linear utility would leave [0, 1].");
            }
            if (issue instanceof IntegerIssue) {
                warnings.add("Integer issue '" + issue.name() + "' is written as a GeniusWeb number range with step 1;"
                        + " it reads back as a real issue with the same values.");
            }
        }
        return high;
    }

    private static List<String> labels(Issue issue) {
        List<String> l = new ArrayList<>();
        for (int k = 0; k < issue.size(); k++) l.add(issue.label(k));
        return l;
    }

    /**
     * The unweighted utilities at the low end of the range and at {@code high}, when the issue's
     * values lie on one straight line through the grid; null otherwise.
     */
    static double[] linearEnds(LinearAdditiveUtility la, int i, BigDecimal high) {
        Issue issue = la.domain().issue(i);
        int n = issue.size();
        if (n < 2) return null;
        double x0 = issue.numericValue(0);
        double xn = issue.numericValue(n - 1);
        double v0 = la.value(i, 0);
        double vn = la.value(i, n - 1);
        double slope = (vn - v0) / (xn - x0);
        for (int k = 1; k < n - 1; k++) {
            double v = la.value(i, k);
            double fit = v0 + slope * (issue.numericValue(k) - x0);
            if (Math.abs(fit - v) > NOISE * Math.max(1, Math.abs(v))) return null;
        }
        double max = high.doubleValue();
        return new double[] {v0, max == xn ? vn : v0 + slope * (max - x0)};
    }

    /** The stated low or high end of a numeric issue's range. */
    private static BigDecimal rangeEnd(Issue issue, boolean low) {
        if (issue instanceof RealIssue r) return low ? r.min() : r.max();
        IntegerIssue in = (IntegerIssue) issue;
        return BigDecimal.valueOf(low ? in.min() : in.max());
    }

    // ---------------------------------------------------------------- domain

    private static void writeDomain(JsonGenerator g, Domain d, BigDecimal[] high) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", d.name());
        writeIssuesValues(g, d, high);
        g.writeEndObject();
    }

    private static void writeIssuesValues(JsonGenerator g, Domain d, BigDecimal[] high) throws IOException {
        g.writeObjectFieldStart("issuesValues");
        for (int i = 0; i < d.issueCount(); i++) {
            Issue issue = d.issue(i);
            g.writeObjectFieldStart(issue.name());
            if (high[i] != null) {
                // GeniusWeb (Java) writes a range as three decimal strings
                g.writeArrayFieldStart("range");
                g.writeString(rangeEnd(issue, true).toPlainString());
                g.writeString(high[i].toPlainString());
                g.writeString(issue instanceof RealIssue r ? r.step().toPlainString() : "1");
                g.writeEndArray();
            } else {
                g.writeArrayFieldStart("values");
                for (int k = 0; k < issue.size(); k++) g.writeString(issue.label(k));
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    // ---------------------------------------------------------------- profiles

    /** How the utility is rescaled for GeniusWeb: {@code written = (u - shift) / scale}. */
    record Affine(double shift, double scale) {
        boolean identity() { return shift == 0 && scale == 1; }
        double apply(double u) { return identity() ? u : (u - shift) / scale; }
    }

    private static String writeProfile(Party p, Domain d, BigDecimal[] high, List<String> warnings) {
        UtilityFunction u = p.profile().utility();
        if (u instanceof LinearAdditiveUtility la) return writeLinearAdditive(p, la, d, high, warnings);
        return writeSumOfGroups(p, (SumOfGroupsUtility) u, d, high, warnings);
    }

    private static String writeLinearAdditive(Party p, LinearAdditiveUtility la, Domain d, BigDecimal[] high, List<String> warnings) {
        int n = d.issueCount();
        // the unweighted utilities to write: a table per discrete issue, two ends per number issue
        double[][] values = new double[n][];
        for (int i = 0; i < n; i++) {
            if (high[i] != null) {
                values[i] = linearEnds(la, i, high[i]);
            } else {
                values[i] = new double[d.issue(i).size()];
                for (int k = 0; k < values[i].length; k++) values[i][k] = la.value(i, k);
            }
        }
        // GeniusWeb wants every value utility in [0, 1]: widen each issue's scale to [a_i, b_i] ⊇ [0, 1]
        double[] lo = new double[n];
        double[] hi = new double[n];
        boolean rescale = false;
        for (int i = 0; i < n; i++) {
            lo[i] = 0;
            hi[i] = 1;
            for (double v : values[i]) {
                if (v < -NOISE) lo[i] = Math.min(lo[i], v);
                if (v > 1 + NOISE) hi[i] = Math.max(hi[i], v);
            }
            rescale |= lo[i] < 0 || hi[i] > 1;
        }
        double[] weights = la.weights();
        Affine map = new Affine(0, 1);
        if (rescale) {
            // u = sum w_i (a_i + (b_i - a_i) f'_i) = shift + scale * sum w'_i f'_i
            double shift = 0;
            double scale = 0;
            for (int i = 0; i < n; i++) {
                shift += weights[i] * lo[i];
                scale += weights[i] * (hi[i] - lo[i]);
            }
            for (int i = 0; i < n; i++) {
                weights[i] = weights[i] * (hi[i] - lo[i]) / scale;
                for (int k = 0; k < values[i].length; k++) values[i][k] = (values[i][k] - lo[i]) / (hi[i] - lo[i]);
            }
            map = new Affine(shift, scale);
            warnings.add("Party '" + p.name() + "' has value utilities outside [0, 1], which GeniusWeb refuses: its utility is"
                    + " written rescaled as (u - " + shift + ") / " + scale + " (the same preferences, different numbers;"
                    + " the reservation value is rescaled alike).");
        }
        for (double[] vs : values) for (int k = 0; k < vs.length; k++) vs[k] = Math.max(0, Math.min(1, vs[k]));

        Optional<int[]> bid = chooseReservationBid(p, map, warnings);
        return render(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart(ProfileReader.LINEAR_ADDITIVE);
            g.writeStringField("name", profileName(p.name()));
            g.writeObjectFieldStart("issueUtilities");
            for (int i = 0; i < n; i++) {
                Issue issue = d.issue(i);
                g.writeObjectFieldStart(issue.name());
                if (high[i] != null) {
                    g.writeObjectFieldStart("NumberValueSetUtilities");
                    g.writeFieldName("lowValue");
                    g.writeNumber(rangeEnd(issue, true).toPlainString());
                    g.writeFieldName("lowUtility");
                    g.writeNumber(number(values[i][0]));
                    g.writeFieldName("highValue");
                    g.writeNumber(high[i].toPlainString());
                    g.writeFieldName("highUtility");
                    g.writeNumber(number(values[i][1]));
                } else {
                    g.writeObjectFieldStart("DiscreteValueSetUtilities");
                    g.writeObjectFieldStart("valueUtilities");
                    for (int k = 0; k < issue.size(); k++) {
                        g.writeFieldName(issue.label(k));
                        g.writeNumber(number(values[i][k]));
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("issueWeights");
            BigDecimal[] ws = weightsSummingToOne(weights);
            for (int i = 0; i < n; i++) {
                g.writeFieldName(d.issue(i).name());
                g.writeNumber(ws[i].toPlainString());
            }
            g.writeEndObject();
            g.writeFieldName("domain");
            writeDomain(g, d, high);
            writeReservationBid(g, d, high, bid);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /**
     * The weights as decimals whose exact sum is 1, as GeniusWeb checks: each weight rounded to 15
     * significant digits (which undoes the last-bit noise of normalising, 0.30000000000000004 -> 0.3),
     * and the rounding residue (of the order of 1e-16) added to the largest.
     */
    static BigDecimal[] weightsSummingToOne(double[] weights) {
        BigDecimal[] ws = new BigDecimal[weights.length];
        BigDecimal sum = BigDecimal.ZERO;
        int largest = 0;
        for (int i = 0; i < weights.length; i++) {
            ws[i] = new BigDecimal(Double.toString(weights[i])).round(WEIGHT_DIGITS);
            if (ws[i].signum() == 0) ws[i] = BigDecimal.ZERO;
            else ws[i] = ws[i].stripTrailingZeros();
            sum = sum.add(ws[i]);
            if (weights[i] > weights[largest]) largest = i;
        }
        BigDecimal residue = BigDecimal.ONE.subtract(sum);
        if (residue.signum() != 0) ws[largest] = ws[largest].add(residue);
        return ws;
    }

    /** A double as a JSON number: its shortest decimal, plain unless that would be very long. */
    static String number(double v) {
        if (v == 0) return "0.0";
        String s = Double.toString(v);
        String plain = new BigDecimal(s).toPlainString();
        return plain.length() <= 24 ? plain : s;
    }

    private static String writeSumOfGroups(Party p, SumOfGroupsUtility sg, Domain d, BigDecimal[] high, List<String> warnings) {
        List<SumOfGroupsUtility.Group> groups = mergedGroups(sg, d, p.name(), warnings);
        // GeniusWeb wants each listed utility >= 0 and the best combinations to add up to at most 1
        double shift = 0;
        double best = 0;
        double[][] tables = new double[groups.size()][];
        for (int k = 0; k < groups.size(); k++) {
            double[] t = groups.get(k).utilities();
            double min = 0;
            for (double v : t) if (v < -NOISE) min = Math.min(min, v);
            double max = 0;
            for (int j = 0; j < t.length; j++) {
                t[j] -= min;
                max = Math.max(max, t[j]);
            }
            shift += min;
            best += max;
            tables[k] = t;
        }
        Affine map = new Affine(0, 1);
        if (shift < 0 || best > 1 + NOISE) {
            double scale = Math.max(1, best);
            for (double[] t : tables) for (int j = 0; j < t.length; j++) t[j] /= scale;
            map = new Affine(shift, scale);
            warnings.add("Party '" + p.name() + "' has group utilities below 0 or best combinations adding up to more than 1,"
                    + " which GeniusWeb refuses: its utility is written rescaled as (u - " + shift + ") / " + scale
                    + " (the same preferences, different numbers; the reservation value is rescaled alike).");
        }
        for (double[] t : tables) for (int j = 0; j < t.length; j++) t[j] = Math.max(0, Math.min(1, t[j]));

        Optional<int[]> bid = chooseReservationBid(p, map, warnings);
        return render(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart(ProfileReader.SUM_OF_GROUPS);
            g.writeStringField("name", profileName(p.name()));
            g.writeFieldName("domain");
            writeDomain(g, d, high);
            g.writeObjectFieldStart("partUtilities");
            for (int k = 0; k < groups.size(); k++) {
                SumOfGroupsUtility.Group group = groups.get(k);
                int[] is = group.issues();
                g.writeObjectFieldStart(group.name());
                g.writeObjectFieldStart("PartsUtilities");
                g.writeArrayFieldStart("issues");
                for (int i : is) g.writeString(d.issue(i).name());
                g.writeEndArray();
                g.writeArrayFieldStart("utilslist");
                int[] digits = new int[is.length];
                for (int pos = 0; pos < tables[k].length; pos++) {
                    // unlisted combinations count 0 in GeniusWeb, which leaves them out itself
                    if (tables[k][pos] == 0) continue;
                    // pos in mixed radix over the group's issues, first most significant
                    int rest = pos;
                    for (int j = is.length - 1; j >= 0; j--) {
                        int size = d.issue(is[j]).size();
                        digits[j] = rest % size;
                        rest /= size;
                    }
                    g.writeStartObject();
                    g.writeArrayFieldStart("values");
                    for (int j = 0; j < is.length; j++) g.writeString(d.issue(is[j]).label(digits[j]));
                    g.writeEndArray();
                    g.writeFieldName("util");
                    g.writeNumber(number(tables[k][pos]));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
            writeReservationBid(g, d, high, bid);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /**
     * Groups as GeniusWeb requires them: overlapping groups merged into one (their utilities
     * added, which keeps every outcome's utility), and a group of zeros for each issue no group covers.
     */
    private static List<SumOfGroupsUtility.Group> mergedGroups(SumOfGroupsUtility sg, Domain d, String party, List<String> warnings) {
        List<SumOfGroupsUtility.Group> in = sg.groups();
        int n = in.size();
        int[] comp = new int[n];
        for (int k = 0; k < n; k++) comp[k] = k;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (shareIssue(in.get(a), in.get(b))) {
                    int ca = find(comp, a);
                    int cb = find(comp, b);
                    comp[Math.max(ca, cb)] = Math.min(ca, cb);
                }
            }
        }
        List<SumOfGroupsUtility.Group> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int root = 0; root < n; root++) {
            if (find(comp, root) != root) continue;
            List<SumOfGroupsUtility.Group> members = new ArrayList<>();
            for (int k = 0; k < n; k++) if (find(comp, k) == root) members.add(in.get(k));
            if (members.size() == 1) {
                out.add(members.get(0));
            } else {
                out.add(merge(members, d));
                warnings.add("Party '" + party + "': groups " + members.stream().map(SumOfGroupsUtility.Group::name).toList()
                        + " share issues, which GeniusWeb forbids; they are written as one group '" + out.get(out.size() - 1).name()
                        + "' with their utilities added (the same utility for every outcome).");
            }
            names.add(out.get(out.size() - 1).name());
        }
        boolean[] covered = new boolean[d.issueCount()];
        for (SumOfGroupsUtility.Group g : out) for (int i : g.issues()) covered[i] = true;
        for (int i = 0; i < covered.length; i++) {
            if (covered[i]) continue;
            String name = d.issue(i).name();
            while (!names.add(name)) name = name + "_";
            out.add(new SumOfGroupsUtility.Group(name, new int[] {i}, new double[d.issue(i).size()]));
        }
        return out;
    }

    private static int find(int[] comp, int k) {
        while (comp[k] != k) k = comp[k];
        return k;
    }

    private static boolean shareIssue(SumOfGroupsUtility.Group a, SumOfGroupsUtility.Group b) {
        for (int i : a.issues()) for (int j : b.issues()) if (i == j) return true;
        return false;
    }

    private static SumOfGroupsUtility.Group merge(List<SumOfGroupsUtility.Group> members, Domain d) {
        List<Integer> issues = new ArrayList<>();
        for (SumOfGroupsUtility.Group g : members) for (int i : g.issues()) if (!issues.contains(i)) issues.add(i);
        int[] is = issues.stream().mapToInt(Integer::intValue).toArray();
        long combos = 1;
        for (int i : is) combos *= d.issue(i).size();
        if (combos > SumOfGroupsUtility.MAX_GROUP_COMBINATIONS) {
            throw new IllegalArgumentException("Merging groups " + members.stream().map(SumOfGroupsUtility.Group::name).toList()
                    + " gives " + combos + " combinations, more than " + SumOfGroupsUtility.MAX_GROUP_COMBINATIONS);
        }
        double[] table = new double[(int) combos];
        int[] outcome = new int[d.issueCount()];
        for (int pos = 0; pos < table.length; pos++) {
            int rest = pos;
            for (int j = is.length - 1; j >= 0; j--) {
                int size = d.issue(is[j]).size();
                outcome[is[j]] = rest % size;
                rest /= size;
            }
            double sum = 0;
            for (SumOfGroupsUtility.Group g : members) sum += g.utilities()[g.position(d, outcome)];
            table[pos] = sum;
        }
        String name = String.join("&", members.stream().map(SumOfGroupsUtility.Group::name).toList());
        return new SumOfGroupsUtility.Group(name, is, table);
    }

    // ---------------------------------------------------------------- reservation

    /**
     * GeniusWeb states a reservation as a bid whose utility is the reservation value. In order:
     * the profile's own reservation outcome; no bid when the (rescaled) value is 0, which reads
     * back as 0; no bid when the value is below every outcome (every outcome stays acceptable,
     * but it reads back as 0, with a warning); a bid with exactly the reservation value, when the
     * search finds one; otherwise, with a loud warning, the bid of least utility at or above the
     * value (so that, when the search was exhaustive, the same outcomes stay acceptable), or the
     * best bid when none reaches it.
     */
    static Optional<int[]> chooseReservationBid(Party p, Affine map, List<String> warnings) {
        Profile pr = p.profile();
        UtilityFunction u = pr.utility();
        Domain d = u.domain();
        double r = pr.reservation();
        String scaled = map.identity() ? "" : " (" + map.apply(r) + " after rescaling)";
        if (pr.reservationOutcome().isPresent()) {
            int[] o = pr.reservationOutcome().get().toArray();
            double uo = u.utility(o);
            if (Math.abs(uo - r) > 1e-9) {
                warnings.add("Party '" + p.name() + "': the reservation value " + r + " differs from the utility " + uo
                        + " of its reservation outcome " + Outcome.of(o).describe(d) + "; GeniusWeb keeps only the bid,"
                        + " so the reservation value reads back as " + map.apply(uo) + ".");
            }
            return Optional.of(o);
        }
        double rw = map.apply(r);
        if (rw == 0) return Optional.empty();
        if (rw < 0) {
            // every written utility is >= 0, so every outcome stays acceptable without a bid
            warnings.add("Party '" + p.name() + "': the reservation value " + r + scaled + " is below the utility of every outcome;"
                    + " GeniusWeb cannot state it, so no reservation bid is written (any agreement beats no agreement, as before),"
                    + " and it reads back as 0.");
            return Optional.empty();
        }

        long count = d.isEnumerable(EXHAUSTIVE_SEARCH_LIMIT) ? d.outcomeCountExact() : -1;
        int[] atLeast = null;
        double atLeastU = Double.POSITIVE_INFINITY;
        int[] best = null;
        double bestU = Double.NEGATIVE_INFINITY;
        double tolerance = 1e-12 * Math.max(1, Math.abs(r));
        List<int[]> candidates = new ArrayList<>();
        if (count < 0) {
            Random random = new Random(p.name().hashCode());
            int[] sizes = d.sizes();
            for (int k = 0; k < SAMPLES; k++) {
                int[] o = new int[sizes.length];
                for (int i = 0; i < o.length; i++) o[i] = random.nextInt(sizes[i]);
                candidates.add(o);
            }
            if (u instanceof LinearAdditiveUtility la) {
                candidates.add(extreme(la, false));
                candidates.add(extreme(la, true));
            }
        }
        for (long k = 0; count < 0 ? k < candidates.size() : k < count; k++) {
            int[] o = count < 0 ? candidates.get((int) k) : d.outcomeAt(k);
            double v = u.utility(o);
            if (Math.abs(v - r) <= tolerance) return Optional.of(o);
            if (v >= r && v < atLeastU) {
                atLeast = o;
                atLeastU = v;
            }
            if (v > bestU) {
                best = o;
                bestU = v;
            }
        }
        boolean exhaustive = count >= 0;
        if (atLeast != null) {
            warnings.add("WARNING: party '" + p.name() + "': the reservation value " + r + scaled + " cannot be expressed exactly:"
                    + " GeniusWeb states a reservation as a bid, and no bid " + (exhaustive ? "" : "found in a sample of the "
                    + d.outcomeCount() + " outcomes ") + "has that utility. Written instead: the bid " + Outcome.of(atLeast).describe(d)
                    + " with utility " + atLeastU + (map.identity() ? "" : " (" + map.apply(atLeastU) + " rescaled)")
                    + (exhaustive ? ", the least utility at or above the reservation value, so the same outcomes stay acceptable."
                            : ", the least utility at or above the reservation value among those sampled; some outcomes between"
                                    + " the two values may become unacceptable."));
            return Optional.of(atLeast);
        }
        warnings.add("WARNING: party '" + p.name() + "': the reservation value " + r + scaled + " is above the utility of every outcome"
                + (exhaustive ? "" : " sampled") + ", so no agreement is acceptable; GeniusWeb cannot express that. Written instead:"
                + " the best bid " + Outcome.of(best).describe(d) + " with utility " + bestU
                + (map.identity() ? "" : " (" + map.apply(bestU) + " rescaled)") + ", which that bid now reaches.");
        return Optional.of(best);
    }

    /** The outcome of least (or greatest) linear-additive utility, issue by issue. */
    private static int[] extreme(LinearAdditiveUtility la, boolean max) {
        int n = la.domain().issueCount();
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            double[] t = la.terms(i);
            int arg = 0;
            for (int k = 1; k < t.length; k++) if (max ? t[k] > t[arg] : t[k] < t[arg]) arg = k;
            o[i] = arg;
        }
        return o;
    }

    private static void writeReservationBid(JsonGenerator g, Domain d, BigDecimal[] high, Optional<int[]> bid) throws IOException {
        if (bid.isEmpty()) return;
        int[] o = bid.get();
        g.writeObjectFieldStart("reservationBid");
        g.writeObjectFieldStart("issuevalues");
        for (int i = 0; i < o.length; i++) {
            g.writeFieldName(d.issue(i).name());
            // GeniusWeb reads JSON numbers as number values and strings as discrete values
            if (high[i] != null) g.writeNumber(d.issue(i).label(o[i]));
            else g.writeString(d.issue(i).label(o[i]));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    // ---------------------------------------------------------------- names and rendering

    /** GeniusWeb profile names are simple: letters and digits. */
    private static String profileName(String party) {
        String s = party.replaceAll("[^A-Za-z0-9]", "");
        return s.isEmpty() ? "profile" : s;
    }

    private static String safeFileName(String name, String fallback) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.isEmpty() || s.chars().allMatch(c -> c == '.' || c == '_')) s = fallback;
        return s;
    }

    private static String uniqueFileName(String stem, Set<String> used) {
        String candidate = stem + ".json";
        for (int k = 2; !used.add(candidate.toLowerCase()); k++) candidate = stem + "_" + k + ".json";
        return candidate;
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String render(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            // "key": value, as GeniusWeb's own files are laid out
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
            g.setPrettyPrinter(pp);
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to a string failed", e);
        }
        return out.toString().replace("\r\n", "\n") + "\n";
    }
}
