package org.pourparler.spark;

import java.io.Serializable;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.Scenarios;
import org.pourparler.isolation.ChildJvms;
import org.pourparler.tournament.Isolation;
import org.pourparler.tournament.LocalRunner;
import org.pourparler.tournament.Match;
import org.pourparler.tournament.ResultRow;
import org.pourparler.tournament.Tournament;
import org.pourparler.tournament.TournamentSpec;

/**
 * Plays one slice of a tournament's negotiations on an executor. It builds the tournament once for the
 * slice ({@link Tournament} is not serialisable), from the specification and only the scenarios the
 * slice needs: a negotiation's id and seed derive from its scenario's key, agents and repetition, not
 * from the scenario's position in the tournament, so a tournament over a subset of the scenarios holds
 * the same negotiations with the same seeds. It plays them through {@link LocalRunner} with one thread,
 * so faults and hangs are handled as in a local run, and negotiations of {@code class:} agents in
 * child JVMs of the executor ({@link ChildJvms}), as the CLI does.
 */
final class PlaySlice implements FlatMapFunction<Iterator<PlaySlice.Work>, Row> {
    private static final long serialVersionUID = 1L;

    /** One negotiation to play: its id and its scenario's index in the driver's tournament. */
    record Work(String id, int scenario) implements Serializable { }

    /** Where a scenario of the driver's tournament comes from: its key, its path relative to the specification's folder, its domain. */
    record ScenarioFile(String key, String path, String domain) implements Serializable { }

    private final SpecSource source;
    private final List<ScenarioFile> scenarios;

    PlaySlice(SpecSource source, List<ScenarioFile> scenarios) {
        this.source = source;
        this.scenarios = new ArrayList<>(scenarios);
    }

    /** The scenario files of a loaded tournament, by index: its keys are "path" or "path#domain". */
    static List<ScenarioFile> files(Tournament t) {
        Set<String> domains = new HashSet<>();
        for (TournamentSpec.ScenarioRef r : t.spec().scenarios()) if (r.domain() != null) domains.add(r.domain());
        List<ScenarioFile> out = new ArrayList<>();
        for (Tournament.Entry e : t.scenarios()) {
            String key = e.key();
            ScenarioFile f = new ScenarioFile(key, key, null);
            for (String d : domains) {
                if (key.endsWith("#" + d)) f = new ScenarioFile(key, key.substring(0, key.length() - d.length() - 1), d);
            }
            out.add(f);
        }
        return out;
    }

    @Override
    public Iterator<Row> call(Iterator<Work> work) throws Exception {
        List<Work> mine = new ArrayList<>();
        work.forEachRemaining(mine::add);
        if (mine.isEmpty()) return Collections.emptyIterator();
        TournamentSpec spec = source.spec();
        TreeSet<Integer> needed = new TreeSet<>();          // in the driver's order, like the full schedule
        for (Work w : mine) needed.add(w.scenario());
        List<Tournament.Entry> entries = new ArrayList<>();
        for (int i : needed) entries.add(read(spec, scenarios.get(i)));
        Tournament t = Tournament.of(spec, entries);
        Set<String> known = new HashSet<>();
        for (Match m : t.matches()) known.add(m.id());
        Set<String> ids = new HashSet<>();
        for (Work w : mine) {
            ids.add(w.id());
            if (!known.contains(w.id())) {
                throw new IllegalStateException("negotiation '" + w.id() + "' is not in the tournament as this executor reads it (base "
                        + spec.base() + "): every machine must see the same specification and scenario files at the same path");
            }
        }
        Set<String> skip = new HashSet<>(known);
        skip.removeAll(ids);
        Map<String, List<ResultRow>> rows = new HashMap<>();
        LocalRunner.Summary s;
        // class: agents play in child JVMs of this executor, so their System.exit cannot end the executor
        try (ChildJvms isolation = ChildJvms.needed(t) ? new ChildJvms(t) : null) {
            s = LocalRunner.run(t, skip, 1, (m, r, seconds) -> rows.put(m.id(), r), isolation == null ? Isolation.NONE : isolation);
        }
        if (s.interrupted()) throw new InterruptedException("interrupted while playing a slice of " + mine.size() + " negotiations");
        RecordComponent[] cs = ResultRow.class.getRecordComponents();
        List<Row> out = new ArrayList<>();
        for (Work w : mine) {
            for (ResultRow r : rows.get(w.id())) {
                Object[] values = new Object[cs.length];
                for (int c = 0; c < cs.length; c++) values[c] = cs[c].getAccessor().invoke(r);
                out.add(RowFactory.create(values));
            }
        }
        return out.iterator();
    }

    private static Tournament.Entry read(TournamentSpec spec, ScenarioFile f) throws ScenarioFormatException {
        return new Tournament.Entry(f.key(), Scenarios.read(spec.base().resolve(f.path()).normalize(), f.domain(), spec.conventions()).scenario());
    }
}
