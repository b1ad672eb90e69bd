package org.pourparler.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.pourparler.analysis.AgreementAnalysis;
import org.pourparler.analysis.AnalysisLimitException;
import org.pourparler.analysis.FrontierPoint;
import org.pourparler.model.Party;
import org.pourparler.model.Role;
import org.pourparler.model.Scenario;
import org.pourparler.model.UtilityFunction;
import org.pourparler.negotiation.Protocol;
import org.pourparler.negotiation.SessionResult;
import org.pourparler.negotiation.TraceEntry;

/**
 * {@code negotiate --plot}: one session in one picture. Left (or above), the packages put on the
 * table in the utility plane — one series per party that made them (the mediator's texts under
 * single text), the Pareto frontier of all outcomes, both reservation lines and the agreement — or,
 * for more than two parties, a matrix of pairwise planes as {@code analyze --plot} draws. Right (or
 * below), every party's utility of each package over normalised time. Test the waters puts no
 * package on the table: its picture shows the frontier and the probes' answers over time.
 */
final class SessionPlot {
    /** Width of the time chart beside a single utility plane, in pixels. */
    static final int TIME_WIDTH = 840;
    /** The most points one series of the time chart draws; longer series are thinned evenly. */
    static final int MAX_SERIES_POINTS = 2_000;

    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(188, 189, 34),
        new Color(23, 190, 207), new Color(127, 127, 127)};
    private static final Color MEDIATOR = new Color(60, 60, 60);

    private SessionPlot() { }

    /**
     * Where the charts go: the planes in a grid of {@link UtilityPlot#CELL}-sized cells, the time
     * chart at (timeX, timeY) with the given size; the picture is width × height.
     */
    record Layout(int cols, int width, int height, int timeX, int timeY, int timeWidth, int timeHeight) {
        /**
         * One plane: the time chart beside it. More: the time chart fills the free cells of the
         * grid's last row, or a row of its own below a full grid.
         */
        static Layout of(int parties) {
            int cell = UtilityPlot.CELL;
            int planes = parties * (parties - 1) / 2;
            if (planes == 1) return new Layout(1, cell + TIME_WIDTH, cell, cell, 0, TIME_WIDTH, cell);
            int cols = UtilityPlot.columns(planes);
            int rows = (planes + cols - 1) / cols;
            int free = cols * rows - planes;
            if (free > 0) {
                return new Layout(cols, cols * cell, rows * cell, (cols - free) * cell, (rows - 1) * cell, free * cell, cell);
            }
            return new Layout(cols, cols * cell, (rows + 1) * cell, 0, rows * cell, cols * cell, cell);
        }
    }

    /**
     * Checks, before the session runs, that a plot can be drawn to this file.
     *
     * @throws Main.UserException for a file name not ending in .svg or .png, or fewer than two parties
     */
    static void check(Path file, Scenario s) throws Main.UserException {
        UtilityPlot.isSvg(file, "--plot");
        if (s.parties().size() < 2) {
            throw new Main.UserException("--plot needs at least two parties, but the scenario has " + s.parties().size());
        }
    }

    /**
     * Draws the session to the file (SVG or PNG by its ending). Notes what it leaves out (a frontier
     * too costly to compute, packages test the waters does not have) on {@code err}.
     */
    static void write(Scenario s, SessionResult r, Path file, PrintWriter err) throws Main.UserException {
        boolean svg = UtilityPlot.isSvg(file, "--plot");
        List<FrontierPoint> front = frontier(s, err);
        if (r.protocol() == Protocol.TEST_THE_WATERS) {
            err.println("note: test-the-waters puts no package on the table; --plot shows the Pareto frontier, the reservation "
                    + "values and the probes' answers");
        } else if (packages(r).isEmpty()) {
            err.println("note: no package was put on the table (the session ended: " + r.ending() + "); --plot shows the "
                    + "Pareto frontier and the reservation values only");
        }
        List<XYChart> planes = planes(s, r, front);
        XYChart time = timeChart(s, r);
        Layout layout = Layout.of(s.parties().size());
        List<XYChart> all = new ArrayList<>(planes);
        all.add(time);
        UtilityPlot.writeImage(file, "--plot", svg, layout.width(), layout.height(), g -> {
            UtilityPlot.paintGrid(g, planes, layout.cols());
            UtilityPlot.paintAt(g, time, layout.timeX(), layout.timeY(), layout.timeWidth(), layout.timeHeight());
        }, s.title() + ": " + r.protocol().id() + " negotiation", all);
    }

    /** The frontier of all outcomes, or an empty list (with a note) when it is beyond the analysis' limits. */
    private static List<FrontierPoint> frontier(Scenario s, PrintWriter err) {
        // the frontier of all outcomes, red lines ignored: analyze's paretoAll, without its zone count and diagnosis
        List<UtilityFunction> ufs = s.parties().stream().map(p -> p.profile().utility()).toList();
        try {
            return AgreementAnalysis.frontier(ufs, List.of(), AgreementAnalysis.Options.defaults().withListLimit(1)).points();
        } catch (AnalysisLimitException e) {
            err.println("note: --plot leaves out the Pareto frontier: " + e.getMessage());
            return List.of();
        }
    }

    /** The packages on the table, in trace order: offers, the mediator's texts, visible proposals. */
    static List<TraceEntry> packages(SessionResult r) {
        List<TraceEntry> out = new ArrayList<>();
        for (TraceEntry e : r.trace()) {
            if (e.outcome() != null && (e.action().equals("offer") || e.action().equals("text") || e.action().equals("propose"))) {
                out.add(e);
            }
        }
        return out;
    }

    /** The utility planes: one for two parties, every pair's for more. */
    static List<XYChart> planes(Scenario s, SessionResult r, List<FrontierPoint> front) {
        List<XYChart> charts = new ArrayList<>();
        for (int[] p : UtilityPlot.pairs(s.parties().size())) charts.add(plane(s, r, front, p[0], p[1], charts.isEmpty()));
        return charts;
    }

    private static XYChart plane(Scenario s, SessionResult r, List<FrontierPoint> front, int a, int b, boolean legend) {
        List<Party> parties = s.parties();
        String na = parties.get(a).name();
        String nb = parties.get(b).name();
        boolean bilateral = parties.size() == 2;
        String title = bilateral ? s.title() : na + " vs " + nb;
        if (r.protocol() == Protocol.TEST_THE_WATERS) title += " (no packages: test the waters)";
        XYChart chart = UtilityPlot.plane(title, na, nb, legend);
        List<TraceEntry> packages = packages(r);
        double lo = 0;
        double hi = 1;
        for (FrontierPoint p : front) { lo = Math.min(lo, Math.min(p.utility(a), p.utility(b))); hi = Math.max(hi, Math.max(p.utility(a), p.utility(b))); }
        for (TraceEntry e : packages) {
            lo = Math.min(lo, Math.min(e.utilities()[a], e.utilities()[b]));
            hi = Math.max(hi, Math.max(e.utilities()[a], e.utilities()[b]));
        }
        UtilityPlot.addFrontier(chart, front, a, b, bilateral);
        double ra = parties.get(a).profile().reservation();
        double rb = parties.get(b).profile().reservation();
        UtilityPlot.addLine(chart, "reservation of " + na, new double[] {ra, ra}, new double[] {lo, hi}, colour(a));
        UtilityPlot.addLine(chart, "reservation of " + nb, new double[] {lo, hi}, new double[] {rb, rb}, colour(b));
        int[] partyOf = partyIndexOfNegotiators(s);
        // one series per maker (the mediator is -1); repeated packages are drawn once
        for (int maker = -1; maker < partyOf.length; maker++) {
            Set<List<Double>> points = new LinkedHashSet<>();
            for (TraceEntry e : packages) if (e.party() == maker) points.add(List.of(e.utilities()[a], e.utilities()[b]));
            if (points.isEmpty()) continue;
            XYSeries series = chart.addSeries(makerLabel(s, r.protocol(), maker),
                    points.stream().mapToDouble(p -> p.get(0)).toArray(), points.stream().mapToDouble(p -> p.get(1)).toArray());
            Color c = maker < 0 ? MEDIATOR : colour(partyOf[maker]);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 150));
        }
        if (r.agreement().isPresent()) {
            XYSeries deal = chart.addSeries("agreement", new double[] {utility(s, a, r)}, new double[] {utility(s, b, r)});
            deal.setMarker(new Star());
            deal.setMarkerColor(Color.BLACK);
        }
        return chart;
    }

    /**
     * Every party's utility of each package over normalised time: per negotiator a line through its
     * own packages and faint triangles for everyone else's; per ratifier faint triangles for all
     * packages; under single text a line per negotiator through the mediator's texts; the agreement
     * as a star; reservation values as thin dotted lines. Test the waters: the probes' answers.
     */
    static XYChart timeChart(Scenario s, SessionResult r) {
        boolean probes = r.protocol() == Protocol.TEST_THE_WATERS;
        List<TraceEntry> packages = packages(r);
        String title = probes ? "Probe answers over time" : "Utility of each package on the table, over time";
        if (!probes && packages.isEmpty()) title += " (none was)";
        XYChart chart = new XYChartBuilder().width(TIME_WIDTH).height(UtilityPlot.CELL).title(title)
                .xAxisTitle("normalised time")
                .yAxisTitle(probes ? "answer: 1 = a zone exists, 0 = none" : "utility (dotted: reservation values)").build();
        XYStyler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setLegendFont(st.getLegendFont().deriveFont(10f));
        st.setMarkerSize(5);
        st.setXAxisMin(0.0);
        st.setXAxisMax(1.0);
        if (probes) {
            st.setYAxisMin(-0.1);
            st.setYAxisMax(1.1);
            st.setMarkerSize(10);
            addProbes(chart, r, "zone", "probe: a zone exists", 1, new Color(44, 160, 44));
            addProbes(chart, r, "no-zone", "probe: no zone", 0, new Color(214, 39, 40));
            return chart;
        }
        List<Party> parties = s.parties();
        // a fixed utility scale: the same in every picture, and one even when nothing was offered
        double lo = 0;
        double hi = 1;
        for (Party p : parties) { lo = Math.min(lo, p.profile().reservation()); hi = Math.max(hi, p.profile().reservation()); }
        for (TraceEntry e : packages) for (double u : e.utilities()) { lo = Math.min(lo, u); hi = Math.max(hi, u); }
        st.setYAxisMin(lo);
        st.setYAxisMax(hi);
        st.setLegendVisible(!packages.isEmpty());
        int[] partyOf = partyIndexOfNegotiators(s);
        int[] negotiatorOf = new int[parties.size()];
        Arrays.fill(negotiatorOf, -2);
        for (int j = 0; j < partyOf.length; j++) negotiatorOf[partyOf[j]] = j;
        String noun = switch (r.protocol()) {
            case BLIND -> "proposals";
            case SINGLE_TEXT -> "texts";
            default -> "offers";
        };
        for (int k = 0; k < parties.size(); k++) {
            Color c = colour(k);
            String name = parties.get(k).name();
            double res = parties.get(k).profile().reservation();
            XYSeries line = chart.addSeries("reservation of " + name, new double[] {0, 1}, new double[] {res, res});
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setLineColor(c);
            line.setLineStyle(new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {1.5f, 3f}, 0f));
            line.setMarker(SeriesMarkers.NONE);
            line.setShowInLegend(false);
            if (r.protocol() == Protocol.SINGLE_TEXT && parties.get(k).role() == Role.NEGOTIATOR) {
                addUtilityLine(chart, name, packages, k, e -> true, c, true);
            } else if (parties.get(k).role() == Role.RATIFIER) {
                addUtilityLine(chart, name + " (ratifier)", packages, k, e -> true, c, false);
            } else {
                int self = negotiatorOf[k];
                addUtilityLine(chart, name + ": own " + noun, packages, k, e -> e.party() == self, c, true);
                addUtilityLine(chart, name + ": others' " + noun, packages, k, e -> e.party() != self, c, false);
            }
        }
        if (r.agreement().isPresent()) {
            double[] x = new double[parties.size()];
            double[] y = new double[parties.size()];
            for (int k = 0; k < x.length; k++) { x[k] = r.time(); y[k] = utility(s, k, r); }
            XYSeries deal = chart.addSeries("agreement", x, y);
            deal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            deal.setMarker(new Star());
            deal.setMarkerColor(Color.BLACK);
        }
        return chart;
    }

    /** A line with markers (a party's own packages, or the texts), or faint markers alone (everyone else's). */
    private static void addUtilityLine(XYChart chart, String label, List<TraceEntry> packages, int k, Predicate<TraceEntry> which,
                                       Color c, boolean line) {
        List<TraceEntry> chosen = packages.stream().filter(which).toList();
        if (chosen.isEmpty()) return;
        // thin evenly, always keeping the last package: an SVG of 10^5 points helps nobody
        int stride = (chosen.size() + MAX_SERIES_POINTS - 1) / MAX_SERIES_POINTS;
        List<TraceEntry> kept = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i += stride) kept.add(chosen.get(i));
        if (kept.get(kept.size() - 1) != chosen.get(chosen.size() - 1)) kept.add(chosen.get(chosen.size() - 1));
        XYSeries s = chart.addSeries(label, kept.stream().mapToDouble(TraceEntry::time).toArray(),
                kept.stream().mapToDouble(e -> e.utilities()[k]).toArray());
        if (line) {
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineColor(c);
            s.setLineStyle(new BasicStroke(1.4f));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(c);
        } else {
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.TRIANGLE_DOWN);
            s.setMarkerColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 120));
        }
    }

    private static void addProbes(XYChart chart, SessionResult r, String action, String label, double y, Color c) {
        double[] times = r.trace().stream().filter(e -> e.action().equals(action)).mapToDouble(TraceEntry::time).toArray();
        if (times.length == 0) return;
        double[] ys = new double[times.length];
        Arrays.fill(ys, y);
        XYSeries s = chart.addSeries(label, times, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.DIAMOND);
        s.setMarkerColor(c);
    }

    /** For each negotiator (turn order), its index among all parties. */
    private static int[] partyIndexOfNegotiators(Scenario s) {
        List<Party> negotiators = s.negotiators();
        int[] out = new int[negotiators.size()];
        for (int j = 0; j < out.length; j++) out[j] = s.parties().indexOf(negotiators.get(j));
        return out;
    }

    private static String makerLabel(Scenario s, Protocol p, int maker) {
        if (maker < 0) return p == Protocol.SINGLE_TEXT ? "mediator's texts" : "protocol";
        String name = s.negotiators().get(maker).name();
        return (p == Protocol.BLIND ? "proposals by " : "offers by ") + name;
    }

    /** Party k's (undiscounted, as in the trace) utility of the agreement. */
    private static double utility(Scenario s, int k, SessionResult r) {
        return s.parties().get(k).profile().utility().utility(r.agreement().orElseThrow());
    }

    private static Color colour(int party) {
        return PALETTE[party % PALETTE.length];
    }

    /** A five-pointed star twice the size of the other markers: the agreement stands out. */
    private static final class Star extends Marker {
        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            double outer = size * 1.3;
            double inner = outer * 0.45;
            Path2D.Double star = new Path2D.Double();
            for (int i = 0; i < 10; i++) {
                double radius = i % 2 == 0 ? outer : inner;
                double angle = -Math.PI / 2 + i * Math.PI / 5;
                double px = x + radius * Math.cos(angle);
                double py = y + radius * Math.sin(angle);
                if (i == 0) star.moveTo(px, py); else star.lineTo(px, py);
            }
            star.closePath();
            g.fill(star);
        }
    }
}
