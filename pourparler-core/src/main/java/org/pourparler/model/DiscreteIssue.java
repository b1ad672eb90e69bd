package org.pourparler.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An issue whose options are labels, in the order given. */
public final class DiscreteIssue implements Issue {
    private final String name;
    private final List<String> values;
    private final Map<String, Integer> index;

    public DiscreteIssue(String name, List<String> values) {
        this.name = Issue.checkName(name);
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("Issue '" + name + "' must have at least one option");
        }
        this.values = List.copyOf(values);
        this.index = new HashMap<>(this.values.size() * 2);
        for (int i = 0; i < this.values.size(); i++) {
            String v = this.values.get(i);
            if (index.putIfAbsent(v, i) != null) {
                throw new IllegalArgumentException("Issue '" + name + "' lists option '" + v + "' twice");
            }
        }
    }

    @Override public String name() { return name; }
    @Override public Type type() { return Type.DISCRETE; }
    @Override public int size() { return values.size(); }

    /** The options, in index order. */
    public List<String> values() { return values; }

    @Override
    public String label(int i) {
        Issue.checkIndex(this, i);
        return values.get(i);
    }

    @Override
    public int indexOf(String label) {
        Integer i = index.get(label);
        return i == null ? -1 : i;
    }

    @Override
    public double numericValue(int index) {
        throw new UnsupportedOperationException("Issue '" + name + "' is discrete: its options have no numeric value");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiscreteIssue d && d.name.equals(name) && d.values.equals(values);
    }

    @Override public int hashCode() { return name.hashCode() * 31 + values.hashCode(); }

    @Override public String toString() { return name + " " + values; }
}
