package org.pourparler.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pourparler.tournament.ResultRow;
import org.pourparler.tournament.ResultsTable;

/**
 * The independent units of a tournament's results. The repetitions of one pairing (same scenario,
 * same agent in every position) whose rows are identical apart from the negotiation's id, repetition,
 * and seed are one unit, not several: deterministic agents replay the same
 * negotiation, and counting its copies as independent would narrow every interval for free.
 * Repetitions that differ (agents that draw from the seed) stay distinct units.
 *
 * <p>Rows are taken in canonical order ({@link ResultsTable#canonical}), so the units and every sum
 * over them do not depend on the order in which negotiations completed.
 *
 * @param negotiations the negotiations in the rows
 * @param units        one negotiation's rows (in position order) per unit, in canonical order
 */
record Units(int negotiations, List<List<ResultRow>> units) {

    /** Which pairing a negotiation is: its scenario and the agent in each position (empty for a ratifier). */
    private record Pairing(String scenario, List<String> agents) { }

    static Units of(List<ResultRow> rows) {
        Map<String, List<ResultRow>> byMatch = new LinkedHashMap<>();
        for (ResultRow r : ResultsTable.canonical(rows)) byMatch.computeIfAbsent(r.match(), k -> new ArrayList<>()).add(r);
        Map<Pairing, java.util.Set<List<List<Object>>>> distinct = new LinkedHashMap<>();
        List<List<ResultRow>> units = new ArrayList<>();
        for (List<ResultRow> negotiation : byMatch.values()) {
            Pairing p = new Pairing(negotiation.get(0).scenario(), negotiation.stream().map(ResultRow::agent).toList());
            List<List<Object>> content = negotiation.stream().map(Units::content).toList();
            if (!distinct.computeIfAbsent(p, k -> new java.util.HashSet<>()).add(content)) continue;
            units.add(List.copyOf(negotiation));
        }
        return new Units(byMatch.size(), List.copyOf(units));
    }

    private static final java.util.Set<String> COORDINATES = java.util.Set.of("match", "repetition", "seed");

    /** A row's values without what differs between identical repetitions (whatever columns the row has). */
    private static List<Object> content(ResultRow r) {
        return Columns.valuesExcept(r, COORDINATES);
    }
}
