package org.pourparler.tournament;

import java.util.ArrayList;
import java.util.List;

/**
 * The results table as CSV text: one header line, then one line per {@link ResultRow}. Columns in
 * {@link #COLUMNS} order; numbers are written so that they read back bit for bit (NaN as empty);
 * texts are quoted when they hold a comma, quote or line break, and a text that a spreadsheet would
 * take for a formula gets a leading apostrophe (see {@link #field}); every text reads back as it was. Pure: the caller writes the text
 * (appending as negotiations complete) and reads it back to resume or report.
 */
public final class ResultsTable {
    /** Column names, also used for Parquet. */
    public static final List<String> COLUMNS = List.of("match", "scenario", "repetition", "seed", "protocol", "position", "party",
            "role", "agent", "opponents", "agreement", "outcome", "utility", "payoff", "advantage", "utilityAdvantage", "welfare",
            "utilityWelfare", "rounds", "time",
            "distancePareto", "distanceNash", "distanceKalaiSmorodinsky", "ending", "faultAgent", "fault");

    private ResultsTable() { }

    /** The header line, with its line break. */
    public static String header() {
        return String.join(",", COLUMNS) + "\n";
    }

    /**
     * The rows in canonical order: by negotiation id, then position. A finished run's file is written
     * in this order and every summary sums in it, so that 1 thread, many threads, Spark and a resumed
     * run give the same bytes whatever order the negotiations completed in.
     */
    public static List<ResultRow> canonical(List<ResultRow> rows) {
        List<ResultRow> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing(ResultRow::match).thenComparingInt(ResultRow::position));
        return sorted;
    }

    /** The lines of the rows, each with its line break. */
    public static String lines(List<ResultRow> rows) {
        StringBuilder b = new StringBuilder();
        for (ResultRow r : rows) {
            b.append(field(r.match())).append(',').append(field(r.scenario())).append(',').append(r.repetition()).append(',')
                    .append(r.seed()).append(',').append(field(r.protocol())).append(',').append(r.position()).append(',')
                    .append(field(r.party())).append(',').append(r.role()).append(',').append(field(r.agent())).append(',')
                    .append(field(r.opponents())).append(',').append(r.agreement()).append(',').append(field(r.outcome())).append(',')
                    .append(number(r.utility())).append(',').append(number(r.payoff())).append(',').append(number(r.advantage()))
                    .append(',').append(number(r.utilityAdvantage())).append(',').append(number(r.welfare())).append(',')
                    .append(number(r.utilityWelfare()))
                    .append(',').append(r.rounds()).append(',').append(number(r.time()))
                    .append(',').append(number(r.distancePareto())).append(',').append(number(r.distanceNash())).append(',')
                    .append(number(r.distanceKalaiSmorodinsky())).append(',').append(field(r.ending())).append(',')
                    .append(field(r.faultAgent())).append(',').append(field(r.fault())).append('\n');
        }
        return b.toString();
    }

    /**
     * Reads a results file's text. A last line without its line break (a run stopped while writing it)
     * is ignored, so an interrupted file still reads and resumes.
     *
     * @throws IllegalArgumentException naming the line when the text is not a results table
     */
    public static List<ResultRow> parse(String text) {
        List<List<String>> records = records(text);
        List<ResultRow> rows = new ArrayList<>();
        if (records.isEmpty()) return rows;
        if (!records.get(0).equals(COLUMNS)) {
            throw new IllegalArgumentException("line 1: not a results table: the header must be " + String.join(",", COLUMNS));
        }
        for (int i = 1; i < records.size(); i++) {
            List<String> f = records.get(i);
            if (f.size() != COLUMNS.size()) {
                throw new IllegalArgumentException("record " + (i + 1) + ": " + f.size() + " fields, expected " + COLUMNS.size());
            }
            try {
                rows.add(new ResultRow(f.get(0), f.get(1), Integer.parseInt(f.get(2)), Long.parseLong(f.get(3)), f.get(4),
                        Integer.parseInt(f.get(5)), f.get(6), f.get(7), f.get(8), f.get(9), Boolean.parseBoolean(f.get(10)), f.get(11),
                        parseNumber(f.get(12)), parseNumber(f.get(13)), parseNumber(f.get(14)), parseNumber(f.get(15)),
                        parseNumber(f.get(16)), parseNumber(f.get(17)), Integer.parseInt(f.get(18)),
                        parseNumber(f.get(19)), parseNumber(f.get(20)), parseNumber(f.get(21)), parseNumber(f.get(22)),
                        f.get(23), f.get(24), f.get(25)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("record " + (i + 1) + ": " + e.getMessage());
            }
        }
        return rows;
    }

    /** CSV records of complete lines (quoted fields may span lines). */
    private static List<List<String>> records(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(unescape(f.toString()));
                f.setLength(0);
            } else if (c == '\n') {
                fields.add(unescape(f.toString()));
                f.setLength(0);
                out.add(fields);
                fields = new ArrayList<>();
            } else if (c != '\r') {
                f.append(c);
            }
        }
        return out;    // an unterminated last record is dropped
    }

    /**
     * A CSV field: as it is, or double-quoted with quotes doubled when it holds a comma, quote or line
     * break. A text beginning with {@code = + - @}, a tab or a carriage return would run as a formula
     * when the file is opened in a spreadsheet (CSV injection), so it gets a leading apostrophe, which
     * spreadsheets show as "text"; a text that itself begins with an apostrophe gets one more, so
     * {@link #parse} strips exactly one and every text reads back as it was. Numbers never pass here.
     */
    public static String field(String s) {
        if (!s.isEmpty() && "=+-@\t\r'".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** A field as written by {@link #field}, without its formula guard (numbers and booleans never begin with an apostrophe). */
    private static String unescape(String s) {
        return s.startsWith("'") ? s.substring(1) : s;
    }

    private static String number(double d) {
        return Double.isNaN(d) ? "" : Double.toString(d);
    }

    private static double parseNumber(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
