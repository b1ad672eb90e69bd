package org.pourparler.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.pourparler.model.DiscreteIssue;
import org.pourparler.model.Domain;
import org.pourparler.model.HyperRectangleUtility;
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
 * Random valid scenarios for property tests: discrete, integer and real issues, 2-5 parties, every
 * utility kind and value function, reservation values and outcomes, discounts, red lines,
 * ratifiers and provenance notes on everything, with awkward numbers (-0.0, 1e-300, 1/3) and,
 * optionally, awkward text (quotes, colons, "yes", "0.10", line breaks, control characters,
 * emoji). Deterministic for a given {@link Random}.
 *
 * <pre>{@code
 * @Property(tries = 200)
 * void roundTrips(@ForAll("scenarios") Scenario s) { ... }
 *
 * @Provide Arbitrary<Scenario> scenarios() { return RandomScenarios.scenarios(); }
 *
 * // a format that only knows discrete issues and linear-additive utilities, plain names:
 * Scenario s = RandomScenarios.scenario(new Random(7), RandomScenarios.Options.simple());
 * }</pre>
 */
public final class RandomScenarios {

    /** The utility kinds, by {@link UtilityFunction#kind()}. */
    public static final Set<String> ALL_KINDS = Set.of("linear-additive", "hyper-rectangle", "sum-of-groups");

