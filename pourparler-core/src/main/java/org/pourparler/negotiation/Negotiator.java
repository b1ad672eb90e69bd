package org.pourparler.negotiation;

/**
 * An automated negotiator. Implement {@link #act}; {@link #start} is called once before the first
 * turn. A negotiator that throws, or returns an action the protocol does not allow, ends its
 * session with a recorded fault (docs/negotiation.md).
 *
 * <pre>{@code
 * // concede linearly from the best outcome to the reservation value; accept anything above target
 * final class Linear implements Negotiator {
 *     private OfferIndex index;
 *     public void start(NegotiationView v) { index = OfferIndex.of(v); }
 *     public Action act(NegotiationView v) {
 *         double target = index.max() - (index.max() - v.profile().reservation()) * v.time();
 *         if (v.standingOffer().isPresent() && v.profile().utility().utility(v.standingOffer().get()) >= target) {
 *             return Action.accept();
 *         }
 *         return Action.offer(index.atLeast(target));
 *     }
 * }
 * }</pre>
 */
public interface Negotiator {

    /** Called once, before the first turn. */
    default void start(NegotiationView view) { }

    /** This negotiator's move on its turn. */
    Action act(NegotiationView view);

    /** A short name for traces and reports. */
    default String name() {
        return getClass().getSimpleName();
    }
}
