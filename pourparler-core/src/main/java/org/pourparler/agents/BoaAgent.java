package org.pourparler.agents;

import org.pourparler.model.Outcome;
import org.pourparler.negotiation.Acceptance;
import org.pourparler.negotiation.Action;
import org.pourparler.negotiation.NegotiationView;
import org.pourparler.negotiation.Negotiator;

/**
 * An agent assembled from a bidding (offering) strategy, an acceptance condition and an optional
 * opponent model (the BOA architecture of Baarslag et al.), playing every protocol:
 * <ul>
 *   <li>alternating offers: accept the standing offer when the condition and the profile accept it,
 *       else offer the strategy's package;</li>
 *   <li>single text: accept the mediator's text on the same test, else reject it;</li>
 *   <li>blind bidding: propose the strategy's package and state as hidden acceptance every package at
 *       or above the condition's threshold (never below the reservation value);</li>
 *   <li>test the waters: commit that threshold (never raising it) and the profile's red lines; with k
 *       probes, probe whenever the committed level has fallen by 1/k of the way from the best
 *       utility to the reservation value since the last probe, and in the last round (time-only
 *       deadline: from t = 0.99) while probes are left.</li>
 * </ul>
 * One instance plays one session at a time; {@link #start} resets it.
 *
 * <pre>{@code
 * Negotiator a = new BoaAgent("Boulware+combi", new TimeDependentOffering(0.2),
 *         AcceptanceCondition.next().or(AcceptanceCondition.time(0.98)), FrequencyModel::new);
 * }</pre>
 */
public final class BoaAgent implements Negotiator {
    private final String name;
    private final OfferingStrategy offering;
    private final AcceptanceCondition acceptance;
    private final OpponentModel.Factory models;
    private AgentState state;
    private int probes;
    private double lastProbeLevel;
    private double span;

    /**
     * @param models one opponent model per opponent is made from this, or null for none
     */
    public BoaAgent(String name, OfferingStrategy offering, AcceptanceCondition acceptance, OpponentModel.Factory models) {
        if (name == null || offering == null || acceptance == null) {
            throw new IllegalArgumentException("A BOA agent needs a name, an offering strategy and an acceptance condition");
        }
        this.name = name;
        this.offering = offering;
        this.acceptance = acceptance;
        this.models = models;
    }

    public OfferingStrategy offering() { return offering; }

    public AcceptanceCondition acceptance() { return acceptance; }

    @Override
    public void start(NegotiationView view) {
        state = new AgentState(view, OfferIndex.of(view), models);
        probes = view.probesLeft();
        lastProbeLevel = state.index().max();
        span = Math.max(0, lastProbeLevel - Math.max(view.profile().reservation(), state.index().min()));
        offering.start(state);
    }

    @Override
    public Action act(NegotiationView view) {
        state.observe();
        Outcome next = offering.offer(state);
        double threshold = acceptance.threshold(state, state.utility(next));
        if (view.conventions().floorsAcceptanceAtReservation()) threshold = Math.max(threshold, view.reservationFloor());
        return switch (view.protocol()) {
            case ALTERNATING -> {
                var standing = view.standingOffer();
                yield standing.isPresent() && view.standingOfferBy() != view.self() && accepts(view, standing.get(), threshold)
                        ? Action.accept() : Action.offer(next);
            }
            case SINGLE_TEXT -> accepts(view, view.standingOffer().orElseThrow(), threshold) ? Action.accept() : Action.reject();
            case BLIND -> Action.bid(next, Acceptance.atLeast(threshold));
            case TEST_THE_WATERS -> {
                double accepting = Math.min(threshold, Math.nextUp(state.index().max()));   // "nothing yet" stays a finite level
                double level = view.commitment().map(c -> Math.min(c.level(), accepting)).orElse(accepting);
                int rounds = view.deadline().rounds();
                boolean last = rounds > 0 ? view.round() == rounds - 1 : view.time() >= 0.99;
                boolean probe = view.probesLeft() > 0 && (last || lastProbeLevel - level >= span / probes);
                if (probe) lastProbeLevel = level;
                yield Action.commit(level, view.profile().redLines(), probe);
            }
        };
    }

    private static boolean accepts(NegotiationView view, Outcome o, double threshold) {
        return view.profile().utility().utility(o) >= threshold && !view.profile().crossesRedLine(o);
    }

    @Override public String name() { return name; }
}
