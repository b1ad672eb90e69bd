package org.pourparler.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pourparler.analysis.AgreementAnalysis;
import org.pourparler.analysis.Diagnosis;
import org.pourparler.analysis.FrontierPoint;
import org.pourparler.model.Domain;
import org.pourparler.model.Party;
import org.pourparler.model.Scenario;

/** The analysis as a report a mediator can read. */
final class AnalysisReportText {
    private final AgreementAnalysis.Report r;
    private final List<String> warnings;
    private final int limit;
    private final PrintWriter out;
    private final Scenario s;
    private final Domain d;

    AnalysisReportText(AgreementAnalysis.Report r, List<String> warnings, int limit, PrintWriter out) {
        this.r = r;
        this.warnings = warnings;
        this.limit = limit;
        this.out = out;
        this.s = r.scenario();
        this.d = s.domain();
    }

    void print() {
        out.println(s.title());
        out.println("=".repeat(Math.min(78, s.title().length())));
        List<String> ps = new ArrayList<>();
        for (int k = 0; k < s.parties().size(); k++) {
            Party p = s.parties().get(k);
            ps.add(p.name() + " (" + p.role().name().toLowerCase(Locale.ROOT) + ", reservation " + fmt(r.reservation(k))
                    + (p.profile().redLines().isEmpty() ? "" : ", " + p.profile().redLines().size() + " red line"
                    + (p.profile().redLines().size() > 1 ? "s" : "")) + ")");
        }
        out.println("Parties:  " + String.join("; ", ps));
        out.println("Outcomes: " + InspectCommand.grouped(r.outcomes().toString()) + "   (method: " + r.method() + ")");
        out.println();
        zone();
        if (r.zone().exists()) {
            solutions();
            frontier();
        } else {
            diagnosis();
        }
        out.println();
        out.println("Pareto frontier of all outcomes (ignoring reservation values and red lines): " + r.paretoAll().size()
                + " point" + (r.paretoAll().size() == 1 ? "" : "s") + ", " + InspectCommand.grouped(r.paretoAll().outcomeCount().toString())
                + " outcome" + (r.paretoAll().outcomeCount().intValue() == 1 ? "" : "s"));
        out.printf(Locale.ROOT, "Opposition (distance from the frontier to the ideal point): %.4f%n", r.statistics().opposition());
        if (!warnings.isEmpty()) {
            out.println();
            out.println("Warnings from reading the scenario (" + warnings.size() + "):");
            for (String w : warnings) out.println("  - " + w);
        }
    }

    private void zone() {
        var z = r.zone();
        if (z.exists()) {
            String count = InspectCommand.grouped(z.count().toString());
            if (z.exact()) {
                out.printf(Locale.ROOT, "Zone of agreement: YES - %s of %s outcomes (%.4g%%) are acceptable to every party.%n", count,
                        InspectCommand.grouped(r.outcomes().toString()), 100 * r.statistics().rationalFraction());
            } else if (z.onlyBounded()) {
                // the sample missed the zone: all that is known is the frontier's witness and an upper bound
                double share = new java.math.BigDecimal(z.upper()).divide(new java.math.BigDecimal(r.outcomes()),
                        java.math.MathContext.DECIMAL64).doubleValue();
                String upper = z.upper().bitLength() > 50 ? String.format(Locale.ROOT, "%.3g", z.upper().doubleValue())
                        : InspectCommand.grouped(z.upper().toString());
                out.printf(Locale.ROOT, "Zone of agreement: YES - at least 1 outcome (found on the Pareto frontier). None of %,d%n"
                        + "random samples fell in it: it holds at most %.3g%% of the outcomes, fewer than %s (95%% confidence).%n",
                        z.sampled(), 100 * share, upper);
            } else {
                out.printf(Locale.ROOT, "Zone of agreement: YES - about %s outcomes (estimate from %,d random samples, %,d in the zone;"
                        + " 95%% interval %s .. %s).%n", count, z.sampled(), z.hits(),
                        InspectCommand.grouped(z.lower().toString()), InspectCommand.grouped(z.upper().toString()));
            }
        } else {
            out.println("Zone of agreement: NONE - no outcome is acceptable to every party (at or above each reservation value,");
            out.println("crossing no red line).");
        }
    }

    private void solutions() {
        out.println();
        out.println("Fair and efficient packages (disagreement point = reservation values):");
        solution("Nash (max product of gains)", r.solutions().nash());
        solution("Kalai-Smorodinsky (equal shares of each one's best gain)", r.solutions().kalaiSmorodinsky());
        solution("Egalitarian (max smallest gain)", r.solutions().egalitarian());
        solution("Utilitarian (max sum of utilities)", r.solutions().utilitarian());
    }

