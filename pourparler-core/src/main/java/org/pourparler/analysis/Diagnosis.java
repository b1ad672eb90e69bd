package org.pourparler.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Why there is no zone of agreement and what would open one.
 *
 * @param blockingSets    the smallest sets of parties whose reservation values and red lines are
 *                        already incompatible, each with the issues where they clash
 * @param uniformLowering the smallest amount by which lowering every reservation value opens a zone,
 *                        with the packages that would then become possible (empty when even lowering
 *                        cannot help because red lines exclude every outcome)
 * @param partyLowering   per party, the smallest lowering of that party's reservation value alone that
 *                        opens a zone (amount empty when none does)
 * @param redLinesToDrop  the red lines whose dropping alone opens a zone, with the packages it opens
 */
public record Diagnosis(List<BlockingSet> blockingSets, Optional<Move> uniformLowering, List<PartyMove> partyLowering,
                        List<RedLineMove> redLinesToDrop) {

    public Diagnosis {
        blockingSets = List.copyOf(blockingSets);
        Objects.requireNonNull(uniformLowering, "uniformLowering (empty, never null)");
        partyLowering = List.copyOf(partyLowering);
        redLinesToDrop = List.copyOf(redLinesToDrop);
    }

    /** A set of parties no outcome satisfies together, and the issues where they clash. */
    public record BlockingSet(List<String> parties, List<IssueClash> issues) { }

    /**
     * An issue on which the closest-to-feasible packages of a blocking set make its parties give up
     * utility: {@code losses[k]} is what party k (in the set's order) loses on this issue against its
     * best option, as a share of its total utility.
     */
    public record IssueClash(String issue, double[] losses) { }

    /**
     * A change of the given size, the packages it makes possible (the frontier of the zone it
     * opens), and the Nash package(s) of that zone, with the lowered reservation values as the
     * disagreement point.
     */
    public record Move(double amount, List<FrontierPoint> packages, List<FrontierPoint> nash) { }

    /** Lowering one party's reservation value. {@code amount} is empty when it cannot open a zone. */
    public record PartyMove(String party, OptionalDouble amount, List<FrontierPoint> packages, List<FrontierPoint> nash) {
        public PartyMove {
            Objects.requireNonNull(amount, "amount (empty, never null)");
        }
    }

    /** Dropping one red line of one party, and the Nash packages of the zone it opens. */
    public record RedLineMove(String party, String redLine, List<FrontierPoint> packages) { }
}
