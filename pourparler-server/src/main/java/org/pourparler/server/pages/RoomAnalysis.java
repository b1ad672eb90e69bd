package org.pourparler.server.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pourparler.analysis.AgreementAnalysis;
import org.pourparler.analysis.AnalysisLimitException;
import org.pourparler.analysis.Diagnosis;
import org.pourparler.analysis.FrontierPoint;
import org.pourparler.model.Domain;
import org.pourparler.model.Outcome;
import org.pourparler.model.Party;
import org.pourparler.model.Profile;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.OfferRecord;
import org.pourparler.room.Room;

/**
 * The live analysis of an open room, for its convener only: is there a zone of agreement, the
 * utility plane of the first two negotiators (frontier, solutions, reservation values, the offers so
 * far, the agreement) drawn as SVG by the server, and, when no zone exists, what would open one. It
 * is the core's {@link AgreementAnalysis} of the scenario with the profiles the room holds (those the
 * parties entered included), computed once per room under a work limit.
 */
public final class RoomAnalysis {
    /** The most work an analysis for a page may take (the CLI's default is 10^9). */
    public static final long MAX_WORK = 200_000_000L;
    private static final double SIZE = 260;
    private static final double MARGIN = 30;

    private final Optional<AgreementAnalysis.Report> report;
    private final String unavailable;
    private final Scenario scenario;

    private RoomAnalysis(Optional<AgreementAnalysis.Report> report, String unavailable, Scenario scenario) {
        this.report = report;
        this.unavailable = unavailable;
        this.scenario = scenario;
    }

    /** Analyses the room's scenario with the profiles it holds; unavailable (with the reason) until every profile is there. */
    public static RoomAnalysis of(Room room) {
        Scenario base = room.spec().scenario();
        List<Party> parties = new ArrayList<>();
        int j = 0;
        for (Party p : base.parties()) {
            if (p.role() == org.pourparler.model.Role.NEGOTIATOR) {
                Optional<Profile> profile = room.profile(j++);
                if (profile.isEmpty()) return new RoomAnalysis(Optional.empty(), "The analysis appears once every party has entered its preferences.", base);
                parties.add(Party.negotiator(p.name(), profile.get()));
            } else {
                parties.add(p);
            }
        }
        Scenario s = base.toBuilder().parties(parties).build();
        try {
            return new RoomAnalysis(Optional.of(AgreementAnalysis.analyze(s, AgreementAnalysis.Options.defaults().withListLimit(5).withThreads(1)
                    .withMaxWork(MAX_WORK))), "", s);
        } catch (AnalysisLimitException e) {
            return new RoomAnalysis(Optional.empty(), "This scenario is too large to analyse here: " + e.getMessage(), s);
        } catch (RuntimeException e) {
            return new RoomAnalysis(Optional.empty(), "The analysis failed on this scenario.", s);
        }
    }

    public boolean available() { return report.isPresent(); }
    public String unavailable() { return unavailable; }

    /** Whether a zone of possible agreement exists. */
    public boolean zoneExists() { return report.map(r -> r.zone().exists()).orElse(false); }

    /** The zone in a sentence. */
    public String zone() {
        if (report.isEmpty()) return "";
        var z = report.get().zone();
        if (!z.exists()) return "No zone of possible agreement: no package gives every party at least its reservation value.";
        return "A zone of possible agreement exists" + (z.exact() ? ": " + z.count() + " of " + report.get().outcomes() + " packages give every party at least its reservation value."
                : ": some of the " + report.get().outcomes() + " packages give every party at least its reservation value.");
    }

    /** The names of the two parties of the plane (the first two negotiators), and whether there are more. */
    public String xParty() { return negotiators().get(0).name(); }
    public String yParty() { return negotiators().size() > 1 ? negotiators().get(1).name() : ""; }
    public boolean morePartiesThanPlane() { return negotiators().size() > 2; }
    public boolean plane() { return report.isPresent() && negotiators().size() >= 2; }

    private List<Party> negotiators() { return scenario.negotiators(); }

    /** The index in the scenario's parties (the analysis's order) of the k-th negotiator. */
    private int index(int k) { return scenario.parties().indexOf(negotiators().get(k)); }

    /** The Pareto frontier (of every package, not only the zone's) as an SVG polyline. */
    public String frontier() {
        if (!plane()) return "";
        List<double[]> pts = new ArrayList<>();
        for (FrontierPoint p : report.get().paretoAll().points()) pts.add(new double[] {p.utility(index(0)), p.utility(index(1))});
        pts.sort((a, b) -> Double.compare(a[0], b[0]));
        StringBuilder b = new StringBuilder();
        for (double[] p : pts) b.append(x(p[0])).append(',').append(y(p[1])).append(' ');
        return b.toString().trim();
    }

