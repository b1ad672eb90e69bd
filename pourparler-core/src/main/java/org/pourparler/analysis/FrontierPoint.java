package org.pourparler.analysis;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * One point of a Pareto frontier: a utility vector (one entry per party, in party order), the
 * exact number of outcomes that attain it ({@code tied}), and up to a requested limit of them.
 */
public record FrontierPoint(double[] utilities, BigInteger tied, List<int[]> outcomes) {
    public FrontierPoint {
        utilities = utilities.clone();
        outcomes = outcomes.stream().map(int[]::clone).toList();
    }

    @Override public double[] utilities() { return utilities.clone(); }

    public double utility(int party) { return utilities[party]; }

    /** The listed outcomes (copies); fewer than {@link #tied()} when a limit cut the list. */
    @Override public List<int[]> outcomes() { return outcomes.stream().map(int[]::clone).toList(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrontierPoint p && Arrays.equals(p.utilities, utilities) && p.tied.equals(tied);
    }

    @Override public int hashCode() { return Arrays.hashCode(utilities); }

    @Override public String toString() { return Arrays.toString(utilities) + " x" + tied; }
}