    /**
     * What to generate. Start from {@link #all()} or {@link #simple()} and narrow with the
     * {@code with...} methods.
     *
     * @param minIssues            fewest issues
     * @param maxIssues            most issues
     * @param maxOptions           most options per issue (at least 1)
     * @param issueTypes           which issue types may appear
     * @param minParties           fewest parties
     * @param maxParties           most parties
     * @param utilityKinds           which utility kinds may appear (see {@link #ALL_KINDS})
     * @param valueFunctions         linear/triangular/piecewise/constant functions besides tables
     * @param redLines               red lines
     * @param ratifiers              ratifier parties (the first party is always a negotiator)
     * @param notes                  provenance notes
     * @param trickyText             names, labels and notes with quotes, colons, line breaks, control
     *                               characters, unpaired surrogates, "yes", "0.10" ... (else plain words)
     * @param discounts              discount factors below 1
     * @param reservationOutcomes    reservation values stated as an outcome
     */
    public record Options(int minIssues, int maxIssues, int maxOptions, Set<Issue.Type> issueTypes,
                          int minParties, int maxParties, Set<String> utilityKinds, boolean valueFunctions,
                          boolean redLines, boolean ratifiers, boolean notes, boolean trickyText,
                          boolean discounts, boolean reservationOutcomes) {
        public Options {
            if (minIssues < 1 || maxIssues < minIssues || maxOptions < 1 || minParties < 0 || maxParties < minParties) {
                throw new IllegalArgumentException("Bad ranges in " + minIssues + ".." + maxIssues + " issues, "
                        + maxOptions + " options, " + minParties + ".." + maxParties + " parties");
            }
            issueTypes = Set.copyOf(issueTypes);
            utilityKinds = Set.copyOf(utilityKinds);
            if (issueTypes.isEmpty() || utilityKinds.isEmpty() || !ALL_KINDS.containsAll(utilityKinds)) {
                throw new IllegalArgumentException("Choose at least one issue type and utility kind among " + ALL_KINDS);
            }
        }

        /** Everything: 1-5 issues of all types, 2-5 parties, all kinds, notes, tricky text. */
        public static Options all() {
            return new Options(1, 5, 6, EnumSet.allOf(Issue.Type.class), 2, 5, ALL_KINDS, true, true, true, true, true,
                    true, true);
        }

        /** Discrete issues, linear-additive tables, plain names, no notes, red lines or discounts. */
        public static Options simple() {
            return new Options(1, 4, 5, EnumSet.of(Issue.Type.DISCRETE), 2, 3, Set.of("linear-additive"), false, false,
                    false, false, false, false, false);
        }

        public Options withIssues(int min, int max) {
            return new Options(min, max, maxOptions, issueTypes, minParties, maxParties, utilityKinds, valueFunctions,
                    redLines, ratifiers, notes, trickyText, discounts, reservationOutcomes);
        }

        public Options withMaxOptions(int max) {
            return new Options(minIssues, maxIssues, max, issueTypes, minParties, maxParties, utilityKinds,
                    valueFunctions, redLines, ratifiers, notes, trickyText, discounts, reservationOutcomes);
        }

        public Options withIssueTypes(Set<Issue.Type> types) {
            return new Options(minIssues, maxIssues, maxOptions, types, minParties, maxParties, utilityKinds,
                    valueFunctions, redLines, ratifiers, notes, trickyText, discounts, reservationOutcomes);
        }

        public Options withParties(int min, int max) {
            return new Options(minIssues, maxIssues, maxOptions, issueTypes, min, max, utilityKinds, valueFunctions,
                    redLines, ratifiers, notes, trickyText, discounts, reservationOutcomes);
        }

        public Options withUtilityKinds(Set<String> kinds) {
            return new Options(minIssues, maxIssues, maxOptions, issueTypes, minParties, maxParties, kinds,
                    valueFunctions, redLines, ratifiers, notes, trickyText, discounts, reservationOutcomes);
        }

        public Options withValueFunctions(boolean on) {
            return new Options(minIssues, maxIssues, maxOptions, issueTypes, minParties, maxParties, utilityKinds, on,
                    redLines, ratifiers, notes, trickyText, discounts, reservationOutcomes);
        }

        public Options withRedLines(boolean on) {
            return new Options(minIssues, maxIssues, maxOptions, issueTypes, minParties, maxParties, utilityKinds,
                    valueFunctions, on, ratifiers, notes, trickyText, discounts, reservationOutcomes);
        }

        public Options withRatifiers(boolean on) {
            return new Options(minIssues, maxIssues, maxOptions, issueTypes, minParties, maxParties, utilityKinds,
                    valueFunctions, redLines, on, notes, trickyText, discounts, reservationOutcomes);
        }

        public Options withNotes(boolean on) {
            return new Options(minIssues, maxIssues, maxOptions, issueTypes, minParties, maxParties, utilityKinds,
                    valueFunctions, redLines, ratifiers, on, trickyText, discounts, reservationOutcomes);
        }

        public Options withTrickyText(boolean on) {
            return new Options(minIssues, maxIssues, maxOptions, issueTypes, minParties, maxParties, utilityKinds,
                    valueFunctions, redLines, ratifiers, notes, on, discounts, reservationOutcomes);
        }

        public Options withDiscounts(boolean on) {
            return new Options(minIssues, maxIssues, maxOptions, issueTypes, minParties, maxParties, utilityKinds,
                    valueFunctions, redLines, ratifiers, notes, trickyText, on, reservationOutcomes);
        }

        public Options withReservationOutcomes(boolean on) {
            return new Options(minIssues, maxIssues, maxOptions, issueTypes, minParties, maxParties, utilityKinds,
                    valueFunctions, redLines, ratifiers, notes, trickyText, discounts, on);
        }
    }

    private static final String[] WORDS = {"price", "delivery", "wage", "hours", "pension", "territory", "security",
        "sanctions", "quality", "volume", "warranty", "payment", "bonus", "shift", "holidays", "union", "employer",
        "buyer", "seller", "low", "medium", "high", "none", "full", "partial", "day", "night", "Kyiv", "Moscow"};

    private static final String[] TRICKY = {"yes", "No", "null", "~", "true", "0.10", "1e3", "-3", "+1", ".5", "0x1F",
        "a: b", "x #y", "- item", "[list]", "{map}", "'single'", "\"double\"", " leading", "trailing ", "tab\there",
        "ünïcödé", "日本語", "🤝 deal", "a,b", "&anchor", "*alias", "!tag", "%percent", "@at", "`tick`", "?", ":",
        "back\\slash", "line\nbreak", "bell\u0007", "nel\u0085x", "sep\u2028x", "bom\uFEFFx", "lone\uD800x", "ok/slash",
        "O'Brien", "<<", "=", "---", "...", "|", ">", "2024-01-01", "12:30", "Infinity", "NaN", ".inf", "é", "Ǆ"};

