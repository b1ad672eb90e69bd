package org.pourparler.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.pourparler.tournament.ResultsTable;

/**
 * A {@link Ranking} as text: for the terminal ({@link #TEXT}), a spreadsheet ({@link #CSV}, the
 * ranking table only, as in ranking.csv), a README ({@link #MARKDOWN}), a paper ({@link #LATEX}) or
 * a program ({@link #JSON}, everything: standings, pairwise means, paired tests, per-scenario cells).
 * The human formats round to 4 decimals; CSV and JSON keep every bit. Undefined numbers (NaN) are
 * "n/a" in the human formats, empty in CSV and {@code null} in JSON. The {@code *Csv} methods give
 * the report files' contents.
 */
public enum ReportFormat {
    TEXT, CSV, MARKDOWN, LATEX, JSON;

    /** The format named {@code name} (text, csv, markdown, latex, json), ignoring case. */
    public static ReportFormat of(String name) {
        for (ReportFormat f : values()) if (f.name().equalsIgnoreCase(name)) return f;
        throw new IllegalArgumentException("unknown report format '" + name + "'; the formats are text, csv, markdown, latex, json");
    }

    /** The ranking rendered in this format, ending with a line break. */
    public String render(Ranking r) {
        return switch (this) {
            case TEXT -> text(r);
            case CSV -> rankingCsv(r);
            case MARKDOWN -> markdown(r);
            case LATEX -> latex(r);
            case JSON -> json(r);
        };
    }

    private static final String TESTS = "Paired by scenario: Wilcoxon signed-rank test, two-sided; p corrected for %d comparisons (Holm)";

    private static String summary(Ranking r) {
        return String.format(Locale.ROOT, "%d negotiations (%d independent), %d agents; by mean %s over scenarios, 95%% t interval over scenarios",
                r.negotiations(), r.units(), r.standings().size(), r.metric());
    }

    private static String text(Ranking r) {
        StringBuilder b = new StringBuilder(summary(r)).append('\n');
        b.append(String.format(Locale.ROOT, "%-4s %-24s %7s %7s %9s %22s %10s %8s %8s %6s%n", "rank", "agent", "rows", "units", "scenarios",
                r.metric() + " (95% CI)", "agreement", "payoff", "welfare", "faults"));
        int rank = 1;
        for (Ranking.Standing s : r.standings()) {
            b.append(String.format(Locale.ROOT, "%-4d %-24s %7d %7d %9d %22s %9s%% %8s %8s %6d%n", rank++, s.agent(), s.rows(), s.units(),
                    s.scenarios(), human(s.mean()) + " ± " + human(s.ci95()), human(100 * s.agreementRate(), 1), human(s.meanPayoff()),
                    human(s.meanWelfare()), s.faults()));
        }
        if (!r.comparisons().isEmpty()) {
            b.append('\n').append(String.format(Locale.ROOT, TESTS, r.comparisons().size())).append('\n');
            b.append(String.format(Locale.ROOT, "%-24s %-24s %9s %11s %8s %8s%n", "agent", "other", "scenarios", "difference", "p", "p (Holm)"));
            for (Ranking.Comparison c : r.comparisons()) {
                b.append(String.format(Locale.ROOT, "%-24s %-24s %9d %11s %8s %8s%n", c.agent(), c.other(), c.scenarios(),
                        human(c.meanDifference()), human(c.p()), human(c.pHolm())));
            }
        }
        return b.toString();
    }

