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
 * The live analysis of an open room, for its convener only: is there a zone of agreement, a utility
 * plane for each pair of negotiators (frontier, solutions, reservation values, the offers so far, the
 * agreement) drawn as SVG by the server, and, when no zone exists, what would open one (blocking
 * parties, lowered reservation values, red lines to drop). It
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
    /** Built on first use and kept: the analysis is cached per room (shared by threads) and its page re-rendered on every event. */
    private volatile List<Plane> planes;

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

    /** The most planes drawn: every pair of up to 5 negotiators. */
    public static final int MAX_PLANES = 10;

    /**
     * The utility planes, one for each pair of negotiators (the first {@link #MAX_PLANES} pairs in
     * scenario order): a mediator with three or more parties sees every pair, as {@code analyze --plot}
     * draws them. Empty without an analysis or with one negotiator.
     */
    public List<Plane> planes() {
        if (planes != null) return planes;
        List<Plane> out = new ArrayList<>();
        int n = report.isEmpty() ? 0 : negotiators().size();
        for (int a = 0; a < n && out.size() < MAX_PLANES; a++) {
            for (int b = a + 1; b < n && out.size() < MAX_PLANES; b++) out.add(new Plane(out.size(), a, b));
        }
        planes = List.copyOf(out);
        return planes;
    }

    /** Whether some pairs have no plane (more than 5 negotiators). */
    public boolean morePairsThanPlanes() {
        int n = negotiators().size();
        return n * (n - 1) / 2 > MAX_PLANES;
    }

    private List<Party> negotiators() { return scenario.negotiators(); }

    /** The index in the scenario's parties (the analysis's order) of the k-th negotiator. */
    private int index(int k) { return scenario.parties().indexOf(negotiators().get(k)); }

    /** A named point of a plane. */
    public record Point(String label, String x, String y, String text) { }

    /** The bargaining solutions (first of each), in sentences giving every negotiator's utility and the package. */
    public List<String> solutions() {
        List<String> out = new ArrayList<>();
        if (report.isEmpty()) return out;
        eachSolution((name, p) -> {
            List<String> each = new ArrayList<>();
            for (int k = 0; k < negotiators().size(); k++) each.add(Words.number(p.utility(index(k))) + " for " + negotiators().get(k).name());
            String pkg = p.outcomes().isEmpty() ? "" : Words.outcome(scenario.domain(), Outcome.of(p.outcomes().get(0)));
            out.add(name + ": " + String.join(", ", each) + (pkg.isEmpty() ? "" : " (" + pkg + ")"));
        });
        return out;
    }

    private void eachSolution(java.util.function.BiConsumer<String, FrontierPoint> each) {
        var s = report.get().solutions();
        if (!s.nash().isEmpty()) each.accept("Nash", s.nash().get(0));
        if (!s.kalaiSmorodinsky().isEmpty()) each.accept("Kalai–Smorodinsky", s.kalaiSmorodinsky().get(0));
        if (!s.egalitarian().isEmpty()) each.accept("Egalitarian", s.egalitarian().get(0));
    }

    /** The plane of negotiators {@code a} (across) and {@code b} (up), the {@code number}-th drawn. */
    public final class Plane {
        private final int number;
        private final int a;
        private final int b;
        /** The frontier projected on the pair, split into the pair's own trade-off (left to right) and the rest. */
        private final List<double[]> line = new ArrayList<>();
        private final List<double[]> below = new ArrayList<>();

        private Plane(int number, int a, int b) {
            this.number = number;
            this.a = a;
            this.b = b;
            List<double[]> pts = new ArrayList<>();
            for (FrontierPoint p : report.get().paretoAll().points()) pts.add(new double[] {p.utility(index(a)), p.utility(index(b))});
            // right to left, higher first: a point is on the trade-off when it is above every point to its right
            pts.sort((p, q) -> p[0] != q[0] ? Double.compare(q[0], p[0]) : Double.compare(q[1], p[1]));
            double top = Double.NEGATIVE_INFINITY;
            for (double[] p : pts) {
                if (p[1] > top) {
                    line.add(p);
                    top = p[1];
                } else {
                    below.add(p);
                }
            }
            java.util.Collections.reverse(line);
        }

        /** Distinguishes the plane's element ids on the page. */
        public int number() { return number; }
        public String xParty() { return negotiators().get(a).name(); }
        public String yParty() { return negotiators().get(b).name(); }

        /**
         * The best trade-off between the two: the packages of the Pareto frontier (of every package,
         * not only the zone's) that neither of the two can improve on without the other losing, as an
         * SVG polyline. With more parties than the two the frontier's other packages lie below it
         * ({@link #others}): they are efficient only because a third party gains.
         */
        public String frontier() {
            StringBuilder out = new StringBuilder();
            for (double[] p : line) out.append(x(p[0])).append(',').append(y(p[1])).append(' ');
            return out.toString().trim();
        }

        /** When the two want the same package (their trade-off is one point), that point {x, y}, drawn as a dot. */
        public Optional<String[]> sharedBest() {
            return line.size() == 1 ? Optional.of(new String[] {x(line.get(0)[0]), y(line.get(0)[1])}) : Optional.empty();
        }

        /** The frontier's packages below the pair's own trade-off, as plane coordinates {x, y}. */
        public List<String[]> others() {
            List<String[]> out = new ArrayList<>();
            for (double[] p : below) out.add(new String[] {x(p[0]), y(p[1])});
            return out;
        }

        /** The bargaining solutions as points of this plane. */
        public List<Point> solutions() {
            List<Point> out = new ArrayList<>();
            eachSolution((name, p) -> out.add(point(name, p.utility(index(a)), p.utility(index(b)), name)));
            return out;
        }

        /** The two reservation values as plane coordinates: x of the first party's line, y of the second's. */
        public String reservationX() { return x(report.get().reservation(index(a))); }
        public String reservationY() { return y(report.get().reservation(index(b))); }

        /** The offers so far as points. */
        public List<Point> offers(List<OfferRecord> offers) {
            List<Point> out = new ArrayList<>();
            for (OfferRecord r : offers) {
                String by = r.party() < 0 ? "the mediator" : negotiators().get(r.party()).name();
                out.add(point(by, utility(a, r.outcome()), utility(b, r.outcome()), "Round " + (r.round() + 1) + ", " + by));
            }
            return out;
        }

        /** The agreement as a point, when there is one. */
        public Optional<Point> agreement(Optional<Outcome> agreement) {
            return agreement.map(o -> point("Agreement", utility(a, o), utility(b, o), "The agreement"));
        }

        private Point point(String label, double u, double v, String text) {
            return new Point(label, x(u), y(v), text + ": " + Words.number(u) + " for " + xParty() + ", " + Words.number(v) + " for " + yParty());
        }

        private double utility(int k, Outcome o) { return negotiators().get(k).profile().utility().utility(o); }
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
        for (Diagnosis.RedLineMove m : d.redLinesToDrop()) {
            out.add(m.party() + " dropping its red line \u201c" + m.redLine() + "\u201d would open a zone.");
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