    private static final String[] NOTES = {
        "Source: union bulletin, March 2024.",
        "Estimated from the 2023 settlement (p. 12): 3.5%.",
        "line one\nline two\n",
        "  indented first line\nsecond",
        "bullets:\n  - one\n  - two\n\n\n",
        "ends without newline\n\nafter a blank line",
        "trailing spaces   \nnext",
        "key: value # not a comment",
        "\"quoted\" and 'single' and \\ backslash",
        "whitespace line\n   \nafter",
        "tab\tinside\n\tand leading tab",
        "control \u0001 and \u001F and DEL \u007F",
        "unicode: Запорожье, 東京, 🇺🇦",
        "CRLF\r\nline",
        "yes",
        "- looks like a list",
        "> looks like folded",
        "| looks like literal",
        "#hash at start",
        "\n\nstarts with newlines",
    };

    private RandomScenarios() { }

    /** Random scenarios with {@link Options#all()}, for jqwik (no shrinking: each is built from a seed). */
    public static Arbitrary<Scenario> scenarios() {
        return scenarios(Options.all());
    }

    /** Random scenarios with the given options, for jqwik. */
    public static Arbitrary<Scenario> scenarios(Options options) {
        return Arbitraries.randomValue(r -> scenario(r, options));
    }

    /** A random scenario with {@link Options#all()}. */
    public static Scenario scenario(Random rnd) {
        return scenario(rnd, Options.all());
    }

    /** A random scenario. */
    public static Scenario scenario(Random rnd, Options o) {
        return new Generator(rnd, o).scenario();
    }

    /** {@code n} random outcomes of the domain, the first being all-first options and the second all-last. */
    public static List<int[]> sampleOutcomes(Domain d, Random rnd, int n) {
        List<int[]> out = new ArrayList<>();
        int[] sizes = d.sizes();
        for (int k = 0; k < n; k++) {
            int[] o = new int[sizes.length];
            for (int i = 0; i < o.length; i++) {
                o[i] = k == 0 ? 0 : k == 1 ? sizes[i] - 1 : rnd.nextInt(sizes[i]);
            }
            out.add(o);
        }
        return out;
    }

    /** One scenario's generation. */
    private static final class Generator {
        private final Random rnd;
        private final Options o;
        private final Set<String> used = new HashSet<>();
        private final List<NoteTarget> targets = new ArrayList<>();

        Generator(Random rnd, Options o) {
            this.rnd = rnd;
            this.o = o;
        }

        Scenario scenario() {
            int n = between(o.minIssues(), o.maxIssues());
            List<Issue> issues = new ArrayList<>();
            for (int i = 0; i < n; i++) issues.add(issue());
            Domain domain = Domain.of(name(), issues);
            String title = rnd.nextInt(4) == 0 ? domain.name() : name();

            List<Party> parties = new ArrayList<>();
            int np = between(o.minParties(), o.maxParties());
            for (int p = 0; p < np; p++) parties.add(party(domain, p == 0));

            Scenario.Builder b = Scenario.builder(domain).title(title).parties(parties);
            if (rnd.nextBoolean()) b.description(note());
            if (o.notes()) {
                targets.add(NoteTarget.scenario());
                for (Issue issue : domain.issues()) {
                    targets.add(NoteTarget.issue(issue.name()));
                    for (int v = 0; v < issue.size(); v++) targets.add(NoteTarget.option(issue.name(), issue.label(v)));
                    if (issue instanceof RealIssue r && r.min().scale() >= 0) {
                        // a note whose label is not written the canonical way: kept as given
                        targets.add(NoteTarget.option(issue.name(), r.min().setScale(r.min().scale() + 1).toPlainString()));
                    }
                }
                for (Party p : parties) {
                    targets.add(NoteTarget.party(p.name()));
                    targets.add(NoteTarget.reservation(p.name()));
                    targets.add(NoteTarget.discount(p.name()));
                    for (Issue issue : domain.issues()) {
                        targets.add(NoteTarget.weight(p.name(), issue.name()));
                        for (int v = 0; v < issue.size(); v++) {
                            targets.add(NoteTarget.utility(p.name(), issue.name(), issue.label(v)));
                        }
                    }
                    for (RedLine r : p.profile().redLines()) targets.add(NoteTarget.redLine(p.name(), r.description()));
                }
                double share = rnd.nextDouble() * 0.5;
                for (NoteTarget t : targets) if (rnd.nextDouble() < share) b.note(t, note());
            }
            return b.build();
        }

