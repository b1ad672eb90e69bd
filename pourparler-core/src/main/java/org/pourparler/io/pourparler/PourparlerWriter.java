package org.pourparler.io.pourparler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pourparler.io.pourparler.PourparlerDoc.Arr;
import org.pourparler.io.pourparler.PourparlerDoc.Obj;
import org.pourparler.model.DiscreteIssue;
import org.pourparler.model.Domain;
import org.pourparler.model.HyperRectangleUtility;
import org.pourparler.model.IntegerIssue;
import org.pourparler.model.Issue;
import org.pourparler.model.LinearAdditiveUtility;
import org.pourparler.model.NoteTarget;
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
 * Renders a {@link Scenario} as a {@code pourparler/1} document in the readable inline form: option
 * utilities beside each option, every note next to what it is about, and the few notes that have no
 * natural place under {@code otherNotes}. One instance writes one scenario.
 */
final class PourparlerWriter {
    private final Scenario scenario;
    private final Domain domain;
    /** Notes not yet placed. */
    private final Map<NoteTarget, String> notes;
    private final List<String> warnings = new ArrayList<>();

    private PourparlerWriter(Scenario scenario) {
        this.scenario = scenario;
        this.domain = scenario.domain();
        this.notes = new LinkedHashMap<>(scenario.notes());
    }

    /** The document and the warnings about anything that will not read back as it was. */
    record Result(Obj document, List<String> warnings) { }

    static Result write(Scenario s) {
        PourparlerWriter w = new PourparlerWriter(s);
        Obj doc = w.document();
        return new Result(doc, List.copyOf(w.warnings));
    }

