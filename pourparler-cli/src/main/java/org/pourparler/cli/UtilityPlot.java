package org.pourparler.cli;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.pourparler.analysis.AgreementAnalysis;
import org.pourparler.analysis.FrontierPoint;
import org.pourparler.model.Domain;
import org.pourparler.model.Party;
import org.pourparler.model.Scenario;

/**
 * The analysis in pictures: for two parties the utility plane (outcomes, frontier, agreement zone,
 * reservation lines, solutions); for more, a matrix of pairwise planes. SVG or PNG by file name.
 * Its package-private helpers (file type, pairs and grid, styled plane, frontier, composing several
 * charts into one SVG or PNG) are shared with {@link SessionPlot}.
 */
final class UtilityPlot {
    static final int MAX_POINTS = 20_000;
    /** Side of one utility plane, in pixels. */
    static final int CELL = 560;

    private UtilityPlot() { }

    static void write(AgreementAnalysis.Report report, Path file) throws Main.UserException {
        boolean svg = isSvg(file, "--plot");
        Scenario s = report.scenario();
        int n = s.parties().size();
        if (n < 2) throw new Main.UserException("--plot needs at least two parties, but the scenario has " + n);
        double[][] cloud = sample(s);
        List<int[]> pairs = pairs(n);
        int cols = columns(pairs.size());
        int rows = (pairs.size() + cols - 1) / cols;
        List<XYChart> charts = new ArrayList<>();
        for (int[] p : pairs) charts.add(chart(report, cloud, p[0], p[1], charts.isEmpty()));
        writeImage(file, "--plot", svg, cols * CELL, rows * CELL, g -> paintGrid(g, charts, cols),
                s.title() + ": utility " + (n == 2 ? "plane" : "planes"), charts);
    }

