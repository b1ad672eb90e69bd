package org.pourparler.spark;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.pourparler.tournament.LocalRunner;
import org.pourparler.tournament.Match;
import org.pourparler.tournament.ResultRow;
import org.pourparler.tournament.Tournament;

/**
 * Plays one slice of a tournament's negotiations on an executor. It loads the tournament once for the
 * slice (a {@link Tournament} is not serialisable, and loading it also caches each scenario's analysis)
 * and runs the slice through {@link LocalRunner} with one thread, so faults and hangs are handled as in
 * a local run.
 */
final class PlaySlice implements FlatMapFunction<Iterator<String>, Row> {
    private static final long serialVersionUID = 1L;

    private final SpecSource source;
    private final List<String> all;

    /**
     * @param all every negotiation id, in schedule order, as the driver saw them: a slice skips all but its own
     */
    PlaySlice(SpecSource source, List<String> all) {
        this.source = source;
        this.all = new ArrayList<>(all);
    }

    @Override
    public Iterator<Row> call(Iterator<String> ids) throws Exception {
        List<String> mine = new ArrayList<>();
        ids.forEachRemaining(mine::add);
        if (mine.isEmpty()) return Collections.emptyIterator();
        Tournament t = Tournament.load(source.spec());
        Set<String> known = new HashSet<>();
        for (Match m : t.matches()) known.add(m.id());
        for (String id : mine) {
            if (!known.contains(id)) {
                // the executor resolved other scenario files than the driver (a different folder, a glob that matches otherwise)
                throw new IllegalStateException("negotiation '" + id + "' is not in the tournament as this executor reads it (base "
                        + t.spec().base() + ", " + t.matches().size() + " negotiations, the driver had " + all.size()
                        + "): every machine must see the same specification and scenario files at the same path");
            }
        }
        Set<String> skip = new HashSet<>(known);
        skip.removeAll(mine);
        Map<String, List<ResultRow>> rows = new HashMap<>();
        LocalRunner.Summary s = LocalRunner.run(t, skip, 1, (m, r) -> rows.put(m.id(), r));
        if (s.interrupted()) throw new InterruptedException("interrupted while playing a slice of " + mine.size() + " negotiations");
        RecordComponent[] cs = ResultRow.class.getRecordComponents();
        List<Row> out = new ArrayList<>();
        for (String id : mine) {
            for (ResultRow r : rows.get(id)) {
                Object[] values = new Object[cs.length];
                for (int c = 0; c < cs.length; c++) values[c] = cs[c].getAccessor().invoke(r);
                out.add(RowFactory.create(values));
            }
        }
        return out.iterator();
    }
}