    private Obj document() {
        Obj top = PourparlerDoc.obj().put("format", PourparlerFormat.VERSION).put("title", scenario.title());
        if (!domain.name().equals(scenario.title())) top.put("domain", domain.name());
        if (!scenario.description().isEmpty()) top.put("description", scenario.description());
        putNote(top, NoteTarget.scenario());
        Arr issues = PourparlerDoc.arr();
        for (Issue issue : domain.issues()) issues.add(issue(issue));
        top.put("issues", issues);
        Arr parties = PourparlerDoc.arr();
        for (Party p : scenario.parties()) parties.add(party(p));
        top.put("parties", parties);

        Arr other = PourparlerDoc.arr();
        for (Map.Entry<NoteTarget, String> e : notes.entrySet()) {
            NoteTarget t = e.getKey();
            if (!PourparlerReader.exists(scenario, t)) {
                warnings.add("The note on " + t + " was not written: the scenario has no such "
                        + t.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " (\"" + PourparlerNode.abbreviate(e.getValue())
                        + "\")");
                continue;
            }
            Obj n = PourparlerDoc.obj().put("about", t.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            if (t.party() != null) n.put("party", t.party());
            if (t.issue() != null) n.put("issue", t.issue());
            if (t.option() != null) n.put(t.kind() == NoteTarget.Kind.RED_LINE ? "redLine" : "option", t.option());
            n.put("notes", e.getValue());
            other.add(n);
        }
        if (!other.items().isEmpty()) top.put("otherNotes", other);
        return top;
    }

    // ---------------------------------------------------------------- issues

    private Obj issue(Issue issue) {
        Obj o = PourparlerDoc.obj().put("name", issue.name());
        putNote(o, NoteTarget.issue(issue.name()));
        if (issue instanceof DiscreteIssue d) {
            Arr options = PourparlerDoc.compactArr();
            for (String label : d.values()) {
                if (label.isEmpty()) {
                    warnings.add("Issue '" + issue.name() + "' has an empty option label, which the reader refuses");
                }
                String note = notes.remove(NoteTarget.option(issue.name(), label));
                options.add(note == null ? new PourparlerDoc.Str(label)
                        : PourparlerDoc.obj().put("name", label).put("notes", note));
            }
            o.put("options", options);
            return o;
        }
        if (issue instanceof IntegerIssue n) {
            o.put("integer", PourparlerDoc.compactObj().put("min", PourparlerDoc.num(n.min()))
                    .put("max", PourparlerDoc.num(n.max())));
        } else {
            RealIssue r = (RealIssue) issue;
            o.put("real", PourparlerDoc.compactObj().put("min", PourparlerDoc.num(r.min()))
                    .put("max", PourparlerDoc.num(r.max())).put("step", PourparlerDoc.num(r.step())));
        }
        // Notes on options of a numeric issue, keyed by the canonical label, in option order.
        TreeMap<Integer, String> optionNotes = new TreeMap<>();
        for (Map.Entry<NoteTarget, String> e : notes.entrySet()) {
            NoteTarget t = e.getKey();
            if (t.kind() == NoteTarget.Kind.OPTION && issue.name().equals(t.issue()) && t.party() == null
                    && t.option() != null) {
                int i = issue.indexOf(t.option());
                if (i >= 0 && issue.label(i).equals(t.option())) optionNotes.put(i, e.getValue());
            }
        }
        if (!optionNotes.isEmpty()) {
            Obj on = PourparlerDoc.obj();
            optionNotes.forEach((i, text) -> {
                on.put(issue.label(i), text);
                notes.remove(NoteTarget.option(issue.name(), issue.label(i)));
            });
            o.put("optionNotes", on);
        }
        return o;
    }

    // ---------------------------------------------------------------- parties

    private Obj party(Party p) {
        String name = p.name();
        Profile profile = p.profile();
        Obj o = PourparlerDoc.obj().put("name", name).put("role", p.role() == Role.RATIFIER ? "ratifier" : "negotiator");
        putNote(o, NoteTarget.party(name));

        String rNote = notes.remove(NoteTarget.reservation(name));
        boolean positiveZero = Double.doubleToRawLongBits(profile.reservation()) == 0L;
        if (rNote != null || profile.reservationOutcome().isPresent()) {
            Obj r = PourparlerDoc.obj().put("value", PourparlerDoc.num(profile.reservation()));
            profile.reservationOutcome().ifPresent(out -> {
                Obj oc = PourparlerDoc.compactObj();
                for (int i = 0; i < domain.issueCount(); i++) {
                    oc.put(domain.issue(i).name(), label(domain.issue(i), out.value(i)));
                }
                r.put("outcome", oc);
            });
            if (rNote != null) r.put("notes", rNote);
            o.put("reservation", r);
        } else if (!positiveZero) {
            o.put("reservation", PourparlerDoc.num(profile.reservation()));
        }

        String dNote = notes.remove(NoteTarget.discount(name));
        if (dNote != null) {
            o.put("discount", PourparlerDoc.obj().put("value", PourparlerDoc.num(profile.discount())).put("notes", dNote));
        } else if (profile.discount() != 1.0) {
            o.put("discount", PourparlerDoc.num(profile.discount()));
        }

        if (!profile.redLines().isEmpty()) {
            Arr lines = PourparlerDoc.arr();
            for (RedLine r : profile.redLines()) lines.add(redLine(name, r));
            o.put("redLines", lines);
        }
        o.put("utility", utility(name, profile.utility()));
        return o;
    }

    private Obj redLine(String party, RedLine r) {
        Obj o = PourparlerDoc.obj();
        if (!r.description().isEmpty()) o.put("description", r.description());
        putNote(o, NoteTarget.redLine(party, r.description()));
        Obj when = PourparlerDoc.compactObj();
        for (RedLine.Condition c : r.conditions()) {
            Issue issue = domain.issue(c.issue());
            int[] options = c.options();
            if (options.length == 1) {
                when.put(issue.name(), label(issue, options[0]));
            } else {
                Arr a = PourparlerDoc.compactArr();
                for (int v : options) a.add(label(issue, v));
                when.put(issue.name(), a);
            }
        }
        return o.put("when", when);
    }

    // ---------------------------------------------------------------- utilities

    private Obj utility(String party, UtilityFunction u) {
        if (u instanceof LinearAdditiveUtility la) return linearAdditive(party, la);
        if (u instanceof HyperRectangleUtility hr) return hyperRectangle(hr);
        return sumOfGroups((SumOfGroupsUtility) u);
    }

    private Obj linearAdditive(String party, LinearAdditiveUtility u) {
        // normalised weights, read back bit for bit (LinearAdditiveUtility.ofNormalised)
        double[] weights = u.weights();
        Obj issues = PourparlerDoc.obj();
        for (int i = 0; i < domain.issueCount(); i++) {
            Issue issue = domain.issue(i);
            Obj e = PourparlerDoc.obj().put("weight", PourparlerDoc.num(weights[i]));
            putNote(e, NoteTarget.weight(party, issue.name()));
            ValueFunction f = u.functions().get(i);
            if (f instanceof ValueFunction.Table t) {
                double[] values = t.values();
                Obj options = PourparlerDoc.compactObj();
                for (int k = 0; k < values.length; k++) {
                    String label = issue.label(k);
                    String note = notes.remove(NoteTarget.utility(party, issue.name(), label));
                    options.put(label, note == null ? PourparlerDoc.num(values[k])
                            : PourparlerDoc.obj().put("utility", PourparlerDoc.num(values[k])).put("notes", note));
                }
                e.put("options", options);
            } else if (f instanceof ValueFunction.Linear l) {
                Obj lin = PourparlerDoc.compactObj().put("slope", PourparlerDoc.num(l.slope()))
                        .put("intercept", PourparlerDoc.num(l.intercept()));
                if (l.clamped()) lin.put("clamp", new PourparlerDoc.Bool(true));
                e.put("linear", lin);
            } else if (f instanceof ValueFunction.Triangular t) {
                e.put("triangular", PourparlerDoc.compactObj().put("low", PourparlerDoc.num(t.low()))
                        .put("peak", PourparlerDoc.num(t.peak())).put("high", PourparlerDoc.num(t.high())));
            } else if (f instanceof ValueFunction.PiecewiseLinear p) {
                Arr points = PourparlerDoc.compactArr();
                double[] x = p.x();
                double[] y = p.y();
                for (int k = 0; k < x.length; k++) {
                    points.add(PourparlerDoc.compactArr().add(PourparlerDoc.num(x[k])).add(PourparlerDoc.num(y[k])));
                }
                e.put("piecewise", p.zeroOutside()
                        ? PourparlerDoc.obj().put("points", points).put("outside", "zero") : points);
            } else {
                e.put("constant", PourparlerDoc.num(((ValueFunction.Constant) f).value()));
            }
            issues.put(issue.name(), e);
        }
        return PourparlerDoc.obj().put("issues", issues);
    }

    private Obj hyperRectangle(HyperRectangleUtility u) {
        Obj o = PourparlerDoc.obj().put("kind", "hyper-rectangle")
                .put("aggregation", u.aggregation().name().toLowerCase(java.util.Locale.ROOT))
                .put("scale", PourparlerDoc.num(u.scale()));
        if (u.cap() != Double.POSITIVE_INFINITY) o.put("cap", PourparlerDoc.num(u.cap()));
        Arr rectangles = PourparlerDoc.arr();
        for (HyperRectangleUtility.Rectangle r : u.rectangles()) {
            Obj ro = PourparlerDoc.obj().put("utility", PourparlerDoc.num(r.utility()));
            if (!r.includes().isEmpty()) ro.put("includes", bounds(r.includes()));
            if (!r.excludes().isEmpty()) ro.put("excludes", bounds(r.excludes()));
            rectangles.add(ro);
        }
        return o.put("rectangles", rectangles);
    }

    private Arr bounds(List<HyperRectangleUtility.Bound> bounds) {
        Arr a = PourparlerDoc.arr();
        for (HyperRectangleUtility.Bound b : bounds) {
            Issue issue = domain.issue(b.issue());
            Obj o = PourparlerDoc.compactObj().put("issue", issue.name());
            if (b.min() < 0 || b.max() >= issue.size()) {
                warnings.add("A hyper-rectangle bound on issue '" + issue.name() + "' covers indexes " + b.min() + ".."
                        + b.max() + ", outside its " + issue.size() + " options; the reader will refuse it");
                o.put("indexes", PourparlerDoc.compactArr().add(PourparlerDoc.num(b.min())).add(PourparlerDoc.num(b.max())));
            } else {
                o.put("from", label(issue, b.min()));
                if (b.max() != b.min()) o.put("to", label(issue, b.max()));
            }
            a.add(o);
        }
        return a;
    }

    private Obj sumOfGroups(SumOfGroupsUtility u) {
        Arr groups = PourparlerDoc.arr();
        for (SumOfGroupsUtility.Group g : u.groups()) {
            int[] is = g.issues();
            List<String> names = new ArrayList<>();
            Arr issueNames = PourparlerDoc.compactArr();
            for (int i : is) {
                names.add(domain.issue(i).name());
                issueNames.add(new PourparlerDoc.Str(domain.issue(i).name()));
            }
            Obj go = PourparlerDoc.obj();
            if (!g.name().equals(PourparlerReader.defaultGroupName(names))) go.put("name", g.name());
            go.put("issues", issueNames);
            double[] t = g.utilities();
            Arr rows = PourparlerDoc.arr();
            int[] digits = new int[is.length];
            for (int pos = 0; pos < t.length; pos++) {
                // missing rows read as +0.0, so only those may be left out
                if (Double.doubleToRawLongBits(t[pos]) != 0L) {
                    int rest = pos;
                    for (int k = is.length - 1; k >= 0; k--) {
                        int size = domain.issue(is[k]).size();
                        digits[k] = rest % size;
                        rest /= size;
                    }
                    Arr row = PourparlerDoc.compactArr();
                    for (int k = 0; k < is.length; k++) row.add(label(domain.issue(is[k]), digits[k]));
                    rows.add(row.add(PourparlerDoc.num(t[pos])));
                }
            }
            if (!rows.items().isEmpty()) go.put("utilities", rows);
            groups.add(go);
        }
        return PourparlerDoc.obj().put("kind", "sum-of-groups").put("groups", groups);
    }

    // ---------------------------------------------------------------- helpers

    /** An option as written in a file: its label. */
    private static PourparlerDoc label(Issue issue, int index) {
        // numeric labels are canonical decimals: written bare, they read back as the same text
        return issue.isNumeric() ? new PourparlerDoc.Num(issue.label(index)) : new PourparlerDoc.Str(issue.label(index));
    }

    private void putNote(Obj o, NoteTarget target) {
        String note = notes.remove(target);
        if (note != null) o.put("notes", note);
    }
}