    private static String markdown(Ranking r) {
        StringBuilder b = new StringBuilder(summary(r)).append(".\n\n");
        b.append("| rank | agent | rows | units | scenarios | ").append(r.metric()).append(" | 95% CI ± | agreement | payoff | welfare | faults |\n");
        b.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        int rank = 1;
        for (Ranking.Standing s : r.standings()) {
            b.append("| ").append(rank++).append(" | ").append(md(s.agent())).append(" | ").append(s.rows()).append(" | ").append(s.units())
                    .append(" | ").append(s.scenarios()).append(" | ").append(human(s.mean())).append(" | ").append(human(s.ci95()))
                    .append(" | ").append(human(100 * s.agreementRate(), 1)).append("% | ").append(human(s.meanPayoff())).append(" | ")
                    .append(human(s.meanWelfare())).append(" | ").append(s.faults()).append(" |\n");
        }
        if (!r.comparisons().isEmpty()) {
            b.append('\n').append(String.format(Locale.ROOT, TESTS, r.comparisons().size())).append(".\n\n");
            b.append("| agent | other | scenarios | difference | p | p (Holm) |\n|---|---|---:|---:|---:|---:|\n");
            for (Ranking.Comparison c : r.comparisons()) {
                b.append("| ").append(md(c.agent())).append(" | ").append(md(c.other())).append(" | ").append(c.scenarios()).append(" | ")
                        .append(human(c.meanDifference())).append(" | ").append(human(c.p())).append(" | ").append(human(c.pHolm())).append(" |\n");
            }
        }
        return b.toString();
    }

    private static String latex(Ranking r) {
        StringBuilder b = new StringBuilder("% ").append(summary(r)).append('\n');
        b.append("\\begin{tabular}{rlrrrrrrrr}\n\\hline\n");
        b.append("rank & agent & rows & units & scenarios & ").append(tex(r.metric()))
                .append(" & 95\\% CI $\\pm$ & agreement & payoff & welfare \\\\\n\\hline\n");
        int rank = 1;
        for (Ranking.Standing s : r.standings()) {
            b.append(rank++).append(" & ").append(tex(s.agent())).append(" & ").append(s.rows()).append(" & ").append(s.units()).append(" & ")
                    .append(s.scenarios()).append(" & ").append(tex(human(s.mean()))).append(" & ").append(tex(human(s.ci95()))).append(" & ")
                    .append(tex(human(100 * s.agreementRate(), 1))).append("\\% & ").append(tex(human(s.meanPayoff()))).append(" & ")
                    .append(tex(human(s.meanWelfare()))).append(" \\\\\n");
        }
        b.append("\\hline\n\\end{tabular}\n");
        if (!r.comparisons().isEmpty()) {
            b.append("\n% ").append(String.format(Locale.ROOT, TESTS, r.comparisons().size())).append('\n');
            b.append("\\begin{tabular}{llrrrr}\n\\hline\nagent & other & scenarios & difference & $p$ & $p$ (Holm) \\\\\n\\hline\n");
            for (Ranking.Comparison c : r.comparisons()) {
                b.append(tex(c.agent())).append(" & ").append(tex(c.other())).append(" & ").append(c.scenarios()).append(" & ")
                        .append(tex(human(c.meanDifference()))).append(" & ").append(tex(human(c.p()))).append(" & ")
                        .append(tex(human(c.pHolm()))).append(" \\\\\n");
            }
            b.append("\\hline\n\\end{tabular}\n");
        }
        return b.toString();
    }