    private void solution(String name, List<FrontierPoint> points) {
        out.println("  " + name + ":");
        for (FrontierPoint p : points.subList(0, Math.min(limit, points.size()))) point("    ", p);
        if (points.size() > limit) out.println("    ... " + (points.size() - limit) + " more tied points (raise --limit)");
    }

    private void point(String indent, FrontierPoint p) {
        out.println(indent + utilities(p) + (p.tied().intValue() == 1 && p.tied().bitLength() < 2 ? ""
                : "   (" + InspectCommand.grouped(p.tied().toString()) + " tied outcomes)"));
        List<int[]> os = p.outcomes();
        for (int[] o : os.subList(0, Math.min(os.size(), Math.min(limit, 3)))) out.println(indent + "  " + pkg(o));
        if (p.tied().compareTo(java.math.BigInteger.valueOf(Math.min(os.size(), Math.min(limit, 3)))) > 0) {
            out.println(indent + "  ...");
        }
    }

    private void frontier() {
        out.println();
        int size = r.pareto().size();
        out.println("Pareto frontier of the zone: " + size + " point" + (size == 1 ? "" : "s")
                + (size > limit ? " (first " + limit + " shown; raise --limit)" : "") + ":");
        StringBuilder head = new StringBuilder("   ");
        for (Party p : s.parties()) head.append(String.format(Locale.ROOT, " %10s", clip(p.name(), 10)));
        out.println(head + "   tied  package");
        for (FrontierPoint p : r.pareto().points().subList(0, Math.min(limit, size))) {
            StringBuilder line = new StringBuilder("   ");
            for (int k = 0; k < s.parties().size(); k++) line.append(String.format(Locale.ROOT, " %10.4f", p.utility(k)));
            line.append(String.format(Locale.ROOT, " %6s  ", p.tied().toString()));
            line.append(p.outcomes().isEmpty() ? "" : pkg(p.outcomes().get(0)));
            out.println(line);
        }
    }

    private void diagnosis() {
        Diagnosis dg = r.diagnosis().orElseThrow();
        out.println();
        out.println("Who blocks a deal (smallest sets of parties with no acceptable outcome in common):");
        for (Diagnosis.BlockingSet b : dg.blockingSets()) {
            out.println("  - " + String.join(" + ", b.parties()));
            for (Diagnosis.IssueClash c : b.issues()) {
                List<String> losses = new ArrayList<>();
                for (int k = 0; k < b.parties().size(); k++) {
                    if (c.losses()[k] > 1e-9) losses.add(b.parties().get(k) + " gives up " + fmt(c.losses()[k]));
                }
                out.println("      clash on " + c.issue() + ": " + String.join(", ", losses));
            }
        }
        out.println();
        out.println("What would open a zone:");
        if (dg.uniformLowering().isPresent()) {
            out.println("  - Every party lowers its reservation value by " + fmt(dg.uniformLowering().get().amount())
                    + "; the Nash package of the zone this opens:");
            for (FrontierPoint p : dg.uniformLowering().get().nash().subList(0, Math.min(limit, dg.uniformLowering().get().nash().size()))) {
                point("      ", p);
            }
        } else {
            out.println("  - Lowering reservation values cannot help: the red lines together exclude every outcome.");
        }
        for (Diagnosis.PartyMove m : dg.partyLowering()) {
            if (m.amount().isEmpty()) {
                out.println("  - " + m.party() + " alone: no lowering of its reservation value opens a zone.");
            } else {
                out.println("  - " + m.party() + " alone lowers its reservation value by " + fmt(m.amount().getAsDouble())
                        + " (to " + fmt(reservationOf(m.party()) - m.amount().getAsDouble()) + "); the Nash package of the zone this opens:");
                for (FrontierPoint p : m.nash().subList(0, Math.min(limit, m.nash().size()))) point("      ", p);
            }
        }
        for (Diagnosis.RedLineMove m : dg.redLinesToDrop()) {
            out.println("  - " + m.party() + " drops its red line \"" + m.redLine() + "\"; Nash package of the zone it opens:");
            for (FrontierPoint p : m.packages().subList(0, Math.min(limit, m.packages().size()))) point("      ", p);
        }
    }

    private double reservationOf(String party) {
        for (int k = 0; k < s.parties().size(); k++) if (s.parties().get(k).name().equals(party)) return r.reservation(k);
        return Double.NaN;
    }

    private String utilities(FrontierPoint p) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < s.parties().size(); k++) parts.add(s.parties().get(k).name() + " " + fmt(p.utility(k)));
        return String.join(", ", parts);
    }

    private String pkg(int[] o) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < o.length; i++) parts.add(d.issue(i).name() + " = " + d.issue(i).label(o[i]));
        return String.join("; ", parts);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }
}