    /**
     * Whether the file is to be an SVG (true) or a PNG (false), by its name's ending.
     *
     * @throws Main.UserException naming the option when the ending is neither
     */
    static boolean isSvg(Path file, String option) throws Main.UserException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) return true;
        if (name.endsWith(".png")) return false;
        throw new Main.UserException(file + ": " + option + " needs a file name ending in .svg or .png");
    }

    /** Every pair of parties {a, b} with a &lt; b, in order: the cells of a matrix of utility planes. */
    static List<int[]> pairs(int n) {
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < n; a++) for (int b = a + 1; b < n; b++) pairs.add(new int[] {a, b});
        return pairs;
    }

    /** Columns of the (nearly square) grid that holds this many cells. */
    static int columns(int cells) {
        return (int) Math.ceil(Math.sqrt(cells));
    }

    /** Paints the charts in a grid of {@link #CELL}-sized cells, row by row from the top left. */
    static void paintGrid(Graphics2D g, List<XYChart> charts, int cols) {
        for (int c = 0; c < charts.size(); c++) paintAt(g, charts.get(c), (c % cols) * CELL, (c / cols) * CELL, CELL, CELL);
    }

    /** Paints one chart into the rectangle at (x, y) of the given size. */
    static void paintAt(Graphics2D g, XYChart chart, int x, int y, int width, int height) {
        Graphics2D cell = (Graphics2D) g.create(x, y, width, height);
        chart.paint(cell, width, height);
        cell.dispose();
    }

    /**
     * Writes one picture of the given size, painted by {@code painter}, as SVG (vector, every chart
     * on one VectorGraphics2D canvas) or PNG. An SVG gets a {@code <title>} and a {@code <desc>}
     * naming its charts, since its text is drawn as outlines. Creates missing folders.
     *
     * @throws Main.UserException naming the option and the file when it cannot be written
     */
    static void writeImage(Path file, String option, boolean svg, int width, int height, Consumer<Graphics2D> painter,
                           String title, List<XYChart> charts) throws Main.UserException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            if (svg) {
                VectorGraphics2D g = new VectorGraphics2D();
                painter.accept(g);
                Processor processor = Processors.get("svg");
                Document doc = processor.getDocument(g.getCommands(), new PageSize(0, 0, width, height));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                doc.writeTo(bytes);
                String text = withTitle(bytes.toString(StandardCharsets.UTF_8), title,
                        charts.stream().map(c -> c.getTitle()).filter(t -> t != null && !t.isEmpty()).toList());
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } else {
                BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                painter.accept(g);
                g.dispose();
                try (OutputStream out = Files.newOutputStream(file)) {
                    ImageIO.write(img, "png", out);
                }
            }
        } catch (IOException e) {
            throw new Main.UserException("cannot write " + option + " " + file + ": " + reason(e));
        }
    }

    /** A readable cause: the JDK's file-system exceptions carry only the path in their message. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileAlreadyExistsException x) return x.getFile() + " exists and is not a folder";
        if (e instanceof NoSuchFileException x) return "no such file or folder " + x.getFile();
        if (e instanceof FileSystemException x && x.getReason() != null) return x.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Adds a title and a description after the opening svg tag. */
    private static String withTitle(String svg, String title, List<String> chartTitles) {
        int open = svg.indexOf("<svg");
        int end = open < 0 ? -1 : svg.indexOf('>', open);
        if (end < 0) return svg;
        String meta = "\n  <title>" + xml(title) + "</title>\n  <desc>" + xml(String.join("; ", chartTitles)) + "</desc>";
        return svg.substring(0, end + 1) + meta + svg.substring(end + 1);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** An empty utility plane of party a (x) against party b (y), styled like every plane. */
    static XYChart plane(String title, String na, String nb, boolean legend) {
        XYChart chart = new XYChartBuilder().width(CELL).height(CELL).title(title)
                .xAxisTitle("utility of " + na).yAxisTitle("utility of " + nb).build();
        Styler st = chart.getStyler();
        st.setLegendPosition(Styler.LegendPosition.InsideSW);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setLegendVisible(legend);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendFont(st.getLegendFont().deriveFont(10f));
        return chart;
    }

    /**
     * The Pareto frontier projected on the plane of a and b: a line through the points for two
     * parties, the Pareto-optimal points (not a frontier in the projection) for more.
     */
    static void addFrontier(XYChart chart, List<FrontierPoint> front, int a, int b, boolean bilateral) {
        if (front.isEmpty()) return;
        XYSeries f = chart.addSeries(bilateral ? "Pareto frontier" : "Pareto-optimal outcomes",
                front.stream().mapToDouble(p -> p.utility(a)).toArray(), front.stream().mapToDouble(p -> p.utility(b)).toArray());
        if (bilateral) {
            f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            f.setLineColor(Color.BLACK);
        }
        f.setMarkerColor(Color.BLACK);
        f.setMarker(SeriesMarkers.DIAMOND);
    }

    /** Utility vectors of every outcome, or of a seeded uniform sample when there are too many. */
    private static double[][] sample(Scenario s) {
        Domain d = s.domain();
        List<Party> parties = s.parties();
        boolean all = d.isEnumerable(MAX_POINTS);
        int count = all ? (int) d.outcomeCountExact() : MAX_POINTS;
        // rows 0..n-1: utilities; row n: 1 when the outcome is in the agreement zone
        double[][] u = new double[parties.size() + 1][count];
        SplittableRandom random = new SplittableRandom(1);
        int[] sizes = d.sizes();
        int[] o = new int[sizes.length];
        for (int j = 0; j < count; j++) {
            if (all) d.outcomeAt(j, o);
            else for (int i = 0; i < sizes.length; i++) o[i] = random.nextInt(sizes[i]);
            boolean zone = true;
            for (int k = 0; k < parties.size(); k++) {
                u[k][j] = parties.get(k).profile().utility().utility(o);
                zone &= parties.get(k).profile().accepts(o);
            }
            u[parties.size()][j] = zone ? 1 : 0;
        }
        return u;
    }

    private static XYChart chart(AgreementAnalysis.Report r, double[][] cloud, int a, int b, boolean legend) {
        Scenario s = r.scenario();
        String na = s.parties().get(a).name();
        String nb = s.parties().get(b).name();
        boolean sampled = !s.domain().isEnumerable(MAX_POINTS);
        XYChart chart = plane(s.parties().size() == 2 ? s.title() : na + " vs " + nb, na, nb, legend);
        double lo = 0;
        double hi = 1;
        for (int k = 0; k < cloud.length - 1; k++) for (double v : cloud[k]) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        // the zone: the quadrant above both reservation lines (shaded), then the outcomes on top
        double ra = r.reservation(a);
        double rb = r.reservation(b);
        if (r.zone().exists()) {
            // XChart fills an area down to the bottom of the plot: fill the columns right of the first
            // reservation line in green, then mask the part below the second reservation line in white
            chart.getStyler().setPlotBackgroundColor(Color.WHITE);
            XYSeries zone = chart.addSeries(s.parties().size() == 2 ? "agreement zone" : "both above reservation",
                    new double[] {ra, hi}, new double[] {hi, hi});
            zone.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            zone.setFillColor(new Color(46, 160, 67, 45));
            zone.setLineColor(new Color(46, 160, 67, 120));
            zone.setMarker(SeriesMarkers.NONE);
            XYSeries mask = chart.addSeries(" ", new double[] {ra, hi}, new double[] {rb, rb});
            mask.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            mask.setFillColor(Color.WHITE);
            mask.setLineColor(Color.WHITE);
            mask.setMarker(SeriesMarkers.NONE);
            mask.setShowInLegend(false);
        }
        XYSeries outcomes = chart.addSeries(sampled ? "outcomes (sample of " + MAX_POINTS + ")" : "outcomes", cloud[a], cloud[b]);
        outcomes.setMarkerColor(new Color(120, 120, 120, 90));
        outcomes.setMarker(SeriesMarkers.CIRCLE);
        double[] zoneRow = cloud[cloud.length - 1];
        int inZone = 0;
        for (double z : zoneRow) if (z > 0) inZone++;
        if (inZone > 0) {
            double[] zx = new double[inZone];
            double[] zy = new double[inZone];
            for (int j = 0, q = 0; j < zoneRow.length; j++) {
                if (zoneRow[j] > 0) { zx[q] = cloud[a][j]; zy[q++] = cloud[b][j]; }
            }
            XYSeries z = chart.addSeries("outcomes in the agreement zone", zx, zy);
            z.setMarkerColor(new Color(20, 130, 40));
            z.setMarker(SeriesMarkers.CIRCLE);
        }
        addLine(chart, "reservation of " + na, new double[] {ra, ra}, new double[] {lo, hi}, new Color(200, 80, 80));
        addLine(chart, "reservation of " + nb, new double[] {lo, hi}, new double[] {rb, rb}, new Color(80, 80, 200));
        addFrontier(chart, r.paretoAll().points(), a, b, s.parties().size() == 2);
        addSolution(chart, "Nash", r.solutions().nash(), a, b, new Color(230, 120, 0), SeriesMarkers.SQUARE);
        addSolution(chart, "Kalai–Smorodinsky", r.solutions().kalaiSmorodinsky(), a, b, new Color(150, 0, 180), SeriesMarkers.TRIANGLE_UP);
        addSolution(chart, "egalitarian", r.solutions().egalitarian(), a, b, new Color(0, 140, 200), SeriesMarkers.TRIANGLE_DOWN);
        addSolution(chart, "utilitarian", r.solutions().utilitarian(), a, b, new Color(200, 0, 60), SeriesMarkers.CROSS);
        return chart;
    }

    /** A dashed line without markers. */
    static void addLine(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        s.setMarker(SeriesMarkers.NONE);
    }

    private static void addSolution(XYChart chart, String name, List<FrontierPoint> points, int a, int b, Color color,
                                    org.knowm.xchart.style.markers.Marker marker) {
        if (points.isEmpty()) return;
        XYSeries s = chart.addSeries(name, points.stream().mapToDouble(p -> p.utility(a)).toArray(),
                points.stream().mapToDouble(p -> p.utility(b)).toArray());
        s.setMarker(marker);
        s.setMarkerColor(color);
    }
}