        private Issue issue() {
            List<Issue.Type> types = new ArrayList<>(o.issueTypes());
            types.sort(null);
            Issue.Type type = types.get(rnd.nextInt(types.size()));
            int size = between(1, o.maxOptions());
            String name = name();
            switch (type) {
                case DISCRETE: {
                    Set<String> labels = new java.util.LinkedHashSet<>();
                    while (labels.size() < size) labels.add(label(labels.size()));
                    return new DiscreteIssue(name, new ArrayList<>(labels));
                }
                case INTEGER: {
                    long min = switch (rnd.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> rnd.nextInt(21) - 10;
                        case 2 -> 1_000_000_000_000L + rnd.nextInt(1000);
                        default -> -rnd.nextInt(100_000);
                    };
                    return Issue.integer(name, min, min + size - 1);
                }
                default: {
                    String[] steps = {"0.1", "0.25", "0.5", "1", "0.05", "2.5", "0.001", "10", "0.10"};
                    BigDecimal step = new BigDecimal(steps[rnd.nextInt(steps.length)]);
                    BigDecimal min = BigDecimal.valueOf(rnd.nextInt(2001) - 1000, rnd.nextInt(4));
                    BigDecimal max = min.add(step.multiply(BigDecimal.valueOf(size - 1)));
                    if (rnd.nextBoolean()) max = max.add(step.divide(BigDecimal.valueOf(3), 5, java.math.RoundingMode.DOWN));
                    return new RealIssue(name, min, max, step);
                }
            }
        }

        private Party party(Domain d, boolean first) {
            String name = name();
            Role role = !first && o.ratifiers() && rnd.nextInt(4) == 0 ? Role.RATIFIER : Role.NEGOTIATOR;
            List<String> kinds = new ArrayList<>(o.utilityKinds());
            kinds.sort(null);
            String kind = kinds.get(rnd.nextInt(kinds.size()));
            UtilityFunction u = switch (kind) {
                case "linear-additive" -> linearAdditive(d);
                case "hyper-rectangle" -> hyperRectangle(d);
                default -> sumOfGroups(d);
            };
            double reservation = rnd.nextInt(3) == 0 ? 0.0 : number();
            Optional<Outcome> reservationOutcome = Optional.empty();
            if (o.reservationOutcomes() && rnd.nextInt(5) == 0) {
                int[] out = sampleOutcomes(d, rnd, 3).get(2);
                reservationOutcome = Optional.of(Outcome.of(out));
                reservation = rnd.nextBoolean() ? u.utility(out) : number();
            }
            double discount = o.discounts() && rnd.nextBoolean()
                    ? (rnd.nextBoolean() ? 1 - rnd.nextDouble() * 0.999 : new double[] {0.9, 0.5, 0.95, 1e-3}[rnd.nextInt(4)])
                    : 1.0;
            List<RedLine> redLines = new ArrayList<>();
            if (o.redLines()) {
                int count = rnd.nextInt(3);
                for (int k = 0; k < count; k++) redLines.add(redLine(d, redLines));
            }
            return new Party(name, role, new Profile(u, reservation, discount, redLines, reservationOutcome));
        }

