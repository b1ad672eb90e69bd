package org.pourparler.model;

/**
 * A party's utility over the outcomes of a domain. Implementations are immutable and thread-safe;
 * {@link #utility(int[])} is the hot path and must not allocate.
 */
public sealed interface UtilityFunction permits LinearAdditiveUtility, HyperRectangleUtility, SumOfGroupsUtility {

    Domain domain();

    /** The utility of the outcome with these option indexes (one per issue, not checked). */
    double utility(int[] outcome);

    default double utility(Outcome outcome) {
        return utility(outcome.values());
    }

    /** A short name of the kind, as shown to users: "linear-additive", "hyper-rectangle", "sum-of-groups". */
    String kind();
}
