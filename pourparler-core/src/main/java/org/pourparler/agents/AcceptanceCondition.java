package org.pourparler.agents;

/**
 * When an agent accepts: every standard acceptance condition compares the offered package's own
 * utility with a threshold, so a condition is its threshold. That makes one condition serve every
 * protocol: accepting an offer or a mediator's text (utility at or above the threshold), stating a
 * hidden acceptance in blind bidding (all packages at or above it) and committing a level in test
 * the waters. A {@link BoaAgent} never accepts a package its own profile rejects (below its
 * reservation value or across a red line), whatever the condition says.
 *
 * <pre>{@code
 * AcceptanceCondition ac = AcceptanceCondition.next().or(AcceptanceCondition.time(0.99));
 * }</pre>
 */
@FunctionalInterface
public interface AcceptanceCondition {

    /**
     * The least utility this condition accepts now.
     *
     * @param state       what the agent knows
     * @param nextOffer   the utility of the offer the agent would make next
     */
    double threshold(AgentState state, double nextOffer);

    /** AC_next: accept what is at least as good as the agent's own next offer. */
    static AcceptanceCondition next() { return (s, next) -> next; }

    /** AC_next(α, β): accept x when {@code α·u(x) + β >= u(next)}. */
    static AcceptanceCondition next(double alpha, double beta) {
        if (!(alpha > 0)) throw new IllegalArgumentException("AC_next needs alpha > 0, but was " + alpha);
        return (s, next) -> (next - beta) / alpha;
    }

    /** AC_const(c): accept anything worth at least {@code c}. */
    static AcceptanceCondition constant(double c) { return (s, next) -> c; }

    /** AC_time(T): accept anything (the profile permitting) from normalised time {@code T} on; nothing before. */
    static AcceptanceCondition time(double t) {
        return (s, next) -> s.time() >= t ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** AC_prev: accept what is at least as good as the agent's own previous offer (its next offer before it made one). */
    static AcceptanceCondition previous() {
        return (s, next) -> s.ownOfferCount() == 0 ? next : s.lastOwnOffer();
    }

    /** Accept when both conditions accept (the larger threshold). */
    default AcceptanceCondition and(AcceptanceCondition other) {
        return (s, next) -> Math.max(threshold(s, next), other.threshold(s, next));
    }

    /** Accept when either condition accepts (the smaller threshold), e.g. AC_combi = next().or(time(T)). */
    default AcceptanceCondition or(AcceptanceCondition other) {
        return (s, next) -> Math.min(threshold(s, next), other.threshold(s, next));
    }
}