        private RedLine redLine(Domain d, List<RedLine> earlier) {
            List<Integer> issues = new ArrayList<>();
            for (int i = 0; i < d.issueCount(); i++) issues.add(i);
            java.util.Collections.shuffle(issues, rnd);
            int count = between(1, Math.min(2, d.issueCount()));
            List<RedLine.Condition> conditions = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                int i = issues.get(k);
                int size = d.issue(i).size();
                List<Integer> options = new ArrayList<>();
                for (int v = 0; v < size; v++) options.add(v);
                java.util.Collections.shuffle(options, rnd);
                int take = between(1, Math.min(3, size));
                conditions.add(new RedLine.Condition(i, options.subList(0, take).stream().mapToInt(Integer::intValue).toArray()));
            }
            String description = switch (rnd.nextInt(5)) {
                case 0 -> "";
                case 1 -> earlier.isEmpty() ? "no deal" : earlier.get(0).description();   // a repeated description
                default -> text(false);
            };
            return RedLine.of(description, conditions);
        }

        private LinearAdditiveUtility linearAdditive(Domain d) {
            int n = d.issueCount();
            double[] w = new double[n];
            do {
                for (int i = 0; i < n; i++) {
                    w[i] = switch (rnd.nextInt(6)) {
                        case 0 -> 0.0;
                        case 1 -> 1 + rnd.nextInt(10);
                        case 2 -> Math.round(rnd.nextDouble() * 100) / 100.0;
                        case 3 -> rnd.nextDouble() * 1e-3;
                        default -> rnd.nextDouble();
                    };
                }
            } while (!(java.util.Arrays.stream(w).sum() > 0));
            List<ValueFunction> fs = new ArrayList<>();
            for (Issue issue : d.issues()) fs.add(valueFunction(issue));
            return LinearAdditiveUtility.of(d, w, fs);
        }

        private ValueFunction valueFunction(Issue issue) {
            int choice = o.valueFunctions() ? rnd.nextInt(issue.isNumeric() ? 6 : 3) : 0;
            switch (choice) {
                case 0, 1: {
                    double[] t = new double[issue.size()];
                    for (int v = 0; v < t.length; v++) t[v] = number();
                    return new ValueFunction.Table(t);
                }
                case 2:
                    return new ValueFunction.Constant(number());
                case 3:
                    return new ValueFunction.Linear(number(), number(), rnd.nextBoolean());
                case 4: {
                    double a = issue.numericValue(0) - rnd.nextInt(3);
                    double c = issue.numericValue(issue.size() - 1) + 1 + rnd.nextInt(3);
                    double b = rnd.nextBoolean() ? a : a + (c - a) * rnd.nextDouble();
                    return new ValueFunction.Triangular(a, b, c);
                }
                default: {
                    int k = between(1, 4);
                    double[] x = new double[k];
                    double[] y = new double[k];
                    double at = issue.numericValue(0) - rnd.nextDouble();
                    for (int j = 0; j < k; j++) {
                        at += 0.001 + rnd.nextDouble() * 3;
                        x[j] = at;
                        y[j] = number();
                    }
                    return new ValueFunction.PiecewiseLinear(x, y, rnd.nextBoolean());
                }
            }
        }

        private HyperRectangleUtility hyperRectangle(Domain d) {
            List<HyperRectangleUtility.Rectangle> rs = new ArrayList<>();
            int count = rnd.nextInt(6);
            for (int k = 0; k < count; k++) {
                rs.add(new HyperRectangleUtility.Rectangle(number(), bounds(d, rnd.nextInt(4)), bounds(d, rnd.nextInt(3))));
            }
            HyperRectangleUtility.Aggregation[] aggs = HyperRectangleUtility.Aggregation.values();
            return HyperRectangleUtility.of(d, rs, aggs[rnd.nextInt(aggs.length)], rnd.nextBoolean() ? 1.0 : number());
        }

