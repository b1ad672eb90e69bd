package org.pourparler.model;

import java.util.Arrays;

/**
 * An immutable outcome (a package, a bid): one option index per issue of a domain, in issue order.
 * Hot paths work on the raw {@code int[]}; this type is for public APIs and collections.
 */
public final class Outcome {
    private final int[] values;

    private Outcome(int[] values) {
        this.values = values;
    }

    /** An outcome from option indexes (copied). */
    public static Outcome of(int... values) {
        return new Outcome(values.clone());
    }

    /** An outcome over an array no one else holds (no copy); for this package only. */
    static Outcome owning(int[] values) {
        return new Outcome(values);
    }

    /** Number of issues. */
    public int size() { return values.length; }

    /** The option index chosen on issue {@code issue}. */
    public int value(int issue) { return values[issue]; }

    /** A copy of the option indexes. */
    public int[] toArray() { return values.clone(); }

    /** The option indexes themselves, for evaluation in this package without a copy; never modified. */
    int[] values() { return values; }

    /** The labels of the chosen options, e.g. {@code [HP, 60 Gb, 19'' LCD]}. */
    public String describe(Domain domain) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) b.append(", ");
            b.append(domain.issue(i).label(values[i]));
        }
        return b.append(']').toString();
    }

    @Override public boolean equals(Object o) { return o instanceof Outcome x && Arrays.equals(x.values, values); }
    @Override public int hashCode() { return Arrays.hashCode(values); }
    @Override public String toString() { return Arrays.toString(values); }
}