    private static String json(Ranking r) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("format", "pourparler-report/1");
        root.put("metric", r.metric());
        root.put("negotiations", r.negotiations());
        root.put("units", r.units());
        ArrayNode standings = root.putArray("standings");
        int rank = 1;
        for (Ranking.Standing s : r.standings()) {
            ObjectNode n = standings.addObject();
            n.put("rank", rank++);
            n.put("agent", s.agent());
            n.put("rows", s.rows());
            n.put("units", s.units());
            n.put("scenarios", s.scenarios());
            number(n, "mean", s.mean());
            number(n, "ci95", s.ci95());
            number(n, "agreementRate", s.agreementRate());
            number(n, "meanPayoff", s.meanPayoff());
            number(n, "meanWelfare", s.meanWelfare());
            n.put("faults", s.faults());
        }
        ArrayNode pairwise = root.putArray("pairwise");
        for (int i = 0; i < r.agents().size(); i++) {
            for (int j = 0; j < r.agents().size(); j++) {
                if (Double.isNaN(r.pairwise(i, j))) continue;
                ObjectNode n = pairwise.addObject();
                n.put("agent", r.agents().get(i));
                n.put("opponent", r.agents().get(j));
                number(n, "mean", r.pairwise(i, j));
            }
        }
        ArrayNode tests = root.putArray("comparisons");
        for (Ranking.Comparison c : r.comparisons()) {
            ObjectNode n = tests.addObject();
            n.put("agent", c.agent());
            n.put("other", c.other());
            n.put("scenarios", c.scenarios());
            number(n, "meanDifference", c.meanDifference());
            number(n, "statistic", c.statistic());
            number(n, "p", c.p());
            number(n, "pHolm", c.pHolm());
        }
        ArrayNode cells = root.putArray("scenarios");
        for (Ranking.Cell c : r.cells()) {
            ObjectNode n = cells.addObject();
            n.put("scenario", c.scenario());
            n.put("agent", c.agent());
            n.put("units", c.units());
            n.put("rows", c.rows());
            ObjectNode means = n.putObject("means");
            for (int k = 0; k < r.metrics().size(); k++) number(means, r.metrics().get(k), c.means().get(k));
        }
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render the report as JSON", e);
        }
    }

    private static void number(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) n.put(key, v); else n.putNull(key);
    }

    /** ranking.csv: one line per agent, best first. */
    public static String rankingCsv(Ranking r) {
        StringBuilder b = new StringBuilder("rank,agent,rows,units,scenarios,metric,mean,ci95,agreementRate,meanPayoff,meanWelfare,faults\n");
        int rank = 1;
        for (Ranking.Standing s : r.standings()) {
            b.append(rank++).append(',').append(ResultsTable.field(s.agent())).append(',').append(s.rows()).append(',').append(s.units())
                    .append(',').append(s.scenarios()).append(',').append(r.metric()).append(',').append(exact(s.mean())).append(',')
                    .append(exact(s.ci95())).append(',').append(exact(s.agreementRate())).append(',').append(exact(s.meanPayoff()))
                    .append(',').append(exact(s.meanWelfare())).append(',').append(s.faults()).append('\n');
        }
        return b.toString();
    }

    /** pairwise.csv: the mean of the metric of the row agent against the column agent. */
    public static String pairwiseCsv(Ranking r) {
        StringBuilder b = new StringBuilder("agent \\ opponent");
        for (String a : r.agents()) b.append(',').append(ResultsTable.field(a));
        b.append('\n');
        for (int i = 0; i < r.agents().size(); i++) {
            b.append(ResultsTable.field(r.agents().get(i)));
            for (int j = 0; j < r.agents().size(); j++) b.append(',').append(exact(r.pairwise(i, j)));
            b.append('\n');
        }
        return b.toString();
    }

    /** comparisons.csv: every pair of agents, paired by scenario. */
    public static String comparisonsCsv(Ranking r) {
        StringBuilder b = new StringBuilder("agent,other,metric,scenarios,meanDifference,wilcoxonStatistic,p,pHolm\n");
        for (Ranking.Comparison c : r.comparisons()) {
            b.append(ResultsTable.field(c.agent())).append(',').append(ResultsTable.field(c.other())).append(',').append(r.metric()).append(',')
                    .append(c.scenarios()).append(',').append(exact(c.meanDifference())).append(',').append(exact(c.statistic())).append(',')
                    .append(exact(c.p())).append(',').append(exact(c.pHolm())).append('\n');
        }
        return b.toString();
    }

    /** scenarios.csv: per scenario and agent, the mean of every metric column. */
    public static String cellsCsv(Ranking r) {
        StringBuilder b = new StringBuilder("scenario,agent,units,rows");
        for (String m : r.metrics()) b.append(',').append(m);
        b.append('\n');
        for (Ranking.Cell c : r.cells()) {
            b.append(ResultsTable.field(c.scenario())).append(',').append(ResultsTable.field(c.agent())).append(',').append(c.units()).append(',')
                    .append(c.rows());
            for (double m : c.means()) b.append(',').append(exact(m));
            b.append('\n');
        }
        return b.toString();
    }

    private static String exact(double d) {
        return Double.isNaN(d) ? "" : Double.toString(d);
    }

    private static String human(double d) {
        return human(d, 4);
    }

    private static String human(double d, int decimals) {
        return Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", d);
    }

    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }

    private static String tex(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> b.append('\\').append(c);
                case '~' -> b.append("\\textasciitilde{}");
                case '^' -> b.append("\\textasciicircum{}");
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