    /** A named point of the plane. */
    public record Point(String label, String x, String y, String text) { }

    /** The bargaining solutions (first of each), with their packages. */
    public List<Point> solutions() {
        List<Point> out = new ArrayList<>();
        if (!plane()) return out;
        var s = report.get().solutions();
        add(out, "Nash", s.nash());
        add(out, "Kalai–Smorodinsky", s.kalaiSmorodinsky());
        add(out, "Egalitarian", s.egalitarian());
        return out;
    }

    private void add(List<Point> out, String name, List<FrontierPoint> points) {
        if (points.isEmpty()) return;
        FrontierPoint p = points.get(0);
        String pkg = p.outcomes().isEmpty() ? "" : Words.outcome(scenario.domain(), Outcome.of(p.outcomes().get(0)));
        double u0 = p.utility(index(0));
        double u1 = p.utility(index(1));
        out.add(new Point(name, x(u0), y(u1), name + ": " + Words.number(u0) + " for " + xParty() + ", "
                + Words.number(u1) + " for " + yParty() + (pkg.isEmpty() ? "" : " (" + pkg + ")")));
    }

    /** The reservation values as plane coordinates: x of the first party's line, y of the second's. */
    public String reservationX() { return plane() ? x(report.get().reservation(index(0))) : "0"; }
    public String reservationY() { return plane() ? y(report.get().reservation(index(1))) : "0"; }

    /** The offers so far as points of the plane. */
    public List<Point> offers(List<OfferRecord> offers) {
        List<Point> out = new ArrayList<>();
        if (!plane()) return out;
        for (OfferRecord r : offers) {
            double u0 = negotiators().get(0).profile().utility().utility(r.outcome());
            double u1 = negotiators().get(1).profile().utility().utility(r.outcome());
            String by = r.party() < 0 ? "the mediator" : negotiators().get(r.party()).name();
            out.add(new Point(by, x(u0), y(u1), "Round " + (r.round() + 1) + ", " + by + ": " + Words.number(u0) + ", " + Words.number(u1)));
        }
        return out;
    }

    /** The agreement as a point, when there is one. */
    public Optional<Point> agreement(Optional<Outcome> agreement) {
        if (!plane()) return Optional.empty();
        return agreement.map(a -> {
            double u0 = negotiators().get(0).profile().utility().utility(a);
            double u1 = negotiators().get(1).profile().utility().utility(a);
            return new Point("Agreement", x(u0), y(u1), "The agreement: " + Words.number(u0) + ", " + Words.number(u1));
        });
    }

    /** What blocks a deal and what would open one, in sentences (empty when a zone exists). */
    public List<String> diagnosis() {
        List<String> out = new ArrayList<>();
        if (report.isEmpty() || report.get().diagnosis().isEmpty()) return out;
        Diagnosis d = report.get().diagnosis().get();
        for (Diagnosis.BlockingSet b : d.blockingSets()) {
            List<String> issues = new ArrayList<>();
            for (Diagnosis.IssueClash c : b.issues()) issues.add(c.issue());
            out.add("Blocking: " + String.join(" and ", b.parties()) + (issues.isEmpty() ? "" : ", over " + String.join(", ", issues)) + ".");
        }
        if (d.uniformLowering().isPresent() && Double.isFinite(d.uniformLowering().get().amount())) {
            out.add("Every party lowering its reservation value by " + Words.number(d.uniformLowering().get().amount()) + " would open a zone.");
        }
        for (Diagnosis.PartyMove m : d.partyLowering()) {
            if (m.amount().isPresent()) out.add(m.party() + " alone lowering its reservation value by " + Words.number(m.amount().getAsDouble()) + " would open a zone.");
            else out.add(m.party() + " alone cannot open a zone by lowering its reservation value.");
        }
        return out;
    }

    private static String x(double u) { return fmt(MARGIN + SIZE * clamp(u)); }
    private static String y(double u) { return fmt(MARGIN + SIZE * (1 - clamp(u))); }
    private static double clamp(double u) { return Double.isFinite(u) ? Math.max(0, Math.min(1, u)) : 0; }
    private static String fmt(double v) { return String.format(Locale.ROOT, "%.1f", v); }

    /** The domain the analysis is of. */
    public Domain domain() { return scenario.domain(); }
}
