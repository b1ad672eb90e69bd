package org.pourparler.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pourparler.io.Scenarios;
import org.pourparler.model.DiscreteIssue;
import org.pourparler.model.IntegerIssue;
import org.pourparler.model.Issue;
import org.pourparler.model.NoteTarget;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.RealIssue;
import org.pourparler.model.RedLine;
import org.pourparler.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pourparler inspect}: what a scenario holds. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Summarise a scenario: issues and options, outcome count, parties with role, utility kind,",
                "reservation value, discount and red lines, provenance notes, and every warning from reading it."})
final class InspectCommand implements Callable<Integer> {

    @Mixin
    ScenarioInput input;

    @Mixin
    OutputFormat.Option output;

    @Option(names = "--notes", description = "Also list every provenance note (text output).")
    boolean notes;

    @Option(names = "--max-options", defaultValue = "8", paramLabel = "N",
            description = "Show at most N options per issue in text output (default: ${DEFAULT-VALUE}).")
    int maxOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenarios.Loaded loaded = input.load();
        PrintWriter out = spec.commandLine().getOut();
        if (output.format == OutputFormat.json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(json(loaded)));
        } else {
            text(loaded, out);
        }
        return 0;
    }

    /** The documented JSON summary (docs/cli.md). */
    static Map<String, Object> json(Scenarios.Loaded loaded) {
        Scenario s = loaded.scenario();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", s.title());
        root.put("format", loaded.format().name().toLowerCase());
        List<Object> issues = new ArrayList<>();
        for (Issue issue : s.domain().issues()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", issue.name());
            m.put("type", issue.type().name().toLowerCase());
            if (issue instanceof DiscreteIssue d) {
                m.put("values", d.values());
            } else if (issue instanceof IntegerIssue i) {
                m.put("min", i.min());
                m.put("max", i.max());
            } else if (issue instanceof RealIssue r) {
                m.put("min", r.min());
                m.put("max", r.max());
                m.put("step", r.step());
            }
            m.put("options", issue.size());
            issues.add(m);
        }
        root.put("issues", issues);
        root.put("outcomes", s.domain().outcomeCount().toString());
        List<Object> parties = new ArrayList<>();
        for (Party p : s.parties()) {
            Profile pr = p.profile();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("role", p.role().name().toLowerCase());
            m.put("utility", pr.utility().kind());
            m.put("reservation", pr.reservation());
            m.put("discount", pr.isDiscounted() ? pr.discount() : null);
            m.put("redLines", pr.redLines().stream().map(r -> describe(s, r)).toList());
            parties.add(m);
        }
        root.put("parties", parties);
        Map<String, String> notes = new LinkedHashMap<>();
        s.notes().forEach((k, v) -> notes.put(k.toString(), v));
        root.put("notes", notes);
        root.put("warnings", loaded.warnings());
        return root;
    }

    private void text(Scenarios.Loaded loaded, PrintWriter out) {
        Scenario s = loaded.scenario();
        out.println(s.title() + "  (" + loaded.format().label() + ": " + input.path + ")");
        if (!s.description().isBlank()) out.println(indent(s.description().strip(), "  "));
        out.println();
        out.println("Outcomes: " + grouped(s.domain().outcomeCount().toString()));
        out.println();
        out.println("Issues (" + s.domain().issueCount() + "):");
        int w = s.domain().issues().stream().mapToInt(i -> i.name().length()).max().orElse(4);
        for (Issue issue : s.domain().issues()) {
            out.printf("  %-" + w + "s  %-8s  %s%n", issue.name(), issue.type().name().toLowerCase(), options(issue));
        }
        out.println();
        out.println("Parties (" + s.parties().size() + "):");
        if (!s.parties().isEmpty()) {
            int pw = Math.max(4, s.parties().stream().mapToInt(p -> p.name().length()).max().orElse(4));
            out.printf("  %-" + pw + "s  %-10s  %-15s  %11s  %8s  %s%n", "name", "role", "utility", "reservation", "discount", "red lines");
            for (Party p : s.parties()) {
                Profile pr = p.profile();
                out.printf("  %-" + pw + "s  %-10s  %-15s  %11s  %8s  %d%n", p.name(), p.role().name().toLowerCase(),
                        pr.utility().kind(), number(pr.reservation()), pr.isDiscounted() ? number(pr.discount()) : "none",
                        pr.redLines().size());
            }
            for (Party p : s.parties()) {
                for (RedLine r : p.profile().redLines()) out.println("  red line of " + p.name() + ": " + describe(s, r));
            }
        }
        if (!s.notes().isEmpty()) {
            out.println();
            if (notes) {
                out.println("Provenance notes (" + s.notes().size() + "):");
                for (Map.Entry<NoteTarget, String> e : s.notes().entrySet()) {
                    out.println("  " + e.getKey() + ": " + e.getValue().strip().replace("\n", "\n    "));
                }
            } else {
                out.println("Provenance notes: " + s.notes().size() + " (list them with --notes)");
            }
        }
        out.println();
        if (loaded.warnings().isEmpty()) {
            out.println("Warnings: none");
        } else {
            out.println("Warnings (" + loaded.warnings().size() + "):");
            for (String warning : loaded.warnings()) out.println("  - " + warning);
        }
    }

    private String options(Issue issue) {
        if (issue instanceof DiscreteIssue d) {
            List<String> v = d.values();
            String shown = String.join(", ", v.subList(0, Math.min(v.size(), maxOptions)));
            return v.size() + " options: " + shown + (v.size() > maxOptions ? ", ... (+" + (v.size() - maxOptions) + " more)" : "");
        }
        if (issue instanceof IntegerIssue i) return i.min() + " .. " + i.max() + " (" + i.size() + " options)";
        RealIssue r = (RealIssue) issue;
        return r.min().toPlainString() + " .. " + r.max().toPlainString() + " step " + r.step().toPlainString()
                + " (" + r.size() + " grid points)";
    }

    static String describe(Scenario s, RedLine r) {
        StringBuilder b = new StringBuilder();
        if (!r.description().isBlank()) b.append(r.description()).append(": ");
        String sep = "";
        for (RedLine.Condition c : r.conditions()) {
            Issue issue = s.domain().issue(c.issue());
            b.append(sep).append(issue.name()).append(" = ");
            int[] o = c.options();
            List<String> labels = new ArrayList<>();
            for (int v : o) labels.add(issue.label(v));
            b.append(labels.size() == 1 ? labels.get(0) : String.join(" or ", labels));
            sep = " and ";
        }
        return b.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    static String grouped(String digits) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) b.append(',');
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    private static String indent(String text, String prefix) {
        return prefix + text.replace("\n", "\n" + prefix);
    }
}
