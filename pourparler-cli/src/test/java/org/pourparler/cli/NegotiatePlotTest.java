package org.pourparler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pourparler.cli.CliTest.example;
import static org.pourparler.cli.CliTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.pourparler.agents.Agents;
import org.pourparler.analysis.FrontierPoint;
import org.pourparler.io.Scenarios;
import org.pourparler.model.Scenario;
import org.pourparler.negotiation.Deadline;
import org.pourparler.negotiation.Protocol;
import org.pourparler.negotiation.Session;
import org.pourparler.negotiation.SessionResult;
import org.pourparler.negotiation.TraceEntry;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** {@code negotiate --plot} and the protocols from the command line. */
class NegotiatePlotTest {

    @Test
    void svgHoldsThePlaneAndTheTimeChartSideBySide(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("session.svg");
        CliTest.Run r = run("negotiate", example("supplier-deal.yaml").toString(), "--agents", "boulware,conceder", "--plot", svg.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("wrote " + svg);
        String text = Files.readString(svg);
        // well-formed XML whose root is an svg of the composed size
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        SessionPlot.Layout layout = SessionPlot.Layout.of(2);
        assertThat(layout.width()).isEqualTo(UtilityPlot.CELL + SessionPlot.TIME_WIDTH);
        assertThat(doc.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 " + layout.width() + " " + layout.height());
        // both charts' titles (text is drawn as outlines, so the SVG names its charts in <desc>)
        String desc = doc.getElementsByTagName("desc").item(0).getTextContent();
        assertThat(desc).contains("Supplier deal").contains("Utility of each package on the table, over time");
        // and the time chart is painted in its own place, right of the plane
        assertThat(text).contains("translate(" + layout.timeX() + " 0)");
    }

    @Test
    void pngOfAThreePartySessionPutsTheTimeChartInTheFreeCell(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("out/labour.png");
        CliTest.Run r = run("negotiate", example("labour-contract.yaml").toString(), "--agents", "boulware,conceder", "--plot", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).isNotNull();
        // three parties (a ratifier too): three planes in a 2 x 2 grid, the time chart in the fourth cell
        SessionPlot.Layout layout = SessionPlot.Layout.of(3);
        assertThat(img.getWidth()).isEqualTo(2 * UtilityPlot.CELL).isEqualTo(layout.width());
        assertThat(img.getHeight()).isEqualTo(2 * UtilityPlot.CELL);
        assertThat(layout.timeX()).isEqualTo(UtilityPlot.CELL);
        assertThat(layout.timeY()).isEqualTo(UtilityPlot.CELL);
        // every cell holds a chart with coloured series, the time chart included
        for (int cx = 0; cx < 2; cx++) {
            for (int cy = 0; cy < 2; cy++) {
                assertThat(colouredPixels(img, cx * UtilityPlot.CELL, cy * UtilityPlot.CELL, UtilityPlot.CELL)).as("cell %d,%d", cx, cy)
                        .isGreaterThan(300);
            }
        }
    }

    @Test
    void eachPartysPackagesAreItsOwnSeries() throws Exception {
        Scenario s = Scenarios.read(example("labour-contract.yaml"), null).scenario();
        SessionResult r = Session.run(s, List.of(Agents.create("boulware"), Agents.create("conceder")), Deadline.rounds(60),
                Session.Options.defaults());
        List<TraceEntry> packages = SessionPlot.packages(r);
        long byUnion = packages.stream().filter(e -> e.party() == 0).count();
        assertThat(byUnion).isPositive();
        XYChart time = SessionPlot.timeChart(s, r);
        Map<String, XYSeries> series = time.getSeriesMap();
        assertThat(series).containsKeys("union: own offers", "union: others' offers", "hospital group: own offers",
                "hospital group: others' offers", "union members (ratifier)");
        assertThat(series.get("union: own offers").getXData()).hasSize((int) byUnion);
        assertThat(series.get("union members (ratifier)").getXData()).hasSize(packages.size());
        // the union's own offers are plotted at its utility of them
        TraceEntry first = packages.stream().filter(e -> e.party() == 0).findFirst().orElseThrow();
        assertThat(series.get("union: own offers").getYData()[0]).isEqualTo(first.utilities()[0]);
        assertThat(series.containsKey("agreement")).isEqualTo(r.agreement().isPresent());

        List<FrontierPoint> front = List.of(new FrontierPoint(new double[] {1, 0.5, 0.2}, java.math.BigInteger.ONE, List.of()));
        List<XYChart> planes = SessionPlot.planes(s, r, front);
        assertThat(planes).hasSize(3);
        assertThat(planes.get(0).getTitle()).isEqualTo("union vs hospital group");
        assertThat(planes.get(0).getSeriesMap()).containsKeys("offers by union", "offers by hospital group",
                "reservation of union", "reservation of hospital group", "Pareto-optimal outcomes");
    }

    @Test
    void eachProtocolRunsFromTheCommandLine() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String p : new String[] {"alternating", "single-text", "blind", "test-the-waters"}) {
            CliTest.Run r = run("negotiate", example("supplier-deal.yaml").toString(), "--agents", "boulware,conceder",
                    "--protocol", p, "--format", "json");
            assertThat(r.code()).as(p + ": " + r.err()).isZero();
            JsonNode j = json.readTree(r.out());
            assertThat(j.get("protocol").asText()).isEqualTo(p);
            assertThat(j.has("agreement")).as(p).isTrue();
            assertThat(j.has("zoneExists")).as(p).isEqualTo(p.equals("test-the-waters"));
            assertThat(j.get("results")).as(p).hasSize(2);
            if (j.get("agreement").isNull()) {
                assertThat(j.get("metrics").get("distanceNash").isNull()).as(p).isTrue();
            } else {
                assertThat(j.get("metrics").get("distanceNash").isNumber()).as(p).isTrue();
                assertThat(j.get("ending").asText()).isEqualTo("agreement");
            }
        }
        CliTest.Run ttw = run("negotiate", example("supplier-deal.yaml").toString(), "--agents", "boulware,conceder",
                "--protocol", "test-the-waters", "--format", "json");
        JsonNode t = json.readTree(ttw.out());
        assertThat(t.get("agreement").isNull()).isTrue();
        assertThat(t.get("zoneExists").isBoolean()).isTrue();
        // three negotiators and two ratifiers under a mediator
        CliTest.Run multi = run("negotiate", example("ukraine-2024-feelers.yaml").toString(), "--agents", "boulware,conceder,linear",
                "--protocol", "single-text", "--format", "json");
        assertThat(multi.code()).as(multi.err()).isZero();
        assertThat(json.readTree(multi.out()).get("utilities")).hasSize(5);
    }