        private List<HyperRectangleUtility.Bound> bounds(Domain d, int count) {
            List<HyperRectangleUtility.Bound> bs = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                int i = rnd.nextInt(d.issueCount());
                int size = d.issue(i).size();
                int lo = rnd.nextInt(size);
                int hi = lo + rnd.nextInt(size - lo);
                bs.add(new HyperRectangleUtility.Bound(i, lo, hi));
            }
            return bs;
        }

        private SumOfGroupsUtility sumOfGroups(Domain d) {
            List<SumOfGroupsUtility.Group> gs = new ArrayList<>();
            int count = between(1, 3);
            for (int g = 0; g < count; g++) {
                List<Integer> issues = new ArrayList<>();
                for (int i = 0; i < d.issueCount(); i++) issues.add(i);
                java.util.Collections.shuffle(issues, rnd);
                int k = between(1, Math.min(3, d.issueCount()));
                int[] is = new int[k];
                int combos = 1;
                int taken = 0;
                for (int j = 0; j < k; j++) {
                    int size = d.issue(issues.get(j)).size();
                    if (taken > 0 && combos * size > 200) break;
                    is[taken++] = issues.get(j);
                    combos *= size;
                }
                is = java.util.Arrays.copyOf(is, taken);
                double[] t = new double[combos];
                for (int p = 0; p < combos; p++) t[p] = rnd.nextInt(3) == 0 ? 0.0 : number();
                String name = rnd.nextInt(3) == 0 ? defaultGroupName(d, is) : text(false);
                gs.add(new SumOfGroupsUtility.Group(name, is, t));
            }
            return SumOfGroupsUtility.of(d, gs);
        }

        private static String defaultGroupName(Domain d, int[] is) {
            List<String> names = new ArrayList<>();
            for (int i : is) names.add(d.issue(i).name());
            return String.join(" & ", names);
        }

        /** Awkward doubles as well as ordinary ones. */
        private double number() {
            return switch (rnd.nextInt(12)) {
                case 0 -> 0.1;
                case 1 -> 1.0 / 3;
                case 2 -> -0.0;
                case 3 -> 1e-300;
                case 4 -> Double.MIN_VALUE;
                case 5 -> -123456.789;
                case 6 -> 1e22;
                case 7 -> Math.round(rnd.nextDouble() * 100) / 100.0;
                default -> rnd.nextDouble() * (rnd.nextBoolean() ? 1 : 10) - (rnd.nextInt(4) == 0 ? 0.5 : 0);
            };
        }

        private String name() {
            while (true) {
                String s = text(true);
                if (!s.isBlank() && used.add(s)) return s;
            }
        }

        private String label(int index) {
            if (o.trickyText() && rnd.nextInt(3) == 0) return TRICKY[rnd.nextInt(TRICKY.length)];
            return WORDS[rnd.nextInt(WORDS.length)] + (rnd.nextBoolean() ? "" : " " + index);
        }

        /** A name-like text: unique enough, non-blank. */
        private String text(boolean forName) {
            if (o.trickyText() && rnd.nextInt(3) == 0) {
                String t = TRICKY[rnd.nextInt(TRICKY.length)];
                return forName && rnd.nextBoolean() ? t + " " + rnd.nextInt(1000) : t;
            }
            String w = WORDS[rnd.nextInt(WORDS.length)];
            return rnd.nextBoolean() ? w : w + " " + WORDS[rnd.nextInt(WORDS.length)] + " " + rnd.nextInt(100);
        }

        private String note() {
            if (!o.trickyText()) return "Note " + rnd.nextInt(10_000) + ": from the " + WORDS[rnd.nextInt(WORDS.length)] + " brief.";
            return NOTES[rnd.nextInt(NOTES.length)] + (rnd.nextBoolean() ? "" : " " + rnd.nextInt(100));
        }

        private int between(int lo, int hi) {
            return lo + rnd.nextInt(hi - lo + 1);
        }
    }
}