    @Test
    void testTheWatersPlotsTheFrontierAndTheProbesAndSaysSo(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("ttw.png");
        CliTest.Run r = run("negotiate", example("supplier-deal.yaml").toString(), "--agents", "boulware,conceder",
                "--protocol", "test-the-waters", "--plot", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("test-the-waters puts no package on the table");
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(UtilityPlot.CELL + SessionPlot.TIME_WIDTH);
    }

    @Test
    void badPlotOptionsAndProbesAreUserErrors(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("x.gif");
        CliTest.Run ext = run("negotiate", example("supplier-deal.yaml").toString(), "--agents", "boulware,conceder", "--plot", gif.toString());
        assertThat(ext.code()).isEqualTo(2);
        assertThat(ext.err()).contains("--plot").contains(".svg or .png").doesNotContain("\tat ");
        assertThat(ext.out()).as("refused before the session runs").isEmpty();
        assertThat(gif).doesNotExist();

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliTest.Run unwritable = run("negotiate", example("supplier-deal.yaml").toString(), "--agents", "boulware,conceder",
                "--plot", file.resolve("plot.svg").toString());
        assertThat(unwritable.code()).isEqualTo(2);
        assertThat(unwritable.err()).contains("cannot write --plot").contains("a-file").doesNotContain("\tat ");

        CliTest.Run probes = run("negotiate", example("supplier-deal.yaml").toString(), "--agents", "boulware,conceder",
                "--protocol", "test-the-waters", "--probes", "0");
        assertThat(probes.code()).isEqualTo(2);
        assertThat(probes.err()).contains("--probes").contains("probes must be >= 1, but was 0").doesNotContain("\tat ");
    }

    /** Pixels in the square at (x, y) whose colour is clearly not grey: drawn series, not axes or text. */
    private static int colouredPixels(BufferedImage img, int x, int y, int size) {
        int n = 0;
        for (int i = x; i < x + size; i++) {
            for (int j = y; j < y + size; j++) {
                int rgb = img.getRGB(i, j);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) n++;
            }
        }
        return n;
    }
}
